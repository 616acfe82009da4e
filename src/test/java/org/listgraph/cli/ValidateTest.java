package org.listgraph.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code validate}: the seeds' build conforms; hand-broken graphs fail with the shapes' messages. */
class ValidateTest {
    static final Path CASES = Path.of("src/test/resources/validate");

    static Stream<String> cases() throws IOException {
        try (var files = Files.list(CASES)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".ttl")).map(n -> n.substring(0, n.length() - 4))
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aGraphFromTestResourcesGivesExactlyTheExpectedFindings(String name) throws IOException {
        CliTest.Run r = CliTest.run("validate", "--data", CASES.resolve(name + ".ttl").toString());
        String expected = Files.readString(CASES.resolve(name + ".expected"));
        assertEquals(expected, r.out(), "findings of " + name);
        assertEquals(expected.isEmpty() ? Main.OK : Main.FINDINGS, r.code(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
    }

    @Test
    void theSeedsBuildConformsToTheShapes(@TempDir Path tmp) {
        Path output = tmp.resolve("output");
        assertEquals(Main.OK, CliTest.run("build", "--lists", "lists", "--output", output.toString()).code());
        CliTest.Run r = CliTest.run("validate", "--db", output.resolve("tdb2").toString());
        assertEquals(Main.OK, r.code(), r.out() + r.err());
        assertEquals("", r.out());
        assertTrue(r.err().contains("conforms to"), r.err());
    }

    @Test
    void theBrokenCasesCoverTheMistakesTheShapesMustCatch() throws IOException {
        String all = Files.readString(CASES.resolve("entry-without-list-or-resource.expected"))
                + Files.readString(CASES.resolve("resource-without-title-or-url.expected")) + Files.readString(CASES.resolve("bad-date.expected"));
        for (String path : new String[]{"— lg:inList —", "— schema:item —", "— dct:title —", "— schema:url —", "— dct:date —"}) {
            assertTrue(all.contains(path), path);
        }
    }
}
