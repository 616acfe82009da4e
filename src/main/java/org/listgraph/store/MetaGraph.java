package org.listgraph.store;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.listgraph.rdf.Vocab;

/**
 * The store's metadata graph ({@code {base}graph/meta}): for each named graph, its content hash
 * (schema:sha256, by subject: {@link GraphHash}), when it was last written (dct:modified), the listgraph version
 * (schema:softwareVersion) and ontology version (schema:schemaVersion) that wrote it, and the list it
 * holds (dct:source). Reused terms only, so the vocabulary contract does not change.
 */
final class MetaGraph {
    static final Node SHA256 = NodeFactory.createURI(Vocab.SCHEMA + "sha256");
    static final Node MODIFIED = NodeFactory.createURI(Vocab.DCT + "modified");
    static final Node SOFTWARE_VERSION = NodeFactory.createURI(Vocab.SCHEMA + "softwareVersion");
    static final Node SCHEMA_VERSION = NodeFactory.createURI(Vocab.SCHEMA + "schemaVersion");

    private MetaGraph() {
    }

    static String hash(DatasetGraph dsg, Node meta, Node graph) {
        var it = dsg.find(meta, graph, SHA256, Node.ANY);
        return it.hasNext() ? it.next().getObject().getLiteralLexicalForm() : null;
    }

    /**
     * Records a graph's hash, time and versions; for a list graph also the list's file (lg:sourcePath),
     * the file's SHA-256 (lg:sha256) and its entry count (schema:numberOfItems), copied from its lg:List node.
     */
    static void record(DatasetGraph dsg, Node meta, Node graph, String hash, String when, String software, String ontology, String listIri,
                       org.apache.jena.graph.Graph content) {
        dsg.deleteAny(meta, graph, Node.ANY, Node.ANY);
        dsg.add(meta, graph, SHA256, NodeFactory.createLiteralString(hash));
        dsg.add(meta, graph, MODIFIED, NodeFactory.createLiteralDT(when, XSDDatatype.XSDdateTime));
        dsg.add(meta, graph, SOFTWARE_VERSION, NodeFactory.createLiteralString(software));
        dsg.add(meta, graph, SCHEMA_VERSION, NodeFactory.createLiteralString(ontology));
        if (listIri != null) dsg.add(meta, graph, Vocab.DCT_SOURCE, NodeFactory.createURI(listIri));
        recordList(dsg, meta, listIri, content);
    }

    /** The list's file, file hash, entry count and title, copied from its lg:List node (nothing for non-list graphs). */
    static void recordList(DatasetGraph dsg, Node meta, String listIri, org.apache.jena.graph.Graph content) {
        if (listIri == null) return;
        Node list = NodeFactory.createURI(listIri);
        dsg.deleteAny(meta, list, Node.ANY, Node.ANY);
        dsg.add(meta, list, Vocab.TYPE, Vocab.LIST);
        for (Node p : new Node[]{Vocab.SOURCE_PATH, Vocab.SHA256, Vocab.SCHEMA_NUMBER_OF_ITEMS, Vocab.DCT_TITLE}) {
            content.find(list, p, Node.ANY).forEachRemaining(t -> dsg.add(meta, list, p, t.getObject()));
        }
    }
}
