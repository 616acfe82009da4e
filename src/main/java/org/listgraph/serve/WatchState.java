package org.listgraph.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.List;

/**
 * What a watching server's rebuilds have done, for the query page ({@code /page/watch.json}): how many rebuilds have
 * committed, whether one is running, and what the last one said when it stopped (its problem lines, shown as text).
 */
public final class WatchState {
    /** The most problem lines kept for the page: a broken list is one line; a hundred warnings need not all be there. */
    static final int MOST_LINES = 50;
    private boolean watching;
    private int generation;
    private String state = "serving";
    private Instant at = Instant.now();
    private List<String> problems = List.of();

    /** Marks the server as one that watches its lists. */
    public synchronized void watching() {
        watching = true;
    }

    /** A rebuild has started; queries still answer from the last committed state. */
    public synchronized void rebuilding() {
        state = "rebuilding";
        at = Instant.now();
    }

    /**
     * A rebuild has finished: {@code changed} when it committed new data (an edit that changed nothing, a save of the
     * same text, does not count). {@code problems}: what it printed (warnings).
     */
    public synchronized void rebuilt(boolean changed, List<String> problems) {
        if (changed) generation++;
        settle("serving", problems);
    }

    /** A rebuild stopped (a broken list): the state before it is still served; {@code problems} says why. */
    public synchronized void failed(List<String> problems) {
        settle("failed", problems);
    }

    private void settle(String now, List<String> lines) {
        state = now;
        at = Instant.now();
        problems = List.copyOf(lines.subList(Math.max(0, lines.size() - MOST_LINES), lines.size())); // the last: a failure's line ends them
    }

    /** As JSON: {@code {"watching":…,"generation":…,"state":"serving|rebuilding|failed","at":"…","problems":[…]}}. */
    synchronized byte[] json(ObjectMapper mapper) throws com.fasterxml.jackson.core.JsonProcessingException {
        ObjectNode o = mapper.createObjectNode().put("watching", watching).put("generation", generation).put("state", state)
                .put("at", at.toString());
        problems.forEach(o.putArray("problems")::add);
        return mapper.writeValueAsBytes(o);
    }
}
