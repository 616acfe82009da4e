package org.listgraph.cli;

import org.listgraph.bench.MinimumHeap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One listgraph command in a child JVM with a given maximum heap and the launcher's collector: a probe of {@code bench run --min-heap}. */
final class ChildBuild {
    private ChildBuild() {
    }

    /**
     * Runs {@code args} (a build writing into {@code output}, emptied first) with {@code -Xmx<megabytes>m}; it completed
     * when it exits 0 within {@code deadlineSeconds}. Its output goes to {@code log}, replaced each time.
     */
    static MinimumHeap.Probe run(int megabytes, List<String> args, Path output, Path log, long deadlineSeconds) {
        clear(output);
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-XX:+UseSerialGC",
                "-Xmx" + megabytes + "m", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args);
        long start = System.nanoTime();
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean done = p.waitFor(deadlineSeconds, TimeUnit.SECONDS);
            if (!done) {
                p.destroyForcibly().waitFor();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new MinimumHeap.Probe(done && p.exitValue() == Main.OK, seconds);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a build probed the heap", e);
        } finally {
            clear(output);
        }
    }

    private static void clear(Path dir) {
        if (java.nio.file.Files.exists(dir)) BenchCommand.Run.delete(dir);
    }
}
