package org.listgraph.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A build with nothing changed does nothing and says what the last one said; any change at all means a real build. */
class UnchangedBuildTest {
    private static final List<String> FILES = List.of("graph.ttl", "merges.csv", "merges.md", "problems.txt", "report.html");
    @TempDir
    Path tmp;
    Path lists;
    Path output;
    CliTest.Run first;

    @BeforeEach
    void buildTheSeeds() throws IOException {
        lists = org.listgraph.testing.Seeds.copyInto(tmp.resolve("lists"));
        output = tmp.resolve("output");
        first = build();
        assertEquals(Main.OK, first.code(), first.err());
    }

    private CliTest.Run build(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("build", "--timings", "--lists", lists.toString(), "--output", output.toString()));
        args.addAll(List.of(more));
        return CliTest.run(args.toArray(String[]::new));
    }

    private static boolean skipped(CliTest.Run r) {
        return r.err().contains("timings: unchanged");
    }

    /** The summary without its time ("in 4.2 s"). */
    private static String summary(CliTest.Run r) {
        return r.out().replaceAll("in \\d+\\.\\d s;", "in _ s;").replaceAll("store: \\d+ graphs written, \\d+ unchanged", "store: _");
    }

    private static String problems(CliTest.Run r) {
        return r.err().lines().filter(l -> !l.startsWith("timings:")).reduce("", (a, b) -> a + b + "\n");
    }

    private Map<String, byte[]> files(Path dir) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        for (String f : FILES) out.put(f, Files.readAllBytes(dir.resolve(f)));
        return out;
    }

    @Test
    void aSecondBuildWithNothingChangedWritesNothingAndSaysWhatTheFirstSaid() throws IOException {
        FileTime written = Files.getLastModifiedTime(output.resolve("graph.ttl"));
        Map<String, byte[]> before = files(output);
        CliTest.Run again = build();
        assertEquals(Main.OK, again.code(), again.err());
        assertTrue(skipped(again), again.err());
        assertEquals(summary(first), summary(again));
        assertTrue(again.out().contains("store: 0 graphs written, 6 unchanged, 0 removed"), again.out());
        assertEquals(problems(first), problems(again), "the same warnings, in the same order");
        assertEquals(written, Files.getLastModifiedTime(output.resolve("graph.ttl")), "graph.ttl was not rewritten");
        Map<String, byte[]> after = files(output);
        before.forEach((f, bytes) -> assertArrayEquals(bytes, after.get(f), f));
    }

    @Test
    void aChangedListAnEditedOutputFileADamagedRecordOrAnotherLoadMeanARealBuild() throws IOException {
        Map<String, byte[]> right = files(output);
        // An output file edited by hand is written again, right.
        Files.writeString(output.resolve("report.html"), "edited");
        CliTest.Run r = build();
        assertFalse(skipped(r), r.err());
        assertArrayEquals(right.get("report.html"), Files.readAllBytes(output.resolve("report.html")));
        assertTrue(skipped(build()));
        // A damaged record is never trusted.
        Files.writeString(output.resolve(BuildState.FILE), "{\"inputs\": ");
        assertFalse(skipped(build()));
        assertTrue(skipped(build()));
        // --rebuild always builds.
        assertFalse(skipped(build("--rebuild")));
        // Another command that changed the store ('load' of one list into it) leaves the record stale.
        CliTest.Run load = CliTest.run("load", "src/test/resources/golden/cross-list-merge", "--db", output.resolve("tdb2").toString());
        assertEquals(Main.OK, load.code(), load.err());
        r = build();
        assertFalse(skipped(r), r.err());
        assertTrue(r.out().contains("removed"), "the build puts the store back to its lists: " + r.out());
        // A new overrides.json and a changed list each change the inputs.
        Files.writeString(lists.resolve("overrides.json"), "{}");
        assertFalse(skipped(build()));
        Path cs224 = lists.resolve("cs224-dev-meetup-container-networking.md");
        Files.writeString(cs224, Files.readString(cs224) + "\n* [A new post](https://example.org/a-new-post)\n");
        r = build();
        assertFalse(skipped(r), r.err());
        assertTrue(r.out().contains("store: 2 graphs written"), r.out());
        assertTrue(skipped(build()));
    }
}
