package org.listgraph.cli;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A stranger's list, manifest or query parameter cannot reach files, change a query, or put live markup into an output. */
class HostileListTest {
    /** Markup, CDATA ends, quotes, ampersands, a terminal escape and control characters XML 1.0 cannot carry. */
    static final String TITLE = "<script>alert(1)</script> & \"q\" 'a' ]]> \u001B[2J \u0001bell\u0007 end";
    static final String LIST = "# Hostile\n\n"
            + "- [" + TITLE + "](https://example.org/p?a=1&b=2): </script><img src=x onerror=alert(1)> & ]]> by "
            + "[ev\"il](https://github.com/evil)\n"
            + "- [Unbalanced <b>bold</b> \u001B]0;pwned\u0007 [x](https://example.org/second): plain\n"
            + "- [Echoed <img src=x onerror=alert(5)> </td></table><script>alert(6)</script> \u001B[2J \u0001 (https://example.org/third)\n";

    @TempDir
    Path tmp;

    private Path hostileProject() throws IOException {
        Path lists = Files.createDirectories(tmp.resolve("lists"));
        Files.writeString(lists.resolve("evil.md"), LIST);
        Files.writeString(lists.resolve("lists.json"), "{\"lists\": [{\"id\": \"evil\", \"file\": \"evil.md\", "
                + "\"title\": \"Evil <script>alert(2)</script> & ]]> \\u0001\"}]}");
        return lists;
    }

    private static org.w3c.dom.Document xml(Path file) throws Exception {
        // The JDK's parser is XML 1.0: it refuses ill-formed markup and character references to control characters.
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }

