package org.listgraph.rdf;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.listgraph.entry.InputLimits;
import org.listgraph.identity.IriMinter;
import org.listgraph.testing.ConversionCheck;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The inputs fuzzing (and probing around its findings) broke the converter with, kept in
 * src/test/resources/fuzz/: each {@code NAME.md} (repeated {@code NAME.repeat} times when that file
 * exists, to keep big inputs small in git) must give what {@code NAME.expected} says: {@code ok}, a
 * {@code warning: …} among the problems, or the {@code error: …} line that follows the file name.
 */
class FuzzRegressionTest {
    private static final Path CASES = Path.of("src/test/resources/fuzz");

    @TempDir
    Path tmp;

    static Stream<String> cases() throws IOException {
        try (Stream<Path> files = Files.list(CASES)) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".md"))
                    .map(n -> n.substring(0, n.length() - 3)).sorted().toList();
            assertTrue(names.size() >= 8, "the regression inputs are there: " + names);
            return names.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void anInputThatOnceBrokeTheConverterGivesWhatItShould(String name) throws IOException {
        byte[] input = input(name);
        String expected = Files.readString(CASES.resolve(name + ".expected")).strip();

        ConversionCheck.Outcome o = ConversionCheck.check(tmp, name + ".md", input);
        if (expected.startsWith("error: ")) {
            assertTrue(o.refused(), "refused: " + name);
            assertTrue(o.error().startsWith(tmp.resolve(name + ".md") + expected.substring("error: ".length())), o.error());
        } else {
            assertNull(o.error(), "converted: " + name);
            if (expected.startsWith("warning: ")) {
                String warning = expected.substring("warning: ".length());
                var r = new Converter(IriMinter.DEFAULT_BASE).withThreads(1).convert(List.of(tmp.resolve(name + ".md")));
                assertTrue(r.problems().stream().anyMatch(p -> p.message().contains(warning)), warning + " in " + r.problems());
            } else {
                assertEquals("ok", expected, "the .expected file of " + name);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void raisingTheLimitsLetsEveryRegressionInputConvert(String name) throws IOException {
        // Nothing here is refused for any reason but a limit: with them raised, each converts in bounded time.
        byte[] input = input(name);
        InputLimits raised = InputLimits.DEFAULTS.with("line-length=64KB").with("nesting-depth=" + InputLimits.MAX_NESTING_DEPTH);
        ConversionCheck.Outcome o = ConversionCheck.check(tmp, name + ".md", input, raised);
        if (name.startsWith("nested-bullets") || name.startsWith("nested-quotes")) {
            assertTrue(o.refused(), "still over the most the nesting-depth limit may be: " + name);
        } else {
            assertNull(o.error(), name);
        }
    }

    /** The input of a case: its .md file, repeated as its .repeat file says. */
    private static byte[] input(String name) throws IOException {
        String unit = Files.readString(CASES.resolve(name + ".md"));
        Path repeat = CASES.resolve(name + ".repeat");
        int times = Files.exists(repeat) ? Integer.parseInt(Files.readString(repeat).strip()) : 1;
        return unit.repeat(times).getBytes(StandardCharsets.UTF_8);
    }
}
