package org.listgraph.cli;

import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedPseudograph;
import org.jgrapht.nio.graphml.GraphMLImporter;
import org.jgrapht.util.SupplierUtil;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The property-graph exports read back by other implementations (JGraphT's GraphML importer, networkx,
 * Python's csv module, Graphviz's gvpr) and checked, per node category and per edge type, against SPARQL
 * counts over the same store that do not use the exporter's code; the pictures checked for their cap, note
 * and clusters, and measured once drawn.
 */
class GraphExportTest {
    @TempDir
    static Path tmp;
    static String db;
    /** Per node category (Resource, Agent…) and per edge type (creator, affiliation…): what the RDF has. */
    static Map<String, Integer> sparql = new TreeMap<>();
    /** Nodes the RDF links to no other node. */
    static int isolated;
    static int nubenetesResources;
    static final String NODES = "VALUES (?c ?category) { (lg:Resource \"Resource\") (lg:Series \"Series\") (foaf:Agent \"Agent\") "
            + "(lg:Topic \"Topic\") (lg:List \"List\") }";

    @BeforeAll
    static void buildTheSeeds() {
        Path output = tmp.resolve("output");
        CliTest.Run r = CliTest.run("build", "--lists", "lists", "--output", output.toString());
        assertEquals(Main.OK, r.code(), r.err());
        db = output.resolve("tdb2").toString();
        // The counting rule of README's Export section: nodes are the IRIs typed with one of the five classes; edges are
        // the triples between two of them, one each, but for rdf:type and dct:isPartOf (each mirrors a dct:hasPart).
        String edge = "?%1$s ?p ?%2$s FILTER(isIRI(?%2$s) && ?p NOT IN (rdf:type, dct:isPartOf)) "
                + "FILTER EXISTS { VALUES ?c2 { lg:Resource lg:Series foaf:Agent lg:Topic lg:List } ?%1$s a ?c2 } "
                + "FILTER EXISTS { VALUES ?c3 { lg:Resource lg:Series foaf:Agent lg:Topic lg:List } ?%2$s a ?c3 }";
        for (List<String> row : select("SELECT ?category (COUNT(DISTINCT ?x) AS ?n) { " + NODES + " ?x a ?c } GROUP BY ?category")) {
            sparql.put(row.get(0), Integer.parseInt(row.get(1)));
        }
        for (List<String> row : select("SELECT ?p (COUNT(*) AS ?n) { SELECT DISTINCT ?s ?p ?o { " + edge.formatted("s", "o") + " } } GROUP BY ?p")) {
            sparql.put(row.get(0).substring(Math.max(row.get(0).lastIndexOf('#'), row.get(0).lastIndexOf('/')) + 1), Integer.parseInt(row.get(1)));
        }
        isolated = Integer.parseInt(select("SELECT (COUNT(DISTINCT ?x) AS ?n) { " + NODES + " ?x a ?c FILTER NOT EXISTS { "
                + edge.formatted("x", "o") + " } FILTER NOT EXISTS { " + edge.formatted("s", "x") + " } }").get(0).get(0));
        assertEquals("0", select("SELECT (COUNT(*) AS ?n) { ?a dct:isPartOf ?b FILTER NOT EXISTS { ?b dct:hasPart ?a } }").get(0).get(0),
                "every dct:isPartOf the exports leave out mirrors a dct:hasPart they keep");
        nubenetesResources = Integer.parseInt(select("SELECT (COUNT(DISTINCT ?r) AS ?n) { ?r lg:listedIn "
                + "<https://w3id.org/listgraph/id/list/nubenetes-k8s-networking> }").get(0).get(0));
        assertTrue(sparql.get("Resource") > 300 && sparql.get("creator") > 50 && sparql.get("Series") > 0, sparql.toString());
        assertTrue(sparql.get("affiliation") > 0 && sparql.get("wasRevisionOf") == 1 && sparql.get("broader") > 0, sparql.toString());
    }

    private static List<List<String>> select(String query) {
        CliTest.Run c = CliTest.run("query", "--db", db, "-f", "csv", query);
        assertEquals(Main.OK, c.code(), c.err());
        return c.out().lines().skip(1).map(l -> List.of(l.strip().split(","))).toList();
    }