    @Test
    void aListFullOfMarkupAndControlCharactersGivesWellFormedInertOutputsAndPlainWarnings() throws Exception {
        Path lists = hostileProject();
        // A file name can hold an escape sequence too, and every warning starts with it.
        Files.writeString(lists.resolve("esc\u001B[2J.md"), "# Esc\n\n- an item with no link\n");
        Path out = tmp.resolve("output");
        CliTest.Run build = CliTest.run("build", "--lists", lists.toString(), "--output", out.toString());
        assertEquals(Main.OK, build.code(), build.err());
        assertFalse(build.err().chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t'), "warnings print control characters as text: " + build.err());
        assertTrue(build.err().contains("esc\\u001B[2J.md:3:"), "a file name's escape is shown as text: " + build.err());
        assertTrue(build.err().contains("Echoed alert 6   2J"), "a title's control characters are spaces in the message: " + build.err());

        Path rdfxml = tmp.resolve("evil.rdf");
        assertEquals(Main.OK, CliTest.run("convert", lists.toString(), "-f", "rdfxml", "-o", rdfxml.toString()).code());
        xml(rdfxml);
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.source(rdfxml).lang(Lang.RDFXML).parse(g);
        assertTrue(g.find().toList().stream().anyMatch(t -> t.getObject().isLiteral()
                && t.getObject().getLiteralLexicalForm().contains("<script>alert(1)</script> & \"q\" 'a'")), "title kept as text");
        assertTrue(g.find().toList().stream().filter(t -> t.getObject().isLiteral()).map(t -> t.getObject().getLiteralLexicalForm())
                .allMatch(s -> s.chars().noneMatch(c -> c < 0x20 && c != '\n' && c != '\t' && c != '\r')), "no control characters in the graph");

        Path graphml = tmp.resolve("evil.graphml");
        assertEquals(Main.OK, CliTest.run("export", "--db", out.resolve("tdb2").toString(), "-f", "graphml", "-o", graphml.toString()).code());
        assertTrue(xml(graphml).getDocumentElement().getTextContent().contains("<script>alert"));

        CliTest.Run results = CliTest.run("query", "--db", out.resolve("tdb2").toString(), "-f", "xml", "SELECT ?t WHERE { ?s dct:title ?t }");
        assertEquals(Main.OK, results.code(), results.err());
        Path resultsFile = Files.writeString(tmp.resolve("results.srx"), results.out());
        assertTrue(xml(resultsFile).getElementsByTagName("literal").getLength() >= 2, results.out());

        Path dot = tmp.resolve("evil.dot");
        assertEquals(Main.OK, CliTest.run("export", "--db", out.resolve("tdb2").toString(), "-f", "dot", "--list", "evil", "-o", dot.toString()).code());
        String dotText = Files.readString(dot);
        assertTrue(dotText.contains("by ev\\\"il\" tooltip=") && dotText.contains("label=\"List: Evil <script>alert(2)</script> & ]]> \\n"),
                "a quote in a DOT label is escaped and the label ends where it should: " + dotText);

        Document report = Jsoup.parse(out.resolve("report.html").toFile());
        assertTrue(report.select("[onerror], img, b").isEmpty(), "no element from the list: " + report.select("[onerror], img, b"));
        assertTrue(report.select("script").stream().noneMatch(s -> s.data().contains("alert(") || s.text().contains("alert(")), "no injected script");
        assertTrue(report.text().contains("ev\"il") && report.text().contains("unbalanced brackets around 'Echoed"), "list text shows as text");
    }

    @Test
    void javascriptAndDataLinksAreNeverResources() throws IOException {
        Path list = Files.writeString(tmp.resolve("links.md"), "- [JS](javascript:alert(1)): x\n- [Data](data:text/html,<script>alert(3)</script>): y\n");
        CliTest.Run r = CliTest.run("convert", list.toString(), "-f", "nt");
        assertEquals(Main.OK, r.code(), r.err());
        assertFalse(r.out().contains("javascript:") || r.out().contains("<data:"), r.out());
        assertTrue(r.err().contains("link 'javascript:alert(1)' is not http(s)"), r.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"thockin\" } ; DROP ALL #", "?x", "<http://x>", "thockin\"\n} UNION { ?talk ?p ?title", "\\\"} #", "\"", "\u0000"})
    void savedQueryParametersAreBoundAsTermsWhateverTheyHold(String value) {
        String data = "src/test/resources/golden/cross-list-merge/expected.ttl";
        assertTrue(CliTest.run("query", "--saved", "talks-by", "--param", "author=thockin", "--data", data, "-f", "csv").out().lines().count() > 1,
                "the query finds thockin's talks");
        CliTest.Run r = CliTest.run("query", "--saved", "talks-by", "--param", "author=" + value, "--data", data, "-f", "csv");
        assertEquals(Main.OK, r.code(), r.err());
        assertEquals(List.of("talk,title"), r.out().lines().toList(), "no author has that handle, so no rows");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../etc/passwd", "/etc/passwd", "../outside.md", "sub/../../outside.md"})
    void aManifestCannotPointOutsideTheListsFolder(String file) throws IOException {
        Path lists = Files.createDirectories(tmp.resolve("lists"));
        Files.writeString(tmp.resolve("outside.md"), "- [Secret](https://secret.example/)\n");
        Files.writeString(lists.resolve("a.md"), "- [A](https://a.example/)\n");
        Files.writeString(lists.resolve("lists.json"), "{\"lists\": [{\"id\": \"a\", \"file\": \"" + file + "\", \"title\": \"A\"}]}");
        CliTest.Run r = CliTest.run("convert", lists.toString(), "-f", "nt");
        assertEquals(Main.BAD_INPUT, r.code(), r.err());
        assertTrue(r.err().contains("lists[0].file \"" + file + "\" points outside lists/"), r.err());
        assertFalse(r.out().contains("secret.example") || r.out().contains("root:"), r.out());
    }

    @Test
    void anErrorLineNamingAFileWithAnEscapeSequenceShowsItAsText() throws IOException {
        Path list = Files.writeString(Files.createDirectories(tmp.resolve("lists")).resolve("red\u001B[31m.md"), "- [A](https://a.example/)\n");
        CliTest.Run r = CliTest.run("convert", list.toString(), "--limit", "line-length=5");
        assertEquals(Main.BAD_INPUT, r.code(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("red\\u001B[31m.md:1:6: error: line is 25 characters long"), r.err());
        assertFalse(r.err().contains("\u001B"), "no raw escape reaches the terminal");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "a(b)", "(b)"})
    void aUrlAsLongAsTheLineCapIsLintedAndBuiltNotAStackOverflow(String unit) throws IOException {
        Path lists = Files.createDirectories(tmp.resolve("lists"));
        String url = "https://example.com/" + unit.repeat(16_000 / unit.length());
        Files.writeString(lists.resolve("long.md"), "# Long\n\n- [A long one](" + url + ") - lower case and no stop\n");
        CliTest.Run lint = CliTest.run("lint", lists.toString());
        assertEquals(Main.OK, lint.code(), lint.err());
        assertTrue(lint.out().contains("long.md:3:1: warning: list-item: description 'lower case and no stop' should start with a capital letter"),
                lint.out());
        CliTest.Run convert = CliTest.run("convert", lists.toString(), "-f", "nt");
        assertEquals(Main.OK, convert.code(), convert.err());
        assertTrue(convert.out().contains(url), "the long URL is kept whole");
    }

    @Test
    void hyphenatedWordsAsLongAsTheLineCapInAHeadingATitleAndAHostAreConvertedNotAStackOverflow() throws IOException {
        Path lists = Files.createDirectories(tmp.resolve("lists"));
        String word = "a-".repeat(4_000) + "a"; // twice in one line, under the 16,384 cap
        Files.writeString(lists.resolve("words.md"), "# Words\n\n## " + word + "\n\n- [" + word + "](https://" + "b-".repeat(30) + "b.example/) - "
                + word + "\n");
        CliTest.Run lint = CliTest.run("lint", lists.toString());
        assertTrue(lint.code() == Main.OK || lint.code() == Main.FINDINGS, lint.err());
        CliTest.Run convert = CliTest.run("convert", lists.toString(), "-f", "nt");
        assertEquals(Main.OK, convert.code(), convert.err());
        assertTrue(convert.out().contains(word), "the long title is kept whole");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lists.json", "overrides.json"})
    void aManifestNestedAHundredThousandDeepIsOneErrorLineNotAStackOverflow(String name) throws IOException {
        Path lists = Files.createDirectories(tmp.resolve("lists"));
        Files.writeString(lists.resolve("a.md"), "- [A](https://a.example/)\n");
        Files.writeString(lists.resolve(name), "{\"lists\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}");
        CliTest.Run r = CliTest.run("convert", lists.toString(), "-f", "nt");
        assertEquals(Main.BAD_INPUT, r.code(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith(lists.resolve(name) + ":1:1: error: ") && r.err().contains("nesting depth"), r.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"leak.md", "lists.json", "overrides.json"})
    void aSymbolicLinkInAListsFolderThatLeadsOutsideIsRefusedAndNothingOfItsTargetIsRead(String name) throws IOException {
        Path lists = Files.createDirectories(tmp.resolve("lists"));
        Path secret = Files.writeString(tmp.resolve("id_rsa"), "- [SECRET-KEY-MATERIAL](https://secret.example/)\n");
        Files.writeString(lists.resolve("a.md"), "- [A](https://a.example/)\n");
        Files.createSymbolicLink(lists.resolve(name), secret);
        CliTest.Run r = CliTest.run("build", "--lists", lists.toString(), "--output", tmp.resolve("output").toString());
        assertEquals(Main.BAD_INPUT, r.code(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith(lists.resolve(name) + ": error: a symbolic link to " + secret.toRealPath() + ", outside "), r.err());
        assertFalse(r.err().contains("SECRET-KEY-MATERIAL") || r.out().contains("SECRET-KEY-MATERIAL"));
        assertFalse(Files.exists(tmp.resolve("output")), "nothing written");
    }

    @Test
    void aSymbolicLinkThatStaysInsideTheListsFolderIsReadLikeAnyList() throws IOException {
        Path lists = Files.createDirectories(tmp.resolve("lists"));
        Path kept = Files.createDirectories(lists.resolve("kept"));
        Files.writeString(kept.resolve("real.md"), "- [Inside](https://inside.example/)\n");
        Files.createSymbolicLink(lists.resolve("alias.md"), Path.of("kept", "real.md"));
        CliTest.Run r = CliTest.run("convert", lists.toString(), "-f", "nt");
        assertEquals(Main.OK, r.code(), r.err());
        assertTrue(r.out().contains("https://inside.example/"), r.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "..", "a/../../b", "x/y"})
    void aListIdCannotBeAPath(String id) throws IOException {
        Path lists = Files.createDirectories(tmp.resolve("lists"));
        Files.writeString(lists.resolve("a.md"), "- [A](https://a.example/)\n");
        Files.writeString(lists.resolve("lists.json"), "{\"lists\": [{\"id\": \"" + id + "\", \"file\": \"a.md\", \"title\": \"A\"}]}");
        CliTest.Run r = CliTest.run("build", "--lists", lists.toString(), "--output", tmp.resolve("output").toString());
        assertEquals(Main.BAD_INPUT, r.code(), r.err());
        assertTrue(r.err().contains("lists[0].id \"" + id + "\""), r.err());
        assertFalse(Files.exists(tmp.resolve("output")), "nothing written");
    }

    @Test
    void exportOfAListIdThatIsAPathReadsAndWritesNothingElse() throws IOException {
        Path lists = hostileProject();
        Path out = tmp.resolve("output");
        assertEquals(Main.OK, CliTest.run("build", "--lists", lists.toString(), "--output", out.toString()).code());
        for (String id : List.of("../x", "../../etc/passwd", "evil/../evil")) {
            Path dot = out.resolve("x.dot");
            CliTest.Run r = CliTest.run("export", "--db", out.resolve("tdb2").toString(), "-f", "dot", "--list", id, "-o", dot.toString());
            assertEquals(Main.BAD_INPUT, r.code(), r.err());
            assertTrue(r.err().contains("the store has no list '" + id + "'"), r.err());
            assertFalse(Files.exists(dot));
        }
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(List.of("lists", "output"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }
}
