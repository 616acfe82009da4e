package org.listgraph.rdf;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.listgraph.entry.LinkCheck;
import org.listgraph.identity.UrlCanonicalizer;

import java.util.Collection;

/** The triples of link checks, on each URL as the graph writes it: status, state, where it redirects, when, and what went wrong. */
public final class LinkGraph {
    private LinkGraph() {
    }

    public static Graph of(Collection<LinkCheck> checks) {
        Graph g = GraphFactory.createDefaultGraph();
        for (LinkCheck c : checks) {
            Node url = NodeFactory.createURI(UrlCanonicalizer.toIri(c.url()));
            g.add(Triple.create(url, Vocab.LINK_STATUS, NodeFactory.createLiteralDT(Integer.toString(c.status()), XSDDatatype.XSDinteger)));
            g.add(Triple.create(url, Vocab.LINK_STATE, NodeFactory.createLiteralString(c.state().id())));
            g.add(Triple.create(url, Vocab.CHECKED_AT, NodeFactory.createLiteralDT(c.checkedAt().toString(), XSDDatatype.XSDdateTime)));
            if (c.moved()) g.add(Triple.create(url, Vocab.REDIRECTS_TO, NodeFactory.createURI(UrlCanonicalizer.toIri(c.finalUrl()))));
            if (c.problem() != null) g.add(Triple.create(url, Vocab.LINK_PROBLEM, NodeFactory.createLiteralString(c.problem())));
        }
        return g;
    }
}
