package org.listgraph.rdf;

import org.apache.jena.sparql.core.DatasetGraph;
import org.listgraph.identity.IriMinter;
import org.listgraph.markdown.ListFiles;
import org.listgraph.testing.Seeds;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Precision of work identity: 30 pairs that must be one work and 30 that must stay apart
 * (src/test/resources/identity/pairs.tsv), each converted end to end from two one-line lists.
 */
class IdentityPrecisionTest {
    private static final Pattern MAIN_URL = Pattern.compile("\\]\\((https?://[^)\\s]+)\\)");

    @TempDir
    Path tmp;

    static Stream<String[]> pairs() throws IOException {
        return Files.readAllLines(Path.of("src/test/resources/identity/pairs.tsv"), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split("\t"));
    }

    @ParameterizedTest(name = "{0}: {3}")
    @MethodSource("pairs")
    void decidesThePairCorrectly(String expected, String lineA, String lineB, String why) throws IOException {
        Files.writeString(tmp.resolve("a.md"), "# A\n\n" + lineA + "\n");
        Files.writeString(tmp.resolve("b.md"), "# B\n\n" + lineB + "\n");
        DatasetGraph dsg = new Converter(IriMinter.DEFAULT_BASE).convert(ListFiles.expand(List.of(tmp))).dataset();
        String a = resourceOf(dsg, url(lineA));
        String b = resourceOf(dsg, url(lineB));
        assertEquals(expected.equals("merge"), a.equals(b), why + ": " + a + " / " + b);
    }

    private static String url(String line) {
        Matcher m = MAIN_URL.matcher(line);
        if (!m.find()) throw new IllegalArgumentException("no URL in " + line);
        return m.group(1);
    }

    private static String resourceOf(DatasetGraph dsg, String url) {
        List<String> r = Seeds.column(dsg, "SELECT DISTINCT ?r WHERE { ?r schema:url ?u FILTER(STR(?u) = \"" + url.replace("\"", "") + "\") }");
        assertEquals(1, r.size(), "one resource has the URL " + url + ": " + r);
        return r.get(0);
    }
}
