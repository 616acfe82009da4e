package org.listgraph.testing;

import org.listgraph.identity.IriMinter;
import org.listgraph.store.TdbStore;

import java.nio.file.Path;

/** A TDB2 store of the project's own lists, written the way {@code build} writes it. */
public final class SeedStore {
    private SeedStore() {
    }

    /** Creates the store in {@code dir} and returns it open. */
    public static TdbStore create(Path dir) {
        TdbStore store = TdbStore.open(dir, true);
        store.load(Seeds.convert(), IriMinter.DEFAULT_BASE, false, "test");
        return store;
    }
}
