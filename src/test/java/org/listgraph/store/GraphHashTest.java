package org.listgraph.store;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.riot.out.NodeFormatterNT;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.listgraph.identity.IriMinter;
import org.listgraph.testing.Seeds;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Graph hashes stay what earlier versions recorded in stores, so an upgrade does not rewrite unchanged graphs. */
class GraphHashTest {
    @Test
    void everyTripleOfTheSeedsAndOfHostileLiteralsIsWrittenAsNodeFmtLibWritesIt() {
        Graph g = GraphFactory.createGraphMem();
        Seeds.convert().dataset().find().forEachRemaining(q -> g.add(q.asTriple()));
        var s = NodeFactory.createURI("https://example.org/s");
        var p = NodeFactory.createURI("https://example.org/p");
        for (String text : new String[]{"quote \" back \\ slash", "line\nbreak\r\ttab", "Träfik 日本語 🌟", "\u0001\u007f control", "form\ffeed \b back \uFFFD replaced", "plain"}) {
            g.add(Triple.create(s, p, NodeFactory.createLiteralString(text)));
            g.add(Triple.create(s, p, NodeFactory.createLiteralLang(text, "en-GB")));
        }
        g.add(Triple.create(s, p, NodeFactory.createLiteralDT("2024-01-02", org.apache.jena.datatypes.xsd.XSDDatatype.XSDdate)));
        g.add(Triple.create(s, p, NodeFactory.createURI("https://example.org/a b>{}|^`\\")));
        g.add(Triple.create(s, p, NodeFactory.createURI("https://example.org/del\u007f/\u0015/\u0085")));
        g.add(Triple.create(s, p, NodeFactory.createLiteralDT("12", org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger)));
        g.add(Triple.create(s, p, NodeFactory.createLiteralDT("x", NodeFactory.getType("https://example.org/odd type"))));
        g.add(Triple.create(NodeFactory.createBlankNode("b0"), p, NodeFactory.createURI("https://example.org/ünïcode/\u00e9")));
        // Subjects whose terms start alike: a group of lines must not be split by another subject's.
        for (String iri : new String[]{"https://example.org/s/", "https://example.org/s0", "https://example.org/s b", "https://example.org/s>x", "https://example.org/s\u00e9"}) {
            g.add(Triple.create(NodeFactory.createURI(iri), p, NodeFactory.createLiteralString("x")));
            g.add(Triple.create(NodeFactory.createURI(iri), NodeFactory.createURI("https://example.org/p/"), s));
        }
        g.add(Triple.create(NodeFactory.createBlankNode("b0 "), p, NodeFactory.createLiteralString("y")));
        g.add(Triple.create(NodeFactory.createBlankNode("b"), p, NodeFactory.createLiteralString("y")));
        assertTrue(g.size() > 5000);
        NodeFormatterNT nt = new NodeFormatterNT();
        GraphHash.LineWriter out = new GraphHash.LineWriter();
        List<String> old = new ArrayList<>();
        g.find().forEachRemaining(t -> {
            String expected = NodeFmtLib.strNT(t.getSubject()) + " " + NodeFmtLib.strNT(t.getPredicate()) + " " + NodeFmtLib.strNT(t.getObject());
            assertEquals(expected, GraphHash.line(nt, out, t));
            old.add(expected);
        });
        old.sort(null);
        assertEquals(IriMinter.sha256(String.join("\n", old).getBytes(StandardCharsets.UTF_8)), GraphHash.of(g), "the hash earlier versions recorded");
    }

    @Test
    void aGraphOfIriSubjectsOnlyIsHashedAsItsSortedLinesWhateverTheSubjectsShare() {
        Graph g = GraphFactory.createGraphMem();
        Seeds.convert().dataset().find().forEachRemaining(q -> {
            if (q.getSubject().isURI()) g.add(q.asTriple());
        });
        var p = NodeFactory.createURI("https://example.org/p");
        // IRIs that are prefixes of each other, followed by characters below and above '>' (and beyond ASCII).
        for (String iri : new String[]{"https://example.org/s", "https://example.org/s/", "https://example.org/s-", "https://example.org/s0",
                "https://example.org/s=", "https://example.org/s?", "https://example.org/sa", "https://example.org/s\u00e9", "https://example.org/s!"}) {
            g.add(Triple.create(NodeFactory.createURI(iri), p, NodeFactory.createLiteralString(iri)));
        }
        List<String> lines = new ArrayList<>();
        g.find().forEachRemaining(t -> lines.add(NodeFmtLib.strNT(t.getSubject()) + " " + NodeFmtLib.strNT(t.getPredicate()) + " " + NodeFmtLib.strNT(t.getObject())));
        lines.sort(null);
        assertEquals(IriMinter.sha256(String.join("\n", lines).getBytes(StandardCharsets.UTF_8)), GraphHash.of(g));
    }
}
