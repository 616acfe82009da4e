package org.listgraph.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The commands as a user runs them: exit codes, one-line errors, nothing half-written. */
class CliTest {
    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
        List<String> errLines() {
            return Arrays.stream(err.split("\n")).filter(s -> !s.isBlank()).toList();
        }
    }

    static Run run(String... args) {
        return run(Map.of(), args);
    }

    /** Runs the command line with {@code env} as its whole environment. */
    static Run run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), env, args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void assertOneLineErrorNaming(Run r, String what) {
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains(what), r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    @Test
    void aBinaryFileIsBadInputAndNothingIsWritten() throws IOException {
        Path bin = tmp.resolve("logo.md");
        Files.write(bin, new byte[]{(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 'I', 'H', 'D', 'R'});
        Path out = tmp.resolve("out.ttl");
        Run r = run("convert", bin.toString(), "-o", out.toString());
        assertEquals(Main.BAD_INPUT, r.code());
        assertOneLineErrorNaming(r, bin + ":1: error: binary file");
        assertFalse(Files.exists(out));
        try (var files = Files.list(tmp)) {
            assertEquals(List.of("logo.md"), files.map(p -> p.getFileName().toString()).toList(), "no temporary file left");
        }
    }

    @Test
    void aMissingFileIsBadInput() {
        Run r = run("convert", tmp.resolve("nope.md").toString());
        assertEquals(Main.BAD_INPUT, r.code());
        assertOneLineErrorNaming(r, "nope.md: error: no such file");
    }

    @Test
    void anEmptyFileConvertsToAnEmptyListWithAWarning() throws IOException {
        Path empty = tmp.resolve("empty.md");
        Files.writeString(empty, "");
        Run r = run("convert", empty.toString(), "-f", "nt");
        assertEquals(Main.OK, r.code(), r.err());
        assertEquals(List.of(empty + ":1:1: warning: file is empty: the list has no entries"), r.errLines());
        assertTrue(r.out().contains("<https://schema.org/numberOfItems> \"0\"^^<http://www.w3.org/2001/XMLSchema#integer>"), r.out());
    }

    @Test
    void aManifestThatIsNotJsonNamesTheLine() throws IOException {
        Files.writeString(tmp.resolve("a.md"), "- [A](https://a.example/)\n");
        Files.writeString(tmp.resolve("lists.json"), "{\n  \"lists\": [\n    {\"id\": \"a\",, }\n  ]\n}\n");
        Run r = run("convert", tmp.toString());
        assertEquals(Main.BAD_INPUT, r.code());
        assertOneLineErrorNaming(r, tmp.resolve("lists.json") + ":3:");
        assertTrue(r.err().contains("not valid JSON"), r.err());
    }

    @Test
    void aManifestEntryWithoutATitleNamesTheField() throws IOException {
        Files.writeString(tmp.resolve("a.md"), "- [A](https://a.example/)\n");
        Files.writeString(tmp.resolve("lists.json"), "{\"lists\": [{\"id\": \"a\", \"file\": \"a.md\"}]}");
        Run r = run("convert", tmp.toString());
        assertEquals(Main.BAD_INPUT, r.code());
        assertOneLineErrorNaming(r, "lists[0]: missing field \"title\"");
    }

    @Test
    void aManifestWithABadIdOrUnknownFieldSaysWhichField() throws IOException {
        Files.writeString(tmp.resolve("a.md"), "- [A](https://a.example/)\n");
        Files.writeString(tmp.resolve("lists.json"), "{\"lists\": [{\"id\": \"A List\", \"file\": \"a.md\", \"title\": \"A\"}]}");
        assertOneLineErrorNaming(run("convert", tmp.toString()), "lists[0].id \"A List\"");
        Files.writeString(tmp.resolve("lists.json"), "{\"lists\": [{\"id\": \"a\", \"file\": \"a.md\", \"title\": \"A\", \"licence\": \"MIT\"}]}");
        assertOneLineErrorNaming(run("convert", tmp.toString()), "unknown field \"licence\"");
    }

    @Test
    void aManifestEntryNamingAMissingFileIsBadInput() throws IOException {
        Files.writeString(tmp.resolve("a.md"), "- [A](https://a.example/)\n");
        Files.writeString(tmp.resolve("lists.json"), "{\"lists\": [{\"id\": \"a\", \"file\": \"gone.md\", \"title\": \"A\"}]}");
        Run r = run("convert", tmp.toString());
        assertEquals(Main.BAD_INPUT, r.code());
        assertOneLineErrorNaming(r, "lists[0].file \"gone.md\" does not exist");
    }

    @Test
    void aFolderWithoutListsIsBadInputAndTheStoreIsNotEmptied() throws IOException {
        Path output = tmp.resolve("output");
        assertEquals(Main.OK, run("build", "--lists", "src/test/resources/golden/cross-list-merge", "--output", output.toString()).code());
        Path empty = Files.createDirectory(tmp.resolve("empty"));
        Run r = run("build", "--lists", empty.toString(), "--output", output.toString());
        assertEquals(Main.BAD_INPUT, r.code());
        assertOneLineErrorNaming(r, "the folder has no .md list files");
        Run q = run("query", "--saved", "talks-by", "--param", "author=thockin", "--db", output.resolve("tdb2").toString(), "-f", "csv");
        assertEquals(2, q.out().lines().count(), "the previous store answers as before: " + q.out());
    }

    @Test
    void aFolderThatIsNotAStoreIsNotTurnedIntoOne() throws IOException {
        Path notStore = Files.createDirectory(tmp.resolve("output"));
        Run r = run("query", "ASK {}", "--db", notStore.toString());
        assertEquals(Main.BAD_INPUT, r.code());
        assertOneLineErrorNaming(r, "no store here");
        try (var files = Files.list(notStore)) {
            assertEquals(0, files.count(), "nothing created in a folder that is not a store");
        }
    }

    @Test
    void anOutputNameWithAnUnknownExtensionNeedsAnExplicitFormat() {
        Run r = run("convert", "src/test/resources/golden/cross-list-merge", "-o", tmp.resolve("graph.xml").toString());
        assertEquals(Main.USAGE, r.code());
        assertTrue(r.err().contains("pass -f with one of: ttl, nt, jsonld, rdfxml, trig, nq"), r.err());
        assertFalse(Files.exists(tmp.resolve("graph.xml")));
    }

    @Test
    void serveRefusesAnAnswerCapBelowOneRowBeforeOpeningTheStore() {
        Run r = run("serve", "--db", tmp.resolve("none").toString(), "--max-rows", "0");
        assertEquals(Main.USAGE, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("--max-rows must be at least 1, got 0"), r.err());
        assertFalse(Files.exists(tmp.resolve("none")), "no store made");
    }

    @Test
    void aTemporaryFileLeftByAKilledWriterIsRemovedByTheNextWrite() throws IOException {
        Path leftover = Files.writeString(tmp.resolve(".graph.ttl.2147483646.123.tmp"), "half");
        Run r = run("convert", "src/test/resources/golden/cross-list-merge", "-o", tmp.resolve("graph.ttl").toString(), "-q");
        assertEquals(Main.OK, r.code(), r.err());
        assertFalse(Files.exists(leftover), "the dead writer's file is gone");
        assertTrue(Files.size(tmp.resolve("graph.ttl")) > 0);
    }

    @Test
    void anOutputPathBlockedByAFileIsOneClearError() throws IOException {
        Path blocker = Files.writeString(tmp.resolve("blocker"), "x");
        Run r = run("convert", "src/test/resources/golden/cross-list-merge", "-o", blocker.resolve("graph.ttl").toString());
        assertEquals(Main.BAD_INPUT, r.code());
        assertOneLineErrorNaming(r, "cannot write " + blocker.resolve("graph.ttl"));
    }

    @Test
    void aFileIntoAFolderThatDoesNotExistIsOneLineBeforeAnyWorkAndMakesNoFolder() {
        Path missing = tmp.resolve("no-such-folder");
        Run convert = run("convert", "lists", "-q", "-o", missing.resolve("sub").resolve("graph.ttl").toString());
        assertEquals(Main.BAD_INPUT, convert.code());
        assertOneLineErrorNaming(convert, "cannot write " + missing.resolve("sub").resolve("graph.ttl") + " (there is no folder "
                + missing.resolve("sub").toAbsolutePath() + "); create the folder first");
        Run export = run("export", "--db", tmp.resolve("no-store").toString(), "-o", missing.resolve("graph.nq").toString());
        assertEquals(Main.BAD_INPUT, export.code());
        assertOneLineErrorNaming(export, "(there is no folder " + missing.toAbsolutePath() + ")");
        assertFalse(Files.exists(missing), "no folder made");
        assertFalse(Files.exists(tmp.resolve("no-store")), "checked before the store was opened");
    }

    @Test
    void serveWatchRefusesAStoreBuiltWithAnotherBaseBeforeItServes() {
        Path out = tmp.resolve("out");
        assertEquals(Main.OK, run("build", "--lists", "lists", "--output", out.toString()).code());
        Run r = run("serve", "--watch", "--db", out.resolve("tdb2").toString(), "--port", "0", "--base", "https://example.org/other/");
        assertEquals(Main.USAGE, r.code(), r.err());
        assertTrue(r.err().contains("was built with another base"), r.err());
        assertFalse(Files.exists(out.resolve("tdb2.serving.json")), "it never served");
    }

    @Test
    void convertShowsTheSameProgressLineAsBuildAndClearsIt() {
        Run shown = run(Map.of("LISTGRAPH_PROGRESS", "always"), "convert", "lists", "-q", "-o", tmp.resolve("graph.ttl").toString());
        assertEquals(Main.OK, shown.code(), shown.err());
        assertTrue(shown.err().contains("\rlistgraph: reading lists 1/5…"), shown.err());
        assertTrue(shown.err().contains("\rlistgraph: writing " + tmp.resolve("graph.ttl") + "…"), shown.err());
        assertTrue(shown.err().endsWith("\r"), "the line is cleared at the end: " + shown.err());
        Run piped = run(Map.of("LISTGRAPH_PROGRESS", "always"), "convert", "lists", "-q");
        assertFalse(piped.out().contains("\r"), "stdout never carries progress");
    }

    @Test
    void aListMissingFromTheManifestStillConvertsWithIdAndTitleFromTheFile() throws IOException {
        Files.writeString(tmp.resolve("My Links.md"), "# Favourite links\n\n- [A](https://a.example/)\n");
        Run r = run("convert", tmp.toString(), "-f", "nt");
        assertEquals(Main.OK, r.code(), r.err());
        assertTrue(r.out().contains("<https://w3id.org/listgraph/id/list/my-links> <http://purl.org/dc/terms/title> \"Favourite links\""), r.out());
    }

    @Test
    void convertWritesTheChosenFormatAtomicallyToAFile() throws IOException {
        Path out = tmp.resolve("graph.jsonld");
        Run r = run("convert", "src/test/resources/golden/cross-list-merge", "-o", out.toString(), "-q");
        assertEquals(Main.OK, r.code(), r.err());
        String json = Files.readString(out);
        assertTrue(json.contains("\"@context\"") && json.contains("Illustrated Guide"), json);
        assertEquals(Main.USAGE, run("convert", "lists", "-f", "yaml").code());
    }

    @Test
    void buildThenQueryAnswersTheThockinQueryFromTheStore() {
        Path output = tmp.resolve("output");
        Run build = run("build", "--lists", "lists", "--output", output.toString());
        assertEquals(Main.OK, build.code(), build.err());
        assertTrue(build.out().startsWith("built 5 lists: 476 entries, "), build.out());
        assertTrue(Files.isRegularFile(output.resolve("graph.ttl")));
        assertTrue(Files.isRegularFile(output.resolve("problems.txt")));

        Run q = run("query", "--saved", "talks-by", "--param", "author=thockin", "--db", output.resolve("tdb2").toString(), "-f", "csv");
        assertEquals(Main.OK, q.code(), q.err());
        List<String> lines = q.out().lines().toList();
        assertEquals("talk,title", lines.get(0));
        assertEquals(5, lines.size(), q.out());
        assertTrue(q.out().contains("Bringing Traffic Into Your Kubernetes Cluster"));

        Run json = run("query", "ASK { ?s ?p ?o }", "--db", output.resolve("tdb2").toString(), "-f", "json");
        assertTrue(json.out().contains("\"boolean\" : true"), json.out());
    }

    @Test
    void loadPutsEachListInItsOwnNamedGraphAndReplacesTheStoreContent() {
        Path db = tmp.resolve("db");
        Run load = run("load", "src/test/resources/golden/cross-list-merge", "--db", db.toString());
        assertEquals(Main.OK, load.code(), load.err());
        assertTrue(load.out().startsWith("loaded 2 lists"), load.out());
        Run graphs = run("query", "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g",
                "--db", db.toString(), "-f", "csv");
        assertEquals(List.of("g,n",
                "https://w3id.org/listgraph/id/graph/a,25",
                "https://w3id.org/listgraph/id/graph/b,25",
                "https://w3id.org/listgraph/id/graph/meta,24",
                "https://w3id.org/listgraph/id/graph/shared,151"), graphs.out().lines().toList());

        assertEquals(Main.OK, run("load", "src/test/resources/golden/link-description-handle", "--db", db.toString()).code());
        Run after = run("query", "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g", "--db", db.toString(), "-f", "csv");
        assertEquals(List.of("g", "https://w3id.org/listgraph/id/graph/input", "https://w3id.org/listgraph/id/graph/meta",
                "https://w3id.org/listgraph/id/graph/shared"), after.out().lines().toList(), "the store holds exactly the lists of the last load");
    }

    @Test
    void overridesForceAndForbidMergesAndTheReportExplainsThem() throws IOException {
        Path lists = org.listgraph.testing.Seeds.copyInto(tmp.resolve("lists"));
        Files.writeString(lists.resolve("overrides.json"), """
                {
                  "works": {
                    "merge": [["https://loft-sh.medium.com/kubernetes-network-policies-a-practitioners-guide-c9bb4cdd0dbc",
                               "https://loft.sh/blog/kubernetes-network-policies-a-practitioners-guide"]],
                    "keepApart": [["https://speakerdeck.com/thockin/illustrated-guide-to-kubernetes-networking",
                                   "https://speakerd.s3.amazonaws.com/presentations/005d36f0113d4773be8866496142485e/Illustrated_guid_to_kubernetes_networking.pdf"]]
                  },
                  "people": { "merge": [["name:Mark Betz", "github:Markbnj"]] },
                  "topics": { "keepApart": [["NetworkPolicy", "Kubernetes Network Policy"]] }
                }
                """);
        Path output = tmp.resolve("output");
        Run build = run("build", "--lists", lists.toString(), "--output", output.toString());
        assertEquals(Main.OK, build.code(), build.err());
        String db = output.resolve("tdb2").toString();
        Run loft = run("query", "SELECT (COUNT(DISTINCT ?r) AS ?n) WHERE { ?r schema:url ?u FILTER(CONTAINS(STR(?u), \"practitioners-guide\")) }",
                "--db", db, "-f", "csv");
        assertEquals(List.of("n", "1"), loft.out().lines().toList(), "forced merge");
        Run guide = run("query", "SELECT (COUNT(DISTINCT ?r) AS ?n) WHERE { ?r schema:url ?u FILTER(CONTAINS(STR(?u), \"llustrated\") && !CONTAINS(STR(?u), \"ApsOps\")) }",
                "--db", db, "-f", "csv");
        assertEquals(List.of("n", "2"), guide.out().lines().toList(), "kept apart");
        Run betz = run("query", "SELECT ?t WHERE { ?r dct:creator/foaf:account/foaf:accountName \"Markbnj\" ; dct:title ?t } ORDER BY ?t",
                "--db", db, "-f", "csv");
        assertTrue(betz.out().contains("Understanding kubernetes networking: ingress"), "Mark Betz's post by name now by Markbnj: " + betz.out());
        Run topics = run("query", "SELECT (COUNT(DISTINCT ?t) AS ?n) WHERE { ?t a lg:Topic ; skos:prefLabel|skos:altLabel ?l FILTER(?l IN (\"NetworkPolicy\", \"Kubernetes Network Policy\")) }",
                "--db", db, "-f", "csv");
        assertEquals(List.of("n", "1"), topics.out().lines().toList(), "both headings name the scheme's Network Policy");

        String md = Files.readString(output.resolve("merges.md"));
        assertTrue(md.contains("merged by lists/overrides.json works.merge[0]"), md);
        assertTrue(md.contains("kept apart by lists/overrides.json works.keepApart[0]"), md);
        assertTrue(md.contains("the name 'Jon Langemak' and github:jonlangemak on the same work"), md);
        assertTrue(md.contains("both headings name the topic network-policy of the topic scheme"), md);
        String csv = Files.readString(output.resolve("merges.csv"));
        assertTrue(csv.startsWith("what,outcome,into,member,evidence,urls,lists\n"), csv);
        assertTrue(csv.contains("person,merged,https://w3id.org/listgraph/id/agent/github/thockin,name:tim-hockin,"), csv);
    }

    @Test
    void aLookupThatFindsNoOneSuggestsCloseNamesOnStderrAndStillExitsZero() {
        Path db = tmp.resolve("db");
        assertEquals(Main.OK, run("load", "src/test/resources/golden/cross-list-merge", "--db", db.toString()).code());
        Run miss = run("query", "--saved", "talks-by", "--param", "author=thockn", "--db", db.toString(), "-f", "csv");
        assertEquals(Main.OK, miss.code(), miss.err());
        assertEquals(List.of("talk,title"), miss.out().lines().toList());
        assertTrue(miss.err().contains("talks-by: no rows for author=\"thockn\"; did you mean \"thockin\"?"), miss.err());
        Run works = run("query", "--saved", "works-by", "--param", "author=THOCKIN", "--db", db.toString(), "-f", "csv");
        assertTrue(works.out().contains("An Illustrated Guide to Kubernetes Networking"), works.out());
        assertTrue(works.out().contains("Talk"), "works-by gives kinds: " + works.out());
        Run topics = run("query", "--saved", "topics", "--db", db.toString(), "-f", "csv");
        assertTrue(topics.out().startsWith("topic,label,resources,mentions,broader"), topics.out());
        assertTrue(topics.out().contains("Kubernetes Networking"), topics.out());
    }

    @Test
    void aBrokenOverridesFileNamesTheEntry() throws IOException {
        Files.writeString(tmp.resolve("a.md"), "- [A](https://a.example/)\n");
        Files.writeString(tmp.resolve("overrides.json"), "{\"people\": {\"merge\": [[\"thockin\", \"name:Tim Hockin\"]]}}");
        Run r = run("convert", tmp.toString());
        assertEquals(Main.BAD_INPUT, r.code());
        assertOneLineErrorNaming(r, "people.merge[0]: a person is 'service:handle' or 'name:Full Name'");
    }

    @Test
    void querySavedWithoutItsParameterIsAUsageErrorNamingIt() {
        Run r = run("query", "--saved", "talks-by", "--data", "src/test/resources/golden/cross-list-merge/expected.ttl");
        assertEquals(Main.USAGE, r.code());
        assertTrue(r.err().contains("--param author="), r.err());
        Run unknown = run("query", "--saved", "no-such-query");
        assertEquals(Main.USAGE, unknown.code());
        assertTrue(unknown.err().contains("talks-by"), "lists the known queries: " + unknown.err());
    }

    @Test
    void parametersAreBoundAsTermsNotSplicedIntoTheQuery() {
        Run r = run("query", "--saved", "talks-by", "--param", "author=thockin\" } UNION { ?talk ?p ?title",
                "--data", "src/test/resources/golden/cross-list-merge/expected.ttl", "-f", "csv");
        assertEquals(Main.OK, r.code(), r.err());
        assertEquals(List.of("talk,title"), r.out().lines().toList());
    }

    @Test
    void theDesignQueryRunsAsWrittenBecauseTheStandardPrefixesAreDeclared() {
        Run r = run("query", "--data", "src/test/resources/golden/cross-list-merge/expected.ttl", "-f", "csv",
                "SELECT DISTINCT ?talk ?title WHERE { ?talk a lg:Talk ; dct:title ?title ; dct:creator ?who . "
                        + "?who foaf:nick|foaf:account/foaf:accountName \"thockin\" . }");
        assertEquals(Main.OK, r.code(), r.err());
        assertEquals(2, r.out().lines().count(), r.out());
    }

    @Test
    void anUpdateIsRefusedAsAUsageError() {
        Run r = run("query", "DELETE WHERE { ?s ?p ?o }", "--data", "src/test/resources/golden/cross-list-merge/expected.ttl");
        assertEquals(Main.USAGE, r.code());
        assertTrue(r.err().contains("SPARQL update (DELETE); query is read-only"), r.err());
    }

    @Test
    void aParamWithoutEqualsIsAUsageError() {
        Run r = run("query", "--saved", "talks-by", "--param", "author", "--data", "src/test/resources/golden/cross-list-merge/expected.ttl");
        assertEquals(Main.USAGE, r.code());
        assertTrue(r.err().contains("--param takes NAME=VALUE"), r.err());
    }

    @Test
    void queryOverDataFilesNeedsNoStore() {
        Run r = run("query", "--saved", "talks-by", "--param", "author=thockin",
                "--data", "src/test/resources/golden/cross-list-merge/expected.ttl", "-f", "tsv");
        assertEquals(Main.OK, r.code(), r.err());
        assertTrue(r.out().contains("\"An Illustrated Guide to Kubernetes Networking\""), r.out());
    }

    @Test
    void aSparqlSyntaxErrorGivesItsLineAndColumn() {
        Run r = run("query", "SELECT ?x WHERE { ?x ?y }", "--data", "src/test/resources/golden/cross-list-merge/expected.ttl");
        assertEquals(Main.BAD_INPUT, r.code());
        assertOneLineErrorNaming(r, "query:1:");
    }

    @Test
    void queryingAStoreThatDoesNotExistSaysHowToMakeOne() {
        Run r = run("query", "ASK {}", "--db", tmp.resolve("none").toString());
        assertEquals(Main.BAD_INPUT, r.code());
        assertOneLineErrorNaming(r, "run './listgraph build'");
    }

    @Test
    void aBaseThatIsNotAnIriIsAUsageError() {
        Run r = run("convert", "src/test/resources/golden/cross-list-merge", "--base", "notaniri");
        assertEquals(Main.USAGE, r.code());
        assertOneLineErrorNaming(r, "--base must be an absolute http(s) IRI");
    }

    @Test
    void anotherBaseChangesEveryInstanceIri() {
        Run r = run("convert", "src/test/resources/golden/cross-list-merge", "--base", "https://example.org/kg/", "-f", "nt", "-q");
        assertEquals(Main.OK, r.code(), r.err());
        assertTrue(r.out().contains("<https://example.org/kg/list/a>"), r.out());
        assertFalse(r.out().contains("w3id.org/listgraph/id/"), "no IRI keeps the default base");
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        assertEquals(Main.USAGE, run("build", "--nope").code());
        assertEquals(Main.USAGE, run("frobnicate").code());
    }

    @Test
    void progressIsShownOnlyWhenAskedForOrAtATerminalAndIsClearedBeforeTheSummary(@TempDir Path tmp) {
        Run quiet = run(Map.of(), "build", "--lists", "lists", "--output", tmp.resolve("a").toString());
        assertFalse(quiet.err().contains("\r"), "no progress where stderr is not a terminal");
        Run shown = run(Map.of("LISTGRAPH_PROGRESS", "always"), "build", "--lists", "lists", "--output", tmp.resolve("b").toString());
        assertEquals(Main.OK, shown.code(), shown.err());
        assertTrue(shown.err().contains("\rlistgraph: reading lists 1/5…"), shown.err());
        String afterLastStatus = shown.err().substring(shown.err().lastIndexOf("\rlistgraph: "));
        assertTrue(afterLastStatus.matches("(?s)\\rlistgraph: [^\\r\\n]*\\r +\\r[^\\r]*"), "the line is cleared before anything else is printed: "
                + afterLastStatus);
        assertFalse(shown.out().contains("\r"), "stdout never carries progress");
        assertEquals(quiet.out().lines().count(), shown.out().lines().count());
    }
}
