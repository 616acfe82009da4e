package org.listgraph.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.apache.jena.query.Dataset;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.listgraph.export.RdfFormat;
import org.listgraph.testing.GraphAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A store kept over time: incremental loads, removal, exports in every format, stats, compaction. */
class StoreLifecycleTest {
    private static final String BASE = "https://w3id.org/listgraph/id/";
    @TempDir
    Path tmp;
    Path lists;
    Path output;

    @BeforeEach
    void copySeeds() throws IOException {
        lists = org.listgraph.testing.Seeds.copyInto(tmp.resolve("lists"));
        output = tmp.resolve("output");
        CliTest.Run r = CliTest.run("build", "--lists", lists.toString(), "--output", output.toString());
        assertEquals(Main.OK, r.code(), r.err());
    }

    private String db() {
        return output.resolve("tdb2").toString();
    }

    /** Each graph's sorted N-Quads, and when the metadata graph says it was written. */
    private Map<String, String> graphs() {
        CliTest.Run r = CliTest.run("export", "--db", db(), "-f", "nq");
        Map<String, StringBuilder> byGraph = new TreeMap<>();
        r.out().lines().sorted().forEach(l -> byGraph.computeIfAbsent(l.substring(l.lastIndexOf(" <") + 1), k -> new StringBuilder()).append(l).append('\n'));
        Map<String, String> out = new TreeMap<>();
        byGraph.forEach((g, s) -> out.put(g, s.toString()));
        CliTest.Run meta = CliTest.run("query", "--db", db(), "-f", "csv",
                "SELECT ?g ?m WHERE { GRAPH <" + BASE + "graph/meta> { ?g dct:modified ?m } } ORDER BY ?g");
        meta.out().lines().skip(1).forEach(l -> out.put("modified " + l.split(",")[0], l.split(",")[1]));
        return out;
    }

    @Test
    void changingOneListRewritesOnlyItsGraphAndTheSharedGraph() throws Exception {
        Map<String, String> before = graphs();
        TimeUnit.MILLISECONDS.sleep(1100); // dct:modified has second precision
        Path cs224 = lists.resolve("cs224-dev-meetup-container-networking.md");
        Files.writeString(cs224, Files.readString(cs224) + "\n* [A new post](https://example.org/a-new-post)\n");
        CliTest.Run r = CliTest.run("build", "--lists", lists.toString(), "--output", output.toString());
        assertTrue(r.out().contains("store: 2 graphs written, 4 unchanged, 0 removed"), r.out());
        Map<String, String> after = graphs();
        String changed = "<" + BASE + "graph/cs224-container-networking>";
        String shared = "<" + BASE + "graph/shared>";
        for (String g : before.keySet()) {
            boolean expectChange = g.contains(changed.substring(1, changed.length() - 1)) || g.contains(shared.substring(1, shared.length() - 1));
            if (expectChange) assertFalse(before.get(g).equals(after.get(g)), g + " changed");
            else assertEquals(before.get(g), after.get(g), g + " untouched");
        }
    }

    @Test
    void aBuildAfterAnEditLeavesTheSameStoreAndFilesAsAFullBuildOfTheEditedLists() throws IOException {
        Path cs224 = lists.resolve("cs224-dev-meetup-container-networking.md");
        List<String> lines = Files.readAllLines(cs224);
        String dropped = lines.stream().filter(l -> l.contains("](http")).skip(3).findFirst().orElseThrow();
        List<String> edited = new java.util.ArrayList<>(lines.stream().filter(l -> !l.equals(dropped)).toList());
        edited.add("* [A new post](https://example.org/a-new-post) by Tim Hockin");
        Files.write(cs224, edited);
        CliTest.Run again = CliTest.run("build", "--lists", lists.toString(), "--output", output.toString());
        assertTrue(again.out().contains("store: 2 graphs written, 4 unchanged, 0 removed"), again.out());

        Path fresh = tmp.resolve("fresh");
        assertEquals(Main.OK, CliTest.run("build", "--lists", lists.toString(), "--output", fresh.toString()).code());
        List<String> full = quadsBesideMeta(fresh), incremental = quadsBesideMeta(output);
        var inFull = new java.util.HashSet<>(full);
        var inIncremental = new java.util.HashSet<>(incremental);
        List<String> missing = full.stream().filter(q -> !inIncremental.contains(q)).limit(10).toList();
        List<String> extra = incremental.stream().filter(q -> !inFull.contains(q)).limit(10).toList();
        assertTrue(missing.isEmpty() && extra.isEmpty(), "the store's graphs differ from a full build's: missing " + missing + ", extra " + extra);
        assertEquals(full, incremental);
        for (String file : List.of("graph.ttl", "report.html", "problems.txt", "merges.csv", "merges.md")) {
            assertArrayEquals(Files.readAllBytes(fresh.resolve(file)), Files.readAllBytes(output.resolve(file)), file);
        }
    }

