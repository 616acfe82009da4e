package org.listgraph.store;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;
import org.listgraph.rdf.Vocab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a store holds: per list, per kind, top authors and topics, and how much the lists overlap. */
public final class Stats {
    private static final String PREFIXES = Vocab.prefixes("https://w3id.org/listgraph/id/").getNsPrefixMap().entrySet().stream()
            .map(e -> "PREFIX " + e.getKey() + ": <" + e.getValue() + ">\n").reduce("", String::concat);

    /** One list: its id, title, entries, distinct resources and resources no other list has. */
    public record ListRow(String id, String title, long entries, long resources, long unique) {
    }

    /** A label and a count (a kind, an author, a topic). */
    public record Count(String label, long count) {
    }

    /** Everything {@code stats} prints; {@code overlap.get(a).get(b)} is the resources lists a and b share. */
    public record Report(List<ListRow> lists, List<Count> kinds, List<Count> authors, List<Count> topics,
                         Map<String, Map<String, Long>> overlap) {
    }

    private Stats() {
    }

    /** Computes the report over the store's union graph in one read transaction. */
    public static Report of(DatasetGraph dsg) {
        return Txn.calculateRead(dsg, () -> {
            List<ListRow> lists = new ArrayList<>();
            // Every list the store holds, from the metadata graph (even one with no entries).
            for (var r : rows(dsg, """
                    SELECT ?id ?title ?entries (COUNT(DISTINCT ?r) AS ?resources) (COUNT(DISTINCT ?u) AS ?unique) WHERE {
                      GRAPH ?meta { ?l a lg:List ; dct:title ?title ; schema:numberOfItems ?entries }
                      FILTER(STRENDS(STR(?meta), "/graph/meta"))
                      OPTIONAL { ?e lg:inList ?l ; schema:item ?r . OPTIONAL { ?r lg:listCount 1 BIND(?r AS ?u) } }
                      BIND(STRAFTER(STR(?l), "/list/") AS ?id) } GROUP BY ?id ?title ?entries ORDER BY ?id""")) {
                lists.add(new ListRow(r.get("id"), r.get("title"), Long.parseLong(r.get("entries")), Long.parseLong(r.get("resources")),
                        Long.parseLong(r.get("unique"))));
            }
            List<Count> kinds = counts(dsg, """
                    SELECT (STRAFTER(STR(?k), "#") AS ?label) (COUNT(DISTINCT ?r) AS ?n) WHERE { ?r a lg:Resource, ?k FILTER(?k != lg:Resource) }
                    GROUP BY ?k ORDER BY DESC(?n) ?label""");
            List<Count> authors = counts(dsg, """
                    SELECT ?label (COUNT(DISTINCT ?r) AS ?n) WHERE { ?r dct:creator ?a .
                      OPTIONAL { ?a foaf:name ?name } OPTIONAL { ?a foaf:nick ?nick }
                      BIND(COALESCE(?name, ?nick, STR(?a)) AS ?label) } GROUP BY ?a ?label ORDER BY DESC(?n) ?label LIMIT 10""");
            List<Count> topics = counts(dsg, """
                    SELECT ?label (COUNT(DISTINCT ?r) AS ?n) WHERE { ?r dct:subject ?t . ?t skos:prefLabel ?label }
                    GROUP BY ?t ?label ORDER BY DESC(?n) ?label LIMIT 10""");
            Map<String, Map<String, Long>> overlap = new LinkedHashMap<>();
            for (ListRow a : lists) {
                Map<String, Long> row = new LinkedHashMap<>();
                for (ListRow b : lists) row.put(b.id(), 0L);
                overlap.put(a.id(), row);
            }
            for (var r : rows(dsg, """
                    SELECT ?a ?b (COUNT(DISTINCT ?r) AS ?n) WHERE { ?r lg:listedIn ?la, ?lb .
                      BIND(STRAFTER(STR(?la), "/list/") AS ?a) BIND(STRAFTER(STR(?lb), "/list/") AS ?b) } GROUP BY ?a ?b""")) {
                Map<String, Long> row = overlap.get(r.get("a"));
                if (row != null && row.containsKey(r.get("b"))) row.put(r.get("b"), Long.parseLong(r.get("n")));
            }
            return new Report(lists, kinds, authors, topics, overlap);
        });
    }

    private static List<Count> counts(DatasetGraph dsg, String query) {
        return rows(dsg, query).stream().map(r -> new Count(r.get("label"), Long.parseLong(r.get("n")))).toList();
    }

    private static List<Map<String, String>> rows(DatasetGraph dsg, String text) {
        Query q = QueryFactory.create(PREFIXES + text);
        List<Map<String, String>> out = new ArrayList<>();
        try (QueryExec exec = QueryExec.dataset(dsg).query(q).build()) {
            RowSet rs = exec.select();
            while (rs.hasNext()) {
                var b = rs.next();
                Map<String, String> row = new LinkedHashMap<>();
                b.vars().forEachRemaining(v -> {
                    var n = b.get(v);
                    row.put(v.getVarName(), n.isLiteral() ? n.getLiteralLexicalForm() : n.toString());
                });
                out.add(row);
            }
        }
        return out;
    }
}
