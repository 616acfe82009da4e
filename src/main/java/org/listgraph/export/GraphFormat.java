package org.listgraph.export;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The registry of property-graph output formats, for graph tools rather than RDF tools. Beside
 * {@link RdfFormat}, it answers the same {@code -f} of {@code export}.
 */
public enum GraphFormat {
    GRAPHML("graphml", "GraphML (Gephi, Cytoscape, yEd, networkx)", ".graphml", false),
    NEO4J("neo4j", "Neo4j import CSVs (a folder: nodes.csv, relationships.csv, README.txt)", "", true),
    DOT("dot", "Graphviz DOT: the whole graph, or the picture of one list, author or topic", ".dot", false),
    SVG("svg", "SVG picture of one neighbourhood (needs Graphviz's dot)", ".svg", false);

    private final String name;
    private final String label;
    private final String extension;
    private final boolean folder;

    GraphFormat(String name, String label, String extension, boolean folder) {
        this.name = name;
        this.label = label;
        this.extension = extension;
        this.folder = folder;
    }

    public String formatName() {
        return name;
    }

    public String label() {
        return label;
    }

    /** Whether the output is a folder of files (given with -o) rather than one stream. */
    public boolean folder() {
        return folder;
    }

    /** Whether the format can draw the picture of one list, author or topic. */
    public boolean picture() {
        return this == DOT || this == SVG;
    }

    /** Whether the format can hold the whole graph (svg only draws pictures). */
    public boolean whole() {
        return this != SVG;
    }

    /** Writes the whole graph in a one-stream format. */
    public void write(PropertyGraph graph, java.io.OutputStream out) {
        switch (this) {
            case GRAPHML -> PropertyGraphWriters.graphml(graph, out);
            case DOT -> PropertyGraphWriters.dot(graph, out);
            case SVG -> throw new IllegalStateException("svg draws a picture of one list, author or topic");
            case NEO4J -> throw new IllegalStateException("neo4j writes a folder");
        }
    }

    /** Writes a picture: its DOT source, or the SVG Graphviz draws from it. */
    public void writePicture(GraphPicture picture, java.io.OutputStream out) {
        switch (this) {
            case DOT -> {
                try {
                    out.write(picture.dot().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            case SVG -> PropertyGraphWriters.svg(picture.dot(), out);
            default -> throw new IllegalStateException(name + " does not draw pictures");
        }
    }

    /** Writes folder formats into {@code dir}. */
    public void writeFolder(PropertyGraph graph, Path dir) {
        if (this != NEO4J) throw new IllegalStateException(name + " writes one stream");
        PropertyGraphWriters.neo4j(graph, dir);
    }

    public static Optional<GraphFormat> byName(String name) {
        return Arrays.stream(values()).filter(f -> f.name.equalsIgnoreCase(name.strip())).findFirst();
    }

    /** The format a file name's extension implies, if any. */
    public static Optional<GraphFormat> byFileName(String file) {
        String lower = file.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> !f.extension.isEmpty() && lower.endsWith(f.extension)).findFirst();
    }

    public static String names() {
        return Arrays.stream(values()).map(GraphFormat::formatName).collect(Collectors.joining(", "));
    }
}
