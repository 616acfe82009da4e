package org.listgraph.cli;

import org.listgraph.store.TdbStore;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds whether a local build has nothing to do: the inputs' fingerprint is the one the last build recorded,
 * the store is still in the state that build committed, and every output file still has the bytes it wrote.
 * Anything else (no record, a damaged or stale one, an edited output file, a store changed by 'load') means a
 * normal build, so the record is never trusted beyond what is checked.
 */
final class UnchangedBuild {
    private UnchangedBuild() {
    }

    /** The recorded state when nothing changed, else empty. Opening the store first settles a killed build's files. */
    static Optional<BuildState> find(Path output, Path db, String base, String inputs) {
        Optional<BuildState> recorded = BuildState.read(output);
        if (recorded.isEmpty() || !recorded.get().inputs().equals(inputs) || !java.nio.file.Files.isDirectory(db)) return Optional.empty();
        // The store stays open (so locked) while the files are compared: no other build can be writing them meanwhile.
        try (TdbStore store = TdbStore.open(db, true)) {
            Optional<BuildState> again = BuildState.read(output); // a killed build's files may just have been put in place
            if (again.isEmpty() || !again.get().equals(recorded.get())) return Optional.empty();
            if (!store.state(base).equals(recorded.get().store())) return Optional.empty();
            return recorded.get().filesIntact(output) ? recorded : Optional.empty();
        }
    }

    /** The problem lines of the recorded build (output/problems.txt), when they are as many as it recorded. */
    static Optional<java.util.List<String>> problems(Path output, BuildState state) {
        try {
            var lines = java.nio.file.Files.readAllLines(output.resolve("problems.txt"), java.nio.charset.StandardCharsets.UTF_8);
            return lines.size() == state.summary().problemLines() ? Optional.of(lines) : Optional.empty();
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return Optional.empty();
        }
    }
}
