package org.listgraph.rdf;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.sparql.graph.GraphFactory;
import org.listgraph.entry.BadInputException;
import org.listgraph.identity.IriMinter;
import org.listgraph.identity.OntologyFile;
import org.listgraph.identity.TopicScheme;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads the topic scheme from Turtle ({@code ontology/topics.ttl}): a project's own file if it has one,
 * else the shipped one. It is read at every run, so editing it needs no rebuild.
 */
public final class TopicSchemeReader {
    /** Where a project keeps its scheme, relative to the working directory (and inside the jar). */
    public static final String FILE = "ontology/topics.ttl";
    private static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
    private static final String TOPIC_NS = IriMinter.DEFAULT_BASE + "topic/";
    private static final Node CONCEPT = NodeFactory.createURI(SKOS + "Concept");

    private TopicSchemeReader() {
    }

    /** The project's scheme ({@code projectDir/ontology/topics.ttl}) if present, else the shipped one. */
    public static TopicScheme load(Path projectDir) {
        return OntologyFile.read(projectDir, FILE, "the topic scheme", TopicSchemeReader::parse);
    }

    /** Parses a scheme; a Turtle error or an inconsistent scheme is one line with the file and what to fix. */
    public static TopicScheme parse(InputStream in, String source) {
        Graph g = GraphFactory.createDefaultGraph();
        try {
            RDFParser.source(in).lang(Lang.TURTLE).errorHandler(new FirstError(source)).parse(g);
        } catch (RiotException e) {
            throw new BadInputException(e.getMessage());
        }
        List<TopicScheme.Concept> concepts = new ArrayList<>();
        for (Triple t : g.find(Node.ANY, Vocab.TYPE, CONCEPT).toList()) {
            Node c = t.getSubject();
            String key = key(c, source);
            List<String> pref = literals(g, c, Vocab.SKOS_PREF_LABEL);
            if (pref.size() != 1) {
                throw new BadInputException(source + ": error: topic " + key + " needs exactly one skos:prefLabel, has " + pref.size());
            }
            List<String> broader = new ArrayList<>();
            for (Triple b : g.find(c, Vocab.SKOS_BROADER, Node.ANY).toList()) broader.add(key(b.getObject(), source));
            Collections.sort(broader);
            List<String> match = literals(g, c, Vocab.lg("matchInText"));
            concepts.add(new TopicScheme.Concept(key, pref.get(0), literals(g, c, Vocab.SKOS_ALT_LABEL), broader,
                    match.isEmpty() || !match.get(0).equals("false")));
        }
        return TopicScheme.of(concepts, literals(g, Node.ANY, Vocab.lg("genericHeading")), literals(g, Node.ANY, Vocab.lg("kindWord")),
                literals(g, Node.ANY, Vocab.lg("qualifierWord")), source);
    }

    private static String key(Node n, String source) {
        if (!n.isURI() || !n.getURI().startsWith(TOPIC_NS) || n.getURI().length() == TOPIC_NS.length()) {
            throw new BadInputException(source + ": error: topic " + n + " must be an IRI under " + TOPIC_NS);
        }
        return n.getURI().substring(TOPIC_NS.length());
    }

    private static List<String> literals(Graph g, Node s, Node p) {
        List<String> out = new ArrayList<>();
        for (Triple t : g.find(s, p, Node.ANY).toList()) {
            if (t.getObject().isLiteral()) out.add(t.getObject().getLiteralLexicalForm());
        }
        Collections.sort(out);
        return out;
    }

    /** Stops at the first problem with the file, line and column, as a user can fix it. */
    private record FirstError(String source) implements ErrorHandler {
        @Override
        public void warning(String message, long line, long col) {
        }

        @Override
        public void error(String message, long line, long col) {
            fatal(message, line, col);
        }

        @Override
        public void fatal(String message, long line, long col) {
            throw new RiotException(source + ":" + line + ":" + col + ": error: " + message + " (fix the Turtle of the topic scheme)");
        }
    }
}
