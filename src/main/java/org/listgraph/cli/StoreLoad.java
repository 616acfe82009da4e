package org.listgraph.cli;

import org.listgraph.markdown.ListFiles;
import org.listgraph.rdf.Converter;
import org.listgraph.store.LoadReport;
import org.listgraph.store.RemoteEndpoint;
import org.listgraph.store.RemoteStore;
import org.listgraph.store.TdbStore;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code build} and {@code load} share: convert the lists, bring the store (local TDB2 or a
 * remote Graph Store Protocol endpoint) in line, say what was removed.
 */
final class StoreLoad {
    /** The conversion and what the load changed. */
    record Outcome(Converter.Result result, LoadReport loaded) {
    }

    private StoreLoad() {
    }

    /** Loads into the TDB2 store in {@code db}, or into {@code endpoint} when it is not null. */
    static Outcome run(List<Path> paths, String base, Path db, RemoteEndpoint endpoint, boolean rebuild, PrintWriter out, PrintWriter err,
                       ProgressLine progress) {
        return run(paths, base, db, endpoint, rebuild, out, err, new Timings(), progress);
    }

    /** As above, with the convert and store steps timed. */
    static Outcome run(List<Path> paths, String base, Path db, RemoteEndpoint endpoint, boolean rebuild, PrintWriter out, PrintWriter err,
                       Timings timings, ProgressLine progress) {
        Converter.Result r = new Converter(base).convert(ListFiles.expand(paths), progress);
        timings.lap("convert");
        progress.accept(endpoint != null ? "sending graphs to " + endpoint.url() : "writing the store " + db);
        LoadReport loaded;
        if (endpoint != null) {
            loaded = new RemoteStore(endpoint).load(r, base, rebuild, Main.version());
        } else {
            try (TdbStore store = TdbStore.open(db, true)) {
                loaded = store.load(r, base, rebuild, Main.version());
            }
        }
        timings.lap("store");
        progress.done();
        Reporter.print(r.problems(), err);
        loaded.removed().forEach(g -> out.println("removed " + g + " (its list is gone)"));
        return new Outcome(r, loaded);
    }
}
