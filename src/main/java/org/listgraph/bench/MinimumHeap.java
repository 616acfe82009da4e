package org.listgraph.bench;

import java.util.function.IntFunction;

/**
 * The smallest maximum heap (-Xmx, in MB) at which a run completes: the largest heap is tried first (a run that fails
 * there fails for want of more than memory), then heaps doubling from the smallest until one completes, then bisection
 * between the last that failed and the first that completed. Each probe is a whole run in a fresh JVM, so the answer
 * is what a user with that heap would see, garbage collector and all. Doubling from the bottom takes a few probes where
 * the answer is small (most corpora), where bisecting down from a many-gigabyte top took ten.
 */
public final class MinimumHeap {
    /** One probe: whether the run completed with that heap, and how long it took. */
    public record Probe(boolean completed, double seconds) {
    }

    /** The smallest heap that completed (0 when even {@code highMb} did not), the run's time there, and the probes made. */
    public record Result(int megabytes, double seconds, int probes) {
    }

    private MinimumHeap() {
    }

    /**
     * Searches between {@code lowMb} and {@code highMb} until the gap between a heap that fails and one that completes
     * is at most {@code stepMb} or a tenth of the answer, whichever is larger (a build near its limit runs slowly; finer
     * steps cost more than they tell).
     */
    public static Result find(int lowMb, int highMb, int stepMb, IntFunction<Probe> run) {
        if (lowMb < 1 || highMb < lowMb || stepMb < 1) throw new IllegalArgumentException("need 1 <= low <= high and step >= 1");
        int probes = 1;
        Probe top = run.apply(highMb);
        if (!top.completed()) return new Result(0, top.seconds(), probes);
        int fails = lowMb - 1, completes = highMb;
        double seconds = top.seconds();
        // Doubling up from the bottom until a heap completes (it bounds the answer from above), then bisecting.
        boolean doubling = true;
        int next = lowMb;
        while (completes - fails > Math.max(stepMb, completes / 10)) {
            int mb = doubling && next < completes ? next : fails + (completes - fails) / 2;
            Probe p = run.apply(mb);
            probes++;
            if (p.completed()) {
                completes = mb;
                seconds = p.seconds();
                doubling = false;
            } else {
                fails = mb;
                next = (int) Math.min((long) mb * 2, completes);
            }
        }
        return new Result(completes, seconds, probes);
    }
}
