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
    @Test
    void everyPatternOverTheSeedsSharedGraphFindsWhatAnInMemoryCopyFinds() {
        Graph shared = Seeds.convert().sharedGraph();
        assertInstanceOf(SharedGraph.class, shared);
        Graph copy = GraphFactory.createGraphMem();
        GraphUtil.addInto(copy, shared);
        assertTrue(copy.size() > 3000, "the seeds' shared graph has thousands of triples: " + copy.size());
        assertEquals(copy.size(), shared.size());

        Set<Node> subjects = new HashSet<>();
        copy.find().forEachRemaining(t -> subjects.add(t.getSubject()));
        java.util.Collection<Node> known = SharedGraph.subjectsOf(shared);
        assertEquals(subjects, new HashSet<>(known), "the subjects it knows without making triples");
        assertEquals(subjects.size(), known.size(), "each subject once");

        List<Triple> sample = copy.find().toList().subList(0, 400);
        for (Triple t : sample) {
            assertTrue(shared.contains(t), "contains " + t);
            assertEquals(set(copy.find(t.getSubject(), Node.ANY, Node.ANY).toList()), set(shared.find(t.getSubject(), Node.ANY, Node.ANY).toList()));
            assertEquals(set(copy.find(t.getSubject(), t.getPredicate(), Node.ANY).toList()), set(shared.find(t.getSubject(), t.getPredicate(), Node.ANY).toList()));
            assertEquals(set(copy.find(Node.ANY, t.getPredicate(), t.getObject()).toList()), set(shared.find(Node.ANY, t.getPredicate(), t.getObject()).toList()));
            assertFalse(shared.contains(t.getSubject(), t.getPredicate(), Vocab.LIST));
        }
        assertEquals(List.of(), shared.find(Vocab.LIST, Node.ANY, Node.ANY).toList(), "a subject it does not have");
        assertThrows(RuntimeException.class, () -> shared.add(sample.get(0)), "read-only");
    }

    private static Set<Triple> set(List<Triple> triples) {
        Set<Triple> s = new HashSet<>(triples);
        assertEquals(triples.size(), s.size(), "no triple twice");
        return s;
    }
}
