package org.listgraph.cli;

import org.listgraph.entry.UsageException;
import org.listgraph.export.RdfFormat;

/** Resolves the {@code -f} option against the format registries, with a usage error naming the choices. */
final class Formats {
    private Formats() {
    }

    static RdfFormat rdf(String name, String outputFile) {
        if (name == null) {
            if (outputFile == null || outputFile.equals("-")) return RdfFormat.TTL;
            return RdfFormat.byFileName(outputFile).orElseThrow(() -> new UsageException(
                    "cannot tell the RDF format from the name '" + outputFile + "'; pass -f with one of: " + RdfFormat.names()));
        }
        return RdfFormat.byName(name).orElseThrow(() -> new UsageException(
                "unknown RDF format '" + name + "'; use one of: " + RdfFormat.names()));
    }

}
