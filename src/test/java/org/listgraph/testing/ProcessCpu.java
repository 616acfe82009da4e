package org.listgraph.testing;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/** How busy this JVM (an in-process server and its test) is: what tests assert to show a query has stopped. */
public final class ProcessCpu {
    private ProcessCpu() {
    }

    /** Cores this JVM used over the next {@code millis}. */
    public static double cores(long millis) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return (os.getProcessCpuTime() - cpu) / (millis * 1e6);
    }

    /** Fails unless, within {@code limit}, the JVM uses under a fifth of a core over some 500 ms window. */
    public static void assertIdleWithin(Duration limit, String what) {
        double worst = 0;
        long until = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < until) {
            double c = cores(500);
            if (c < 0.2) return;
            worst = c;
        }
        throw new AssertionError(what + ": the server still uses " + worst + " cores " + limit.toSeconds() + " s later");
    }
}
