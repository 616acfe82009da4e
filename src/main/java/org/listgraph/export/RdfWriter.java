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
import java.security.MessageDigest;
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
        writeUnion(result, format, base, out, GraphChunks.none());
    }

    /**
     * As above; for triple formats, each graph is written as a part of its own (the prefixes once, then each graph's
     * blocks), and the part of a list graph that {@code kept} holds from the last file (same key, same bytes) is
     * copied instead of made and written. The bytes are the same either way; {@code kept} notes every part written.
     */
    public static void writeUnion(org.listgraph.rdf.Converter.Result result, RdfFormat format, String base, OutputStream out, GraphChunks kept) {
        PrefixMapping prefixes = org.listgraph.rdf.Vocab.prefixes(base);
        if (format == RdfFormat.JSONLD || !StreamRDFWriter.registered(format.jena())) {
            writeUnion(result.dataset(), format, prefixes, out);
            return;
        }
        if (format.quads()) {
            StreamRDF stream = StreamRDFWriter.getWriterStream(out, format.jena());
            stream.start();
            new java.util.TreeMap<>(prefixes.getNsPrefixMap()).forEach(stream::prefix);
            for (var named : result.graphs()) writeSorted(named.graph(), t -> stream.quad(new Quad(named.name(), t)));
            stream.finish();
            return;
        }
        try {
            java.io.ByteArrayOutputStream header = new java.io.ByteArrayOutputStream();
            writePart(format, prefixes, null, header);
            header.writeTo(out);
            long offset = header.size();
            for (String name : result.graphNames()) {
                java.util.Optional<String> key = result.inputsKey(name);
                if (key.isEmpty() && kept.records() && result.keySalt().isPresent()) {
                    long[] triples = {0};
                    // A run's key covers the program and the prefixes too: an upgrade that writes a run otherwise never copies it.
                    String salt = org.listgraph.identity.IriMinter.sha256((result.keySalt().get() + "\n" + header).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    offset = writeInRuns(format, prefixes, header.toByteArray(), result.graph(name), out, kept, offset, triples, salt);
                    result.sizeKnown(name, triples[0]);
                    continue;
                }
                java.util.Optional<GraphChunks.Part> copy = key.flatMap(kept::find);
                PartStream part = new PartStream(out, header.toByteArray());
                long triples;
                if (copy.isPresent()) {
                    part.skipHeader();
                    part.write(copy.get().bytes());
                    triples = copy.get().triples();
                    result.sizeKnown(name, triples); // the graph's size without making it, for the build's count
                } else {
                    Graph g = result.graph(name);
                    writePart(format, prefixes, g, part);
                    triples = g.size();
                }
                long at = offset;
                key.ifPresent(k -> kept.record(k, at, part.length(), part.sha256(), triples));
                offset += part.length();
            }
            out.flush();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The prefixes and the blocks of {@code graph} (none when null) as one writer of {@code format} writes them: every
     * block starts a new subject, so a graph's part is the same alone as after any other graph (the graphs share no
     * subject).
     */
    private static void writePart(RdfFormat format, PrefixMapping prefixes, Graph graph, OutputStream out) {
        writeTriples(format, prefixes, emit -> {
            if (graph != null) writeSorted(graph, emit);
        }, out);
    }

    /** The prefixes and the triples {@code triples} gives, in its order, as one writer of {@code format} writes them. */
    private static void writeTriples(RdfFormat format, PrefixMapping prefixes,
                                     java.util.function.Consumer<java.util.function.Consumer<Triple>> triples, OutputStream out) {
        StreamRDF stream = StreamRDFWriter.getWriterStream(out, format.jena());
        stream.start();
        new java.util.TreeMap<>(prefixes.getNsPrefixMap()).forEach(stream::prefix);
        triples.accept(stream::triple);
        stream.finish();
    }

    /** A subject ends a run when the top this many bits of its IRI's mixed hash are zero: one subject in 64. */
    private static final int RUN_BITS = 6;

    /**
     * Writes a graph with no key of its inputs (the shared graph) as runs of subjects, each a part of its own keyed by
     * a digest of its triples, so the part of a run whose triples are unchanged is copied from the last file. A run
     * ends after a subject whose IRI hashes to a fixed value, so a subject added or removed changes only its own run,
     * not where the later ones start. Returns the offset after the graph.
     */
    private static long writeInRuns(RdfFormat format, PrefixMapping prefixes, byte[] header, Graph graph, OutputStream out,
                                    GraphChunks kept, long offset, long[] triples, String salt) throws java.io.IOException {
        List<Node> subjects = new ArrayList<>(org.listgraph.rdf.SubjectGraph.subjectsOf(graph));
        subjects.sort(NODE_ORDER);
        // A graph made of records is keyed by its subjects' record digests, so a run is made only when it is written:
        // making every subject's triples to key the runs was most of writing graph.ttl in a one-list reload.
        org.listgraph.rdf.SubjectGraph records = graph instanceof org.listgraph.rdf.SubjectGraph sg ? sg : null;
        org.listgraph.rdf.RecordDigest recordDigest = records == null ? null : new org.listgraph.rdf.RecordDigest(salt);
        java.util.HexFormat hex = java.util.HexFormat.of();
        List<Node> runSubjects = new ArrayList<>();
        StringBuilder terms = new StringBuilder(salt);
        for (int i = 0; i < subjects.size(); i++) {
            Node s = subjects.get(i);
            runSubjects.add(s);
            if (records != null) {
                long[] d = records.recordDigest(s.getURI(), recordDigest);
                terms.append('R').append(hex.toHexDigits(d[0])).append(hex.toHexDigits(d[1]));
            } else {
                for (Triple t : sortedTriples(graph, s)) RunKey.add(terms, t);
            }
            if (i < subjects.size() - 1 && !endsRun(s)) continue;
            String k = "run " + org.listgraph.identity.IriMinter.sha256(terms.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            terms.setLength(0);
            terms.append(salt);
            PartStream part = new PartStream(out, header);
            java.util.Optional<GraphChunks.Part> copy = kept.find(k);
            long written;
            if (copy.isPresent()) {
                part.skipHeader();
                part.write(copy.get().bytes());
                written = copy.get().triples();
            } else {
                List<Triple> run = new ArrayList<>();
                for (Node r : runSubjects) run.addAll(sortedTriples(graph, r));
                writeTriples(format, prefixes, run::forEach, part);
                written = run.size();
            }
            kept.record(k, offset, part.length(), part.sha256(), written);
            offset += part.length();
            triples[0] += written;
            runSubjects.clear();
        }
        return offset;
    }

    private static boolean endsRun(Node subject) {
        int h = (subject.isURI() ? subject.getURI() : lexical(subject)).hashCode() * 0x9E3779B9;
        return h >>> (32 - RUN_BITS) == 0;
    }

    /** A digest input that tells any two triples apart: each term's kind and the length of each of its strings. */
    private static final class RunKey {
        static void add(StringBuilder into, Triple t) {
            term(into, t.getSubject());
            term(into, t.getPredicate());
            term(into, t.getObject());
        }

        private static void term(StringBuilder into, Node n) {
            if (n.isURI()) {
                text(into.append('U'), n.getURI());
            } else if (n.isBlank()) {
                text(into.append('B'), n.getBlankNodeLabel());
            } else {
                text(into.append('L'), n.getLiteralLexicalForm());
                text(into, n.getLiteralDatatypeURI());
                text(into, n.getLiteralLanguage());
            }
        }

        private static void text(StringBuilder into, String s) {
            String v = String.valueOf(s);
            into.append(v.length()).append(':').append(v);
        }
    }

    /**
     * One graph's part on its way to the file: the prefixes its writer repeats are checked and dropped (the file has
     * them once), the rest is passed on, counted and hashed. Never closes the file.
     */
    private static final class PartStream extends OutputStream {
        private final OutputStream out;
        private final byte[] header;
        private final MessageDigest digest = GraphChunks.digest();
        private int matched;
        private long length;

        PartStream(OutputStream out, byte[] header) {
            this.out = out;
            this.header = header;
        }

        void skipHeader() {
            matched = header.length;
        }

        @Override
        public void write(int b) throws java.io.IOException {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
            while (len > 0 && matched < header.length) {
                if (b[off] != header[matched]) throw new IllegalStateException("a graph's writer did not start with the prefixes");
                matched++;
                off++;
                len--;
            }
            if (len == 0) return;
            out.write(b, off, len);
            digest.update(b, off, len);
            length += len;
        }

        @Override
        public void flush() throws java.io.IOException {
            out.flush();
        }

        @Override
        public void close() {
            // the file goes on with the next graph
        }

        long length() {
            return length;
        }

        String sha256() {
            return java.util.HexFormat.of().formatHex(digest.digest());
        }
    }

    /** A graph's triples subject by subject in {@link #NODE_ORDER}, each subject's sorted and without repeats. */
    private static void writeSorted(Graph graph, java.util.function.Consumer<Triple> emit) {
        // Subject by subject: the shared graph is never held whole.
        List<Node> subjects = new ArrayList<>(org.listgraph.rdf.SubjectGraph.subjectsOf(graph));
        subjects.sort(NODE_ORDER);
        for (Node s : subjects) sortedTriples(graph, s).forEach(emit);
    }

    /** The triples of one subject in writing order, each once. */
    private static List<Triple> sortedTriples(Graph graph, Node subject) {
        List<Triple> triples = graph.find(subject, Node.ANY, Node.ANY).toList();
        triples.sort(TRIPLE_ORDER);
        List<Triple> out = new ArrayList<>(triples.size());
        Triple prev = null;
        for (Triple t : triples) {
            if (!t.equals(prev)) out.add(t);
            prev = t;
        }
        return out;
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
