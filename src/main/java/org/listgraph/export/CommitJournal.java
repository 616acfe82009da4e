package org.listgraph.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

/**
 * Makes several staged files follow a store commit all together: before the store commits, a
 * journal naming the staged files and the state the store is about to reach is written whole; after
 * the renames it is deleted. A run killed in between leaves the journal, and the next command that
 * opens the store finishes the renames if the store reached that state, or drops the staged files if
 * it did not, so the files never stay a mix of two builds.
 */
public final class CommitJournal {
    private static final String HEADER = "listgraph commit journal 1";

    private CommitJournal() {
    }

    /**
     * Writes the journal (atomically) for {@code files}, all in the journal's folder, to be put in
     * place once the store reaches {@code state} (an opaque line the store can recognise).
     */
    public static void write(Path journal, String state, List<AtomicFile.Staged> files) {
        if (state.contains("\n")) throw new IllegalArgumentException("a state is one line");
        Path dir = journal.toAbsolutePath().getParent();
        StringBuilder text = new StringBuilder(HEADER).append('\n').append(state).append('\n');
        for (AtomicFile.Staged f : files) {
            if (!f.target().toAbsolutePath().getParent().equals(dir)) {
                throw new IllegalArgumentException(f.target() + " is not in the journal's folder " + dir);
            }
            text.append(f.temporary().getFileName()).append('\t').append(f.target().getFileName()).append('\n');
        }
        AtomicFile.write(journal, o -> o.write(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** Deletes the journal once every file is in place. */
    public static void done(Path journal) {
        try {
            Files.deleteIfExists(journal);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + journal + " (" + e.getMessage() + "); delete it by hand", e);
        }
    }

    /**
     * Finishes what a killed run left: when {@code journal} exists, renames its staged files into
     * place if {@code reached} says the store is in the journal's state, else deletes them; then
     * deletes the journal. Does nothing when there is no journal; running it twice is harmless.
     * Returns whether the files were rolled forward.
     */
    public static boolean recover(Path journal, Predicate<String> reached) {
        if (!Files.isRegularFile(journal)) return false;
        Path dir = journal.toAbsolutePath().getParent();
        List<String> lines;
        try {
            lines = Files.readAllLines(journal, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw failure(dir, e);
        }
        if (lines.size() < 2 || !lines.get(0).equals(HEADER)) {
            throw new UncheckedIOException(journal + " is not a listgraph commit journal; move it away and run 'build' again",
                    new IOException("unknown journal"));
        }
        // Every line must name a temporary file of this folder and its target there, as write() makes them: a journal
        // edited or planted by someone else must not move or delete any other file.
        List<String[]> moves = new java.util.ArrayList<>();
        for (String line : lines.subList(2, lines.size())) {
            String[] names = line.split("\t", -1);
            if (names.length != 2 || !plainName(names[1]) || !names[0].matches("\\." + java.util.regex.Pattern.quote(names[1]) + "\\.\\d+\\.\\d+\\.tmp")) {
                throw new UncheckedIOException(journal + " names a file it cannot have written (" + line.replace('\t', ' ')
                        + "); move the journal away and run 'build' again", new IOException("bad journal line"));
            }
            moves.add(names);
        }
        try {
            boolean forward = reached.test(lines.get(1));
            for (String[] names : moves) {
                Path tmp = dir.resolve(names[0]);
                // A file already renamed before the kill has no temporary file left: nothing to do for it.
                if (!Files.exists(tmp)) continue;
                if (forward) AtomicFile.replace(tmp, dir.resolve(names[1]));
                else Files.delete(tmp);
            }
            Files.delete(journal);
            return forward;
        } catch (IOException e) {
            throw failure(dir, e);
        }
    }

    /** A file name without a folder: no separator, not {@code .} or {@code ..}. */
    private static boolean plainName(String name) {
        return !name.isEmpty() && !name.equals(".") && !name.equals("..") && name.indexOf('/') < 0 && name.indexOf('\\') < 0
                && name.indexOf('\0') < 0;
    }

    private static UncheckedIOException failure(Path dir, IOException e) {
        return new UncheckedIOException("cannot finish the output files of an interrupted build in " + dir + " (" + e.getMessage()
                + "); check that folder's permissions and free space, then run 'build' again", e);
    }
}
