package org.listgraph.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code bench quality} on the corpus of real lists: no figure of any list falls below the recorded
 * baseline (src/test/resources/quality/baseline.json), and a fall is reported and fails.
 */
class QualityBenchTest {
    private static final Path BASELINE = Path.of("src/test/resources/quality/baseline.json");

    @TempDir
    Path tmp;

    @Test
    void noListFallsBelowItsRecordedFigures() throws IOException {
        Path json = tmp.resolve("quality.json");
        CliTest.Run r = CliTest.run("bench", "quality", "--json", json.toString(), "--check", BASELINE.toString());
        assertEquals(Main.OK, r.code(), r.out() + r.err());
        JsonNode now = new ObjectMapper().readTree(json.toFile());
        JsonNode base = new ObjectMapper().readTree(BASELINE.toFile());
        assertEquals(fieldNames(base), fieldNames(now), "every list of the corpus is scored, and only those");
        assertTrue(now.size() >= 9, "at least 8 lists plus the total");
        assertTrue(r.out().contains("kind P") && r.out().contains("author R"), r.out());
    }

    @Test
    void theWholeCorpusMeetsItsFloorAndInventsNoPeopleBeyondTheBaseline() throws IOException {
        Path json = tmp.resolve("quality.json");
        assertEquals(Main.OK, CliTest.run("bench", "quality", "--json", json.toString()).code());
        JsonNode all = new ObjectMapper().readTree(json.toFile()).get("all");
        assertTrue(all.get("titles").asDouble() >= 0.99, "titles " + all);
        assertTrue(all.get("authorPrecision").asDouble() >= 0.98, "author precision " + all);
        assertEquals(0, all.get("falseEntries").asInt(), "prose is never read as entries: " + all);
        assertTrue(all.get("entryRecall").asDouble() >= 0.99, "entries found " + all);
    }

    @Test
    void aFigureBelowTheBaselineIsNamedAndExitsOne() throws IOException {
        ObjectNode raised = (ObjectNode) new ObjectMapper().readTree(BASELINE.toFile());
        ((ObjectNode) raised.get("papers")).put("titles", 1.5);
        ((ObjectNode) raised.get("selfhosted")).put("invented", -1);
        Path file = tmp.resolve("raised.json");
        Files.writeString(file, raised.toString());
        CliTest.Run r = CliTest.run("bench", "quality", "--check", file.toString());
        assertEquals(Main.FINDINGS, r.code(), r.out());
        assertTrue(r.out().contains("papers: titles fell from 1.5000"), r.out());
        assertTrue(r.out().contains("selfhosted: invented fell from -1.0000"), r.out());
    }

    @Test
    void aCorpusFolderWithoutAnswersIsOneErrorLine() throws IOException {
        Files.createDirectories(tmp.resolve("empty/x"));
        CliTest.Run r = CliTest.run("bench", "quality", "--corpus", tmp.resolve("empty").toString());
        assertEquals(Main.BAD_INPUT, r.code(), r.err());
        assertTrue(r.err().contains("no <id>/list.md with <id>/answers.tsv"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    private static java.util.Set<String> fieldNames(JsonNode n) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) names.add(it.next().getKey());
        return names;
    }
}
