package org.listgraph.export;

import org.listgraph.rdf.CheckedRecords;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where each part of the last graph.ttl lies (offset, length, SHA-256) and how many triples it holds: a list graph's
 * part by the key of everything the graph depended on, a run of the shared graph's subjects by a digest of its
 * triples. The next build copies the parts that are unchanged instead of writing them again: writing graph.ttl was
 * the longest step of a one-list reload. The index is kept under output/cache; a part is copied only when its bytes
 * in graph.ttl still have the recorded hash, else it is written anew.
 */
public final class GraphChunks {
    private static final String HEADER = "listgraph graph.ttl parts 2";

    private final Path previous;
    private final CheckedRecords index;
    private final Map<String, long[]> before;
    private final Map<String, String> beforeHashes;
    private final List<String[]> now = new ArrayList<>();

    private GraphChunks(Path previous, CheckedRecords index, Map<String, long[]> before, Map<String, String> beforeHashes) {
        this.previous = previous;
        this.index = index;
        this.before = before;
        this.beforeHashes = beforeHashes;
    }

    /** Nothing copied and nothing kept. */
    public static GraphChunks none() {
        return new GraphChunks(null, null, Map.of(), Map.of());
    }

    /**
     * The parts of {@code previous} (the graph.ttl in place) as {@code indexFile} records them, when {@code reuse};
     * {@link #save()} writes the index of the file being written.
     */
    public static GraphChunks of(Path previous, Path indexFile, boolean reuse) {
        CheckedRecords index = new CheckedRecords(indexFile, HEADER);
        Map<String, long[]> before = new HashMap<>();
        Map<String, String> hashes = new HashMap<>();
        if (reuse) {
            for (String[] r : index.read().orElse(List.of())) {
                try {
                    if (r.length != 5) return new GraphChunks(previous, index, Map.of(), Map.of());
                    before.put(r[0], new long[]{Long.parseLong(r[1]), Long.parseLong(r[2]), Long.parseLong(r[4])});
                    hashes.put(r[0], r[3]);
                } catch (NumberFormatException e) {
                    return new GraphChunks(previous, index, Map.of(), Map.of());
                }
            }
        }
        return new GraphChunks(previous, index, before, hashes);
    }

    /** A part kept from the last file: its bytes and the number of triples they hold. */
    record Part(byte[] bytes, long triples) {
    }

    /** The part kept under {@code key}, when graph.ttl still holds its bytes as recorded. */
    Optional<Part> find(String key) {
        long[] at = before.get(key);
        if (at == null || previous == null || at[0] < 0 || at[1] < 0 || at[1] > Integer.MAX_VALUE - 8 || at[2] < 0) return Optional.empty();
        try (RandomAccessFile f = new RandomAccessFile(previous.toFile(), "r")) {
            if (at[0] + at[1] > f.length()) return Optional.empty();
            byte[] bytes = new byte[(int) at[1]];
            f.seek(at[0]);
            f.readFully(bytes);
            return beforeHashes.get(key).equals(org.listgraph.identity.IriMinter.sha256(bytes)) ? Optional.of(new Part(bytes, at[2])) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Whether parts written are noted for the next file (not for a plain export). */
    boolean records() {
        return index != null;
    }

    /** Notes where the part with {@code key}, of {@code triples} triples, lies in the file being written. */
    void record(String key, long offset, long length, String sha256, long triples) {
        if (index != null) now.add(new String[]{key, Long.toString(offset), Long.toString(length), sha256, Long.toString(triples)});
    }

    /** Writes the index of the file just written (call once it is in place); a failure only costs time later. */
    public void save() {
        if (index == null) return;
        try {
            if (now.isEmpty()) {
                Files.deleteIfExists(index.file());
            } else {
                index.write(now);
            }
        } catch (IOException | RuntimeException e) {
            // the next build writes every graph, as without this index
        }
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
