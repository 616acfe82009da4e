package org.listgraph.rdf;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphUtil;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.listgraph.testing.Seeds;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shared graph, made subject by subject as it is read, answers every pattern as the same triples held in memory do. */
class SharedGraphTest {
    private static final Node ABSENT = org.apache.jena.graph.NodeFactory.createURI("urn:listgraph:test:absent");

    @Test
    void everyPatternOverTheSeedsSharedGraphFindsWhatAnInMemoryCopyFinds() {
        Graph shared = Seeds.convert().sharedGraph();
        assertInstanceOf(SharedGraph.class, shared);
        assertAnswersAsAnInMemoryCopy(shared, 3000);
    }

    @Test
    void aSubjectsRecordDigestIsTheSameForReadersAtOnceAndDependsOnTheSalt() throws Exception {
        SubjectGraph fresh = (SubjectGraph) Seeds.convert().sharedGraph();
        SubjectGraph shared = (SubjectGraph) Seeds.convert().sharedGraph();
        List<String> subjects = fresh.subjectIris().stream().sorted().toList();
        assertTrue(subjects.size() > 500, "subjects: " + subjects.size());
        // What each digest is when one reader alone asks, once per salt (each on a graph of its own).
        java.util.Map<String, List<Long>> storeAlone = digests(fresh, subjects, "store");
        java.util.Map<String, List<Long>> fileAlone = digests((SubjectGraph) Seeds.convert().sharedGraph(), subjects, "graph.ttl");
        assertEquals(subjects.size(), new HashSet<>(storeAlone.values()).size(), "each subject its own digest");
        for (String s : subjects) assertFalse(storeAlone.get(s).equals(fileAlone.get(s)), "another salt, another digest: " + s);
        // Two readers at once over one graph, as the store's hash and graph.ttl read the shared graph in a build.
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var store = two.submit(() -> digests(shared, subjects, "store"));
            var file = two.submit(() -> digests(shared, subjects, "graph.ttl"));
            assertEquals(storeAlone, store.get());
            assertEquals(fileAlone, file.get());
        } finally {
            two.shutdownNow();
        }
        assertEquals(storeAlone, digests(shared, subjects, "store"), "read again, the same");
    }

    private static java.util.Map<String, List<Long>> digests(SubjectGraph g, List<String> subjects, String salt) {
        RecordDigest digest = new RecordDigest(salt);
        java.util.Map<String, List<Long>> out = new java.util.TreeMap<>();
        for (String s : subjects) {
            long[] d = g.recordDigest(s, digest);
            out.put(s, List.of(d[0], d[1]));
        }
        return out;
    }

    /**
     * {@code g}, a graph made subject by subject as it is read, has more than {@code atLeast} triples and answers
     * every pattern (and its size and subjects) as a copy of its triples held in memory does; it is read-only.
     */
    static void assertAnswersAsAnInMemoryCopy(Graph g, int atLeast) {
        Graph copy = GraphFactory.createGraphMem();
        GraphUtil.addInto(copy, g);
        assertTrue(copy.size() > atLeast, "at least " + atLeast + " triples: " + copy.size());
        assertEquals(copy.size(), g.size());

        Set<Node> subjects = new HashSet<>();
        copy.find().forEachRemaining(t -> subjects.add(t.getSubject()));
        java.util.Collection<Node> known = SubjectGraph.subjectsOf(g);
        assertEquals(subjects, new HashSet<>(known), "the subjects it knows without making triples");
        assertEquals(subjects.size(), known.size(), "each subject once");

        List<Triple> all = copy.find().toList();
        List<Triple> sample = all.subList(0, Math.min(400, all.size()));
        for (Triple t : sample) {
            assertTrue(g.contains(t), "contains " + t);
            assertEquals(set(copy.find(t.getSubject(), Node.ANY, Node.ANY).toList()), set(g.find(t.getSubject(), Node.ANY, Node.ANY).toList()));
            assertEquals(set(copy.find(t.getSubject(), t.getPredicate(), Node.ANY).toList()), set(g.find(t.getSubject(), t.getPredicate(), Node.ANY).toList()));
            assertEquals(set(copy.find(Node.ANY, t.getPredicate(), t.getObject()).toList()), set(g.find(Node.ANY, t.getPredicate(), t.getObject()).toList()));
            assertFalse(g.contains(t.getSubject(), t.getPredicate(), ABSENT));
        }
        assertEquals(set(all), set(g.find().toList()), "a full read gives every triple once");
        assertEquals(List.of(), g.find(ABSENT, Node.ANY, Node.ANY).toList(), "a subject it does not have");
        assertThrows(RuntimeException.class, () -> g.add(sample.get(0)), "read-only");
    }

    private static Set<Triple> set(List<Triple> triples) {
        Set<Triple> s = new HashSet<>(triples);
        assertEquals(triples.size(), s.size(), "no triple twice");
        return s;
    }
}
