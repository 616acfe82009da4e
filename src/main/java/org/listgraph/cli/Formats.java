package org.listgraph.cli;

import org.listgraph.export.RdfFormat;
import org.listgraph.export.ResultFormat;

/** Resolves the {@code -f} option against the format registries, with a usage error naming the choices. */
final class Formats {
    private Formats() {
    }

    static RdfFormat rdf(String name, String outputFile) {
        if (name == null) {
            return outputFile == null || outputFile.equals("-") ? RdfFormat.TTL : RdfFormat.byFileName(outputFile).orElse(RdfFormat.TTL);
        }
        return RdfFormat.byName(name).orElseThrow(() -> new Main.UsageException(
                "unknown RDF format '" + name + "'; use one of: " + RdfFormat.names()));
    }

    static ResultFormat results(String name) {
        if (name == null) return ResultFormat.TABLE;
        return ResultFormat.byName(name).orElseThrow(() -> new Main.UsageException(
                "unknown result format '" + name + "'; use one of: " + ResultFormat.names() + " (or " + RdfFormat.names()
                        + " for CONSTRUCT/DESCRIBE)"));
    }
}
