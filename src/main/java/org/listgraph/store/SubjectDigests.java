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
 */
final class SubjectDigests {
    private static final java.util.HexFormat HEX = java.util.HexFormat.of();
    private final Map<String, Integer> index = new HashMap<>();
    private String[] subjects = new String[64];
    private long[] digests = new long[128];

    /** Records the digest of one subject (an IRI); a subject is recorded once. */
    void put(String subject, long high, long low) {
        int i = index.size();
        if (index.putIfAbsent(subject, i) != null) throw new IllegalArgumentException("subject " + subject + " recorded twice");
        if (i == subjects.length) {
            subjects = Arrays.copyOf(subjects, i * 2);
            digests = Arrays.copyOf(digests, i * 4);
        }
        subjects[i] = subject;
        digests[2 * i] = high;
        digests[2 * i + 1] = low;
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

    /** Records a subject from {@link #hex} form; false when the digits are not 32 hex digits. */
    boolean putHex(String subject, String hex) {
        if (hex.length() != 32) return false;
        try {
            put(subject, Long.parseUnsignedLong(hex, 0, 16, 16), Long.parseUnsignedLong(hex, 16, 32, 16));
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
