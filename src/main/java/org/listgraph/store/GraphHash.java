package org.listgraph.store;

import org.apache.jena.atlas.io.AWriterBase;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFormatter;
import org.apache.jena.riot.out.NodeFormatterNT;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** The SHA-256 of a graph's sorted N-Triples: equal for equal content, whatever the order of insertion. */
final class GraphHash {
    private GraphHash() {
    }

    /**
     * The hash of the graph's triples as N-Triples lines ("s p o", no final dot), sorted and joined by
     * newlines. The digest is fed line by line: joining a large graph's lines first held a second copy.
     */
    static String of(Graph g) {
        List<String> lines = new ArrayList<>();
        NodeFormatter nt = new NodeFormatterNT();
        LineWriter out = new LineWriter();
        g.find().forEachRemaining(t -> lines.add(line(nt, out, t)));
        lines.sort(null);
        MessageDigest digest = sha256();
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) digest.update((byte) '\n');
            digest.update(lines.get(i).getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * One triple as N-Triples, written with the plain N-Triples formatter into one reused {@link LineWriter}:
     * Jena's string writers indent (IndentedWriter pads every write) or lock per character (StringWriter),
     * which made hashing a tenth of a build's CPU.
     */
    static String line(NodeFormatter nt, LineWriter out, Triple t) {
        out.text.setLength(0);
        nt.format(out, t.getSubject());
        out.print(' ');
        nt.format(out, t.getPredicate());
        out.print(' ');
        nt.format(out, t.getObject());
        return out.text.toString();
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

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
