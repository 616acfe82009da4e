package org.listgraph.rdf;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.listgraph.identity.IriMinter;
import org.listgraph.markdown.ListFiles;
import org.listgraph.testing.Seeds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * A list's graph is made subject by subject as it is read, never held whole, and answers as the same triples held
 * in memory do: running text is its section's one description, a triple stated twice is one triple.
 */
class ListGraphTest {
    private static final Converter.Result SEEDS = Seeds.convert();

    static List<String> seedListGraphs() {
        return SEEDS.graphNames().stream().filter(n -> !(SEEDS.graph(n) instanceof SharedGraph)).toList();
    }

    @ParameterizedTest
    @MethodSource("seedListGraphs")
    void eachSeedListGraphAnswersEveryPatternAsAnInMemoryCopy(String name) {
        Graph g = SEEDS.graph(name);
        assertInstanceOf(ListGraph.class, g);
        SharedGraphTest.assertAnswersAsAnInMemoryCopy(g, 50);
    }

    @Test
    void runningTextIsOneDescriptionPerSectionAndARepeatedTagIsOneTriple(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("tools.md"), """
                # Tools

                Small tools we use, see [the index](https://example.org/index).

                ## Editors

                Editors first.

                - [Vim](https://www.vim.org/) - The editor. `MIT` `MIT`

                Then [more](https://example.org/more) editors.

                - [Helix](https://helix-editor.com/) - A modal editor.
                """);
        Converter.Result r = new Converter(IriMinter.DEFAULT_BASE).convert(ListFiles.expand(List.of(dir)));
        String name = r.graphNames().stream().filter(n -> !(r.graph(n) instanceof SharedGraph)).findFirst().orElseThrow();
        Graph g = r.graph(name);
        SharedGraphTest.assertAnswersAsAnInMemoryCopy(g, 20);

        Node section = g.find(Node.ANY, Vocab.SKOS_PREF_LABEL, NodeFactory.createLiteralString("Editors")).next().getSubject();
        assertEquals(List.of("Editors first.\n\nThen more editors."), texts(g.find(section, Vocab.DCT_DESCRIPTION, Node.ANY).toList()));
        assertEquals(List.of("https://example.org/more"), iris(g.find(section, Vocab.SEE_ALSO, Node.ANY).toList()));
        Node list = g.find(Node.ANY, Vocab.TYPE, Vocab.LIST).next().getSubject();
        assertEquals(List.of("https://example.org/index"), iris(g.find(list, Vocab.SEE_ALSO, Node.ANY).toList()));

        Node vim = g.find(Node.ANY, Vocab.LABEL, NodeFactory.createLiteralString("Vim")).next().getSubject();
        assertEquals(List.of("MIT"), texts(g.find(vim, Vocab.TAG, Node.ANY).toList()), "the tag stated twice is one triple");
        assertEquals(List.of("http://spdx.org/licenses/MIT"), iris(g.find(vim, Vocab.DCT_LICENSE, Node.ANY).toList()));
    }

    private static List<String> texts(List<Triple> triples) {
        return triples.stream().map(t -> t.getObject().getLiteralLexicalForm()).sorted().toList();
    }

    private static List<String> iris(List<Triple> triples) {
        return triples.stream().map(t -> t.getObject().getURI()).sorted().toList();
    }
}
