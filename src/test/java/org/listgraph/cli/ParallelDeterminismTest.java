package org.listgraph.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.listgraph.bench.CorpusGenerator;
import org.listgraph.testing.Seeds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lists are parsed on several threads and handed on in path order, so every output file of a build
 * is byte-identical whatever the thread count: on a generated corpus with shared works, people with
 * several handles and malformed lines, and on the seeds.
 */
class ParallelDeterminismTest {
    private static final List<String> FILES = List.of("graph.ttl", "merges.csv", "merges.md", "problems.txt", "report.html");

    @TempDir
    static Path tmp;
    static Path corpus;

    @BeforeAll
    static void corpus() throws IOException {
        corpus = tmp.resolve("corpus");
        new CorpusGenerator(24, 4_000, 11).write(corpus);
    }

    @ParameterizedTest(name = "{0} threads")
    @ValueSource(ints = {2, 3, 8})
    void aBuildWithSeveralParsingThreadsWritesTheSameBytesAsOneThread(int threads) throws IOException {
        Path one = build(corpus, "one-" + threads, 1);
        Path many = build(corpus, "many-" + threads, threads);
        for (String f : FILES) assertArrayEquals(Files.readAllBytes(one.resolve(f)), Files.readAllBytes(many.resolve(f)), f);
        assertTrue(Files.readString(one.resolve("problems.txt")).lines().count() > 20, "the corpus has malformed lines to report");
        assertTrue(Files.readString(one.resolve("merges.csv")).contains(",merged,"), "and merges to decide");
    }

    @Test
    void theSeedsConvertToTheSameBytesWithOneThreadAndWithMany() {
        CliTest.Run one = CliTest.run("convert", Seeds.LISTS.toString(), "--threads", "1", "-q");
        CliTest.Run many = CliTest.run("convert", Seeds.LISTS.toString(), "--threads", "6", "-q");
        assertEquals(Main.OK, one.code(), one.err());
        assertTrue(one.out().length() > 10_000);
        assertEquals(one.out(), many.out());
    }

    @Test
    void withSeveralBadFilesTheFirstInPathOrderIsReportedWhateverTheThreads() throws IOException {
        Path lists = tmp.resolve("bad-lists");
        Files.createDirectories(lists);
        for (int i = 0; i < 12; i++) Files.writeString(lists.resolve(String.format("l%02d.md", i)), "# L\n\n- [a](https://example.org/" + i + ")\n");
        Files.write(lists.resolve("l05.md"), new byte[]{'#', 0, 1});
        Files.write(lists.resolve("l09.md"), new byte[]{'#', 0, 2});
        for (String threads : new String[]{"1", "4"}) {
            CliTest.Run r = CliTest.run("convert", lists.toString(), "--threads", threads);
            assertEquals(Main.BAD_INPUT, r.code(), threads);
            assertEquals(lists.resolve("l05.md") + ":1: error: binary file (NUL byte), not Markdown text; remove it from the lists or pass a .md file",
                    r.err().strip(), threads);
        }
    }

    @Test
    void aThreadCountOutOfRangeIsAUsageError() {
        CliTest.Run r = CliTest.run("convert", Seeds.LISTS.toString(), "--threads", "0");
        assertEquals(Main.USAGE, r.code());
        assertTrue(r.err().contains("--threads must be between 1 and 256"), r.err());
    }

    private static Path build(Path lists, String name, int threads) {
        Path output = tmp.resolve(name);
        CliTest.Run r = CliTest.run("build", "--lists", lists.toString(), "--output", output.toString(), "--threads", String.valueOf(threads));
        assertEquals(Main.OK, r.code(), r.err());
        return output;
    }
}
