package org.listgraph.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A manifest is checked whole before anything is written: every entry that would drop, hide or
 * misplace a list is one line naming the manifest's line, exit 3, and the store is left as it was.
 */
class ManifestValidationTest {
    @TempDir
    Path tmp;
    Path lists;
    Path output;

    @BeforeEach
    void buildTwoLists() throws IOException {
        lists = Files.createDirectories(tmp.resolve("lists"));
        output = tmp.resolve("output");
        Files.writeString(lists.resolve("a.md"), "# A\n\n- [Alpha](https://alpha.example/) - First.\n");
        Files.writeString(lists.resolve("b.md"), "# B\n\n- [Beta](https://beta.example/) - Second.\n");
        Files.createDirectories(lists.resolve("more"));
        Files.writeString(lists.resolve("more/c.md"), "- [Gamma](https://gamma.example/)\n");
        Files.writeString(lists.resolve("notes.txt"), "- [Delta](https://delta.example/)\n");
        manifest("{\"id\": \"a\", \"file\": \"a.md\", \"title\": \"A\"}", "{\"id\": \"b\", \"file\": \"b.md\", \"title\": \"B\"}");
        assertEquals(Main.OK, CliTest.run("build", "--lists", lists.toString(), "--output", output.toString()).code());
    }

    private void manifest(String... items) throws IOException {
        Files.writeString(lists.resolve("lists.json"), "{\n  \"lists\": [\n    " + String.join(",\n    ", items) + "\n  ]\n}\n");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "two entries name one file; {\"id\": \"a\", \"file\": \"a.md\", \"title\": \"A\"}; {\"id\": \"b\", \"file\": \"a.md\", \"title\": \"B\"}; "
                    + "4: error: lists[1].file \"a.md\" is already lists[0]'s file",
            "a file in a subfolder; {\"id\": \"a\", \"file\": \"a.md\", \"title\": \"A\"}; {\"id\": \"c\", \"file\": \"more/c.md\", \"title\": \"C\"}; "
                    + "4: error: lists[1].file \"more/c.md\" is in a subfolder",
            "a file that is not Markdown; {\"id\": \"a\", \"file\": \"a.md\", \"title\": \"A\"}; {\"id\": \"d\", \"file\": \"notes.txt\", \"title\": \"D\"}; "
                    + "4: error: lists[1].file \"notes.txt\" is not a list file a build reads",
            "a folder named as a file; {\"id\": \"a\", \"file\": \"a.md\", \"title\": \"A\"}; {\"id\": \"m\", \"file\": \"more\", \"title\": \"M\"}; "
                    + "4: error: lists[1].file \"more\" is a folder",
            "a list that revises itself; {\"id\": \"a\", \"file\": \"a.md\", \"title\": \"A\", \"revisionOf\": \"a\"}; {\"id\": \"b\", \"file\": \"b.md\", \"title\": \"B\"}; "
                    + "3: error: lists[0].revisionOf names the list itself",
            "two lists that revise each other; {\"id\": \"a\", \"file\": \"a.md\", \"title\": \"A\", \"revisionOf\": \"b\"}; "
                    + "{\"id\": \"b\", \"file\": \"b.md\", \"title\": \"B\", \"revisionOf\": \"a\"}; 3: error: lists[0].revisionOf makes a cycle (a -> b -> a)",
    })
    void aManifestMistakeIsOneLineWithExitThreeAndChangesNothing(String what, String first, String second, String message) throws IOException {
        byte[] graph = Files.readAllBytes(output.resolve("graph.ttl"));
        manifest(first, second);
        for (String command : List.of("build", "lint")) {
            CliTest.Run r = command.equals("build") ? CliTest.run("build", "--lists", lists.toString(), "--output", output.toString())
                    : CliTest.run("lint", lists.toString());
            assertEquals(Main.BAD_INPUT, r.code(), command + ": " + r.err());
            assertEquals(1, r.errLines().size(), command + ": " + r.err());
            assertTrue(r.err().contains(lists.resolve("lists.json") + ":" + message), command + ": " + r.err());
            assertFalse(r.err().contains("Exception") || r.err().contains("removed"), r.err());
        }
        assertArrayEquals(graph, Files.readAllBytes(output.resolve("graph.ttl")), "nothing changed");
    }

    @Test
    void everyMistakeOfAManifestIsReportedInOneRun() throws IOException {
        manifest("{\"id\": \"a\", \"file\": \"a.md\", \"title\": \"A\", \"revisionOf\": \"a\"}",
                "{\"id\": \"b\", \"file\": \"a.md\", \"title\": \"B\"}",
                "{\"id\": \"c\", \"file\": \"more/c.md\", \"title\": \"C\"}");
        CliTest.Run r = CliTest.run("build", "--lists", lists.toString(), "--output", output.toString());
        assertEquals(Main.BAD_INPUT, r.code(), r.err());
        assertEquals(3, r.errLines().size(), r.err());
        assertTrue(r.errLines().get(0).contains(":4: error: lists[1].file"), r.err());
        assertTrue(r.errLines().get(1).contains(":5: error: lists[2].file"), r.err());
        assertTrue(r.errLines().get(2).contains(":3: error: lists[0].revisionOf names the list itself"), r.err());
    }
}
