package org.listgraph.rdf;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.graph.GraphFactory;
import org.listgraph.export.RdfFormat;
import org.listgraph.export.RdfWriter;
import org.listgraph.identity.IriMinter;
import org.listgraph.markdown.ListFiles;
import org.listgraph.testing.GraphAssert;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Golden cases: each folder under {@code src/test/resources/golden/} holds Markdown made from seed
 * lines (and maybe a manifest), the Turtle it must become ({@code expected.ttl}, compared as an
 * isomorphic graph) and the problems it must report ({@code expected-problems.txt}).
 * Run with {@code -Dgolden.update=true} to rewrite the expectations after a reviewed change.
 */
class GoldenTest {
    private static final Path ROOT = Path.of("src/test/resources/golden");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    static Stream<String> cases() throws IOException {
        try (Stream<Path> s = Files.list(ROOT)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void convertsToTheExpectedGraphAndProblems(String name) throws IOException {
        Path dir = ROOT.resolve(name);
        List<Path> files = ListFiles.expand(List.of(dir));
        Converter.Result result = new Converter(IriMinter.DEFAULT_BASE).convert(files);
        ByteArrayOutputStream ttl = new ByteArrayOutputStream();
        RdfWriter.writeUnion(result.dataset(), RdfFormat.TTL, Vocab.prefixes(IriMinter.DEFAULT_BASE), ttl);
        String problems = result.problems().stream().map(p -> p.toString().replace(dir + "/", "") + "\n").collect(Collectors.joining());

        Path expectedTtl = dir.resolve("expected.ttl");
        Path expectedProblems = dir.resolve("expected-problems.txt");
        if (UPDATE) {
            Files.write(expectedTtl, ttl.toByteArray());
            Files.writeString(expectedProblems, problems);
        }
        Graph expected = GraphFactory.createGraphMem();
        RDFDataMgr.read(expected, expectedTtl.toString());
        Graph actual = GraphFactory.createGraphMem();
        RDFDataMgr.read(actual, new ByteArrayInputStream(ttl.toByteArray()), org.apache.jena.riot.Lang.TURTLE);
        GraphAssert.assertIsomorphic(expected, actual, name);
        assertEquals(Files.readString(expectedProblems, StandardCharsets.UTF_8), problems, name + ": problems");
    }
}
