package org.listgraph.store;

import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.NodeIdFactory;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.store.nodetupletable.NodeTupleTable;
import org.apache.jena.tdb2.sys.TDBInternal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Makes one named graph of a TDB2 store equal to new content by deleting and adding only the triples that differ,
 * comparing them as the store's own node ids (three 64-bit numbers a triple, exact). The stored graph is scanned
 * in its index without turning ids back into terms: decoding every stored term (a file read per term not in
 * TDB2's cache) took most of a one-list reload, where the shared graph's hundreds of thousands of triples are
 * compared and a few change. Only the triples that go are decoded. Runs inside the caller's write transaction.
 */
final class StoredTriples {
    private static final long UNKNOWN = Long.MIN_VALUE;

    private final DatasetGraph dsg;
    private final NodeTupleTable quads;
    private final NodeTable nodes;
    private final byte[] idBytes = new byte[NodeId.SIZE];
    private Node lastSubject;
    private long lastSubjectId;

    StoredTriples(DatasetGraph dsg) {
        this.dsg = dsg;
        this.quads = TDBInternal.getDatasetGraphTDB(dsg).getQuadTable().getNodeTupleTable();
        this.nodes = quads.getNodeTable();
    }

    /**
     * Makes the stored graph {@code g} equal to {@code content}. The content is read twice in the same order (a
     * graph made as it is read, such as the shared one, is never held whole): once for the ids of its triples, and
     * once to add the triples the store does not hold; in between, one scan of the stored graph deletes what the
     * content lacks and marks what it has.
     */
    void replace(Node g, Graph content) {
        long graph = id(g);
        if (graph == UNKNOWN) { // a graph the store has never held: all of it is new
            content.find().forEachRemaining(t -> dsg.add(g, t.getSubject(), t.getPredicate(), t.getObject()));
            return;
        }
        IdTriples wanted = new IdTriples();
        // Per content triple, in the content's order: its number in {@code wanted}, or -1 when a term is new to the store.
        int[] slots = new int[1024];
        int n = 0;
        for (Iterator<Triple> it = content.find(); it.hasNext(); n++) {
            Triple t = it.next();
            long s = subjectId(t.getSubject()), p = id(t.getPredicate()), o = id(t.getObject());
            if (n == slots.length) slots = java.util.Arrays.copyOf(slots, n * 2);
            slots[n] = s == UNKNOWN || p == UNKNOWN || o == UNKNOWN ? -1 : wanted.add(s, p, o);
        }
        List<Tuple<NodeId>> gone = new ArrayList<>();
        quads.find(nodeId(graph), NodeId.NodeIdAny, NodeId.NodeIdAny, NodeId.NodeIdAny).forEachRemaining(q -> {
            if (!wanted.mark(value(q.get(1)), value(q.get(2)), value(q.get(3)))) gone.add(q);
        });
        for (Tuple<NodeId> q : gone) {
            dsg.delete(g, nodes.getNodeForNodeId(q.get(1)), nodes.getNodeForNodeId(q.get(2)), nodes.getNodeForNodeId(q.get(3)));
        }
        int k = 0;
        for (Iterator<Triple> it = content.find(); it.hasNext(); k++) {
            Triple t = it.next();
            if (k >= n) throw new IllegalStateException("a graph gave more triples the second time it was read");
            if (slots[k] < 0 || !wanted.marked(slots[k])) dsg.add(g, t.getSubject(), t.getPredicate(), t.getObject());
        }
        if (k != n) throw new IllegalStateException("a graph gave fewer triples the second time it was read");
    }

    /**
     * Makes the stored graph {@code g} equal to {@code content} when the store holds the graph whose subjects have the
     * digests {@code before}: only subjects that are new, gone or whose digest differs in {@code now} (the content's)
     * are rewritten. Each such subject's stored triples are deleted and the content's added, in subject order.
     */
    void replaceSubjects(Node g, Graph content, SubjectDigests before, SubjectDigests now) {
        List<String> touched = new ArrayList<>();
        now.forEach(s -> {
            if (!now.sameIn(before, s)) touched.add(s);
        });
        before.forEach(s -> {
            if (!now.contains(s)) touched.add(s);
        });
        touched.sort(null);
        for (String s : touched) {
            Node subject = org.apache.jena.graph.NodeFactory.createURI(s);
            dsg.deleteAny(g, subject, Node.ANY, Node.ANY);
            content.find(subject, Node.ANY, Node.ANY).forEachRemaining(t -> dsg.add(g, t.getSubject(), t.getPredicate(), t.getObject()));
        }
    }

    /** A subject's id; a graph's triples come subject by subject, so the last one is kept. */
    private long subjectId(Node s) {
        if (!s.equals(lastSubject)) {
            lastSubject = s;
            lastSubjectId = id(s);
        }
        return lastSubjectId;
    }

    /** The store's id of a term as a number, or {@link #UNKNOWN} when the store has no such term. */
    private long id(Node n) {
        NodeId id = nodes.getNodeIdForNode(n);
        return id == null || NodeId.isDoesNotExist(id) ? UNKNOWN : value(id);
    }

    private long value(NodeId id) {
        NodeIdFactory.set(id, idBytes, 0);
        long v = 0;
        for (byte b : idBytes) v = v << 8 | (b & 0xff);
        return v;
    }

    private NodeId nodeId(long value) {
        for (int i = NodeId.SIZE - 1; i >= 0; i--, value >>>= 8) idBytes[i] = (byte) value;
        return NodeIdFactory.get(idBytes, 0);
    }

    /**
     * A set of id triples, each with a number in the order it was added (which stays when the table grows) and a mark:
     * open addressing over parallel arrays, 28 bytes a slot and a byte a triple.
     */
    static final class IdTriples {
        private long[] s = new long[1024];
        private long[] p = new long[1024];
        private long[] o = new long[1024];
        /** Per slot: 0 empty, else the triple's number + 1. */
        private int[] number = new int[1024];
        /** Per triple number: whether it was {@linkplain #mark marked}. */
        private boolean[] marks = new boolean[1024];
        private int size;

        /** Adds the triple (if it is not there yet) and returns its number. */
        int add(long a, long b, long c) {
            if (size + 1 > number.length * 3 / 4) grow();
            int i = slot(a, b, c);
            for (; number[i] != 0; i = (i + 1) & (number.length - 1)) {
                if (s[i] == a && p[i] == b && o[i] == c) return number[i] - 1;
            }
            put(i, a, b, c, size);
            if (size == marks.length) marks = java.util.Arrays.copyOf(marks, size * 2);
            return size++;
        }

        /** Marks the triple if it is in the set; returns whether it is. */
        boolean mark(long a, long b, long c) {
            for (int i = slot(a, b, c); number[i] != 0; i = (i + 1) & (number.length - 1)) {
                if (s[i] == a && p[i] == b && o[i] == c) {
                    marks[number[i] - 1] = true;
                    return true;
                }
            }
            return false;
        }

        /** Whether the triple numbered {@code n} was marked. */
        boolean marked(int n) {
            return marks[n];
        }

        private void put(int i, long a, long b, long c, int n) {
            s[i] = a;
            p[i] = b;
            o[i] = c;
            number[i] = n + 1;
        }

        private int slot(long a, long b, long c) {
            long h = a * 0x9E3779B97F4A7C15L + b * 0xC2B2AE3D27D4EB4FL + c * 0x165667B19E3779F9L;
            h ^= h >>> 29;
            return (int) (h ^ h >>> 32) & (number.length - 1);
        }

        private void grow() {
            long[] oldS = s, oldP = p, oldO = o;
            int[] oldNumber = number;
            int length = oldNumber.length * 2;
            s = new long[length];
            p = new long[length];
            o = new long[length];
            number = new int[length];
            for (int j = 0; j < oldNumber.length; j++) {
                if (oldNumber[j] == 0) continue;
                int i = slot(oldS[j], oldP[j], oldO[j]);
                while (number[i] != 0) i = (i + 1) & (length - 1);
                put(i, oldS[j], oldP[j], oldO[j], oldNumber[j] - 1);
            }
        }
    }
}
