package org.listgraph.export;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.listgraph.identity.IriMinter;
import org.listgraph.rdf.Vocab;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The knowledge graph as graph tools see it: nodes for resources, agents, topics and lists, with
 * their kind, label and URL, and one typed edge per triple of an {@link EdgeType} between two of them. Node and edge
 * ids are derived from IRIs, so they stay the same when unrelated parts of a list change; nodes
 * and edges come in IRI order, so every writer is deterministic.
 */
public record PropertyGraph(List<PgNode> nodes, List<PgEdge> edges) {
    /** The four node types, as GraphML's {@code type} attribute and Neo4j's first label. */
    public static final String RESOURCE = "Resource", SERIES = "Series", AGENT = "Agent", TOPIC = "Topic", LIST = "List";

    public PropertyGraph {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    /**
     * One node: a stable id ({@code n} and 16 hex digits of the IRI's SHA-256), its IRI, its type,
     * its kind (Talk, Article…, Person, Organization, Agent, Topic, List), its label and its URL ("" if none).
     */
    public record PgNode(String id, String iri, String type, String kind, String label, String url) {
        public PgNode {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(iri, "iri");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(url, "url");
        }
    }

    /** One typed edge between two nodes of the graph. */
    public record PgEdge(String id, PgNode source, PgNode target, EdgeType type) {
        public PgEdge {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(type, "type");
        }
    }

    private static String id(String prefix, String text) {
        return prefix + IriMinter.sha256(text.getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    }

    /** Reads the nodes and edges out of the union of all graphs. */
    public static PropertyGraph of(Graph union) {
        Map<Node, PgNode> nodes = new TreeMap<>(Comparator.comparing(Node::getURI));
        for (Node r : subjectsOfType(union, Vocab.RESOURCE)) {
            String kind = objects(union, r, Vocab.TYPE).stream().filter(t -> t.isURI() && t.getURI().startsWith(Vocab.LG)
                    && !t.equals(Vocab.RESOURCE)).map(t -> t.getURI().substring(Vocab.LG.length())).sorted().findFirst().orElse(RESOURCE);
            nodes.put(r, node(r, RESOURCE, kind, first(union, r, Vocab.DCT_TITLE), first(union, r, Vocab.SCHEMA_URL)));
        }
        // A series a list names without a URL is a work too: its parts hang off it by hasPart.
        for (Node r : subjectsOfType(union, Vocab.SERIES)) {
            nodes.put(r, node(r, SERIES, SERIES, first(union, r, Vocab.DCT_TITLE), Optional.empty()));
        }
        for (Node a : subjectsOfType(union, Vocab.FOAF_AGENT)) {
            Set<Node> types = new LinkedHashSet<>(objects(union, a, Vocab.TYPE));
            String kind = types.contains(Vocab.FOAF_PERSON) ? "Person" : types.contains(Vocab.FOAF_ORGANIZATION) ? "Organization" : AGENT;
            String label = first(union, a, Vocab.FOAF_NAME).or(() -> first(union, a, Vocab.FOAF_NICK)).orElse("");
            nodes.put(a, node(a, AGENT, kind, Optional.of(label), first(union, a, Vocab.FOAF_HOMEPAGE)));
        }
        for (Node t : subjectsOfType(union, Vocab.TOPIC)) {
            nodes.put(t, node(t, TOPIC, TOPIC, first(union, t, Vocab.SKOS_PREF_LABEL), Optional.empty()));
        }
        for (Node l : subjectsOfType(union, Vocab.LIST)) {
            nodes.put(l, node(l, LIST, LIST, first(union, l, Vocab.DCT_TITLE), first(union, l, Vocab.DCT_SOURCE)));
        }
        List<PgEdge> edges = new ArrayList<>();
        for (PgNode source : nodes.values()) {
            Node s = org.apache.jena.graph.NodeFactory.createURI(source.iri());
            for (EdgeType type : EdgeType.values()) {
                union.find(s, type.property(), Node.ANY).forEachRemaining(t -> {
                    PgNode target = t.getObject().isURI() ? nodes.get(t.getObject()) : null;
                    if (target != null) {
                        edges.add(new PgEdge(id("e", source.iri() + " " + type.typeName() + " " + target.iri()), source, target, type));
                    }
                });
            }
        }
        edges.sort(Comparator.comparing((PgEdge e) -> e.source().iri()).thenComparing(e -> e.type().typeName())
                .thenComparing(e -> e.target().iri()));
        return new PropertyGraph(new ArrayList<>(nodes.values()), edges);
    }

    private static PgNode node(Node iri, String type, String kind, Optional<String> label, Optional<String> url) {
        return new PgNode(id("n", iri.getURI()), iri.getURI(), type, kind, printable(label.orElse("")), printable(url.orElse("")));
    }

    /** Without the control characters XML 1.0 forbids (and CSV readers trip on): a list's stray byte must not break an export. */
    private static String printable(String s) {
        return s.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F\\uFFFE\\uFFFF]", "");
    }

    private static List<Node> subjectsOfType(Graph g, Node type) {
        return g.find(Node.ANY, Vocab.TYPE, type).mapWith(Triple::getSubject).filterKeep(Node::isURI).toList().stream().distinct().toList();
    }

    private static List<Node> objects(Graph g, Node s, Node p) {
        return g.find(s, p, Node.ANY).mapWith(Triple::getObject).toList();
    }

    /** The smallest value (lexical form or IRI), so the choice among several does not depend on storage order. */
    private static Optional<String> first(Graph g, Node s, Node p) {
        return objects(g, s, p).stream().map(o -> o.isLiteral() ? o.getLiteralLexicalForm() : o.isURI() ? o.getURI() : null)
                .filter(Objects::nonNull).sorted().findFirst();
    }
}
