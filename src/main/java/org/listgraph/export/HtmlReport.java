package org.listgraph.export;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.listgraph.entry.Severity;
import org.listgraph.lint.LintFinding;
import org.listgraph.rdf.Vocab;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
    private static final String PREFIXES = "PREFIX lg: <" + Vocab.LG + "> PREFIX dct: <" + Vocab.DCT + "> PREFIX foaf: <" + Vocab.FOAF
            + "> PREFIX skos: <" + Vocab.SKOS + "> PREFIX schema: <" + Vocab.SCHEMA + ">\n";
    private static final String CSS = """
            body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d2330;margin:0 auto;max-width:75rem;padding:1rem 1.5rem}
            h1{font-size:1.5rem;margin:.2rem 0}h2{font-size:1.15rem;margin:2rem 0 .5rem;border-bottom:1px solid #d9dde5;padding-bottom:.2rem}
            .muted{color:#5b6475}table{border-collapse:collapse;font-size:.9rem}th,td{border-bottom:1px solid #e4e7ec;padding:.25rem .5rem;text-align:left;vertical-align:top}
            th{background:#f5f7fa}td.n{text-align:right;font-variant-numeric:tabular-nums}.cols{display:grid;grid-template-columns:1fr 1fr;gap:2rem}
            svg text{font:11px system-ui,sans-serif;fill:#1d2330}.error{color:#b3261e}.warning{color:#8a5a00}a{color:#2457c5}
            @media (max-width:50rem){.cols{grid-template-columns:1fr}}
            """;

    private HtmlReport() {
    }

    /** Writes the report of a conversion: its shared graph and list headers (the entries are not needed), with lint's findings. */
    public static void write(org.listgraph.rdf.Converter.Result result, List<LintFinding> findings, OutputStream out) throws IOException {
        write(new org.apache.jena.graph.compose.Union(result.sharedGraph(), result.listHeaders()), findings, out);
    }

    /**
     * Writes the report over {@code graph}, with lint's {@code findings}. Every figure comes from the
     * resources, agents and topics (a conversion's shared graph) and each list's type and title, so
     * the entries need not be held: see {@code Converter.Result.sharedGraph()} and {@code listHeaders()}.
     */
    public static void write(org.apache.jena.graph.Graph graph, List<LintFinding> findings, OutputStream out) throws IOException {
        DatasetGraph union = DatasetGraphFactory.wrap(graph);
        Document doc = Document.createShell("");
        doc.outputSettings().prettyPrint(true).charset(StandardCharsets.UTF_8);
        doc.head().appendElement("meta").attr("charset", "utf-8");
        doc.head().appendElement("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1");
        doc.title("listgraph report");
        doc.head().appendElement("style").appendText(CSS);
        Element body = doc.body();

        List<String[]> lists = select(union, """
                SELECT ?l ?title (COUNT(DISTINCT ?r) AS ?n) WHERE { ?l a lg:List ; dct:title ?title . OPTIONAL { ?r lg:listedIn ?l } }
                GROUP BY ?l ?title ORDER BY ?title ?l""", "l", "title", "n");
        List<String[]> totals = select(union, """
                SELECT (COUNT(DISTINCT ?r) AS ?resources) (COUNT(DISTINCT ?a) AS ?agents) (COUNT(DISTINCT ?o) AS ?orgs)
                       (COUNT(DISTINCT ?t) AS ?topics) WHERE {
                  { ?r a lg:Resource } UNION { ?a a foaf:Agent }
                  UNION { ?o a foaf:Organization } UNION { ?t a lg:Topic } }""", "resources", "agents", "orgs", "topics");
        body.appendElement("h1").text("listgraph report");
        String[] t = totals.isEmpty() ? new String[]{"0", "0", "0", "0"} : totals.get(0);
        body.appendElement("p").addClass("muted").text(lists.size() + " lists · " + t[0] + " resources · " + t[1] + " agents (" + t[2]
                + " of them organisations) · " + t[3] + " topics · " + findings.size() + " lint findings");

        overlap(body, union, lists);
        kinds(body, union, lists);
        Element cols = body.appendElement("div").addClass("cols");
        ranking(cols.appendElement("section"), "Top authors", "author", union, """
                SELECT ?x (SAMPLE(?label) AS ?name) (COUNT(DISTINCT ?r) AS ?n) WHERE { ?r dct:creator ?x .
                  OPTIONAL { ?x foaf:name ?fn } OPTIONAL { ?x foaf:nick ?nick } BIND(COALESCE(?fn, ?nick, STR(?x)) AS ?label) }
                GROUP BY ?x ORDER BY DESC(?n) ?name ?x LIMIT 15""");
        ranking(cols.appendElement("section"), "Top topics", "topic", union, """
                SELECT ?x (SAMPLE(?l) AS ?name) (COUNT(DISTINCT ?r) AS ?n) WHERE { ?r dct:subject ?x . ?x skos:prefLabel ?l }
                GROUP BY ?x ORDER BY DESC(?n) ?name ?x LIMIT 15""");
        shared(body, union);
        lint(body, findings);

        byte[] html = ("<!DOCTYPE html>\n" + doc.html() + "\n").replace("<!doctype html>\n", "").getBytes(StandardCharsets.UTF_8);
        out.write(html);
    }

    private static List<String[]> select(DatasetGraph dsg, String query, String... vars) {
        Query q = QueryFactory.create(PREFIXES + query);
        List<String[]> rows = new ArrayList<>();
        try (QueryExec exec = QueryExec.dataset(dsg).query(q).build()) {
            exec.select().forEachRemaining(b -> rows.add(values(b, vars)));
        }
        return rows;
    }

    private static String[] values(Binding b, String... vars) {
        String[] row = new String[vars.length];
        for (int i = 0; i < vars.length; i++) {
            var n = b.get(vars[i]);
            row[i] = n == null ? "" : n.isLiteral() ? n.getLiteralLexicalForm() : n.isURI() ? n.getURI() : n.toString();
        }
        return row;
    }

    private static String shortId(String listIri) {
        return listIri.substring(listIri.lastIndexOf('/') + 1);
    }

    /** The heat map: cell (a, b) is the number of resources lists a and b share; the diagonal is each list's size. */
    private static void overlap(Element body, DatasetGraph union, List<String[]> lists) {
        body.appendElement("h2").text("How much the lists overlap");
        body.appendElement("p").addClass("muted").text("Resources two lists share (the diagonal: resources in the list). "
                + "The colour is the share of the smaller list.");
        Map<String, Integer> shared = new TreeMap<>();
        for (String[] row : select(union, """
                SELECT ?a ?b (COUNT(DISTINCT ?r) AS ?n) WHERE { ?r lg:listedIn ?a , ?b } GROUP BY ?a ?b""", "a", "b", "n")) {
            shared.put(row[0] + " " + row[1], Integer.parseInt(row[2]));
        }
        int n = lists.size();
        int label = 260, cell = 46;
        int size = label + n * cell + 10;
        // The column names lean right, past the last column: leave them room.
        Element svg = body.appendElement("svg").attr("id", "overlap").attr("xmlns", "http://www.w3.org/2000/svg")
                .attr("width", Integer.toString(size + 160)).attr("height", Integer.toString(size)).attr("role", "img")
                .attr("aria-label", "Heat map of resources shared between lists");
        for (int i = 0; i < n; i++) {
            String name = shortId(lists.get(i)[0]);
            svg.appendElement("text").attr("x", Integer.toString(label - 6)).attr("y", Integer.toString(label + i * cell + cell / 2 + 4))
                    .attr("text-anchor", "end").text(name);
            svg.appendElement("text").attr("transform", "translate(" + (label + i * cell + cell / 2 + 4) + "," + (label - 6) + ") rotate(-60)")
                    .text(name);
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                int count = shared.getOrDefault(lists.get(i)[0] + " " + lists.get(j)[0], 0);
                int smaller = Math.max(1, Math.min(Integer.parseInt(lists.get(i)[2]), Integer.parseInt(lists.get(j)[2])));
                double share = Math.min(1.0, count / (double) smaller);
                Element rect = svg.appendElement("rect").addClass("cell").attr("x", Integer.toString(label + j * cell))
                        .attr("y", Integer.toString(label + i * cell)).attr("width", Integer.toString(cell - 2))
                        .attr("height", Integer.toString(cell - 2)).attr("fill", colour(share));
                rect.appendElement("title").text(shortId(lists.get(i)[0]) + " × " + shortId(lists.get(j)[0]) + ": " + count + " shared");
                svg.appendElement("text").attr("x", Integer.toString(label + j * cell + (cell - 2) / 2))
                        .attr("y", Integer.toString(label + i * cell + cell / 2 + 3)).attr("text-anchor", "middle")
                        .attr("style", share > 0.55 ? "fill:#ffffff" : "").text(Integer.toString(count));
            }
        }
    }

    /** White through blue: the share a cell stands for, 0 to 1. */
    private static String colour(double share) {
        int r = (int) Math.round(255 + (36 - 255) * share);
        int g = (int) Math.round(255 + (87 - 255) * share);
        int b = (int) Math.round(255 + (197 - 255) * share);
        return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
    }

    /** A table of resources per kind (rows) per list (columns). */
    private static void kinds(Element body, DatasetGraph union, List<String[]> lists) {
        body.appendElement("h2").text("Resources per kind and list");
        Map<String, Map<String, Integer>> byKind = new TreeMap<>();
        for (String[] row : select(union, """
                SELECT ?k ?l (COUNT(DISTINCT ?r) AS ?n) WHERE { ?r a lg:Resource , ?k ; lg:listedIn ?l .
                  FILTER(?k != lg:Resource && STRSTARTS(STR(?k), STR(lg:))) } GROUP BY ?k ?l""", "k", "l", "n")) {
            byKind.computeIfAbsent(row[0].substring(Vocab.LG.length()), k -> new TreeMap<>()).put(row[1], Integer.parseInt(row[2]));
        }
        Element table = body.appendElement("table").attr("id", "kinds");
        Element head = table.appendElement("thead").appendElement("tr");
        head.appendElement("th").text("kind");
        lists.forEach(l -> head.appendElement("th").text(shortId(l[0])));
        Element tbody = table.appendElement("tbody");
        byKind.forEach((kind, counts) -> {
            Element tr = tbody.appendElement("tr");
            tr.appendElement("td").text(kind);
            lists.forEach(l -> tr.appendElement("td").addClass("n").text(Integer.toString(counts.getOrDefault(l[0], 0))));
        });
    }

    private static void ranking(Element section, String title, String what, DatasetGraph union, String query) {
        section.appendElement("h2").text(title);
        Element table = section.appendElement("table");
        table.appendElement("thead").appendElement("tr").appendElement("th").text(what).parent().appendElement("th").text("resources");
        Element tbody = table.appendElement("tbody");
        for (String[] row : select(union, query, "x", "name", "n")) {
            Element tr = tbody.appendElement("tr");
            tr.appendElement("td").text(row[1]).attr("title", row[0]);
            tr.appendElement("td").addClass("n").text(row[2]);
        }
    }

    private static void shared(Element body, DatasetGraph union) {
        List<String[]> rows = select(union, """
                SELECT ?r ?title (MIN(STR(?u)) AS ?url) (COUNT(DISTINCT ?l) AS ?n)
                WHERE { ?r a lg:Resource ; dct:title ?title ; lg:listedIn ?l . OPTIONAL { ?r schema:url ?u } }
                GROUP BY ?r ?title HAVING (COUNT(DISTINCT ?l) >= 3) ORDER BY DESC(?n) LCASE(?title) ?r""", "r", "title", "url", "n");
        // The list titles, sorted here: GROUP_CONCAT's order would follow storage order, not the lists.
        Map<String, java.util.SortedSet<String>> titles = new TreeMap<>();
        for (String[] row : select(union, """
                SELECT ?r ?lt WHERE { ?r lg:listCount ?c FILTER(?c >= 3) ?r lg:listedIn ?l . ?l dct:title ?lt }""", "r", "lt")) {
            titles.computeIfAbsent(row[0], k -> new java.util.TreeSet<>()).add(row[1]);
        }
        body.appendElement("h2").text("In three or more lists (" + rows.size() + ")");
        Element table = body.appendElement("table").attr("id", "shared");
        Element head = table.appendElement("thead").appendElement("tr");
        head.appendElement("th").text("resource");
        head.appendElement("th").text("lists");
        head.appendElement("th").text("in");
        Element tbody = table.appendElement("tbody");
        for (String[] row : rows) {
            Element tr = tbody.appendElement("tr");
            Element td = tr.appendElement("td");
            if (row[2].isEmpty()) td.text(row[1]);
            else td.appendElement("a").attr("href", row[2]).attr("rel", "noreferrer").text(row[1]);
            tr.appendElement("td").addClass("n").text(row[3]);
            tr.appendElement("td").addClass("muted").text(String.join(" · ", titles.getOrDefault(row[0], new java.util.TreeSet<>())));
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
}
