package org.listgraph.export;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.listgraph.bench.CorpusGenerator;
import org.listgraph.identity.IriMinter;
import org.listgraph.markdown.ListFiles;
import org.listgraph.rdf.Converter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** report.html stays readable, and small, with many lists: the heat map draws the lists that overlap most. */
class HtmlReportTest {
    @TempDir
    Path tmp;

    @Test
    void withMoreListsThanTheHeatMapDrawsItShowsThoseThatShareTheMostAndSaysSo() throws IOException {
        int lists = HtmlReport.HEAT_MAP_LISTS + 12;
        new CorpusGenerator(lists, 40 * lists, 3).write(tmp);
        Converter.Result r = new Converter(IriMinter.DEFAULT_BASE).convert(ListFiles.expand(List.of(tmp)));
        ReportFigures f = ReportFigures.of(r.lists(), r.resolution().shared());
        assertEquals(lists, f.lists().size());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HtmlReport.write(f, List.of(), out);
        Document html = Jsoup.parse(out.toString(StandardCharsets.UTF_8));
        int n = HtmlReport.HEAT_MAP_LISTS;
        assertEquals(n * n, html.select("#overlap rect.cell").size());
        assertTrue(html.text().contains("Drawn: the " + n + " lists (of " + lists + ") that share the most resources with the others"), html.text());

        // The lists drawn are those with the most resources in common with the other lists, counted here from the figures.
        Comparator<ReportFigures.ListRow> most = Comparator.comparingLong((ReportFigures.ListRow a) -> f.lists().stream()
                .filter(b -> !b.iri().equals(a.iri())).mapToLong(b -> f.overlap(a.iri(), b.iri())).sum()).reversed();
        List<ReportFigures.ListRow> ranked = f.lists().stream().sorted(most.thenComparing(Comparator.comparingInt(ReportFigures.ListRow::resources).reversed())
                .thenComparing(ReportFigures.ListRow::iri)).toList();
        Set<String> expected = ranked.subList(0, n).stream().map(l -> l.iri().substring(l.iri().lastIndexOf('/') + 1)).collect(Collectors.toSet());
        Set<String> drawn = html.select("#overlap rect.cell title").stream().map(t -> t.text().split(" × ")[0]).collect(Collectors.toSet());
        assertEquals(expected, drawn);
        assertTrue(ranked.get(n - 1) != ranked.get(n) && most.compare(ranked.get(0), ranked.get(lists - 1)) < 0, "the lists differ in how much they share");
    }
}
