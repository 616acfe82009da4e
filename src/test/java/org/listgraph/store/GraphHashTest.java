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

/** A graph's hash is the one the README states (by subject), so anyone can check it from an N-Triples dump; the lines it hashes are N-Triples as Jena writes them. */
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
        assertEquals(bySubject(old), GraphHash.of(g), "the hash the README states");
    }

    /**
     * The hash as the README states it, from N-Triples lines ("s p o", no final dot): each subject's lines sorted and
     * joined by newlines, the first 32 hex digits of their SHA-256 after the subject's term and a space, these subject
     * lines sorted and joined by newlines, and the SHA-256 of that.
     */
    static String bySubject(List<String> lines) {
        java.util.Map<String, List<String>> groups = new java.util.HashMap<>();
        for (String line : lines) {
            String subject = line.startsWith("<") ? line.substring(0, line.indexOf("> ") + 1) : line.substring(0, line.indexOf(' '));
            groups.computeIfAbsent(subject, k -> new ArrayList<>()).add(line);
        }
        List<String> subjectLines = new ArrayList<>();
        groups.forEach((subject, own) -> {
            own.sort(null);
            subjectLines.add(subject + " " + IriMinter.sha256(String.join("\n", own).getBytes(StandardCharsets.UTF_8)).substring(0, 32));
        });
        subjectLines.sort(null);
        return IriMinter.sha256(String.join("\n", subjectLines).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aGraphOfIriSubjectsOnlyIsHashedByItsSubjectsWhateverTheirIrisShare() {
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
        assertEquals(bySubject(lines), GraphHash.of(g));
    }

    @Test
    void aSubjectMadeFromTheSameRecordsTakesItsDigestFromTheLastBuildAndAnyOtherIsMadeAgain() {
        Graph shared = Seeds.convert().sharedGraph();
        SubjectDigests first = new SubjectDigests();
        String hash = GraphHash.of(shared, first, null, "program 1");
        assertEquals(GraphHash.of(shared), hash, "the same hash with or without digests kept");
        assertTrue(first.withRecords() && first.size() > 200, "a record digest per subject");

        // A memo whose digest for one subject is not what its triples give: used only while its records are the same.
        int victim = first.size() / 2;
        SubjectDigests memo = new SubjectDigests();
        for (int i = 0; i < first.size(); i++) {
            String digest = i == victim ? "0".repeat(32) : first.hex(i);
            assertTrue(memo.putHex(first.subject(i), digest, first.recordHex(i)));
        }
        SubjectDigests second = new SubjectDigests();
        String remembered = GraphHash.of(shared, second, memo, "program 1");
        assertTrue(!remembered.equals(hash), "the remembered digest was taken, the subject's triples not made");
        assertEquals("0".repeat(32), second.hex(indexOf(second, first.subject(victim))));

        // Another program (salt) makes the same records into other record digests: nothing is taken from the memo.
        SubjectDigests third = new SubjectDigests();
        assertEquals(hash, GraphHash.of(shared, third, memo, "program 2"));
        assertEquals(first.hex(victim), third.hex(indexOf(third, first.subject(victim))));
        assertTrue(!third.recordHex(0).equals(first.recordHex(indexOf(first, third.subject(0)))), "record digests depend on the program");
    }

    private static int indexOf(SubjectDigests digests, String subject) {
        for (int i = 0; i < digests.size(); i++) {
            if (digests.subject(i).equals(subject)) return i;
        }
        throw new AssertionError("no subject " + subject);
    }
}
