package org.listgraph.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.listgraph.entry.EntryHistory;
import org.listgraph.entry.GitCommit;
import org.listgraph.export.AtomicFile;
import org.listgraph.identity.ListTimeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code history} read last time, kept in {@code OUTPUT/cache/history.json} so the next run reads only newer
 * commits: each list's timeline (where it stopped, its entries) and the commits they name. A file that cannot be read
 * as one (damaged, or written by another version) is set aside silently: the history is read again from the start.
 */
final class HistoryState {
    static final String FILE = "cache/history.json";
    private static final int FORMAT = 1;
    final Map<String, ListTimeline> lists = new TreeMap<>();
    final Map<String, GitCommit> commits = new TreeMap<>();
    /** Each list's file (its path in the repository) when it was last read: a list given another file is read again. */
    final Map<String, String> paths = new TreeMap<>();

    /** The state saved under {@code output}, or an empty one. */
    static HistoryState read(Path output) {
        HistoryState s = new HistoryState();
        Path file = output.resolve(FILE);
        if (!Files.isRegularFile(file)) return s;
        try {
            JsonNode root = new ObjectMapper().readTree(file.toFile());
            // Another listgraph may compare URLs another way: what it kept is read again rather than mixed in.
            if (root.path("format").asInt() != FORMAT || !root.path("version").asText().equals(Main.version())) return new HistoryState();
            for (JsonNode c : root.path("commits")) {
                GitCommit commit = new GitCommit(c.get("id").asText(), Instant.parse(c.get("time").asText()), c.get("author").asText(),
                        c.get("authorKey").asText(), c.get("subject").asText());
                s.commits.put(commit.id(), commit);
            }
            for (JsonNode l : root.path("lists")) {
                String id = l.get("id").asText();
                List<EntryHistory> entries = new ArrayList<>();
                for (JsonNode e : l.path("entries")) {
                    entries.add(new EntryHistory(id, e.get("canonical").asText(), e.get("url").asText(), text(e, "label"),
                            e.get("added").asText(), text(e, "removed")));
                }
                for (EntryHistory e : entries) {
                    if (!s.commits.containsKey(e.addedIn()) || e.removed() && !s.commits.containsKey(e.removedIn())) return new HistoryState();
                }
                s.lists.put(id, ListTimeline.resume(id, entries, text(l, "lastCommit"), text(l, "lastBlob")));
                if (text(l, "path") != null) s.paths.put(id, text(l, "path"));
            }
            return s;
        } catch (IOException | RuntimeException e) {
            return new HistoryState(); // never trusted when it cannot be read whole: read the history again
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** Saves the state under {@code output}, written whole or not at all. */
    void write(Path output) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode().put("format", FORMAT).put("version", Main.version());
        ArrayNode cs = root.putArray("commits");
        for (GitCommit c : commits.values()) {
            cs.addObject().put("id", c.id()).put("time", c.time().toString()).put("author", c.author()).put("authorKey", c.authorKey())
                    .put("subject", c.subject());
        }
        ArrayNode ls = root.putArray("lists");
        for (ListTimeline t : lists.values()) {
            ObjectNode l = ls.addObject().put("id", t.listId()).put("path", paths.get(t.listId())).put("lastCommit", t.lastCommit())
                    .put("lastBlob", t.lastBlob());
            ArrayNode es = l.putArray("entries");
            for (EntryHistory e : t.entries()) {
                es.addObject().put("canonical", e.canonicalUrl()).put("url", e.url()).put("label", e.label()).put("added", e.addedIn())
                        .put("removed", e.removedIn());
            }
        }
        try {
            Files.createDirectories(output.resolve(FILE).getParent());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        AtomicFile.write(output.resolve(FILE), o -> o.write(json.writeValueAsBytes(root)));
    }
}
