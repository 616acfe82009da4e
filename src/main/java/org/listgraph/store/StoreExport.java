package org.listgraph.store;

import org.apache.jena.sparql.core.DatasetGraph;
import org.listgraph.export.RdfFormat;
import org.listgraph.export.RdfWriter;
import org.listgraph.identity.IriMinter;
import org.listgraph.rdf.Vocab;

import java.io.OutputStream;
import java.nio.file.Path;

/** Reads a TDB2 store (all graphs, or one list's) once, consistently, and writes it in a registered format. */
public final class StoreExport {
    private final DatasetGraph snapshot;
    private final String base;

    public StoreExport(Path db, String base, String listId) {
        this.base = base;
        IriMinter iris = new IriMinter(base);
        String graph = listId == null ? null : iris.listGraph(listId);
        try (TdbStore store = TdbStore.open(db, false)) {
            this.snapshot = store.snapshot(graph, iris.metaGraph());
        }
    }

    public void write(RdfFormat format, OutputStream out) {
        RdfWriter.writeUnion(snapshot, format, Vocab.prefixes(base), out);
    }
}
