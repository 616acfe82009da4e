package org.listgraph.cli;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code build} writes output/report.html: self-contained, deterministic, and agreeing with lint and the graph. */
class ReportTest {
    @Test
    void theReportIsSelfContainedDeterministicAndAgreesWithLint(@TempDir Path tmp) throws IOException {
        Path out1 = tmp.resolve("one"), out2 = tmp.resolve("two");
        CliTest.Run build = CliTest.run("build", "--lists", "lists", "--output", out1.toString());
        assertEquals(Main.OK, build.code(), build.err());
        assertTrue(build.out().contains("lint: 20 errors, 7 warnings"), build.out());
        assertEquals(Main.OK, CliTest.run("build", "--lists", "lists", "--output", out2.toString()).code());
        byte[] report = Files.readAllBytes(out1.resolve("report.html"));
        assertArrayEquals(report, Files.readAllBytes(out2.resolve("report.html")), "same lists, same bytes");

        Document doc = Jsoup.parse(new String(report, java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(25, doc.select("#overlap rect.cell").size());
        assertTrue(doc.select("script, link[href], img[src], iframe").isEmpty(), "nothing is fetched");
        assertFalse(new String(report, java.nio.charset.StandardCharsets.UTF_8).contains("http-equiv"));
        assertEquals(12, doc.select("#kinds tbody tr").size(), "one row per kind in the seeds");

        CliTest.Run lint = CliTest.run("lint");
        String all = doc.select("details pre").text();
        assertEquals(lint.out().strip().lines().count(), all.lines().count());
        assertTrue(doc.select("h2").text().contains("Lint: 20 errors, 7 warnings"), doc.select("h2").text());
    }
}