    private static String export(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("export", "--db", db));
        all.addAll(List.of(args));
        CliTest.Run r = CliTest.run(all.toArray(String[]::new));
        assertEquals(Main.OK, r.code(), r.err());
        return r.out();
    }

    private static String graphml;

    /** The whole store as GraphML, exported once for the tests that read it. */
    private static synchronized String graphml() {
        if (graphml == null) graphml = export("-f", "graphml");
        return graphml;
    }

    /** Runs a Python script on the file; its output is a JSON object of counts. */
    private static Map<String, Integer> python(String script, Path file) throws Exception {
        Process p = new ProcessBuilder("/usr/bin/python3", "-c", script, file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        Map<String, Integer> found = new TreeMap<>();
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(out).fields().forEachRemaining(e -> found.put(e.getKey(), e.getValue().asInt()));
        return found;
    }

    private static Map<String, Integer> withIsolated() {
        Map<String, Integer> expected = new TreeMap<>(sparql);
        expected.put("(isolated)", isolated);
        return expected;
    }

    @Test
    void graphmlReadBackByJGraphTMatchesTheSparqlCounts() {
        Graph<String, DefaultEdge> g = new DirectedPseudograph<>(SupplierUtil.createStringSupplier(), SupplierUtil.DEFAULT_EDGE_SUPPLIER, false);
        Map<String, Map<String, String>> nodeData = new HashMap<>();
        Map<DefaultEdge, String> edgeType = new HashMap<>();
        GraphMLImporter<String, DefaultEdge> importer = new GraphMLImporter<>();
        importer.setVertexFactory(id -> id);
        importer.addVertexAttributeConsumer((p, a) -> nodeData.computeIfAbsent(p.getFirst(), k -> new HashMap<>()).put(p.getSecond(), a.getValue()));
        importer.addEdgeAttributeConsumer((p, a) -> {
            if (p.getSecond().equals("type")) edgeType.put(p.getFirst(), a.getValue());
        });
        importer.importGraph(g, new StringReader(graphml()));

        Map<String, Integer> found = new TreeMap<>();
        nodeData.values().forEach(d -> found.merge(d.get("category"), 1, Integer::sum));
        edgeType.values().forEach(t -> found.merge(t, 1, Integer::sum));
        assertEquals(sparql, found);
        assertEquals(g.vertexSet().size(), nodeData.size());
        assertEquals(g.edgeSet().size(), edgeType.size());

        Map<String, String> talk = nodeData.values().stream().filter(d -> "An Illustrated Guide to Kubernetes Networking".equals(d.get("label")))
                .findFirst().orElseThrow();
        assertEquals("Talk", talk.get("kind"));
        assertEquals("Resource", talk.get("category"));
        assertTrue(talk.get("url").startsWith("http"), talk.toString());
        assertTrue(talk.get("iri").startsWith("https://w3id.org/listgraph/id/resource/"), talk.toString());
    }

    @Test
    void graphmlReadBackByNetworkxHasEveryEdgeTypeTheRdfHasAndNoIsolatedNodeItLacks() throws Exception {
        org.listgraph.testing.Skip.unless(new ProcessBuilder("/usr/bin/python3", "-c", "import networkx").start().waitFor() == 0,
                "python3-networkx is not installed (apt-get install python3-networkx)");
        Path file = tmp.resolve("graph.graphml");
        Files.writeString(file, graphml());
        Map<String, Integer> found = python("""
                import collections, json, sys, networkx as nx
                g = nx.read_graphml(sys.argv[1])
                assert g.is_directed()
                c = collections.Counter(d["category"] for _, d in g.nodes(data=True))
                c.update(d["type"] for _, _, d in g.edges(data=True))
                c["(isolated)"] = nx.number_of_isolates(g)
                print(json.dumps(c))
                """, file);
        assertEquals(withIsolated(), found);
    }

    @Test
    void neo4jCsvsReadBackByPythonsCsvModuleHaveEveryRelationshipTypeTheRdfHas() throws Exception {
        org.listgraph.testing.Skip.unless(Files.isExecutable(Path.of("/usr/bin/python3")), "python3 is not installed (apt-get install python3)");
        Path dir = tmp.resolve("neo4j");
        CliTest.Run r = CliTest.run("export", "--db", db, "-f", "neo4j", "-o", dir.toString());
        assertEquals(Main.OK, r.code(), r.err());
        Map<String, Integer> found = python("""
                import collections, csv, json, os, sys
                with open(os.path.join(sys.argv[1], "nodes.csv"), newline="", encoding="utf-8") as f:
                    rows = list(csv.reader(f))
                assert rows[0] == ["id:ID", ":LABEL", "kind", "label", "url", "iri"], rows[0]
                ids = [row[0] for row in rows[1:]]
                assert len(ids) == len(set(ids)), "ids are unique"
                c = collections.Counter(row[1].split(";")[0] for row in rows[1:])
                linked = set()
                with open(os.path.join(sys.argv[1], "relationships.csv"), newline="", encoding="utf-8") as f:
                    rels = list(csv.reader(f))
                assert rels[0] == [":START_ID", ":END_ID", ":TYPE"], rels[0]
                for start, end, kind in rels[1:]:
                    assert start in ids and end in ids, (start, end)
                    linked.update((start, end))
                    c[kind] += 1
                c["(isolated)"] = len(set(ids) - linked)
                print(json.dumps(c))
                """, dir);
        Map<String, Integer> expected = new TreeMap<>();
        // Neo4j's convention for the same names: listedIn -> LISTED_IN.
        withIsolated().forEach((k, v) -> expected.put(Character.isLowerCase(k.charAt(0))
                ? k.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT) : k, v));
        assertEquals(expected, found);
        String readme = Files.readString(dir.resolve("README.txt"));
        assertTrue(readme.contains("neo4j-admin database import full --nodes=") && readme.contains("AFFILIATION"), readme);
    }

    @Test
    void theWholeGraphAsDotReadBackByGraphvizHasEveryEdgeTypeTheRdfHas() throws Exception {
        org.listgraph.testing.Skip.unless(Files.isExecutable(Path.of("/usr/bin/gvpr")), "Graphviz is not installed (apt-get install graphviz)");
        Path file = tmp.resolve("graph.dot");
        Files.writeString(file, export("-f", "dot"));
        // gvpr reads the file with Graphviz's own parser and lays nothing out.
        Process p = new ProcessBuilder("/usr/bin/gvpr", """
                BEGIN { int c[string]; string k; }
                N { c[$.category]++; if ($.degree == 0) c["(isolated)"]++; }
                E { c[$.label]++; }
                END_G { if (c["(isolated)"] == 0) c["(isolated)"] = 0; for (c[k]) printf("%s %d\n", k, c[k]); }
                """, file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        Map<String, Integer> found = new TreeMap<>();
        out.lines().map(l -> l.split(" ")).forEach(f -> found.put(f[0], Integer.parseInt(f[1])));
        assertEquals(withIsolated(), found);
    }

    /** The boxes of works in a picture's DOT (authors are ellipses, and nothing else is a node). */
    private static long works(String dot) {
        return dot.lines().filter(l -> l.matches("\\s+n[0-9a-f]{16} \\[label=.*") && !l.contains("shape=ellipse")).count();
    }

    @Test
    void aListPictureDrawsAtMostMaxNodesInTopicClustersAndSaysWhatItLeftOut() {
        String dot = export("-f", "dot", "--list", "nubenetes-k8s-networking");
        assertTrue(dot.startsWith("digraph listgraph {") && dot.contains("layout=osage"), dot);
        assertEquals(60, works(dot), "the default cap");
        assertTrue(dot.contains((nubenetesResources - 60) + " more resources not drawn; use --max-nodes"), dot);
        assertTrue(dot.lines().filter(l -> l.startsWith("  subgraph cluster_")).count() >= 5, "one cluster per shared topic");
        assertTrue(dot.contains("label=\"CNI\"") && dot.contains("label=\"Calico\""), "clusters are named by topic");
        assertEquals(dot, export("-f", "dot", "--list", "nubenetes-k8s-networking"), "deterministic");

        String all = export("-f", "dot", "--list", "nubenetes-k8s-networking", "--max-nodes", "1000");
        assertEquals(nubenetesResources, works(all));
        assertFalse(all.contains("not drawn"), "nothing left out");
        assertEquals(12, works(export("-f", "dot", "--list", "nubenetes-k8s-networking", "--max-nodes", "12")));
    }

    @Test
    void theLargestListsPictureIsLandscapeSized() throws Exception {
        org.listgraph.testing.Skip.unless(Files.isExecutable(Path.of("/usr/bin/dot")), "Graphviz is not installed (apt-get install graphviz)");
        String svg = export("-f", "svg", "--list", "nubenetes-k8s-networking");
        java.util.regex.Matcher size = java.util.regex.Pattern.compile("<svg width=\"(\\d+)pt\" height=\"(\\d+)pt\"").matcher(svg);
        assertTrue(size.find(), svg.substring(0, 400));
        int width = Integer.parseInt(size.group(1)), height = Integer.parseInt(size.group(2));
        // Before clusters and the cap it was 1395 x 9255 pt, one column with every edge in one bundle.
        assertTrue(width <= 2000 && height <= 1400 && width >= height, width + " x " + height + " pt");
        assertTrue(svg.contains((nubenetesResources - 60) + " more resources not drawn; use &#45;&#45;max&#45;nodes"), "the note is drawn");
    }

    @Test
    void anAuthorPictureRendersAsSvgWhenGraphvizIsPresent() throws Exception {
        org.listgraph.testing.Skip.unless(Files.isExecutable(Path.of("/usr/bin/dot")), "Graphviz is not installed (apt-get install graphviz)");
        String svg = export("-f", "svg", "--author", "thockin");
        assertTrue(svg.contains("<svg") && svg.contains("An Illustrated Guide to Kubernetes Networking"), svg.substring(0, 200));
    }

    @Test
    void titlesWithBackslashesAndControlCharactersStillGiveValidExports(@TempDir Path dir) throws Exception {
        Path lists = Files.createDirectories(dir.resolve("lists"));
        Files.writeString(lists.resolve("odd.md"), "# Odd\n\n- [Windows path C:\\\\ and \\n](https://example.org/win)\n"
                + "- [Stray \u0001 byte](https://example.org/ctl)\n");
        Path output = dir.resolve("output");
        assertEquals(Main.OK, CliTest.run("build", "--lists", lists.toString(), "--output", output.toString()).code());
        String store = output.resolve("tdb2").toString();
        CliTest.Run graphml = CliTest.run("export", "--db", store, "-f", "graphml");
        assertEquals(Main.OK, graphml.code(), graphml.err());
        assertTrue(!graphml.out().contains("&#1;"), "no character XML 1.0 forbids");
        javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(graphml.out().getBytes(StandardCharsets.UTF_8)));
        CliTest.Run dot = CliTest.run("export", "--db", store, "-f", "dot", "--list", "odd");
        assertTrue(dot.out().contains("label=\"Windows path C:\\\\ and \\\\n\\n"), dot.out());
        if (Files.isExecutable(Path.of("/usr/bin/dot"))) {
            CliTest.Run svg = CliTest.run("export", "--db", store, "-f", "svg", "--list", "odd");
            assertEquals(Main.OK, svg.code(), svg.err());
            assertTrue(svg.out().contains("Windows path C:\\ and \\n"), svg.out());
        }
    }

    @Test
    void thePropertyGraphExportsAreByteIdentical() {
        assertArrayEquals(graphml().getBytes(StandardCharsets.UTF_8), export("-f", "graphml").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void picturesNeedOneCentreAndNamesThatExist() {
        assertEquals(Main.USAGE, CliTest.run("export", "--db", db, "-f", "svg").code());
        assertEquals(Main.USAGE, CliTest.run("export", "--db", db, "-f", "dot", "--list", "cs224-container-networking", "--max-nodes", "0").code());
        assertEquals(Main.USAGE, CliTest.run("export", "--db", db, "-f", "graphml", "--max-nodes", "10").code());
        assertEquals(Main.USAGE, CliTest.run("export", "--db", db, "-f", "dot", "--max-nodes", "10").code());
        assertEquals(Main.USAGE, CliTest.run("export", "--db", db, "-f", "svg", "--list", "a", "--topic", "b").code());
        assertEquals(Main.USAGE, CliTest.run("export", "--db", db, "-f", "neo4j").code());
        CliTest.Run none = CliTest.run("export", "--db", db, "-f", "dot", "--topic", "no such topic");
        assertEquals(Main.BAD_INPUT, none.code());
        assertTrue(none.err().contains("the store has no topic 'no such topic'"), none.err());
    }
}