    /** The store's quads as sorted N-Quads lines, without the metadata graph (which says when each graph was written). */
    private static List<String> quadsBesideMeta(Path out) {
        CliTest.Run r = CliTest.run("export", "--db", out.resolve("tdb2").toString(), "-f", "nq");
        assertEquals(Main.OK, r.code(), r.err());
        List<String> quads = r.out().lines().filter(l -> !l.endsWith("<" + BASE + "graph/meta> .")).sorted().toList();
        assertTrue(quads.size() > 5000, "the seeds' graphs are there");
        return quads;
    }

    @Test
    void aListThatIsGoneIsRemovedFromTheStoreWithALineSayingSo() throws IOException {
        Files.delete(lists.resolve("cs224-dev-meetup-container-networking.md"));
        String manifest = Files.readString(lists.resolve("lists.json"));
        Files.writeString(lists.resolve("lists.json"), manifest.replaceAll("(?s),\\s*\\{[^{}]*cs224-container-networking[^{}]*\\}", ""));
        CliTest.Run r = CliTest.run("build", "--lists", lists.toString(), "--output", output.toString());
        assertEquals(Main.OK, r.code(), r.err());
        assertTrue(r.out().contains("removed " + BASE + "graph/cs224-container-networking (its list is gone)"), r.out());
        CliTest.Run q = CliTest.run("query", "--db", db(), "-f", "csv", "ASK { GRAPH <" + BASE + "graph/cs224-container-networking> { ?s ?p ?o } }");
        assertTrue(q.out().contains("false"), q.out());
    }

    @Test
    void theMetadataGraphRecordsEachListsFileHashAndEntryCount() {
        CliTest.Run r = CliTest.run("query", "--db", db(), "-f", "csv", """
                SELECT ?path ?sha ?n ?hash ?version WHERE { GRAPH <https://w3id.org/listgraph/id/graph/meta> {
                  <https://w3id.org/listgraph/id/list/mhausenblas-cn-ref> lg:sourcePath ?path ; lg:sha256 ?sha ; schema:numberOfItems ?n .
                  <https://w3id.org/listgraph/id/graph/mhausenblas-cn-ref> schema:sha256 ?hash ; schema:schemaVersion ?version ;
                    dct:modified ?when ; dct:source <https://w3id.org/listgraph/id/list/mhausenblas-cn-ref> } }""");
        List<String> row = List.of(r.out().lines().skip(1).findFirst().orElseThrow().split(","));
        assertEquals("lists/mhausenblas-container-networking-reference.md", row.get(0));
        assertEquals(org.listgraph.identity.IriMinter.sha256(readBytes(lists.resolve("mhausenblas-container-networking-reference.md"))), row.get(1));
        assertEquals("83", row.get(2));
        assertEquals(64, row.get(3).length());
        assertEquals("0.1.0", row.get(4));
    }

    private static byte[] readBytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void statsListsAListWithNoEntriesAndTheVersionQuerySaysWhenAListIsNoVersion() throws IOException {
        Files.writeString(lists.resolve("empty.md"), "# Empty list\n\nNothing yet.\n");
        assertEquals(Main.OK, CliTest.run("build", "--lists", lists.toString(), "--output", output.toString()).code());
        assertTrue(CliTest.run("stats", "--db", db()).out().lines().anyMatch(l -> l.startsWith("empty ") && l.contains("Empty list")));
        CliTest.Run v = CliTest.run("query", "--db", db(), "-f", "csv", "--saved", "list-version-changes", "--param", "list=empty");
        assertEquals(Main.OK, v.code(), v.err());
        assertEquals(List.of("change,title,url"), v.out().lines().toList(), "an empty answer");
        assertTrue(v.err().contains("list-version-changes: no rows for list=\"empty\"; it is not a later version of another list "
                + "(revisionOf in lists.json); these are: nleiva-k8s-networking"), v.err());
        CliTest.Run typo = CliTest.run("query", "--db", db(), "-f", "csv", "--saved", "list-version-changes", "--param", "list=nleiva-k8s-networkin");
        assertTrue(typo.err().contains("did you mean \"nleiva-k8s-networking\"?"), typo.err());
    }

