package org.listgraph.export;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.listgraph.entry.Severity;
import org.listgraph.lint.LintFinding;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code output/report.html}: one self-contained page (inline SVG and CSS, nothing fetched) about a
 * build: how much the lists overlap (a heat map), resources per kind per list, top authors and
 * topics, the resources three or more lists share, and the lint summary. Same lists, same bytes.
 */
public final class HtmlReport {
    private static final String CSS = """
            body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d2330;margin:0 auto;max-width:75rem;padding:1rem 1.5rem}
            h1{font-size:1.5rem;margin:.2rem 0}h2{font-size:1.15rem;margin:2rem 0 .5rem;border-bottom:1px solid #d9dde5;padding-bottom:.2rem}
            .muted{color:#5b6475}table{border-collapse:collapse;font-size:.9rem}th,td{border-bottom:1px solid #e4e7ec;padding:.25rem .5rem;text-align:left;vertical-align:top}
            th{background:#f5f7fa}td.n{text-align:right;font-variant-numeric:tabular-nums}.cols{display:grid;grid-template-columns:1fr 1fr;gap:2rem}
            svg text{font:11px system-ui,sans-serif;fill:#1d2330}.error{color:#b3261e}.warning{color:#8a5a00}a{color:#2457c5}
            @media (max-width:50rem){.cols{grid-template-columns:1fr}}
            """;

    /** The most lists the heat map draws. */
    static final int HEAT_MAP_LISTS = 40;

    private HtmlReport() {
    }

    /** Writes the report of a conversion, with lint's findings; every figure comes from identity's results (see {@link ReportFigures}). */
    public static void write(org.listgraph.rdf.Converter.Result result, List<LintFinding> findings, OutputStream out) throws IOException {
        write(result, findings, List.of(), out);
    }

    /** As above, with what the last check-links found of the lists' links (a section of its own when there is any). */
    public static void write(org.listgraph.rdf.Converter.Result result, List<LintFinding> findings, List<org.listgraph.entry.LinkCheck> links,
                             OutputStream out) throws IOException {
        write(ReportFigures.ofHeaders(result.listHeaders(), result.resolution().shared()), findings, links, out);
    }

    /** Writes the report of {@code figures}, with lint's {@code findings}. */
    public static void write(ReportFigures figures, List<LintFinding> findings, OutputStream out) throws IOException {
        write(figures, findings, List.of(), out);
    }

    /** The report of {@code figures}, lint's findings and the last link checks. */
    public static void write(ReportFigures figures, List<LintFinding> findings, List<org.listgraph.entry.LinkCheck> links, OutputStream out)
            throws IOException {
        Document doc = Document.createShell("");
        doc.outputSettings().prettyPrint(true).charset(StandardCharsets.UTF_8);
        doc.head().appendElement("meta").attr("charset", "utf-8");
        doc.head().appendElement("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1");
        doc.title("listgraph report");
        doc.head().appendElement("style").appendText(CSS);
        Element body = doc.body();

        List<ReportFigures.ListRow> lists = figures.lists();
        ReportFigures.Totals t = figures.totals();
        body.appendElement("h1").text("listgraph report");
        body.appendElement("p").addClass("muted").text(lists.size() + " lists · " + t.resources() + " resources · " + t.agents() + " agents ("
                + t.organizations() + " of them organisations) · " + t.topics() + " topics · " + findings.size() + " lint findings");

        overlap(body, figures);
        kinds(body, figures);
        Element cols = body.appendElement("div").addClass("cols");
        ranking(cols.appendElement("section"), "Top authors", "author", figures.authors());
        ranking(cols.appendElement("section"), "Top topics", "topic", figures.topics());
        shared(body, figures.shared());
        lint(body, findings);
        if (!links.isEmpty()) links(body, links);

        byte[] html = ("<!DOCTYPE html>\n" + doc.html() + "\n").replace("<!doctype html>\n", "").getBytes(StandardCharsets.UTF_8);
        out.write(html);
    }

    private static String shortId(String listIri) {
        return listIri.substring(listIri.lastIndexOf('/') + 1);
    }

