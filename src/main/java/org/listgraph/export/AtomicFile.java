package org.listgraph.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a file under a temporary name in the same folder and renames it into place, so readers never see half a file. */
public final class AtomicFile {
    /** What writes the content. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFile() {
    }

    /** A temporary name as {@link #stage} makes it: {@code .NAME.PID.NANOS.tmp}. */
    private static final java.util.regex.Pattern TEMPORARY = java.util.regex.Pattern.compile("^\\.(.+)\\.(\\d{1,19})\\.-?\\d{1,19}\\.tmp$");

    /** Deletes temporary files of {@code name} left by processes that were killed while writing it. */
    private static void removeLeftovers(Path dir, String name) throws IOException {
        removeLeftovers(dir, name::equals);
    }

    /**
     * Deletes the temporary files of {@code names} in {@code dir} left by a process that was killed
     * while writing them (its process is gone); returns how many. Files of a running process, and any
     * other file, stay.
     */
    public static int removeLeftovers(Path dir, java.util.Set<String> names) {
        try {
            return removeLeftovers(dir, names::contains);
        } catch (IOException e) {
            return 0; // tidying up is best effort: the next write of each file removes its leftovers too
        }
    }

    private static int removeLeftovers(Path dir, java.util.function.Predicate<String> named) throws IOException {
        int removed = 0;
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                java.util.regex.Matcher m = TEMPORARY.matcher(f.getFileName().toString());
                if (!m.matches() || !named.test(m.group(1)) || !Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)) continue;
                long pid;
                try {
                    pid = Long.parseLong(m.group(2));
                } catch (NumberFormatException e) {
                    continue;
                }
                if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) continue; // still being written
                if (Files.deleteIfExists(f)) removed++;
            }
        }
        return removed;
    }

    /**
     * Writes {@code target} whole or not at all: under a temporary name, then renamed into place. A target that
     * exists and is no regular file ({@code -o /dev/null}, a named pipe) is written straight into: renaming over
     * it would replace the device with a file (as root, {@code /dev/null} itself).
     */
    public static void write(Path target, Content content) {
        if (Files.exists(target) && !Files.isRegularFile(target) && !Files.isDirectory(target)) {
            try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(target))) {
                content.writeTo(out);
            } catch (IOException e) {
                throw failure(target, e);
            }
            return;
        }
        try (Staged staged = stage(target, content)) {
            staged.commit();
        }
    }

    /**
     * Writes the content under a temporary name next to {@code target}, to be renamed into place
     * by {@link Staged#commit()} once everything it goes with has succeeded; closing an uncommitted
     * file deletes it. The caller commits or closes on its own thread.
     */
    public static Staged stage(Path target, Content content) {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            removeLeftovers(dir, target.getFileName().toString());
            // Not createTempFile: its 0600 mode would stay on the renamed file; this one follows the umask.
            tmp = dir.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "." + System.nanoTime() + ".tmp");
            try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp, java.nio.file.StandardOpenOption.CREATE_NEW))) {
                content.writeTo(out);
            }
            Staged staged = new Staged(target, tmp);
            tmp = null;
            return staged;
        } catch (IOException e) {
            throw failure(target, e);
        } catch (RuntimeException e) {
            // Writers that wrap the stream (Jena's RIOT, say) rethrow its IOException unchecked: still a file that cannot be written.
            if (e.getCause() instanceof IOException io) throw failure(target, io);
            throw e;
        } finally {
            deleteQuietly(tmp);
        }
    }

    /** A file written under its temporary name, waiting to be renamed into place. */
    public static final class Staged implements AutoCloseable {
        private final Path target;
        private Path tmp;

        private Staged(Path target, Path tmp) {
            this.target = target;
            this.tmp = tmp;
        }

        /** Renames the file into place (atomically where the file system can). */
        public void commit() {
            if (tmp == null) throw new IllegalStateException(target + " was already committed or discarded");
            try {
                replace(tmp, target);
                tmp = null;
            } catch (IOException e) {
                throw failure(target, e);
            }
        }

        /** Where the file goes. */
        public Path target() {
            return target;
        }

        /** Where the file is written until it is committed. */
        Path temporary() {
            if (tmp == null) throw new IllegalStateException(target + " was already committed or discarded");
            return tmp;
        }

        /** Deletes the temporary file unless it was committed. */
        @Override
        public void close() {
            deleteQuietly(tmp);
            tmp = null;
        }
    }

    /** Renames {@code tmp} onto {@code target}, atomically where the file system can. */
    static void replace(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static UncheckedIOException failure(Path target, IOException e) {
        // A full disk or a size limit comes as a plain IOException whose message is the system's reason.
        String reason = e instanceof java.nio.file.FileSystemException fs ? fs.getReason() : e.getMessage();
        String lower = reason == null ? "" : reason.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("no space left") || lower.contains("disk quota")) {
            return new UncheckedIOException("cannot write " + target + " (no space left on device); free space or use --output elsewhere", e);
        }
        if (lower.contains("file too large")) {
            return new UncheckedIOException("cannot write " + target + " (file too large for this file system or its limit); "
                    + "raise the limit (ulimit -f) or use --output elsewhere", e);
        }
        if (lower.contains("read-only file system")) {
            return new UncheckedIOException("cannot write " + target + " (read-only file system); use --output on a writable folder", e);
        }
        // In words, never an exception's name: most of these carry no reason of their own.
        String why = e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                : e instanceof java.nio.file.FileAlreadyExistsException || e instanceof java.nio.file.NotDirectoryException
                ? "a file is in the way of the folder"
                : e instanceof java.nio.file.NoSuchFileException ? "no such folder, or files cannot be made there"
                : e instanceof java.nio.file.DirectoryNotEmptyException ? "a folder is in the way of the file"
                : e instanceof java.nio.file.FileSystemLoopException ? "a loop of symbolic links"
                : reason != null && !reason.isBlank() ? reason
                : "an input/output error";
        return new UncheckedIOException("cannot write " + target + " (" + why + "); check the output path", e);
    }

    private static void deleteQuietly(Path tmp) {
        if (tmp == null) return;
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
            // the original error matters more
        }
    }
}
