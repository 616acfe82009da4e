package org.listgraph.export;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jgrapht.Graph;
import org.jgrapht.graph.DirectedPseudograph;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.AttributeType;
import org.jgrapht.nio.DefaultAttribute;
import org.jgrapht.nio.dot.DOTExporter;
import org.jgrapht.nio.graphml.GraphMLExporter;
import org.jgrapht.nio.graphml.GraphMLExporter.AttributeCategory;
import org.listgraph.entry.BadInputException;
import org.listgraph.export.PropertyGraph.PgEdge;
import org.listgraph.export.PropertyGraph.PgNode;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Writes a {@link PropertyGraph} as GraphML and DOT (through JGraphT's exporters) and Neo4j import CSVs, and a picture's DOT as SVG (through Graphviz). */
final class PropertyGraphWriters {
    private PropertyGraphWriters() {
    }

    private static Graph<PgNode, PgEdge> jgrapht(PropertyGraph pg) {
        Graph<PgNode, PgEdge> g = new DirectedPseudograph<>(PgEdge.class);
        pg.nodes().forEach(g::addVertex);
        pg.edges().forEach(e -> g.addEdge(e.source(), e.target(), e));
        return g;
    }

    /**
     * GraphML with every key declared (category, kind, label, url, iri on nodes; type on edges), as
     * Gephi, Cytoscape, yEd and networkx read it. (JGraphT keys attributes by name alone, so the node
     * type is "category" and the edge type can be "type".) An empty URL is left out.
     */
    static void graphml(PropertyGraph pg, OutputStream out) {
        GraphMLExporter<PgNode, PgEdge> exporter = new GraphMLExporter<>(PgNode::id);
        exporter.setEdgeIdProvider(PgEdge::id);
        for (String key : new String[]{"category", "kind", "label", "url", "iri"}) {
            exporter.registerAttribute(key, AttributeCategory.NODE, AttributeType.STRING);
        }
        exporter.registerAttribute("type", AttributeCategory.EDGE, AttributeType.STRING);
        exporter.setVertexAttributeProvider(PropertyGraphWriters::attributes);
        exporter.setEdgeAttributeProvider(e -> Map.of("type", DefaultAttribute.createAttribute(e.type().typeName())));
        write(out, w -> exporter.exportGraph(jgrapht(pg), w));
    }

    private static Map<String, Attribute> attributes(PgNode n) {
        Map<String, Attribute> a = new LinkedHashMap<>();
        a.put("category", DefaultAttribute.createAttribute(n.type()));
        a.put("kind", DefaultAttribute.createAttribute(n.kind()));
        a.put("label", DefaultAttribute.createAttribute(n.label()));
        if (!n.url().isEmpty()) a.put("url", DefaultAttribute.createAttribute(n.url()));
        a.put("iri", DefaultAttribute.createAttribute(n.iri()));
        return a;
    }

    /**
     * The whole graph as Graphviz DOT, for Graphviz's tools and DOT readers rather than for drawing: every node with
     * its category, kind, label, iri and URL (and a shape per category), every edge labelled with its type.
     */
    static void dot(PropertyGraph pg, OutputStream out) {
        DOTExporter<PgNode, PgEdge> exporter = new DOTExporter<>(PgNode::id);
        exporter.setGraphIdProvider(() -> "listgraph");
        exporter.setVertexAttributeProvider(n -> {
            Map<String, Attribute> a = new LinkedHashMap<>();
            a.put("label", DefaultAttribute.createAttribute(dotText(n.label().isEmpty() ? n.iri() : n.label())));
            a.put("category", DefaultAttribute.createAttribute(n.type()));
            a.put("kind", DefaultAttribute.createAttribute(n.kind()));
            a.put("iri", DefaultAttribute.createAttribute(dotText(n.iri())));
            if (!n.url().isEmpty()) a.put("URL", DefaultAttribute.createAttribute(dotText(n.url())));
            a.put("shape", DefaultAttribute.createAttribute(switch (n.type()) {
                case PropertyGraph.AGENT -> "ellipse";
                case PropertyGraph.TOPIC -> "hexagon";
                case PropertyGraph.LIST -> "folder";
                default -> "box";
            }));
            return a;
        });
        exporter.setEdgeAttributeProvider(e -> Map.of("label", DefaultAttribute.createAttribute(e.type().typeName())));
        write(out, w -> exporter.exportGraph(jgrapht(pg), w));
    }

    /**
     * Text for a quoted DOT string. JGraphT escapes only the double quote; Graphviz also reads
     * backslash sequences (\\n, \\l, \\N), so a title's backslash is doubled to stay a backslash.
     */
    static String dotText(String s) {
        return s.replace("\\", "\\\\");
    }

    /** SVG drawn by Graphviz's {@code dot} program from the DOT text (which names its own layout engine). */
    static void svg(String dotText, OutputStream out) {
        byte[] dot = dotText.getBytes(StandardCharsets.UTF_8);
        Process p;
        try {
            p = new ProcessBuilder("dot", "-Tsvg").start();
        } catch (IOException e) {
            throw new BadInputException("error: svg needs Graphviz's dot program, which is not installed (apt-get install graphviz); "
                    + "-f dot writes the picture's source instead");
        }
        try {
            // Feed and read at once, so neither pipe fills up and blocks the other.
            Thread feeder = new Thread(() -> {
                try (OutputStream in = p.getOutputStream()) {
                    in.write(dot);
                } catch (IOException ignored) {
                    // dot ended early; its exit code says what went wrong
                }
            });
            feeder.start();
            java.util.concurrent.CompletableFuture<byte[]> errors = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return p.getErrorStream().readAllBytes();
                } catch (IOException e) {
                    return new byte[0];
                }
            });
            byte[] svg = p.getInputStream().readAllBytes();
            feeder.join();
            if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
                String why = new String(errors.join(), StandardCharsets.UTF_8).strip().lines().findFirst().orElse("no message");
                throw new BadInputException("error: Graphviz dot could not draw this picture (" + why + "); -f dot writes its source to inspect");
            }
            out.write(svg);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            p.destroy();
        }
    }

    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

    /** The node and relationship files of {@code neo4j-admin database import}, and a README with the command, in {@code dir}. */
    static void neo4j(PropertyGraph pg, Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new BadInputException(dir + ": error: cannot create the output folder (" + e.getMessage() + ")");
        }
        AtomicFile.write(dir.resolve("nodes.csv"), o -> csv(o, p -> {
            p.printRecord("id:ID", ":LABEL", "kind", "label", "url", "iri");
            for (PgNode n : pg.nodes()) {
                String labels = n.kind().equals(n.type()) ? n.type() : n.type() + ";" + n.kind();
                p.printRecord(n.id(), labels, n.kind(), n.label(), n.url(), n.iri());
            }
        }));
        AtomicFile.write(dir.resolve("relationships.csv"), o -> csv(o, p -> {
            p.printRecord(":START_ID", ":END_ID", ":TYPE");
            for (PgEdge e : pg.edges()) p.printRecord(e.source().id(), e.target().id(), e.type().neo4jName());
        }));
        AtomicFile.write(dir.resolve("README.txt"), o -> o.write(("""
                listgraph property graph for Neo4j: %d nodes (nodes.csv), %d relationships (relationships.csv).
                Import into an empty database (Neo4j 5; stop the database first):

                  neo4j-admin database import full --nodes='%s' --relationships='%s' --overwrite-destination neo4j

                Node labels: Resource (plus its kind, e.g. Talk), Series, Agent (plus Person or Organization), Topic, List.
                Relationship types (one per RDF triple between two nodes): %s. Ids are stable across builds.
                """.formatted(pg.nodes().size(), pg.edges().size(), dir.resolve("nodes.csv").toAbsolutePath(),
                dir.resolve("relationships.csv").toAbsolutePath(),
                java.util.Arrays.stream(EdgeType.values()).map(EdgeType::neo4jName).collect(java.util.stream.Collectors.joining(", "))))
                .getBytes(StandardCharsets.UTF_8)));
    }

    private interface CsvBody {
        void print(CSVPrinter printer) throws IOException;
    }

    private static void csv(OutputStream out, CsvBody body) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter printer = new CSVPrinter(w, CSV);
        body.print(printer);
        printer.flush();
    }

    private interface WriterBody {
        void write(Writer w);
    }

    private static void write(OutputStream out, WriterBody body) {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        body.write(w);
        try {
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