    /**
     * The heat map: cell (a, b) is the number of resources lists a and b share; the diagonal is each list's size. Of
     * many lists, only the {@link #HEAT_MAP_LISTS} that share the most with the others are drawn: a thousand lists made
     * a million cells, 46,000 pixels wide, that no one can read and that took more memory than the rest of a build.
     */
    private static void overlap(Element body, ReportFigures figures) {
        List<ReportFigures.ListRow> lists = mostShared(figures, HEAT_MAP_LISTS);
        body.appendElement("h2").text("How much the lists overlap");
        body.appendElement("p").addClass("muted").text("Resources two lists share (the diagonal: resources in the list). "
                + "The colour is the share of the smaller list."
                + (lists.size() < figures.lists().size() ? " Drawn: the " + lists.size() + " lists (of " + figures.lists().size()
                + ") that share the most resources with the others; ./listgraph stats counts every pair." : ""));
        int n = lists.size();
        int label = 260, cell = 46;
        int size = label + n * cell + 10;
        // The column names lean right, past the last column: leave them room.
        Element svg = body.appendElement("svg").attr("id", "overlap").attr("xmlns", "http://www.w3.org/2000/svg")
                .attr("width", Integer.toString(size + 160)).attr("height", Integer.toString(size)).attr("role", "img")
                .attr("aria-label", "Heat map of resources shared between lists");
        for (int i = 0; i < n; i++) {
            String name = shortId(lists.get(i).iri());
            svg.appendElement("text").attr("x", Integer.toString(label - 6)).attr("y", Integer.toString(label + i * cell + cell / 2 + 4))
                    .attr("text-anchor", "end").text(name);
            svg.appendElement("text").attr("transform", "translate(" + (label + i * cell + cell / 2 + 4) + "," + (label - 6) + ") rotate(-60)")
                    .text(name);
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                int count = figures.overlap(lists.get(i).iri(), lists.get(j).iri());
                int smaller = Math.max(1, Math.min(lists.get(i).resources(), lists.get(j).resources()));
                double share = Math.min(1.0, count / (double) smaller);
                Element rect = svg.appendElement("rect").addClass("cell").attr("x", Integer.toString(label + j * cell))
                        .attr("y", Integer.toString(label + i * cell)).attr("width", Integer.toString(cell - 2))
                        .attr("height", Integer.toString(cell - 2)).attr("fill", colour(share));
                rect.appendElement("title").text(shortId(lists.get(i).iri()) + " × " + shortId(lists.get(j).iri()) + ": " + count + " shared");
                svg.appendElement("text").attr("x", Integer.toString(label + j * cell + (cell - 2) / 2))
                        .attr("y", Integer.toString(label + i * cell + cell / 2 + 3)).attr("text-anchor", "middle")
                        .attr("style", share > 0.55 ? "fill:#ffffff" : "").text(Integer.toString(count));
            }
        }
    }

    /**
     * At most {@code limit} of the lists, in their order: those with the most resources shared with other lists (then the
     * larger, then by IRI), so the heat map shows where the overlap is.
     */
    static List<ReportFigures.ListRow> mostShared(ReportFigures figures, int limit) {
        List<ReportFigures.ListRow> lists = figures.lists();
        if (lists.size() <= limit) return lists;
        Map<ReportFigures.ListRow, Long> shared = new java.util.HashMap<>();
        for (ReportFigures.ListRow a : lists) {
            long sum = 0;
            for (ReportFigures.ListRow b : lists) if (!a.iri().equals(b.iri())) sum += figures.overlap(a.iri(), b.iri());
            shared.put(a, sum);
        }
        java.util.Set<ReportFigures.ListRow> top = lists.stream()
                .sorted(java.util.Comparator.comparing((ReportFigures.ListRow l) -> shared.get(l)).reversed()
                        .thenComparing(java.util.Comparator.comparingInt(ReportFigures.ListRow::resources).reversed())
                        .thenComparing(ReportFigures.ListRow::iri))
                .limit(limit).collect(java.util.stream.Collectors.toSet());
        return lists.stream().filter(top::contains).toList();
    }

    /** White through blue: the share a cell stands for, 0 to 1. */
    private static String colour(double share) {
        int r = (int) Math.round(255 + (36 - 255) * share);
        int g = (int) Math.round(255 + (87 - 255) * share);
        int b = (int) Math.round(255 + (197 - 255) * share);
        return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
    }

    /** A table of resources per kind (rows) per list (columns). */
    private static void kinds(Element body, ReportFigures figures) {
        body.appendElement("h2").text("Resources per kind and list");
        Element table = body.appendElement("table").attr("id", "kinds");
        Element head = table.appendElement("thead").appendElement("tr");
        head.appendElement("th").text("kind");
        figures.lists().forEach(l -> head.appendElement("th").text(shortId(l.iri())));
        Element tbody = table.appendElement("tbody");
        figures.kinds().forEach((kind, counts) -> {
            Element tr = tbody.appendElement("tr");
            tr.appendElement("td").text(kind);
            figures.lists().forEach(l -> tr.appendElement("td").addClass("n").text(Integer.toString(counts.getOrDefault(l.iri(), 0))));
        });
    }

    private static void ranking(Element section, String title, String what, List<ReportFigures.Ranked> rows) {
        section.appendElement("h2").text(title);
        Element table = section.appendElement("table");
        table.appendElement("thead").appendElement("tr").appendElement("th").text(what).parent().appendElement("th").text("resources");
        Element tbody = table.appendElement("tbody");
        for (ReportFigures.Ranked row : rows) {
            Element tr = tbody.appendElement("tr");
            tr.appendElement("td").text(row.name()).attr("title", row.iri());
            tr.appendElement("td").addClass("n").text(Integer.toString(row.resources()));
        }
    }

    private static void shared(Element body, List<ReportFigures.SharedRow> rows) {
        body.appendElement("h2").text("In three or more lists (" + rows.size() + ")");
        Element table = body.appendElement("table").attr("id", "shared");
        Element head = table.appendElement("thead").appendElement("tr");
        head.appendElement("th").text("resource");
        head.appendElement("th").text("lists");
        head.appendElement("th").text("in");
        Element tbody = table.appendElement("tbody");
        for (ReportFigures.SharedRow row : rows) {
            Element tr = tbody.appendElement("tr");
            Element td = tr.appendElement("td");
            if (row.url().isEmpty()) td.text(row.title());
            else td.appendElement("a").attr("href", row.url()).attr("rel", "noreferrer").text(row.title());
            tr.appendElement("td").addClass("n").text(Integer.toString(row.lists()));
            tr.appendElement("td").addClass("muted").text(String.join(" · ", row.listTitles()));
        }
    }

    private static void lint(Element body, List<LintFinding> findings) {
        long errors = findings.stream().filter(f -> f.rule().severity() == Severity.ERROR).count();
        body.appendElement("h2").text("Lint: " + errors + " errors, " + (findings.size() - errors) + " warnings");
        Map<String, Integer> byRule = new TreeMap<>();
        findings.forEach(f -> byRule.merge(f.rule().severity().word() + " " + f.rule().id(), 1, Integer::sum));
        Element table = body.appendElement("table").attr("id", "lint");
        table.appendElement("thead").appendElement("tr").appendElement("th").text("rule").parent().appendElement("th").text("severity")
                .parent().appendElement("th").text("findings");
        Element tbody = table.appendElement("tbody");
        byRule.forEach((key, count) -> {
            String[] parts = key.split(" ", 2);
            Element tr = tbody.appendElement("tr");
            tr.appendElement("td").text(parts[1]);
            tr.appendElement("td").addClass(parts[0]).text(parts[0]);
            tr.appendElement("td").addClass("n").text(Integer.toString(count));
        });
        Element details = body.appendElement("details");
        details.appendElement("summary").text("All findings (as ./listgraph lint prints them)");
        details.appendElement("pre").text(String.join("\n", findings.stream().map(LintFinding::toString).toList()));
    }

    /** What check-links last found: the links by state, and each dead or moved one with what it answered or where it went. */
    private static void links(Element body, List<org.listgraph.entry.LinkCheck> links) {
        Map<org.listgraph.entry.LinkCheck.State, Integer> byState = new java.util.EnumMap<>(org.listgraph.entry.LinkCheck.State.class);
        links.forEach(c -> byState.merge(c.state(), 1, Integer::sum));
        String latest = links.stream().map(c -> c.checkedAt()).max(java.util.Comparator.naturalOrder()).map(i -> i.toString().substring(0, 10))
                .orElse("");
        body.appendElement("h2").text("Links: " + byState.getOrDefault(org.listgraph.entry.LinkCheck.State.DEAD, 0) + " dead, "
                + byState.getOrDefault(org.listgraph.entry.LinkCheck.State.MOVED, 0) + " moved, of " + links.size() + " checked (check-links, last "
                + latest + ")");
        Element counts = body.appendElement("table").attr("id", "link-states");
        counts.appendElement("thead").appendElement("tr").appendElement("th").text("state").parent().appendElement("th").text("links");
        Element cb = counts.appendElement("tbody");
        byState.forEach((state, n) -> cb.appendElement("tr").appendElement("td").text(state.id()).parent()
                .appendElement("td").addClass("n").text(Integer.toString(n)));
        Element table = body.appendElement("table").attr("id", "links");
        table.appendElement("thead").appendElement("tr").appendElement("th").text("link").parent().appendElement("th").text("state")
                .parent().appendElement("th").text("what it said");
        Element tbody = table.appendElement("tbody");
        links.stream().filter(c -> c.state() == org.listgraph.entry.LinkCheck.State.DEAD || c.state() == org.listgraph.entry.LinkCheck.State.MOVED)
                .sorted(java.util.Comparator.comparing((org.listgraph.entry.LinkCheck c) -> c.state()).thenComparing(c -> c.url()))
                .forEach(c -> {
                    Element tr = tbody.appendElement("tr");
                    tr.appendElement("td").text(c.url());
                    tr.appendElement("td").text(c.state().id());
                    tr.appendElement("td").text(c.state() == org.listgraph.entry.LinkCheck.State.MOVED ? "redirects to " + c.finalUrl()
                            : c.problem() != null ? c.problem() : "answers " + c.status());
                });
    }
}
