package org.listgraph.store;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A 128-bit digest of each subject's triples in one graph (the first half of the SHA-256 of the subject's sorted
 * N-Triples lines), made while the graph is hashed. With the digests of the graph the store holds, a changed
 * graph is updated subject by subject: only subjects whose digest differs, or that are new or gone, are touched.
 * The shared graph changes with almost any edit, in a few subjects of its hundreds of thousands, and comparing it
 * whole with the store was a third of a one-list reload.
 *
 * <p>Beside each, when the graph is made of records ({@link org.listgraph.rdf.SubjectGraph}), the digest of the records
 * the subject's triples were made from ({@link org.listgraph.rdf.RecordDigest}): a later build whose records for a
 * subject have the same digest takes the subject's digest from here without making its triples.
 */
final class SubjectDigests {
    private static final java.util.HexFormat HEX = java.util.HexFormat.of();
    private final Map<String, Integer> index = new HashMap<>();
    private String[] subjects = new String[64];
    private long[] digests = new long[128];
    /** Each subject's record digest (two longs), when every subject has one; null otherwise. */
    private long[] records = new long[128];

    /** Records the digest of one subject (an IRI) with no record digest; a subject is recorded once. */
    void put(String subject, long high, long low) {
        add(subject, high, low);
        records = null; // a digest without its records': none of them serves as a memo
    }

    /** Records the digest of one subject (an IRI) and of the records its triples were made from; a subject is recorded once. */
    void put(String subject, long high, long low, long[] recordDigest) {
        int i = add(subject, high, low);
        if (records == null) return;
        if (records.length < digests.length) records = Arrays.copyOf(records, digests.length);
        records[2 * i] = recordDigest[0];
        records[2 * i + 1] = recordDigest[1];
    }

    private int add(String subject, long high, long low) {
        int i = index.size();
        if (index.putIfAbsent(subject, i) != null) throw new IllegalArgumentException("subject " + subject + " recorded twice");
        if (i == subjects.length) {
            subjects = Arrays.copyOf(subjects, i * 2);
            digests = Arrays.copyOf(digests, i * 4);
        }
        subjects[i] = subject;
        digests[2 * i] = high;
        digests[2 * i + 1] = low;
        return i;
    }

    /** Whether every subject has its record digest. */
    boolean withRecords() {
        return records != null;
    }

    /**
     * The number of {@code subject} when it is recorded with the record digest {@code recordDigest}, so its digest here
     * is that of the triples those records make; -1 otherwise.
     */
    int withSameRecords(String subject, long[] recordDigest) {
        if (records == null) return -1;
        Integer i = index.get(subject);
        return i != null && records[2 * i] == recordDigest[0] && records[2 * i + 1] == recordDigest[1] ? i : -1;
    }

    /** The digest of subject number {@code i}: high then low half. */
    long high(int i) {
        return digests[2 * i];
    }

    long low(int i) {
        return digests[2 * i + 1];
    }

    int size() {
        return index.size();
    }

    boolean contains(String subject) {
        return index.containsKey(subject);
    }

    /** Whether {@code other} holds {@code subject} with the same digest as this does. */
    boolean sameIn(SubjectDigests other, String subject) {
        Integer i = index.get(subject), j = other.index.get(subject);
        return i != null && j != null && digests[2 * i] == other.digests[2 * j] && digests[2 * i + 1] == other.digests[2 * j + 1];
    }

    /** Each subject in the order recorded. */
    void forEach(Consumer<String> action) {
        for (int i = 0, n = size(); i < n; i++) action.accept(subjects[i]);
    }

    /** The digest of subject number {@code i} (in the order recorded) as 32 hex digits. */
    String hex(int i) {
        return HEX.toHexDigits(digests[2 * i]) + HEX.toHexDigits(digests[2 * i + 1]);
    }

    String subject(int i) {
        return subjects[i];
    }

    /** The record digest of subject number {@code i} as 32 hex digits; only when {@link #withRecords()}. */
    String recordHex(int i) {
        return HEX.toHexDigits(records[2 * i]) + HEX.toHexDigits(records[2 * i + 1]);
    }

    /**
     * Records a subject from {@link #hex} and {@link #recordHex} form ({@code recordHex} null: none); false when the
     * digits are not 32 hex digits each.
     */
    boolean putHex(String subject, String hex, String recordHex) {
        if (hex.length() != 32 || recordHex != null && recordHex.length() != 32) return false;
        try {
            long high = Long.parseUnsignedLong(hex, 0, 16, 16), low = Long.parseUnsignedLong(hex, 16, 32, 16);
            if (recordHex == null) {
                put(subject, high, low);
            } else {
                put(subject, high, low, new long[]{Long.parseUnsignedLong(recordHex, 0, 16, 16), Long.parseUnsignedLong(recordHex, 16, 32, 16)});
            }
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
