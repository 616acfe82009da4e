package org.listgraph.export;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes the union of a dataset's graphs in a registered format, byte-identical for the same
 * content: triples are sorted and put into a fresh graph in that order before Jena writes them.
 */
public final class RdfWriter {
    private static final Comparator<Node> NODE_ORDER = Comparator
            .comparingInt(RdfWriter::kindRank)
            .thenComparing(RdfWriter::lexical)
            .thenComparing(n -> n.isLiteral() ? n.getLiteralDatatypeURI() + "@" + n.getLiteralLanguage() : "");
    /** rdf:type first in each subject's block, then predicates alphabetically, then objects. */
    private static final Comparator<Triple> TRIPLE_ORDER = Comparator
            .comparing(Triple::getSubject, NODE_ORDER)
            .thenComparing(t -> !t.getPredicate().getURI().equals(org.apache.jena.vocabulary.RDF.type.getURI()))
            .thenComparing(Triple::getPredicate, NODE_ORDER)
            .thenComparing(Triple::getObject, NODE_ORDER);

    private RdfWriter() {
    }

    /**
     * Writes all triples of a conversion, with the standard prefixes and {@code id:} for the base. Formats
     * with a streaming writer get one graph at a time, in graph IRI order, each sorted (the graphs share no
     * subject, so each subject still has one block); only the list being written is held. The others
     * (JSON-LD, RDF/XML) need the whole union at once.
     */
    public static void writeUnion(org.listgraph.rdf.Converter.Result result, RdfFormat format, String base, OutputStream out) {
        PrefixMapping prefixes = org.listgraph.rdf.Vocab.prefixes(base);
        if (format == RdfFormat.JSONLD || !StreamRDFWriter.registered(format.jena())) {
            writeUnion(result.dataset(), format, prefixes, out);
            return;
        }
        StreamRDF stream = StreamRDFWriter.getWriterStream(out, format.jena());
        stream.start();
        new java.util.TreeMap<>(prefixes.getNsPrefixMap()).forEach(stream::prefix);
        for (var named : result.graphs()) {
            // Subject by subject: the triples are sorted by subject first, and the shared graph is never held whole.
            List<Node> subjects = new ArrayList<>(org.listgraph.rdf.SharedGraph.subjectsOf(named.graph()));
            subjects.sort(NODE_ORDER);
            for (Node s : subjects) {
                List<Triple> triples = named.graph().find(s, Node.ANY, Node.ANY).toList();
                triples.sort(TRIPLE_ORDER);
                Triple prev = null;
                for (Triple t : triples) {
                    if (t.equals(prev)) continue;
                    if (format.quads()) stream.quad(new Quad(named.name(), t));
                    else stream.triple(t);
                    prev = t;
                }
            }
        }
        stream.finish();
    }

    /**
     * Writes all graphs of {@code dsg}: as named graphs for quad formats (TriG, N-Quads), else as one
     * graph, their union.
     */
    public static void writeUnion(DatasetGraph dsg, RdfFormat format, PrefixMapping prefixes, OutputStream out) {
        if (format.quads()) {
            List<Quad> quads = new ArrayList<>();
            dsg.find().forEachRemaining(quads::add);
            quads.sort(Comparator.comparing(Quad::getGraph, NODE_ORDER).thenComparing(Quad::asTriple, TRIPLE_ORDER));
            stream(quads, format, prefixes, out, StreamRDF::quad);
            return;
        }
        List<Triple> triples = new ArrayList<>();
        dsg.find().forEachRemaining(q -> triples.add(q.asTriple()));
        write(triples, format, prefixes, out);
    }

    /** Writes one graph. */
    public static void write(Graph graph, RdfFormat format, PrefixMapping prefixes, OutputStream out) {
        write(graph.find().toList(), format, prefixes, out);
    }

    private static void write(List<Triple> triples, RdfFormat format, PrefixMapping prefixes, OutputStream out) {
        triples.sort(TRIPLE_ORDER);
        if (format == RdfFormat.JSONLD) {
            JsonLdWriter.write(dedup(triples), out);
            return;
        }
        if (StreamRDFWriter.registered(format.jena())) {
            stream(triples, format, prefixes, out, StreamRDF::triple);
            return;
        }
        // Whole-graph writers iterate the graph; a graph filled in sorted order iterates the same way every time.
        Graph sorted = GraphFactory.createGraphMem();
        dedup(triples).forEach(sorted::add);
        sorted.getPrefixMapping().setNsPrefixes(prefixes);
        RDFWriter.source(sorted).format(format.jena()).output(out);
    }

    /** Streaming writers keep the given (sorted) order, so the bytes follow from the content alone. */
    private static <T> void stream(List<T> sorted, RdfFormat format, PrefixMapping prefixes, OutputStream out,
                                   java.util.function.BiConsumer<StreamRDF, T> emit) {
        StreamRDF stream = StreamRDFWriter.getWriterStream(out, format.jena());
        stream.start();
        new java.util.TreeMap<>(prefixes.getNsPrefixMap()).forEach(stream::prefix);
        T prev = null;
        for (T item : sorted) {
            if (!item.equals(prev)) emit.accept(stream, item);
            prev = item;
        }
        stream.finish();
    }

    private static List<Triple> dedup(List<Triple> sorted) {
        List<Triple> out = new ArrayList<>(sorted.size());
        Triple prev = null;
        for (Triple t : sorted) {
            if (!t.equals(prev)) out.add(t);
            prev = t;
        }
        return out;
    }

    private static int kindRank(Node n) {
        return n.isURI() ? 0 : n.isBlank() ? 1 : 2;
    }

    private static String lexical(Node n) {
        if (n.isURI()) return n.getURI();
        if (n.isBlank()) return n.getBlankNodeLabel();
        return n.getLiteralLexicalForm();
    }
}
