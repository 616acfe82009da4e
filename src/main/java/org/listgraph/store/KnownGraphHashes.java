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
 *
 * <p>Beside it, {@code graph-subjects.txt} keeps the {@link SubjectDigests} of the last shared graph stored, with
 * that graph's IRI and hash: they are used only when the store holds that graph with that very hash, so they
 * describe what the store holds (a build killed after its commit but before this file was written leaves the old
 * hash in the file, and the next build compares the graph whole). Their record digests serve, whatever the store
 * holds, as a memo to hash the next shared graph: a subject made from the same records has the same digest.
 */
public final class KnownGraphHashes {
    private static final String HEADER = "listgraph graph hashes 2"; // 2: hashes by subject (GraphHash)

    private static final String SUBJECTS_HEADER = "listgraph subject digests 2"; // 2: with record digests

    private final Path file;
    private final Map<String, String> before;
    /** What this build used or learnt: the next file, holding only the current graphs. */
    private final Map<String, String> now = new ConcurrentHashMap<>();
    /** Whether the subject digests kept by an earlier build may be used. */
    private final boolean trustSubjects;
    /** The shared graph's subject digests this build learnt, to keep; null if none. */
    private volatile LearntSubjects subjectsNow;

    private record LearntSubjects(String graphIri, String hash, SubjectDigests digests) {
    }

    private KnownGraphHashes(Path file, Map<String, String> before, boolean trustSubjects) {
        this.file = file;
        this.before = before;
        this.trustSubjects = trustSubjects;
    }

    /** None known and none kept: every graph is made and hashed. */
    public static KnownGraphHashes none() {
        return new KnownGraphHashes(null, Map.of(), false);
    }

    /** The hashes kept in {@code file} (none when it is absent or damaged); {@link #save()} writes it anew. */
    public static KnownGraphHashes in(Path file) {
        return new KnownGraphHashes(file, read(file), true);
    }

    /** A fresh record in {@code file}: nothing earlier is trusted, what this build learns is kept. */
    public static KnownGraphHashes fresh(Path file) {
        return new KnownGraphHashes(file, Map.of(), false);
    }

    /**
     * The subject digests an earlier build kept for graph {@code graphIri} with content hash {@code storedHash} (the
     * hash the store records for it now); empty when none were kept, they were of another graph or hash, or the file
     * does not check.
     */
    Optional<SubjectDigests> subjects(String graphIri, String storedHash) {
        Kept kept = kept();
        if (kept == null || storedHash == null || !kept.graphIri().equals(graphIri) || !kept.hash().equals(storedHash)) return Optional.empty();
        return Optional.of(kept.digests());
    }

    /**
     * The subject digests an earlier build kept for graph {@code graphIri}, with their record digests, whatever the
     * store holds now: to take the digest of a subject made from the same records instead of making its triples.
     */
    Optional<SubjectDigests> memo(String graphIri) {
        Kept kept = kept();
        if (kept == null || !kept.graphIri().equals(graphIri) || !kept.digests().withRecords()) return Optional.empty();
        return Optional.of(kept.digests());
    }

    /** What graph-subjects.txt holds, read once (the memo and the store's update share it); null when none is trusted or it does not check. */
    private record Kept(String graphIri, String hash, SubjectDigests digests) {
    }

    private Kept kept;
    private boolean keptRead;

    private synchronized Kept kept() {
        if (keptRead) return kept;
        keptRead = true;
        if (!trustSubjects || file == null) return null;
        List<String[]> records = new CheckedRecords(subjectsFile(), SUBJECTS_HEADER).read().orElse(List.of());
        if (records.isEmpty() || records.get(0).length != 3 || !records.get(0)[0].equals("graph")) return null;
        SubjectDigests out = new SubjectDigests();
        for (String[] r : records.subList(1, records.size())) {
            if (r.length != 3 || out.contains(r[0]) || !out.putHex(r[0], r[1], r[2].equals("-") ? null : r[2])) return null;
        }
        kept = new Kept(records.get(0)[1], records.get(0)[2], out);
        return kept;
    }

    /** Keeps the digests of graph {@code graphIri}, whose content hash is {@code hash}, as the store now holds it. */
    void subjectsLearnt(String graphIri, String hash, SubjectDigests digests) {
        subjectsNow = new LearntSubjects(graphIri, hash, digests);
    }

    private Path subjectsFile() {
        return file.resolveSibling("graph-subjects.txt");
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
        LearntSubjects learnt = subjectsNow;
        if (learnt == null) return; // the shared graph is as before (or was not stored): its digests, if kept, still hold
        SubjectDigests digests = learnt.digests();
        List<String[]> lines = new ArrayList<>(digests.size() + 1);
        lines.add(new String[]{"graph", learnt.graphIri(), learnt.hash()});
        for (int i = 0; i < digests.size(); i++) {
            lines.add(new String[]{digests.subject(i), digests.hex(i), digests.withRecords() ? digests.recordHex(i) : "-"});
        }
        try {
            new CheckedRecords(subjectsFile(), SUBJECTS_HEADER).write(lines);
        } catch (IOException | RuntimeException e) {
            // the next build compares the shared graph whole, as without this file
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
