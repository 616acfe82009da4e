package org.listgraph.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code bench}: a deterministic corpus with the seeds' shapes, and a run that reports every phase and ratio. */
class BenchTest {
    @TempDir
    Path tmp;

    @Test
    void theSameSeedGivesTheSameCorpusAndItHasTheSeedShapes() throws IOException {
        Path a = tmp.resolve("a"), b = tmp.resolve("b");
        assertEquals(Main.OK, CliTest.run("bench", "corpus", "--lists", "4", "--entries", "400", "--seed", "7", "-o", a.toString()).code());
        assertEquals(Main.OK, CliTest.run("bench", "corpus", "--lists", "4", "--entries", "400", "--seed", "7", "-o", b.toString()).code());
        for (String f : new String[]{"lists.json", "list-00000.md", "list-00003.md"}) {
            assertEquals(Files.readString(a.resolve(f)), Files.readString(b.resolve(f)), f);
        }
        String md = Files.readString(a.resolve("list-00000.md"));
        for (String shape : new String[]{"[recording](", "  - [Part 1](", " on [github](", "🌟](", "ðŸŒŸ", ") - ", " of Acme"}) {
            assertTrue(md.contains(shape) || Files.readString(a.resolve("list-00001.md")).contains(shape), shape);
        }

        Path output = tmp.resolve("output");
        CliTest.Run build = CliTest.run("build", "--lists", a.toString(), "--output", output.toString());
        assertEquals(Main.OK, build.code(), build.err());
        assertTrue(build.out().startsWith("built 4 lists: 400 entries"), build.out());
        assertTrue(build.err().contains("double-bullet") || build.err().contains("second bullet"), "malformed lines are there");
        CliTest.Run shared = CliTest.run("query", "--db", output.resolve("tdb2").toString(), "-f", "csv",
                "SELECT (COUNT(DISTINCT ?r) AS ?n) { ?r lg:listCount ?c FILTER(?c >= 2) }");
        assertTrue(Integer.parseInt(shared.out().lines().skip(1).findFirst().orElseThrow()) > 5, "URLs are shared across lists");
    }

    @Test
    void aRunReportsEveryPhaseWithTimesHeapAndTheRatios() throws IOException {
        Path corpus = tmp.resolve("corpus");
        assertEquals(Main.OK, CliTest.run("bench", "corpus", "--lists", "3", "--entries", "300", "-o", corpus.toString()).code());
        Path json = tmp.resolve("bench.json");
        byte[] corpusBefore = Files.readAllBytes(corpus.resolve("list-00000.md"));
        CliTest.Run r = CliTest.run("bench", "run", "--corpus", corpus.toString(), "--json", json.toString(), "--min-heap");
        assertEquals(Main.OK, r.code(), r.err());
        assertTrue(r.out().contains("build ÷ (parse + sequential load) = "), r.out());
        assertTrue(r.out().contains("smallest -Xmx that completes a build: "), r.out());
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertEquals(300, report.get("entries").asInt());
        for (String phase : new String[]{"parse", "convert", "load", "build", "unchanged", "one-list"}) {
            JsonNode p = report.get("phases").get(phase);
            assertTrue(p.get("seconds").asDouble() > 0 && p.get("peakHeapBytes").asLong() > 0, phase + ": " + p);
        }
        double ratio = report.get("buildOverParsePlusLoad").asDouble();
        JsonNode ph = report.get("phases");
        assertEquals(ph.get("build").get("seconds").asDouble() / (ph.get("parse").get("seconds").asDouble() + ph.get("load").get("seconds").asDouble()),
                ratio, 1e-9);
        assertTrue(report.get("quads").asLong() > 3000);
        // Whole builds in child JVMs found a heap that completes: more than nothing, far less than a gigabyte for 300 entries.
        int heap = report.get("minHeapMegabytes").asInt();
        assertTrue(heap >= 64 && heap <= 512, report.toString());
        // The reloads: nothing changed costs a fraction of the build; the edit is made on a copy, never on the corpus.
        assertTrue(report.get("unchangedOverBuild").asDouble() < 1, report.toString());
        assertTrue(report.get("oneListOverBuild").asDouble() > 0, report.toString());
        assertTrue(r.out().contains("nothing changed ÷ build = "), r.out());
        assertArrayEquals(corpusBefore, Files.readAllBytes(corpus.resolve("list-00000.md")));
    }

