package org.listgraph.store;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.out.NodeFmtLib;
import org.listgraph.identity.IriMinter;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The SHA-256 of a graph's sorted N-Triples: equal for equal content, whatever the order of insertion. */
final class GraphHash {
    private GraphHash() {
    }

    /** The hash of each named graph of {@code source}, in IRI order. */
    static java.util.SortedMap<org.apache.jena.graph.Node, String> ofGraphs(org.apache.jena.sparql.core.DatasetGraph source) {
        java.util.SortedMap<org.apache.jena.graph.Node, String> hashes = new java.util.TreeMap<>(
                java.util.Comparator.comparing(org.apache.jena.graph.Node::getURI));
        source.listGraphNodes().forEachRemaining(g -> hashes.put(g, of(source.getGraph(g))));
        return hashes;
    }

    static String of(Graph g) {
        List<String> lines = new ArrayList<>();
        g.find().forEachRemaining(t -> lines.add(NodeFmtLib.strNT(t.getSubject()) + " " + NodeFmtLib.strNT(t.getPredicate()) + " "
                + NodeFmtLib.strNT(t.getObject())));
        lines.sort(null);
        return IriMinter.sha256(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
    }
}
