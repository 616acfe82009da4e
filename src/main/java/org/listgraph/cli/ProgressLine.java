package org.listgraph.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One self-overwriting status line on stderr for long work: shown only when stderr is a terminal
 * and the work has run for two seconds, so scripts and logs never see it ({@code LISTGRAPH_PROGRESS}
 * = {@code never} turns it off, {@code always} shows it at once even without a terminal).
 */
final class ProgressLine implements Consumer<String> {
    private static final long DELAY_NANOS = 2_000_000_000L, EVERY_NANOS = 200_000_000L;
    private final PrintWriter err;
    private final boolean on;
    private final long start = System.nanoTime();
    private final long delay;
    private long lastShown;
    private int width;
    private String phase = "";

    ProgressLine(PrintWriter err, Map<String, String> env) {
        this.err = err;
        String mode = env.getOrDefault("LISTGRAPH_PROGRESS", "auto");
        this.on = mode.equals("always") || !mode.equals("never") && System.console() != null;
        this.delay = mode.equals("always") ? 0 : DELAY_NANOS;
    }

    @Override
    public void accept(String status) {
        if (!on) return;
        long now = System.nanoTime();
        // Counts within a phase ("reading lists 3/40") are shown five times a second; a new phase always at once.
        String phaseNow = status.split("\\d", 2)[0];
        boolean samePhase = phaseNow.equals(phase);
        if (now - start < delay || samePhase && now - lastShown < EVERY_NANOS && width > 0) return;
        lastShown = now;
        phase = phaseNow;
        String text = "listgraph: " + status + "…";
        err.print("\r" + text + " ".repeat(Math.max(0, width - text.length())));
        err.flush();
        width = text.length();
    }

    /** Clears the line, so the summary that follows starts clean. */
    void done() {
        if (width == 0) return;
        err.print("\r" + " ".repeat(width) + "\r");
        err.flush();
        width = 0;
        phase = "";
    }
}