    @Test
    void aRunOverTwoCorpusSizesReportsEachAndHowEveryMeasureGrows() throws IOException {
        Path small = tmp.resolve("small"), large = tmp.resolve("large");
        assertEquals(Main.OK, CliTest.run("bench", "corpus", "--lists", "2", "--entries", "100", "-o", small.toString()).code());
        assertEquals(Main.OK, CliTest.run("bench", "corpus", "--lists", "4", "--entries", "400", "-o", large.toString()).code());
        Path json = tmp.resolve("growth.json");
        // The larger first: growth is always from the smallest corpus up.
        CliTest.Run r = CliTest.run("bench", "run", "--corpus", large.toString(), "--corpus", small.toString(), "--json", json.toString());
        assertEquals(Main.OK, r.code(), r.err());
        assertTrue(r.out().contains("growth from 100 to 400 entries"), r.out());
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertEquals(400, root.get("corpora").get(0).get("entries").asInt());
        assertEquals(100, root.get("corpora").get(1).get("entries").asInt());
        JsonNode g = root.get("growth").get(0);
        assertEquals(100, g.get("fromEntries").asInt());
        assertEquals(400, g.get("toEntries").asInt());
        JsonNode c0 = root.get("corpora").get(1).get("phases"), c1 = root.get("corpora").get(0).get("phases");
        for (String phase : new String[]{"parse", "convert", "load", "build", "unchanged", "one-list"}) {
            double expected = Math.log(c1.get(phase).get("seconds").asDouble() / c0.get(phase).get("seconds").asDouble()) / Math.log(4);
            assertEquals(expected, g.get("exponents").get(phase + " seconds").asDouble(), 1e-9, phase);
            assertTrue(g.get("exponents").has(phase + " peak heap"), phase);
        }
    }

    @Test
    void aRunOnAMissingCorpusSaysSoInOneLineWithTheBadInputCode(@org.junit.jupiter.api.io.TempDir Path tmp) {
        CliTest.Run r = CliTest.run("bench", "run", "--corpus", tmp.resolve("missing").toString(), "--json", tmp.resolve("b.json").toString());
        assertEquals(Main.BAD_INPUT, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("missing: error: no such folder"), r.err());
    }

    @Test
    void theLaunchersTrainingRunBuildsLoadsAndQueriesWithoutAnError() {
        // The launcher records the classes this run loads for every later command; a failing run would leave them all
        // loading from the jar again, which nothing else would show.
        CliTest.Run r = CliTest.run("bench", "training");
        assertEquals(Main.OK, r.code(), r.err());
    }

    @Test
    void aCorpusIsNeverWrittenOverAnotherFolder() throws IOException {
        Files.writeString(tmp.resolve("keep.md"), "# mine\n");
        CliTest.Run r = CliTest.run("bench", "corpus", "--lists", "1", "--entries", "10", "-o", tmp.toString());
        assertEquals(Main.USAGE, r.code());
        assertTrue(r.err().contains("is not empty"), r.err());
    }

    @Test
    void queryMeasuresTheSavedQueryOnAServedStoreForATypicalAndTheBusiestSpeaker() throws IOException {
        Path output = tmp.resolve("seeds-output");
        assertEquals(Main.OK, CliTest.run("build", "--lists", "lists", "--output", output.toString()).code());
        Path json = tmp.resolve("query.json");
        CliTest.Run r = CliTest.run("bench", "query", "--db", output.resolve("tdb2").toString(), "--runs", "0", "--requests", "5",
                "--json", json.toString());
        assertEquals(Main.OK, r.code(), r.err());
        assertTrue(r.out().contains("server, warm, median speaker author="), r.out());
        assertTrue(r.out().contains("server, warm, busiest speaker author="), r.out());
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertEquals(2, root.get("served").size());
        JsonNode busiest = root.get("served").get(1);
        assertTrue(busiest.get("rows").asInt() >= 1 && busiest.get("medianMs").asDouble() > 0, root.toString());
        assertTrue(root.get("askMedianMs").asDouble() > 0);
        CliTest.Run again = CliTest.run("query", "--db", output.resolve("tdb2").toString(), "--saved", "talks-by", "--param",
                "author=" + busiest.get("author").asText(), "-f", "csv");
        assertEquals(busiest.get("rows").asInt() + 1, again.out().lines().count(), "the rows counted are the rows the CLI prints: " + again.out());
    }
}
