package org.listgraph.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What a store folder takes on disk, and its TDB2 generation. TDB2 preallocates sparse files, so
 * their length says nothing about the space used: {@code du} does, where the system has it.
 */
final class SizeOf {
    private SizeOf() {
    }

    /** "3.1M on disk", or "" when du is not available. */
    static String onDisk(Path dir) {
        try {
            Process p = new ProcessBuilder("du", "-sh", dir.toString()).redirectErrorStream(true).start();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) return "";
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return out.split("\\s+")[0] + " on disk";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** The newest Data-NNNN folder of a TDB2 store. */
    static String generation(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("Data-")).max(String::compareTo).orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }
}
