package org.listgraph.export;

import org.apache.jena.riot.RDFFormat;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The registry of RDF output formats: one name each, shared by every command that writes RDF. */
public enum RdfFormat {
    TTL("ttl", "Turtle", ".ttl", RDFFormat.TURTLE_BLOCKS, false), // sorted by subject, grouped, with prefixes: stable and readable
    NT("nt", "N-Triples", ".nt", RDFFormat.NTRIPLES_UTF8, false),
    /** Compacted with ontology/context.jsonld (readable keys), see {@link JsonLdWriter}. */
    JSONLD("jsonld", "JSON-LD", ".jsonld", null, false),
    RDFXML("rdfxml", "RDF/XML", ".rdf", RDFFormat.RDFXML_PLAIN, false),
    TRIG("trig", "TriG (named graphs)", ".trig", RDFFormat.TRIG_BLOCKS, true),
    NQ("nq", "N-Quads (named graphs)", ".nq", RDFFormat.NQUADS_UTF8, true);

    private final String name;
    private final String label;
    private final String extension;
    private final RDFFormat jena;
    private final boolean quads;

    RdfFormat(String name, String label, String extension, RDFFormat jena, boolean quads) {
        this.name = name;
        this.label = label;
        this.extension = extension;
        this.jena = jena;
        this.quads = quads;
    }

    /** Whether the format keeps named graphs (one per list) rather than writing their union. */
    public boolean quads() {
        return quads;
    }

    public String formatName() {
        return name;
    }

    public String label() {
        return label;
    }

    public String extension() {
        return extension;
    }

    RDFFormat jena() {
        return jena;
    }

    /** The format with this name (case-insensitive), if any. */
    public static Optional<RdfFormat> byName(String name) {
        return Arrays.stream(values()).filter(f -> f.name.equalsIgnoreCase(name.strip())).findFirst();
    }

    /** The format a file name's extension implies, if any. */
    public static Optional<RdfFormat> byFileName(String file) {
        String lower = file.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> lower.endsWith(f.extension)).findFirst();
    }

    /** "ttl, nt, jsonld": for help texts and error messages. */
    public static String names() {
        return Arrays.stream(values()).map(RdfFormat::formatName).collect(Collectors.joining(", "));
    }
}