    @Test
    void rebuildRewritesEveryGraph() {
        CliTest.Run r = CliTest.run("build", "--lists", lists.toString(), "--output", output.toString(), "--rebuild");
        assertTrue(r.out().contains("store: 6 graphs written, 0 unchanged, 0 removed"), r.out());
    }

    @ParameterizedTest
    @EnumSource(RdfFormat.class)
    void everyExportFormatRoundTripsToTheSameGraphsAndIsDeterministic(RdfFormat format) {
        CliTest.Run nq = CliTest.run("export", "--db", db(), "-f", "nq");
        DatasetGraph store = DatasetGraphFactory.create();
        RDFDataMgr.read(store, new ByteArrayInputStream(nq.out().getBytes(StandardCharsets.UTF_8)), Lang.NQUADS);
        CliTest.Run r = CliTest.run("export", "--db", db(), "-f", format.formatName());
        assertEquals(Main.OK, r.code(), r.err());
        byte[] bytes = r.out().getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(bytes, CliTest.run("export", "--db", db(), "-f", format.formatName()).out().getBytes(StandardCharsets.UTF_8));
        Lang lang = RDFLanguages.filenameToLang("x" + format.extension());
        if (format.quads()) {
            DatasetGraph back = DatasetGraphFactory.create();
            RDFDataMgr.read(back, new ByteArrayInputStream(bytes), lang);
            assertTrue(IsoMatcher.isomorphic(store, back), format + " keeps every named graph");
        } else {
            var back = GraphFactory.createGraphMem();
            RDFDataMgr.read(back, new ByteArrayInputStream(bytes), lang);
            var union = GraphFactory.createGraphMem();
            store.find().forEachRemaining(q -> union.add(q.asTriple()));
            GraphAssert.assertIsomorphic(union, back, format.formatName());
        }
    }

    @Test
    void oneListsGraphCanBeExportedAlone() {
        CliTest.Run r = CliTest.run("export", "--db", db(), "-f", "nt", "--graph", "mhausenblas-cn-ref");
        assertEquals(Main.OK, r.code(), r.err());
        assertTrue(r.out().lines().allMatch(l -> !l.contains("/list/cs224")), "nothing of other lists");
        assertTrue(r.out().contains("<" + BASE + "list/mhausenblas-cn-ref> <http://purl.org/dc/terms/title>"));
        CliTest.Run missing = CliTest.run("export", "--db", db(), "--graph", "no-such-list");
        assertEquals(Main.BAD_INPUT, missing.code());
    }

