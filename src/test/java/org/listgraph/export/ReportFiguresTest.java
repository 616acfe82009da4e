package org.listgraph.export;

import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.listgraph.bench.CorpusGenerator;
import org.listgraph.markdown.ListFiles;
import org.listgraph.rdf.Converter;
import org.listgraph.rdf.Vocab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The report's figures, counted from identity's results, are what SPARQL aggregation over the converted graph
 * (every list graph and the shared graph, as the store's union) says, figure by figure, on the seeds, on every
 * real list of the quality corpus at once, and on a synthetic corpus where many works are in several lists.
 */
class ReportFiguresTest {
    private static final String PREFIXES = "PREFIX lg: <" + Vocab.LG + "> PREFIX dct: <" + Vocab.DCT + "> PREFIX foaf: <" + Vocab.FOAF
            + "> PREFIX skos: <" + Vocab.SKOS + "> PREFIX schema: <" + Vocab.SCHEMA + ">\n";

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"seeds", "quality corpus", "synthetic corpus"})
    void everyFigureIsWhatSparqlOverTheGraphSays(String corpus) throws IOException {
        Converter.Result r = new Converter(org.listgraph.identity.IriMinter.DEFAULT_BASE).convert(ListFiles.expand(List.of(lists(corpus))));
        DatasetGraph graph = r.dataset();
        // the build's way: each list's IRI and title kept beside the spilled lists, none of them read back
        ReportFigures f = ReportFigures.ofHeaders(r.listHeaders(), r.resolution().shared());
        assertEquals(ReportFigures.of(r.lists(), r.resolution().shared()), f, "the same figures from the headers as from the lists");

        List<List<String>> lists = select(graph, """
                SELECT ?l ?title (COUNT(DISTINCT ?r) AS ?n) WHERE { GRAPH ?g { ?l a lg:List ; dct:title ?title } OPTIONAL { GRAPH ?h { ?r lg:listedIn ?l } } }
                GROUP BY ?l ?title ORDER BY ?title ?l""");
        assertEquals(lists, f.lists().stream().map(l -> List.of(l.iri(), l.title(), Integer.toString(l.resources()))).toList(), "lists");

        List<List<String>> totals = select(graph, """
                SELECT (COUNT(DISTINCT ?r) AS ?resources) (COUNT(DISTINCT ?a) AS ?agents) (COUNT(DISTINCT ?o) AS ?orgs) (COUNT(DISTINCT ?t) AS ?topics)
                WHERE { GRAPH ?g { { ?r a lg:Resource } UNION { ?a a foaf:Agent } UNION { ?o a foaf:Organization } UNION { ?t a lg:Topic } } }""");
        var t = f.totals();
        assertEquals(totals.get(0), List.of(t.resources(), t.agents(), t.organizations(), t.topics()).stream().map(String::valueOf).toList(), "totals");

        List<String> overlap = select(graph, "SELECT ?a ?b (COUNT(DISTINCT ?r) AS ?n) WHERE { GRAPH ?g { ?r lg:listedIn ?a , ?b } } GROUP BY ?a ?b")
                .stream().map(row -> row.get(0) + " " + row.get(1) + "=" + row.get(2)).sorted().toList();
        assertEquals(overlap, f.overlap().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).sorted().toList(), "overlap");

        List<String> kinds = select(graph, """
                SELECT ?k ?l (COUNT(DISTINCT ?r) AS ?n) WHERE { GRAPH ?g { ?r a lg:Resource , ?k ; lg:listedIn ?l .
                  FILTER(?k != lg:Resource && STRSTARTS(STR(?k), STR(lg:))) } } GROUP BY ?k ?l""")
                .stream().map(row -> row.get(0).substring(Vocab.LG.length()) + " " + row.get(1) + "=" + row.get(2)).sorted().toList();
        List<String> ours = new ArrayList<>();
        f.kinds().forEach((k, counts) -> counts.forEach((l, n) -> ours.add(k + " " + l + "=" + n)));
        assertEquals(kinds, ours.stream().sorted().toList(), "kinds per list");

        // The name shown is the smallest name, else the smallest handle, else the IRI.
        assertEquals(select(graph, """
                SELECT ?x (MIN(?label) AS ?name) (COUNT(DISTINCT ?r) AS ?n) WHERE { GRAPH ?g { ?r dct:creator ?x }
                  OPTIONAL { GRAPH ?h { ?x foaf:name ?fn } } OPTIONAL { GRAPH ?i { ?x foaf:nick ?nick } } BIND(COALESCE(?fn, ?nick, STR(?x)) AS ?label) }
                GROUP BY ?x ORDER BY DESC(?n) ?name ?x LIMIT 15"""), ranked(f.authors()), "top authors");
        assertEquals(select(graph, """
                SELECT ?x (SAMPLE(?l) AS ?name) (COUNT(DISTINCT ?r) AS ?n) WHERE { GRAPH ?g { ?r dct:subject ?x } GRAPH ?h { ?x skos:prefLabel ?l } }
                GROUP BY ?x ORDER BY DESC(?n) ?name ?x LIMIT 15"""), ranked(f.topics()), "top topics");

        List<List<String>> shared = select(graph, """
                SELECT ?r ?title (MIN(STR(?u)) AS ?url) (COUNT(DISTINCT ?l) AS ?n) (GROUP_CONCAT(DISTINCT ?lt; SEPARATOR="\\u0001") AS ?in)
                WHERE { GRAPH ?g { ?r a lg:Resource ; dct:title ?title ; lg:listedIn ?l . OPTIONAL { ?r schema:url ?u } }
                        OPTIONAL { GRAPH ?h { ?l dct:title ?lt } } }
                GROUP BY ?r ?title HAVING (COUNT(DISTINCT ?l) >= 3) ORDER BY DESC(?n) LCASE(?title) ?r""");
        List<List<String>> sortedIn = shared.stream().map(row -> List.of(row.get(0), row.get(1), row.get(2), row.get(3),
                java.util.Arrays.stream(row.get(4).split("\u0001")).filter(s -> !s.isEmpty()).sorted().distinct().collect(Collectors.joining(" · ")))).toList();
        assertEquals(sortedIn, f.shared().stream().map(s -> List.of(s.iri(), s.title(), s.url(), Integer.toString(s.lists()),
                String.join(" · ", s.listTitles()))).toList(), "resources in three or more lists");
        if (corpus.equals("synthetic corpus")) assertFalse(f.shared().isEmpty(), "the corpus has works in three or more lists");
    }

    private Path lists(String corpus) throws IOException {
        switch (corpus) {
            case "seeds":
                return Path.of("lists");
            case "quality corpus": {
                Path dir = Files.createDirectories(tmp.resolve("quality"));
                try (var folders = Files.list(Path.of("src/test/resources/quality"))) {
                    for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
                        Files.copy(folder.resolve("list.md"), dir.resolve(folder.getFileName() + ".md"));
                    }
                }
                return dir;
            }
            default: {
                Path dir = tmp.resolve("synthetic");
                new CorpusGenerator(12, 3000, 7).write(dir);
                return dir;
            }
        }
    }

    private static List<List<String>> ranked(List<ReportFigures.Ranked> rows) {
        return rows.stream().map(x -> List.of(x.iri(), x.name(), Integer.toString(x.resources()))).toList();
    }

    private static List<List<String>> select(DatasetGraph dsg, String query) {
        List<List<String>> rows = new ArrayList<>();
        var q = QueryFactory.create(PREFIXES + query);
        try (QueryExec exec = QueryExec.dataset(dsg).query(q).build()) {
            exec.select().forEachRemaining(b -> {
                List<String> row = new ArrayList<>();
                q.getProjectVars().forEach(v -> {
                    var n = b.get(v);
                    row.add(n == null ? "" : n.isLiteral() ? n.getLiteralLexicalForm() : n.isURI() ? n.getURI() : n.toString());
                });
                rows.add(row);
            });
        }
        return rows;
    }
}
