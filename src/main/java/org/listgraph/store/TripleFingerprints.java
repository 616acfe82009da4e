package org.listgraph.store;

import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFormatterNT;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A set of triples kept as 128-bit fingerprints (the first half of the SHA-256 of each triple's N-Triples line),
 * 16 bytes a triple whatever its terms: enough to tell which triples of a large graph a store already holds
 * without asking the store triple by triple. A cryptographic hash, as list text comes from strangers and two
 * triples that collided would leave one out of the store.
 */
final class TripleFingerprints {
    private final NodeFormatterNT nt = new NodeFormatterNT();
    private final GraphHash.LineWriter line = new GraphHash.LineWriter();
    private final MessageDigest sha256 = GraphHash.sha256();
    private long[] high = new long[1024];
    private long[] low = new long[1024];
    /** Per slot: 0 empty, 1 a fingerprint, 2 a fingerprint that was {@linkplain #mark marked}. */
    private byte[] used = new byte[1024];
    private int size;
    private int marked;

    /** Adds the triple; returns whether it was not there yet. */
    boolean add(Triple t) {
        long[] fp = fingerprint(t);
        if (size + 1 > used.length * 3 / 4) grow();
        return insert(fp[0], fp[1], (byte) 1);
    }

    /** Marks the triple if it is in the set; returns whether it is. */
    boolean mark(Triple t) {
        int i = find(fingerprint(t));
        if (i < 0) return false;
        if (used[i] == 1) {
            used[i] = 2;
            marked++;
        }
        return true;
    }

    /** Whether the triple is in the set and was marked. */
    boolean marked(Triple t) {
        int i = find(fingerprint(t));
        return i >= 0 && used[i] == 2;
    }

    int size() {
        return size;
    }

    /** How many triples of the set are marked. */
    int markedCount() {
        return marked;
    }

    private int find(long[] fp) {
        for (int i = slot(fp[0]); used[i] != 0; i = (i + 1) & (used.length - 1)) {
            if (high[i] == fp[0] && low[i] == fp[1]) return i;
        }
        return -1;
    }

    private boolean insert(long h, long l, byte state) {
        int i = slot(h);
        for (; used[i] != 0; i = (i + 1) & (used.length - 1)) {
            if (high[i] == h && low[i] == l) return false;
        }
        used[i] = state;
        high[i] = h;
        low[i] = l;
        size++;
        return true;
    }

    private int slot(long h) {
        return (int) (h ^ (h >>> 32)) & (used.length - 1);
    }

    private void grow() {
        long[] oldHigh = high, oldLow = low;
        byte[] oldUsed = used;
        high = new long[oldUsed.length * 2];
        low = new long[oldUsed.length * 2];
        used = new byte[oldUsed.length * 2];
        size = 0;
        for (int i = 0; i < oldUsed.length; i++) {
            if (oldUsed[i] != 0) insert(oldHigh[i], oldLow[i], oldUsed[i]);
        }
    }

    private long[] fingerprint(Triple t) {
        byte[] digest = sha256.digest(GraphHash.line(nt, line, t).getBytes(StandardCharsets.UTF_8));
        ByteBuffer b = ByteBuffer.wrap(digest);
        return new long[]{b.getLong(), b.getLong()};
    }
}