    @Test
    void jsonLdKeysAreReadableAndAnIndependentProcessorReadsTheSameTriples() throws Exception {
        CliTest.Run r = CliTest.run("export", "--db", db(), "-f", "jsonld");
        JsonNode doc = JsonMapper.builder().build().readTree(r.out());
        assertTrue(doc.has("@context") && doc.toString().contains("\"listedIn\"") && doc.toString().contains("\"creator\""), "readable keys");
        Path file = Files.writeString(tmp.resolve("graph.jsonld"), r.out());
        CliTest.Run nt = CliTest.run("export", "--db", db(), "-f", "nt");
        long expected = nt.out().lines().filter(l -> !l.isBlank()).count();

        boolean rdflib = Files.isExecutable(Path.of("/usr/bin/python3"))
                && new ProcessBuilder("/usr/bin/python3", "-c", "import rdflib").start().waitFor() == 0;
        org.listgraph.testing.Skip.unless(rdflib, "python3-rdflib (Debian) is not installed for the second-processor check; .ci/run installs it");
        Process p = new ProcessBuilder("/usr/bin/python3", "-c",
                "import rdflib,sys; g=rdflib.Graph(); g.parse(sys.argv[1], format='json-ld'); print(len(g))", file.toString())
                .redirectErrorStream(true).start();
        String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor(), printed);
        assertEquals(String.valueOf(expected), printed.lines().reduce((a, b) -> b).orElse(""), "rdflib reads as many triples as N-Triples has");
    }

    @Test
    void statsShowsListsKindsAndTheOverlapMatrix() throws IOException {
        CliTest.Run r = CliTest.run("stats", "--db", db(), "-f", "json");
        assertEquals(Main.OK, r.code(), r.err());
        JsonNode s = JsonMapper.builder().build().readTree(r.out());
        JsonNode overlap = s.get("overlap");
        assertEquals(46, overlap.get("nleiva-k8s-networking").get("nleiva-k8s-networking-pre-2024").asInt());
        assertEquals(46, overlap.get("nleiva-k8s-networking-pre-2024").get("nleiva-k8s-networking").asInt());
        assertEquals(3, overlap.get("cs224-container-networking").get("mhausenblas-cn-ref").asInt());
        assertEquals(7, overlap.get("mhausenblas-cn-ref").get("nleiva-k8s-networking").asInt());
        assertEquals(145, overlap.get("nubenetes-k8s-networking").get("nubenetes-k8s-networking").asInt());
        JsonNode pre2024 = null;
        for (JsonNode l : s.get("lists")) if (l.get("id").asText().equals("nleiva-k8s-networking-pre-2024")) pre2024 = l;
        assertEquals(List.of(47, 47, 1), List.of(pre2024.get("entries").asInt(), pre2024.get("resources").asInt(), pre2024.get("unique").asInt()));
        assertEquals("Article", s.get("kinds").get(0).get("label").asText());
        CliTest.Run table = CliTest.run("stats", "--db", db());
        assertTrue(table.out().contains("resources shared by each pair of lists"), table.out());
    }

    @Test
    void theVersionQueryShowsWhatTheNewerNleivaListAddedAndDropped() {
        CliTest.Run r = CliTest.run("query", "--db", db(), "-f", "csv", "--saved", "list-version-changes", "--param", "list=nleiva-k8s-networking");
        assertEquals(57, r.out().lines().filter(l -> l.startsWith("added,")).count());
        assertEquals(List.of("removed,Kubernetes Container Networking (Cisco Live 2018),https://clnv.s3.amazonaws.com/2018/eur/pdf/BRKDCN-2390.pdf"),
                r.out().lines().filter(l -> l.startsWith("removed,")).toList());
    }

    @Test
    void compactKeepsTheAnswersAndReclaimsSpace() {
        for (int i = 0; i < 3; i++) CliTest.run("build", "--lists", lists.toString(), "--output", output.toString(), "--rebuild");
        String before = CliTest.run("query", "--db", db(), "-f", "csv", "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }").out();
        CliTest.Run c = CliTest.run("compact", "--db", db());
        assertEquals(Main.OK, c.code(), c.err());
        assertTrue(c.out().contains("Data-0001 → Data-0002"), "a new generation replaces the old one: " + c.out());
        assertFalse(Files.exists(output.resolve("tdb2/Data-0001")), "the old generation's space is given back");
        assertEquals(before, CliTest.run("query", "--db", db(), "-f", "csv", "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }").out());
    }

    @Test
    void temporaryFilesOfABuildKilledBeforeItsJournalAreRemovedByTheNextCommandThatOpensTheStore() throws IOException {
        long gone = ProcessHandle.allProcesses().mapToLong(ProcessHandle::pid).max().orElse(1) + 1_000_000; // no process has it
        Path leftover = Files.writeString(output.resolve(".graph.ttl." + gone + ".123456789.tmp"), "half a graph");
        Path report = Files.writeString(output.resolve(".report.html." + gone + ".-42.tmp"), "half a report");
        Path running = Files.writeString(output.resolve(".graph.ttl." + ProcessHandle.current().pid() + ".1.tmp"), "being written");
        Path other = Files.writeString(output.resolve("notes.tmp"), "not ours");
        Path foreign = Files.writeString(output.resolve(".notes.txt." + gone + ".1.tmp"), "another program's, by the same naming");
        CliTest.Run r = CliTest.run("query", "--db", db(), "ASK { ?s ?p ?o }");
        assertEquals(Main.OK, r.code(), r.err());
        assertFalse(Files.exists(leftover), "a dead build's graph.ttl in progress is removed");
        assertFalse(Files.exists(report));
        assertTrue(Files.exists(running), "a file a live process is writing stays");
        assertTrue(Files.exists(other), "a file that is not ours stays");
        assertTrue(Files.exists(foreign), "only the temporary files of what a build writes are removed");
    }
}
