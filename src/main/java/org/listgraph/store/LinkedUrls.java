package org.listgraph.store;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.listgraph.rdf.Vocab;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The URLs a store's lists link to, each with where an entry writes it (its list file and line), for checking them:
 * of a resource's URLs, the ones the entry's own line holds (a resource listed under two URLs by two lists is checked
 * under both, each at its own line).
 */
public final class LinkedUrls {
    /** One entry's use of a URL. */
    public record Use(String url, String file, int line) {
    }

    private LinkedUrls() {
    }

    /** Every use in the store at {@code db} (of the lists whose ids are given; all when none), by file, line and URL. */
    public static List<Use> of(Path db, String base, Set<String> listIds) {
        org.listgraph.identity.IriMinter iris = new org.listgraph.identity.IriMinter(base);
        try (TdbStore store = TdbStore.openForReading(db)) {
            DatasetGraph dsg = store.dataset();
            return Txn.calculateRead(dsg, () -> {
                var union = dsg.getUnionGraph();
                List<Use> out = new ArrayList<>();
                List<Node> lists = new ArrayList<>();
                union.find(Node.ANY, Vocab.TYPE, Vocab.LIST).forEachRemaining(t -> lists.add(t.getSubject()));
                for (Node list : lists) {
                    String id = list.getURI().substring(list.getURI().lastIndexOf('/') + 1);
                    if (!listIds.isEmpty() && !listIds.contains(id)) continue;
                    if (!list.getURI().equals(iris.list(id))) continue; // a list of another --base
                    String file = literal(union, list, Vocab.SOURCE_PATH);
                    union.find(Node.ANY, Vocab.IN_LIST, list).forEachRemaining(t -> {
                        Node entry = t.getSubject();
                        Node resource = object(union, entry, Vocab.SCHEMA_ITEM);
                        String line = literal(union, entry, Vocab.LINE);
                        if (resource == null || line == null) return;
                        String markdown = literal(union, entry, Vocab.MARKDOWN);
                        List<String> urls = new ArrayList<>();
                        union.find(resource, Vocab.SCHEMA_URL, Node.ANY).mapWith(Triple::getObject).filterKeep(Node::isURI)
                                .forEachRemaining(u -> urls.add(u.getURI()));
                        urls.sort(Comparator.naturalOrder());
                        List<String> own = urls.stream().filter(u -> markdown != null && markdown.contains(u)).toList();
                        for (String u : own.isEmpty() && !urls.isEmpty() ? List.of(urls.get(0)) : own) {
                            out.add(new Use(u, file == null ? list.getURI() : file, Integer.parseInt(line)));
                        }
                    });
                }
                out.sort(Comparator.comparing(Use::file).thenComparingInt(Use::line).thenComparing(Use::url));
                return out;
            });
        }
    }

    private static Node object(org.apache.jena.graph.Graph g, Node s, Node p) {
        var it = g.find(s, p, Node.ANY);
        try {
            return it.hasNext() ? it.next().getObject() : null;
        } finally {
            it.close();
        }
    }

    private static String literal(org.apache.jena.graph.Graph g, Node s, Node p) {
        Node o = object(g, s, p);
        return o != null && o.isLiteral() ? o.getLiteralLexicalForm() : null;
    }
}
