package org.listgraph.cli;

import org.listgraph.entry.UsageException;
import org.listgraph.export.RdfFormat;

/** Resolves the {@code -f} option against the format registries, with a usage error naming the choices. */
final class Formats {
    private Formats() {
    }

    /** A property-graph format named by {@code -f} or implied by {@code -o}'s extension, if that is what the user asked for. */
    static java.util.Optional<org.listgraph.export.GraphFormat> graph(String name, String outputFile) {
        if (name != null) return org.listgraph.export.GraphFormat.byName(name);
        if (outputFile == null || outputFile.equals("-")) return java.util.Optional.empty();
        return org.listgraph.export.GraphFormat.byFileName(outputFile);
    }

    static RdfFormat rdf(String name, String outputFile) {
        if (name == null) {
            if (outputFile == null || outputFile.equals("-")) return RdfFormat.TTL;
            return RdfFormat.byFileName(outputFile).orElseThrow(() -> new UsageException(
                    "cannot tell the RDF format from the name '" + outputFile + "'; pass -f with one of: " + RdfFormat.names()));
        }
        return RdfFormat.byName(name).orElseThrow(() -> new UsageException(
                "unknown format '" + name + "'; use one of: " + RdfFormat.names() + " (RDF), or for export " + org.listgraph.export.GraphFormat.names()
                        + " (property graphs)"));
    }

}
