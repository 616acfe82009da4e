package org.listgraph.cli;

import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedPseudograph;
import org.jgrapht.nio.graphml.GraphMLImporter;
import org.jgrapht.util.SupplierUtil;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The property-graph exports read back by other implementations (JGraphT's GraphML importer,
 * networkx when Debian's python3-networkx is present) and checked against SPARQL counts over the
 * same store; the Neo4j files checked against what neo4j-admin needs.
 */
class GraphExportTest {
    @TempDir
    static Path tmp;
    static String db;
    static Map<String, Integer> sparql = new TreeMap<>();

    @BeforeAll
    static void buildTheSeeds() {
        Path output = tmp.resolve("output");
        CliTest.Run r = CliTest.run("build", "--lists", "lists", "--output", output.toString());
        assertEquals(Main.OK, r.code(), r.err());
        db = output.resolve("tdb2").toString();
        Map<String, String> counts = Map.of(
                "Resource", "SELECT (COUNT(DISTINCT ?x) AS ?n) { ?x a lg:Resource }",
                "Series", "SELECT (COUNT(DISTINCT ?x) AS ?n) { ?x a lg:Series }",
                "Agent", "SELECT (COUNT(DISTINCT ?x) AS ?n) { ?x a foaf:Agent }",
                "Topic", "SELECT (COUNT(DISTINCT ?x) AS ?n) { ?x a lg:Topic }",
                "List", "SELECT (COUNT(DISTINCT ?x) AS ?n) { ?x a lg:List }",
                "creator", "SELECT (COUNT(*) AS ?n) { SELECT DISTINCT ?r ?a { VALUES ?c { lg:Resource lg:Series } ?r a ?c ; dct:creator ?a . ?a a foaf:Agent } }",
                "subject", "SELECT (COUNT(*) AS ?n) { SELECT DISTINCT ?r ?t { ?r a lg:Resource ; dct:subject ?t . ?t a lg:Topic } }",
                "listedIn", "SELECT (COUNT(*) AS ?n) { SELECT DISTINCT ?r ?l { ?r a lg:Resource ; lg:listedIn ?l . ?l a lg:List } }",
                "hasPart", "SELECT (COUNT(*) AS ?n) { SELECT DISTINCT ?r ?p { VALUES ?c { lg:Resource lg:Series } ?r a ?c ; dct:hasPart ?p . ?p a lg:Resource } }");
        counts.forEach((k, q) -> {
            CliTest.Run c = CliTest.run("query", "--db", db, "-f", "csv", q);
            assertEquals(Main.OK, c.code(), c.err());
            sparql.put(k, Integer.parseInt(c.out().lines().skip(1).findFirst().orElseThrow().strip()));
        });
        assertTrue(sparql.get("Resource") > 300 && sparql.get("creator") > 50 && sparql.get("Series") > 0, sparql.toString());
    }

    private static String export(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("export", "--db", db));
        all.addAll(List.of(args));
        CliTest.Run r = CliTest.run(all.toArray(String[]::new));
        assertEquals(Main.OK, r.code(), r.err());
        return r.out();
    }

    @Test
    void graphmlReadBackByJGraphTMatchesTheSparqlCounts() {
        String graphml = export("-f", "graphml");
        Graph<String, DefaultEdge> g = new DirectedPseudograph<>(SupplierUtil.createStringSupplier(), SupplierUtil.DEFAULT_EDGE_SUPPLIER, false);
        Map<String, Map<String, String>> nodeData = new HashMap<>();
        Map<DefaultEdge, String> edgeType = new HashMap<>();
        GraphMLImporter<String, DefaultEdge> importer = new GraphMLImporter<>();
        importer.setVertexFactory(id -> id);
        importer.addVertexAttributeConsumer((p, a) -> nodeData.computeIfAbsent(p.getFirst(), k -> new HashMap<>()).put(p.getSecond(), a.getValue()));
        importer.addEdgeAttributeConsumer((p, a) -> {
            if (p.getSecond().equals("type")) edgeType.put(p.getFirst(), a.getValue());
        });
        importer.importGraph(g, new StringReader(graphml));

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
    void graphmlReadBackByNetworkxMatchesTheSparqlCounts() throws Exception {
        org.listgraph.testing.Skip.unless(new ProcessBuilder("/usr/bin/python3", "-c", "import networkx").start().waitFor() == 0,
                "python3-networkx is not installed (apt-get install python3-networkx)");
        Path file = tmp.resolve("graph.graphml");
        Files.writeString(file, export("-f", "graphml"));
        String script = """
                import collections, json, sys, networkx as nx
                g = nx.read_graphml(sys.argv[1])
                c = collections.Counter(d["category"] for _, d in g.nodes(data=True))
                c.update(d["type"] for _, _, d in g.edges(data=True))
                kinds = sorted({d["kind"] for _, d in g.nodes(data=True) if d["category"] == "Resource"})
                print(json.dumps({"counts": c, "kinds": kinds, "directed": g.is_directed()}, sort_keys=True))
                """;
        Process p = new ProcessBuilder("/usr/bin/python3", "-c", script, file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out);
        Map<String, Integer> found = new TreeMap<>();
        json.get("counts").fields().forEachRemaining(e -> found.put(e.getKey(), e.getValue().asInt()));
        assertEquals(sparql, found);
        assertTrue(json.get("directed").asBoolean());
        assertTrue(json.get("kinds").toString().contains("\"Talk\""), out);
    }

    @Test
    void neo4jFilesHaveTheImportHeadersAndConsistentIds() throws IOException {
        Path dir = tmp.resolve("neo4j");
        CliTest.Run r = CliTest.run("export", "--db", db, "-f", "neo4j", "-o", dir.toString());
        assertEquals(Main.OK, r.code(), r.err());
        List<String> nodes = Files.readAllLines(dir.resolve("nodes.csv"));
        List<String> rels = Files.readAllLines(dir.resolve("relationships.csv"));
        assertEquals("id:ID,:LABEL,kind,label,url,iri", nodes.get(0));
        assertEquals(":START_ID,:END_ID,:TYPE", rels.get(0));
        Set<String> ids = new HashSet<>();
        try (var parser = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(dir.resolve("nodes.csv")))) {
            for (var rec : parser) {
                assertTrue(ids.add(rec.get("id:ID")), "unique id " + rec.get("id:ID"));
                assertTrue(rec.get(":LABEL").matches("(Resource|Series|Agent|Topic|List)(;\\w+)?"), rec.get(":LABEL"));
            }
        }
        assertEquals(sparql.get("Resource") + sparql.get("Series") + sparql.get("Agent") + sparql.get("Topic") + sparql.get("List"), ids.size());
        Map<String, Integer> types = new TreeMap<>();
        try (var parser = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(dir.resolve("relationships.csv")))) {
            for (var rec : parser) {
                assertTrue(ids.contains(rec.get(":START_ID")) && ids.contains(rec.get(":END_ID")), rec.toString());
                types.merge(rec.get(":TYPE"), 1, Integer::sum);
            }
        }
        assertEquals(Map.of("CREATOR", sparql.get("creator"), "HAS_PART", sparql.get("hasPart"), "LISTED_IN", sparql.get("listedIn"),
                "SUBJECT", sparql.get("subject")), types);
        assertTrue(Files.readString(dir.resolve("README.txt")).contains("neo4j-admin database import full --nodes="));
    }

    @Test
    void aListPictureHoldsTheListItsResourcesAndTheirAuthors() {
        String dot = export("-f", "dot", "--list", "cs224-container-networking");
        assertTrue(dot.startsWith("digraph listgraph {"), dot);
        CliTest.Run listed = CliTest.run("query", "--db", db, "-f", "csv",
                "SELECT (COUNT(DISTINCT ?r) AS ?n) { ?r lg:listedIn <https://w3id.org/listgraph/id/list/cs224-container-networking> }");
        int resources = Integer.parseInt(listed.out().lines().skip(1).findFirst().orElseThrow().strip());
        long listedInEdges = dot.lines().filter(l -> l.contains("label=\"listedIn\"")).count();
        assertEquals(resources, listedInEdges);
        assertTrue(dot.contains("shape=\"folder\""), "the list node");
        assertTrue(dot.contains("label=\"creator\""), "authors are drawn");
        assertEquals(dot, export("-f", "dot", "--list", "cs224-container-networking"), "deterministic");
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
        assertTrue(dot.out().contains("label=\"Windows path C:\\\\ and \\\\n\""), dot.out());
        if (Files.isExecutable(Path.of("/usr/bin/dot"))) {
            CliTest.Run svg = CliTest.run("export", "--db", store, "-f", "svg", "--list", "odd");
            assertEquals(Main.OK, svg.code(), svg.err());
            assertTrue(svg.out().contains("Windows path C:\\ and \\n"), svg.out());
        }
    }

    @Test
    void thePropertyGraphExportsAreByteIdentical() {
        assertArrayEquals(export("-f", "graphml").getBytes(StandardCharsets.UTF_8), export("-f", "graphml").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void picturesNeedOneNeighbourhoodAndNamesThatExist() {
        assertEquals(Main.USAGE, CliTest.run("export", "--db", db, "-f", "dot").code());
        assertEquals(Main.USAGE, CliTest.run("export", "--db", db, "-f", "svg", "--list", "a", "--topic", "b").code());
        assertEquals(Main.USAGE, CliTest.run("export", "--db", db, "-f", "neo4j").code());
        CliTest.Run none = CliTest.run("export", "--db", db, "-f", "dot", "--topic", "no such topic");
        assertEquals(Main.BAD_INPUT, none.code());
        assertTrue(none.err().contains("the store has no topic 'no such topic'"), none.err());
    }
}
