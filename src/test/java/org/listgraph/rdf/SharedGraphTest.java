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
