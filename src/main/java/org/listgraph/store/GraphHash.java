package org.listgraph.store;

import org.apache.jena.atlas.io.AWriterBase;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFormatter;
import org.apache.jena.riot.out.NodeFormatterNT;
import org.listgraph.rdf.RecordDigest;
import org.listgraph.rdf.SubjectGraph;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A graph's content hash, equal for equal content whatever the order of insertion: the SHA-256 of its subject lines,
 * sorted and joined by newlines, where a subject's line is its N-Triples term, a space, and the subject's digest (the
 * first 32 hex digits of the SHA-256 of the subject's N-Triples lines, "s p o" with no final dot, sorted and joined by
 * newlines). Hashing by subject lets a build take an unchanged subject's digest from the last build instead of making
 * its triples: the shared graph changes with almost any edit, in a few of its hundreds of thousands of subjects.
 */
final class GraphHash {
    private static final HexFormat HEX = HexFormat.of();

    private GraphHash() {
    }

    /** The hash of the graph (see the class). */
    static String of(Graph g) {
        return of(g, null, null, null);
    }

    /**
     * The hash of the graph (see the class); records each subject's digest in {@code subjects} when that is not null
     * (subjects must then be IRIs). For a graph made of records ({@link SubjectGraph}) and a {@code salt} naming the
     * program, each subject's record digest is recorded too, and a subject whose record digest {@code memo} holds
     * takes its digest from there, its triples not made. Subjects' lines are made and sorted one subject at a time,
     * so a graph of millions of triples never has them all in memory.
     */
    static String of(Graph g, SubjectDigests subjects, SubjectDigests memo, String salt) {
        NodeFormatter nt = new NodeFormatterNT();
        LineWriter out = new LineWriter();
        Node[] bySubject = SubjectGraph.subjectsOf(g).toArray(new Node[0]);
        if (java.util.Arrays.stream(bySubject).allMatch(s -> s.isURI() && plainIri(s.getURI()))) {
            // The common case, sorted without a line per subject (at a million subjects, a hundred megabytes of them).
            java.util.Arrays.sort(bySubject, GraphHash::compareAsSubjectTerms);
        } else {
            List<Map.Entry<String, Node>> keyed = new ArrayList<>(bySubject.length);
            for (Node s : bySubject) {
                out.text.setLength(0);
                term(nt, out, s);
                keyed.add(Map.entry(out.text.append(' ').toString(), s));
            }
            keyed.sort(Map.Entry.comparingByKey());
            for (int i = 0; i < bySubject.length; i++) bySubject[i] = keyed.get(i).getValue();
        }
        SubjectGraph records = salt != null && g instanceof SubjectGraph sg ? sg : null;
        RecordDigest recordDigest = records == null ? null : new RecordDigest(salt);
        boolean remembered = records != null && memo != null && memo.withRecords();
        MessageDigest digest = sha256();
        MessageDigest one = sha256();
        boolean first = true;
        List<String> lines = new ArrayList<>();
        for (Node subject : bySubject) {
            long[] madeFrom = records == null ? null : records.recordDigest(subject.getURI(), recordDigest);
            int known = remembered ? memo.withSameRecords(subject.getURI(), madeFrom) : -1;
            long high, low;
            if (known >= 0) {
                high = memo.high(known);
                low = memo.low(known);
            } else {
                lines.clear();
                g.find(subject, Node.ANY, Node.ANY).forEachRemaining(t -> lines.add(line(nt, out, t)));
                lines.sort(null);
                for (int i = 0; i < lines.size(); i++) {
                    if (i > 0) one.update((byte) '\n');
                    one.update(lines.get(i).getBytes(StandardCharsets.UTF_8));
                }
                java.nio.ByteBuffer d = java.nio.ByteBuffer.wrap(one.digest());
                high = d.getLong();
                low = d.getLong();
            }
            out.text.setLength(0);
            term(nt, out, subject);
            out.text.append(' ').append(HEX.toHexDigits(high)).append(HEX.toHexDigits(low));
            if (!first) digest.update((byte) '\n');
            digest.update(out.text.toString().getBytes(StandardCharsets.UTF_8));
            first = false;
            if (subjects != null) {
                if (!subject.isURI()) throw new IllegalStateException("subject digests are kept for IRIs only");
                if (madeFrom != null) subjects.put(subject.getURI(), high, low, madeFrom);
                else subjects.put(subject.getURI(), high, low);
            }
        }
        return HEX.formatHex(digest.digest());
    }

