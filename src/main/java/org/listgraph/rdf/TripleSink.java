package org.listgraph.rdf;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;

/** Adds triples to a graph (or hands them to a consumer) with the few literal forms listgraph uses (xsd:integer, never xsd:long). */
public final class TripleSink {
    /**
     * Control characters that XML 1.0 cannot carry even escaped: a stray one in a list would make the RDF/XML
     * export fail and the server's SPARQL XML results ill-formed, and it is never meant as text.
     */
    private static final java.util.regex.Pattern NOT_XML = java.util.regex.Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]");
    private final java.util.function.Consumer<Triple> out;

    TripleSink(Graph graph) {
        this(graph::add);
    }

    TripleSink(java.util.function.Consumer<Triple> out) {
        this.out = out;
    }

    void add(Node s, Node p, Node o) {
        out.accept(Triple.create(s, p, o));
    }

    void iri(Node s, Node p, String iri) {
        if (iri != null) add(s, p, NodeFactory.createURI(iri));
    }

    void text(Node s, Node p, String value) {
        String clean = literal(value);
        if (clean != null) add(s, p, NodeFactory.createLiteralString(clean));
    }

    /**
     * The lexical form a text value gets in the graph, or null when it gets no triple (null, or blank once the
     * characters XML cannot carry are gone): for figures computed beside the graph that must agree with it.
     */
    public static String literal(String value) {
        if (value == null) return null;
        String clean = NOT_XML.matcher(value).replaceAll("");
        return clean.isBlank() ? null : clean;
    }

    void integer(Node s, Node p, long value) {
        add(s, p, NodeFactory.createLiteralDT(Long.toString(value), XSDDatatype.XSDinteger));
    }

    void bool(Node s, Node p, boolean value) {
        add(s, p, NodeFactory.createLiteralDT(Boolean.toString(value), XSDDatatype.XSDboolean));
    }

    void date(Node s, Node p, String isoDate) {
        if (isoDate != null) add(s, p, NodeFactory.createLiteralDT(isoDate, XSDDatatype.XSDdate));
    }

    static Node node(String iri) {
        return NodeFactory.createURI(iri);
    }
}
