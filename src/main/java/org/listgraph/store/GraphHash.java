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

    static String of(Graph g) {
        List<String> lines = new ArrayList<>();
        g.find().forEachRemaining(t -> lines.add(NodeFmtLib.strNT(t.getSubject()) + " " + NodeFmtLib.strNT(t.getPredicate()) + " "
                + NodeFmtLib.strNT(t.getObject())));
        lines.sort(null);
        return IriMinter.sha256(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
    }
}