    /**
     * Two plain IRIs in the order of their N-Triples terms followed by a space ("<iri> "), without making those: the
     * end of the shorter IRI compares as its closing '>', which no plain IRI holds, so no two differ only in length.
     */
    static int compareAsSubjectTerms(Node a, Node b) {
        String x = a.getURI();
        String y = b.getURI();
        int n = Math.min(x.length(), y.length());
        for (int i = 0; i < n; i++) {
            char c = x.charAt(i);
            char d = y.charAt(i);
            if (c != d) return c - d;
        }
        if (x.length() == y.length()) return 0;
        return x.length() < y.length() ? '>' - y.charAt(n) : x.charAt(n) - '>';
    }

    /**
     * One triple as N-Triples, as Jena's N-Triples formatter writes it. IRIs and simple or typed literals with no
     * character that N-Triples escapes are written straight from the terms (most of a graph: formatting them through
     * Jena's writer was most of the hashing time); anything else goes through {@code nt}, into one reused
     * {@link LineWriter} (Jena's string writers indent or lock per character).
     */
    static String line(NodeFormatter nt, LineWriter out, Triple t) {
        out.text.setLength(0);
        term(nt, out, t.getSubject());
        out.print(' ');
        term(nt, out, t.getPredicate());
        out.print(' ');
        term(nt, out, t.getObject());
        return out.text.toString();
    }

    private static void term(NodeFormatter nt, LineWriter out, Node n) {
        StringBuilder text = out.text;
        if (n.isURI() && plainIri(n.getURI())) {
            text.append('<').append(n.getURI()).append('>');
        } else if (n.isLiteral() && n.getLiteralLanguage().isEmpty() && plainString(n.getLiteralLexicalForm())
                && (XSD_STRING.equals(n.getLiteralDatatypeURI()) || plainIri(n.getLiteralDatatypeURI()))) {
            text.append('"').append(n.getLiteralLexicalForm()).append('"');
            if (!XSD_STRING.equals(n.getLiteralDatatypeURI())) text.append("^^<").append(n.getLiteralDatatypeURI()).append('>');
        } else {
            nt.format(out, n);
        }
    }

    private static final String XSD_STRING = org.apache.jena.datatypes.xsd.XSDDatatype.XSDstring.getURI();

    /** No character N-Triples escapes in an IRI (controls, space, and <>"{}|^`\). */
    private static boolean plainIri(String iri) {
        for (int i = 0, n = iri.length(); i < n; i++) {
            char c = iri.charAt(i);
            if (c <= ' ' || c == '\u007F' || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' || c == '|' || c == '^' || c == '`' || c == '\\') return false;
        }
        return true;
    }

    /** No character an N-Triples string escapes (quote, backslash, line breaks, tab, form feed, the replacement character). */
    private static boolean plainString(String lex) {
        for (int i = 0, n = lex.length(); i < n; i++) {
            char c = lex.charAt(i);
            if (c == '"' || c == '\\' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\uFFFD') return false;
        }
        return true;
    }

    /** A writer into a plain StringBuilder, reused line after line: no indenting, no locking, no flushing. */
    static final class LineWriter extends AWriterBase {
        private final StringBuilder text = new StringBuilder(256);

        @Override
        public void print(char ch) {
            text.append(ch);
        }

        @Override
        public void print(char[] cbuf) {
            text.append(cbuf);
        }

        @Override
        public void print(String string) {
            text.append(string);
        }

        @Override
        public void printf(String fmt, Object... args) {
            text.append(String.format(java.util.Locale.ROOT, fmt, args));
        }

        @Override
        public void println(String object) {
            text.append(object).append('\n');
        }

        @Override
        public void println() {
            text.append('\n');
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    /** A SHA-256 digest (every Java runtime has one). */
    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
