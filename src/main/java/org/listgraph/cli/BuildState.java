package org.listgraph.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a local build recorded in {@code output/.build-state.json}, renamed into place with its other files
 * after the store committed: the fingerprint of its inputs, the store's state, the SHA-256 of each output
 * file, and the figures of its summary. A later build with the same inputs whose store and files are
 * still exactly these has nothing to do and says the same summary.
 *
 * @param inputs       {@link BuildInputs} fingerprint
 * @param store        the store's state line when it committed (metadata graph and the hash of its graph hashes)
 * @param files        output file name → SHA-256 of its bytes
 * @param summary      the figures the build printed
 */
record BuildState(String inputs, String store, SortedMap<String, String> files, Summary summary) {
    static final String FILE = ".build-state.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    /** The figures of a build's summary lines. */
    record Summary(int lists, int entries, int resources, int agents, long triples, String kinds, String problems, int problemLines,
                   int graphs, long lintErrors, long lintWarnings) {
        Summary {
            Objects.requireNonNull(kinds, "kinds");
            Objects.requireNonNull(problems, "problems");
        }
    }

    BuildState {
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(summary, "summary");
        files = new TreeMap<>(files);
    }

    byte[] json() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (JacksonException e) {
            throw new IllegalStateException("a build state is always writable as JSON", e);
        }
    }

    /** The state recorded in {@code output}, or empty when there is none or it cannot be read (then the build simply runs). */
    static Optional<BuildState> read(Path output) {
        Path f = output.resolve(FILE);
        if (!Files.isRegularFile(f)) return Optional.empty();
        try {
            BuildState s = JSON.readValue(f.toFile(), BuildState.class);
            return s.summary() == null ? Optional.empty() : Optional.of(s);
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a damaged record is never trusted
        }
    }

    /** Whether every recorded output file in {@code output} still has the bytes it was written with. */
    boolean filesIntact(Path output) {
        for (var e : files.entrySet()) {
            String name = e.getKey();
            if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith("..")) return false;
            Path f = output.resolve(name);
            if (!Files.isRegularFile(f) || !e.getValue().equals(sha256(f))) return false;
        }
        return true;
    }

    static String sha256(Path f) {
        MessageDigest d = digest();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(f)) {
            for (int n; (n = in.read(buffer)) > 0; ) d.update(buffer, 0, n);
        } catch (IOException e) {
            return "unreadable";
        }
        return HexFormat.of().formatHex(d.digest());
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
