package org.listgraph.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Wall time per step of a command, for {@code --timings}: where a slow build spends its time. */
final class Timings {
    private final List<String> laps = new ArrayList<>();
    private long last = System.nanoTime();

    /** Ends the current step, naming it. */
    void lap(String step) {
        long now = System.nanoTime();
        laps.add(String.format(Locale.ROOT, "%s %.2f s", step, (now - last) / 1e9));
        last = now;
    }

    /** The steps so far, "convert 1.20 s, store 3.40 s". */
    String steps() {
        return String.join(", ", laps);
    }

    @Override
    public String toString() {
        return "timings: " + steps();
    }
}
