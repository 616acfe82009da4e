package org.listgraph.store;

import org.apache.jena.sparql.core.DatasetGraph;
import org.listgraph.export.RdfFormat;
import org.listgraph.export.RdfWriter;
import org.listgraph.identity.IriMinter;
import org.listgraph.rdf.Vocab;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.listgraph.entry.BadInputException;
import org.listgraph.export.GraphPicture;
import org.listgraph.export.PropertyGraph;

/** Reads a TDB2 store (all graphs, or one list's) once, consistently, and writes it in a registered format or as a property graph. */
public final class StoreExport {
    private final DatasetGraph snapshot;
    private final String base;
    private final Path db;

    public StoreExport(Path db, String base, String listId) {
        this.base = base;
        this.db = db;
        IriMinter iris = new IriMinter(base);
        String graph = listId == null ? null : iris.listGraph(listId);
        try (TdbStore store = TdbStore.openForReading(db)) {
            this.snapshot = store.snapshot(graph, iris.metaGraph());
        }
    }

    public void write(RdfFormat format, OutputStream out) {
        RdfWriter.writeUnion(snapshot, format, Vocab.prefixes(base), out);
    }

    /** The whole store as a property graph. */
    public PropertyGraph propertyGraph() {
        return PropertyGraph.of(snapshot.getUnionGraph());
    }

    /**
     * The picture of one list (by id), one author (by handle, account name or full name) or one topic (by
     * label), each matched case-insensitively, drawing at most {@code maxNodes} works; a name that matches
     * nothing is a user mistake.
     */
    public GraphPicture picture(String listId, String author, String topic, int maxNodes) {
        PropertyGraph all = propertyGraph();
        Set<String> centre = new TreeSet<>();
        String what;
        GraphPicture.Centre kind = listId != null ? GraphPicture.Centre.LIST : author != null ? GraphPicture.Centre.AUTHOR : GraphPicture.Centre.TOPIC;
        if (listId != null) {
            what = "list '" + listId + "'";
            centre.add(new IriMinter(base).list(listId));
            centre.retainAll(all.nodes().stream().map(PropertyGraph.PgNode::iri).toList());
        } else if (author != null) {
            what = "author '" + author + "'";
            centre.addAll(matching(author, """
                    SELECT DISTINCT ?x WHERE { ?x a foaf:Agent .
                      { ?x foaf:nick ?n } UNION { ?x foaf:account/foaf:accountName ?n } UNION { ?x foaf:name ?n }
                      FILTER(LCASE(STR(?n)) = LCASE(?value)) }"""));
        } else {
            what = "topic '" + topic + "'";
            centre.addAll(matching(topic, """
                    SELECT DISTINCT ?x WHERE { ?x a lg:Topic ; skos:prefLabel|skos:altLabel ?n
                      FILTER(LCASE(STR(?n)) = LCASE(?value)) }"""));
        }
        if (centre.isEmpty()) {
            throw new BadInputException(db + ": error: the store has no " + what + "; list ids are in lists/lists.json, authors and topics "
                    + "can be found with 'query --saved authors'");
        }
        return new GraphPicture(all, kind, centre, maxNodes);
    }

    /**
     * The store as Markdown: every resource of the given lists (ids; empty for all) filed by topic and kind, or, with
     * {@code copyOf}, a cleaned copy of that one list. A list id the store does not have is a user mistake.
     */
    public static org.listgraph.export.MarkdownList markdown(Path db, String base, List<String> listIds, String copyOf, String title,
                                                             Set<org.listgraph.export.MarkdownList.Field> fields,
                                                             org.listgraph.export.MarkdownList.DeadLinks dead) {
        IriMinter iris = new IriMinter(base);
        org.apache.jena.graph.Graph union;
        try (TdbStore store = TdbStore.openForReading(db)) {
            union = store.unionCopy(iris.metaGraph());
        }
        java.util.function.Function<String, org.apache.jena.graph.Node> list = id -> {
            var node = NodeFactory.createURI(iris.list(id));
            if (!union.contains(node, Vocab.TYPE, Vocab.LIST)) {
                throw new BadInputException(db + ": error: the store has no list '" + id + "'; the ids are in lists/lists.json (a store "
                        + "built with another --base needs that --base here too)");
            }
            return node;
        };
        if (copyOf != null) return org.listgraph.export.MarkdownList.copyOf(union, list.apply(copyOf), fields, dead);
        Set<org.apache.jena.graph.Node> chosen = new java.util.LinkedHashSet<>();
        for (String id : listIds) chosen.add(list.apply(id));
        return org.listgraph.export.MarkdownList.merged(union, chosen, title, fields, dead);
    }

    private List<String> matching(String value, String select) {
        Query query = QueryRunner.parse(select, "selection", base);
        List<String> iris = new ArrayList<>();
        try (QueryExec exec = QueryExec.dataset(DatasetGraphFactory.wrap(snapshot.getUnionGraph())).query(query)
                .substitution("value", NodeFactory.createLiteralString(value)).build()) {
            exec.select().forEachRemaining(b -> iris.add(b.get("x").getURI()));
        }
        return iris;
    }
}
