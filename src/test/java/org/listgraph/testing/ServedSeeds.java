package org.listgraph.testing;

import org.listgraph.serve.ListgraphServer;
import org.listgraph.serve.ServeOptions;
import org.listgraph.store.SavedQueries;
import org.listgraph.store.TdbStore;

import java.nio.file.Path;

/** The seed store served in process on a loopback port, with the project's saved queries; closing stops the server and the store. */
public record ServedSeeds(TdbStore store, ListgraphServer server) implements AutoCloseable {
    /** Builds the seed store in {@code dir} and serves it with {@code options}. */
    public static ServedSeeds start(Path dir, ServeOptions options) {
        TdbStore store = SeedStore.create(dir);
        try {
            return new ServedSeeds(store, ListgraphServer.start(store.dataset(), SavedQueries.load(Path.of("")), options));
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    @Override
    public void close() {
        server.close();
        store.close();
    }
}
