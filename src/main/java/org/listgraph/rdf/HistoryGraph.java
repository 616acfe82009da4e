package org.listgraph.rdf;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.listgraph.entry.EntryHistory;
import org.listgraph.entry.GitCommit;
import org.listgraph.identity.IriMinter;

import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Map;
import java.util.TreeSet;

/**
 * The triples of the lists' history: for each entry the commit it first appeared in ({@code lg:addedIn}) on the entry's
 * own IRI, each entry gone from its list as an {@code lg:RemovedEntry} with the commit that took it out, and each commit
 * named (id, time, day, author, subject).
 */
public final class HistoryGraph {
    private HistoryGraph() {
    }

    /** The graph of {@code entries}; {@code commits} by id must hold every commit they name. */
    public static Graph of(IriMinter iris, Collection<EntryHistory> entries, Map<String, GitCommit> commits) {
        Graph g = GraphFactory.createDefaultGraph();
        Collection<String> named = new TreeSet<>();
        for (EntryHistory h : entries) {
            Node entry = uri(iris.entry(h.listId(), IriMinter.hash(h.canonicalUrl(), 12)));
            g.add(Triple.create(entry, Vocab.ADDED_IN, uri(iris.commit(h.addedIn()))));
            named.add(h.addedIn());
            if (h.removed()) {
                g.add(Triple.create(entry, Vocab.TYPE, Vocab.REMOVED_ENTRY));
                g.add(Triple.create(entry, Vocab.REMOVED_IN, uri(iris.commit(h.removedIn()))));
                g.add(Triple.create(entry, Vocab.REMOVED_FROM, uri(iris.list(h.listId()))));
                g.add(Triple.create(entry, Vocab.SCHEMA_URL, uri(org.listgraph.identity.UrlCanonicalizer.toIri(h.url()))));
                if (h.label() != null) g.add(Triple.create(entry, Vocab.LABEL, NodeFactory.createLiteralString(h.label())));
                named.add(h.removedIn());
            }
        }
        for (String id : named) {
            GitCommit c = commits.get(id);
            if (c == null) throw new IllegalArgumentException("no record of commit " + id);
            Node commit = uri(iris.commit(id));
            Node author = uri(iris.committer(c.authorKey()));
            g.add(Triple.create(commit, Vocab.TYPE, Vocab.COMMIT));
            g.add(Triple.create(commit, Vocab.TYPE, Vocab.PROV_ACTIVITY));
            g.add(Triple.create(commit, Vocab.COMMIT_ID, NodeFactory.createLiteralString(id)));
            g.add(Triple.create(commit, Vocab.PROV_ENDED_AT_TIME, NodeFactory.createLiteralDT(c.time().toString(), XSDDatatype.XSDdateTime)));
            g.add(Triple.create(commit, Vocab.DCT_DATE, NodeFactory.createLiteralDT(c.time().atOffset(ZoneOffset.UTC).toLocalDate().toString(),
                    XSDDatatype.XSDdate)));
            g.add(Triple.create(commit, Vocab.DCT_DESCRIPTION, NodeFactory.createLiteralString(c.subject())));
            g.add(Triple.create(commit, Vocab.PROV_WAS_ASSOCIATED_WITH, author));
            g.add(Triple.create(author, Vocab.TYPE, Vocab.PROV_AGENT));
            g.add(Triple.create(author, Vocab.RDFS_LABEL, NodeFactory.createLiteralString(c.author())));
        }
        return g;
    }

    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }
}
