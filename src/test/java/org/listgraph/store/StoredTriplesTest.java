package org.listgraph.store;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.listgraph.testing.GraphAssert;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Replacing a stored graph by its differences leaves exactly the new content: triples gone are deleted, new ones
 * (with terms the store has never seen, numbers TDB2 keeps inline, repeats) added, other graphs untouched.
 */
class StoredTriplesTest {
    private static final Node G = NodeFactory.createURI("https://example.org/graph/a");
    private static final Node OTHER = NodeFactory.createURI("https://example.org/graph/b");

    private static Triple t(String s, String p, Node o) {
        return Triple.create(NodeFactory.createURI("https://example.org/" + s), NodeFactory.createURI("https://example.org/" + p), o);
    }

    private static Node iri(String local) {
        return NodeFactory.createURI("https://example.org/" + local);
    }

    private static Graph graph(List<Triple> triples) {
        Graph g = GraphFactory.createGraphMem();
        triples.forEach(g::add);
        return g;
    }

    private static Graph stored(DatasetGraph dsg, Node name) {
        return Txn.calculateRead(dsg, () -> {
            Graph copy = GraphFactory.createGraphMem();
            dsg.find(name, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> copy.add(q.asTriple()));
            return copy;
        });
    }

    @Test
    void aReplacedGraphHoldsExactlyTheNewContentAndNoOtherGraphChanges(@TempDir Path dir) {
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(dir.toString());
        try {
            List<Triple> before = List.of(
                    t("r1", "title", NodeFactory.createLiteralString("Old title")),
                    t("r1", "count", NodeFactory.createLiteralDT("3", org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger)),
                    t("r1", "creator", iri("alice")),
                    t("r2", "title", NodeFactory.createLiteralString("Stays")),
                    t("r2", "date", NodeFactory.createLiteralDT("2024-01-02", org.apache.jena.datatypes.xsd.XSDDatatype.XSDdate)));
            List<Triple> other = List.of(t("x", "title", NodeFactory.createLiteralString("Old title")), t("x", "creator", iri("alice")));
            Txn.executeWrite(dsg, () -> {
                before.forEach(tr -> dsg.add(G, tr.getSubject(), tr.getPredicate(), tr.getObject()));
                other.forEach(tr -> dsg.add(OTHER, tr.getSubject(), tr.getPredicate(), tr.getObject()));
            });
            List<Triple> after = List.of(
                    t("r1", "title", NodeFactory.createLiteralString("New title")), // a term the store has never seen
                    t("r1", "count", NodeFactory.createLiteralDT("4", org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger)), // inline
                    t("r1", "creator", iri("alice")),
                    t("r1", "creator", iri("bob")), // known subject and predicate, new object
                    t("r2", "title", NodeFactory.createLiteralString("Stays")),
                    t("r2", "date", NodeFactory.createLiteralDT("2024-01-02", org.apache.jena.datatypes.xsd.XSDDatatype.XSDdate)),
                    t("r3", "title", NodeFactory.createLiteralString("Old title")), // new subject, a term stored in the other graph
                    t("r2", "title", NodeFactory.createLiteralString("Stays"))); // a repeat
            Txn.executeWrite(dsg, () -> new StoredTriples(dsg).replace(G, graph(after)));
            GraphAssert.assertIsomorphic(graph(after), stored(dsg, G), "the replaced graph");
            GraphAssert.assertIsomorphic(graph(other), stored(dsg, OTHER), "the other graph");

            Txn.executeWrite(dsg, () -> new StoredTriples(dsg).replace(G, graph(List.of())));
            assertEquals(0, stored(dsg, G).size(), "an empty content empties the graph");
            Node fresh = NodeFactory.createURI("https://example.org/graph/never-stored");
            Txn.executeWrite(dsg, () -> new StoredTriples(dsg).replace(fresh, graph(before)));
            GraphAssert.assertIsomorphic(graph(before), stored(dsg, fresh), "a graph the store never held");
        } finally {
            TDBInternal.expel(dsg);
        }
    }

    @Test
    void bySubjectOnlySubjectsWhoseDigestDiffersAreNewOrAreGoneAreRewritten(@TempDir Path dir) {
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(dir.toString());
        try {
            List<Triple> before = List.of(
                    t("r1", "title", NodeFactory.createLiteralString("Old title")),
                    t("r2", "title", NodeFactory.createLiteralString("Stays")),
                    t("r4", "title", NodeFactory.createLiteralString("Goes")));
            Txn.executeWrite(dsg, () -> before.forEach(tr -> dsg.add(G, tr.getSubject(), tr.getPredicate(), tr.getObject())));
            SubjectDigests old = new SubjectDigests();
            GraphHash.of(graph(before), old, null, null);
            List<Triple> after = List.of(
                    t("r1", "title", NodeFactory.createLiteralString("New title")),
                    t("r1", "creator", iri("alice")),
                    t("r2", "title", NodeFactory.createLiteralString("Stays")),
                    t("r3", "title", NodeFactory.createLiteralString("New subject")));
            SubjectDigests now = new SubjectDigests();
            GraphHash.of(graph(after), now, null, null);
            Txn.executeWrite(dsg, () -> new StoredTriples(dsg).replaceSubjects(G, graph(after), old, now));
            GraphAssert.assertIsomorphic(graph(after), stored(dsg, G), "the graph by subject");

            // A subject whose digest is unchanged is not even looked at: here the store holds something else for r2,
            // which stays (the digests are only ever those of the graph the store holds, so this cannot happen in a build).
            Txn.executeWrite(dsg, () -> dsg.add(G, iri("r2"), iri("note"), NodeFactory.createLiteralString("not in the digests")));
            Txn.executeWrite(dsg, () -> new StoredTriples(dsg).replaceSubjects(G, graph(after), now, now));
            assertEquals(after.size() + 1, stored(dsg, G).size());
        } finally {
            TDBInternal.expel(dsg);
        }
    }

    @Test
    void theIdSetKeepsEachTriplesNumberAndMarkAsItGrows() {
        StoredTriples.IdTriples set = new StoredTriples.IdTriples();
        int n = 5000;
        for (int i = 0; i < n; i++) assertEquals(i, set.add(i, i * 31L, -i));
        assertEquals(7, set.add(7, 7 * 31L, -7), "a triple added again keeps its number");
        for (int i = 0; i < n; i += 2) set.mark(i, i * 31L, -i);
        for (int i = 0; i < n; i++) assertEquals(i % 2 == 0, set.marked(i), "triple " + i);
        assertEquals(false, set.mark(1, 2, 3), "a triple not in the set");
    }
}
