package org.listgraph.export;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Atomic writes: a regular file is replaced whole; a device or pipe (-o /dev/null) is written into, never replaced. */
class AtomicFileTest {
    @TempDir
    Path tmp;

    @Test
    void aRegularFileIsReplacedWholeWithNoTemporaryFileLeft() throws IOException {
        Path f = tmp.resolve("out.ttl");
        Files.writeString(f, "old");
        AtomicFile.write(f, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));
        assertEquals("new", Files.readString(f));
        try (var files = Files.list(tmp)) {
            assertEquals(1, files.count(), "no temporary file is left");
        }
    }

    @Test
    void aFileSystemRefusalWithoutAReasonIsSaidInWordsNotByAnExceptionsName() {
        // /proc lets no file be made in it, and says so with a bare NoSuchFileException.
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "a Linux /proc is needed here");
        var e = org.junit.jupiter.api.Assertions.assertThrows(java.io.UncheckedIOException.class,
                () -> AtomicFile.write(Path.of("/proc/listgraph-test.ttl"), out -> out.write(1)));
        assertEquals("cannot write /proc/listgraph-test.ttl (no such folder, or files cannot be made there); check the output path", e.getMessage());
    }

    @Test
    void aNamedPipeIsWrittenIntoAndStaysAPipe() throws Exception {
        Path fifo = tmp.resolve("pipe");
        boolean made;
        try {
            made = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0;
        } catch (IOException e) {
            made = false;
        }
        assumeTrue(made, "mkfifo is not available here");
        CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(fifo);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        AtomicFile.write(fifo, out -> out.write("through the pipe".getBytes(StandardCharsets.UTF_8)));
        assertEquals("through the pipe", read.get(10, TimeUnit.SECONDS));
        assertFalse(Files.isRegularFile(fifo), "the pipe was not replaced by a file");
        assertTrue(Files.exists(fifo));
    }
}
