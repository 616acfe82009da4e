package org.listgraph.store;

import org.listgraph.rdf.CheckedRecords;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The content hash ({@link GraphHash}) of each list graph a build made, by the key of everything that graph
 * depended on ({@code Converter.Result.inputsKey}), kept in one file beside the list cache. A later build whose
 * graph has the same key knows its hash without making the graph: when the store holds a graph of that hash, the
 * graph is unchanged and is never made. Making and hashing every graph was most of the store step of a one-list
 * reload. A file that does not check ({@link CheckedRecords}) is ignored: every graph is made.
 */
public final class KnownGraphHashes {
    private static final String HEADER = "listgraph graph hashes 1";

    private final Path file;
    private final Map<String, String> before;
    /** What this build used or learnt: the next file, holding only the current graphs. */
    private final Map<String, String> now = new ConcurrentHashMap<>();

    private KnownGraphHashes(Path file, Map<String, String> before) {
        this.file = file;
        this.before = before;
    }

    /** None known and none kept: every graph is made and hashed. */
    public static KnownGraphHashes none() {
        return new KnownGraphHashes(null, Map.of());
    }

    /** The hashes kept in {@code file} (none when it is absent or damaged); {@link #save()} writes it anew. */
    public static KnownGraphHashes in(Path file) {
        return new KnownGraphHashes(file, read(file));
    }

    /** A fresh record in {@code file}: nothing earlier is trusted, what this build learns is kept. */
    public static KnownGraphHashes fresh(Path file) {
        return new KnownGraphHashes(file, Map.of());
    }

    Optional<String> hash(String key) {
        String h = before.get(key);
        if (h != null) now.put(key, h);
        return Optional.ofNullable(h);
    }

    void learnt(String key, String hash) {
        now.put(key, hash);
    }

    /** Writes what this build used and learnt (under a temporary name, then renamed); a failure only costs time later. */
    public void save() {
        if (file == null) return;
        List<String[]> records = new ArrayList<>();
        new TreeMap<>(now).forEach((k, h) -> records.add(new String[]{k, h}));
        try {
            new CheckedRecords(file, HEADER).write(records);
        } catch (IOException | RuntimeException e) {
            // the next build makes and hashes every graph, as without this file
        }
    }

    private static Map<String, String> read(Path file) {
        Map<String, String> out = new TreeMap<>();
        for (String[] r : new CheckedRecords(file, HEADER).read().orElse(List.of())) {
            if (r.length != 2) return Map.of();
            out.put(r[0], r[1]);
        }
        return out;
    }
}
