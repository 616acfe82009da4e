package org.listgraph.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The caps on list files as a user meets them: one error line with the fix, exit 3, and --limit to raise them. */
class LimitsTest {
    @TempDir
    Path tmp;

    private static void assertOneLine(CliTest.Run r, int code, String start) {
        assertEquals(code, r.code(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().startsWith(start), r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    @Test
    void aLineOverTheLimitStopsTheConversionWithWhereAndHowToRaiseItAndRaisingItConverts() throws IOException {
        Path list = tmp.resolve("long.md");
        Files.writeString(list, "# Long\n\n- [A talk](https://example.com/" + "a".repeat(20_000) + ")\n");
        Path out = tmp.resolve("out.ttl");

        CliTest.Run refused = CliTest.run("convert", list.toString(), "-o", out.toString());
        assertOneLine(refused, Main.BAD_INPUT, list + ":3:16385: error: line is 20032 characters long, over the line-length limit of 16384; "
                + "break it into lines, or raise the limit with --limit line-length=40064");
        assertFalse(Files.exists(out), "nothing written");

        CliTest.Run raised = CliTest.run("convert", list.toString(), "-o", out.toString(), "--limit", "line-length=40KB");
        assertEquals(Main.OK, raised.code(), raised.err());
        assertTrue(Files.readString(out).contains("https://example.com/aaaa"), "the entry is in the graph");
    }

    @Test
    void everyCommandThatReadsListsTakesTheLimits() throws IOException {
        Path lists = Files.createDirectories(tmp.resolve("lists"));
        Path list = lists.resolve("nested.md");
        Files.writeString(list, "- [A](https://example.com/a)\n  - [B](https://example.com/b)\n    - [C](https://example.com/c)\n");
        String over = list + ":3:5: error: lists and quotes nest 3 deep here, over the nesting-depth limit of 2";
        List<List<String>> commands = List.of(
                List.of("convert", list.toString(), "-o", tmp.resolve("g.ttl").toString()),
                List.of("lint", list.toString()),
                List.of("load", list.toString(), "--db", tmp.resolve("db").toString()),
                List.of("build", "--lists", lists.toString(), "--output", tmp.resolve("out").toString()));
        for (List<String> command : commands) {
            String[] args = Stream.concat(command.stream(), Stream.of("--limit", "nesting-depth=2")).toArray(String[]::new);
            assertOneLine(CliTest.run(args), Main.BAD_INPUT, over);
            int code = CliTest.run(command.toArray(String[]::new)).code();
            assertTrue(code == Main.OK || code == Main.FINDINGS, command + " within the default limits: " + code);
        }
        try (Stream<Path> left = Files.walk(tmp)) {
            assertEquals(List.of(), left.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".tmp") || n.endsWith(".commit")).toList(),
                    "no file staged by a refused run is left");
        }
    }

    @Test
    void theFileSizeIsCheckedBeforeTheFileIsReadAndTheEntryCountAtTheEntryOverIt() throws IOException {
        Path list = tmp.resolve("three.md");
        Files.writeString(list, "- [A](https://example.com/a)\n- [B](https://example.com/b)\n- [C](https://example.com/c)\n" + "\n".repeat(1100));
        assertOneLine(CliTest.run("convert", list.toString(), "--limit", "file-size=1KB"), Main.BAD_INPUT,
                list + ":1:1: error: the file is 1187 bytes, over the file-size limit of 1 KB; split the list, or raise the limit with --limit file-size=1MB");
        assertOneLine(CliTest.run("convert", list.toString(), "--limit", "entries=2"), Main.BAD_INPUT,
                list + ":3:1: error: entry 3 is over the limit of 2 entries per file; split the list, or raise the limit with --limit entries=4");
        assertEquals(Main.OK, CliTest.run("convert", list.toString(), "--limit", "entries=3", "--limit", "file-size=2KB").code());
    }

    @Test
    void anUnknownLimitOrABadValueIsAUsageErrorOnOneLine() throws IOException {
        Path list = tmp.resolve("a.md");
        Files.writeString(list, "- [A](https://example.com/a)\n");
        assertOneLine(CliTest.run("convert", list.toString(), "--limit", "depth=3"), Main.USAGE,
                "listgraph: --limit: no limit 'depth'; known: file-size, line-length, nesting-depth, entries");
        assertOneLine(CliTest.run("lint", list.toString(), "--limit", "entries=lots"), Main.USAGE,
                "listgraph: --limit entries takes a whole number, not 'lots'");
        assertOneLine(CliTest.run("convert", list.toString(), "--limit", "nesting-depth=5000"), Main.USAGE,
                "listgraph: --limit nesting-depth must be between 1 and 500: 5000");
        assertOneLine(CliTest.run("convert", list.toString(), "--limit", "line-length"), Main.USAGE,
                "listgraph: --limit takes NAME=VALUE (e.g. line-length=200000), not 'line-length'");
        assertOneLine(CliTest.run("bench", "run", "--corpus", tmp.toString(), "--limit", "file-size=0"), Main.USAGE,
                "listgraph: --limit file-size must be at least 1 byte: 0");
    }
}
