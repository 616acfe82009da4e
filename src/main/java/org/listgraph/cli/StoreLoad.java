package org.listgraph.cli;

import org.listgraph.entry.InputLimits;
import org.listgraph.markdown.ListFiles;
import org.listgraph.rdf.Converter;
import org.listgraph.store.LoadReport;
import org.listgraph.store.RemoteEndpoint;
import org.listgraph.store.RemoteStore;
import org.listgraph.store.TdbStore;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * What {@code build} and {@code load} share: convert the lists, bring the store (local TDB2 or a
 * remote Graph Store Protocol endpoint) in line, say what was removed.
 */
final class StoreLoad {
    /**
     * What the work alongside a load may stage to go in place with the store's commit: prepared inside
     * the store's transaction (a failure there aborts the load), put in place after it committed.
     */
    interface Staged extends AutoCloseable {
        /** Called just before the local store commits into {@code state}, with the journal file the store names. */
        void prepare(Path journal, String state);

        /**
         * Puts the staged work in place once the store has committed; for a local store it runs while the store
         * is still open (so locked), so no other process can meet the journal half-done and finish it too.
         */
        void commit();

        @Override
        void close();
    }

    /** The conversion, what the load changed, and what the work done alongside the load produced. */
    record Outcome<T>(Converter.Result result, LoadReport loaded, T alongside) {
    }

    private StoreLoad() {
    }

    /** How the store is closed once loaded, with no checked exception: a failure while closing is kept as suppressed. */
    private interface Closing extends AutoCloseable {
        @Override
        void close();
    }

    /** Loads into the TDB2 store in {@code db}, or into {@code endpoint} when it is not null. */
    static Outcome<Void> run(List<Path> paths, String base, int threads, InputLimits limits, Path db, RemoteEndpoint endpoint, boolean rebuild,
                             PrintWriter out, PrintWriter err, ProgressLine progress) {
        return run(paths, base, threads, limits, db, endpoint, rebuild, out, err, new Timings(), progress, BuildCaches.none(), r -> null, false);
    }

    /**
     * As above, with the convert and store steps timed, and {@code alongside} run on a second thread
     * while the store is written (once the store is open, so a locked store stops everything before
     * it starts). When the load fails, whatever {@code alongside} returned is closed if it can be,
     * so work staged for after the load is dropped. Unchanged lists and graphs are taken from {@code caches}. With
     * {@code exitsAfter}, the process ends once the caller is done, which uses no store after this.
     */
    static <T> Outcome<T> run(List<Path> paths, String base, int threads, InputLimits limits, Path db, RemoteEndpoint endpoint, boolean rebuild, PrintWriter out,
                              PrintWriter err, Timings timings, ProgressLine progress, BuildCaches caches, Function<Converter.Result, T> alongside,
                              boolean exitsAfter) {
        Converter.Result r = caches.converter(new Converter(base).withThreads(threads).withLimits(limits)).convert(ListFiles.expand(paths), progress);
        timings.lap("convert");
        progress.accept(endpoint != null ? "sending graphs to " + endpoint.url() : "writing the store " + db);
        ExecutorService side = Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, "listgraph-alongside-load");
            t.setDaemon(true);
            return t;
        });
        Future<T> extra = null;
        boolean loadedOk = false;
        try {
            if (endpoint != null) {
                extra = side.submit(() -> alongside.apply(r));
                LoadReport loaded = new RemoteStore(endpoint).load(r, base, rebuild, Main.version());
                loadedOk = true;
                return settle(r, loaded, extra, out, err, timings, progress);
            }
            TdbStore store = TdbStore.open(db, true);
            // Nothing uses the store after this; a process that ends with the command leaves it for the exit to close.
            try (Closing closing = exitsAfter ? store::closeForExit : store::close) {
                Future<T> files = side.submit(() -> alongside.apply(r));
                extra = files;
                // The files are finished before the store commits, and a journal names them, so a kill after the
                // commit leaves the next command enough to put them all in place (see CommitJournal).
                LoadReport loaded = store.load(r, base, rebuild, Main.version(), progress, state -> {
                    if (join(files) instanceof Staged staged) staged.prepare(store.journal(), state);
                }, caches.hashes());
                loadedOk = true;
                return settle(r, loaded, extra, out, err, timings, progress);
            }
        } finally {
            // After a failed load, whatever the side work staged is dropped once it is done: waiting for it costs a
            // little time on failure only, and the process may exit right after, so no temporary file is left behind.
            if (!loadedOk && extra != null) discard(extra);
            side.shutdown();
        }
    }

    /** After the store committed: says what it did before anything else can fail, then puts the staged work in place. */
    private static <T> Outcome<T> settle(Converter.Result r, LoadReport loaded, Future<T> extra, PrintWriter out, PrintWriter err,
                                         Timings timings, ProgressLine progress) {
        timings.lap("store");
        progress.done();
        Reporter.print(r.problems(), err);
        loaded.removed().forEach(g -> out.println("removed " + g + " (its list is gone)"));
        T value = join(extra);
        if (value instanceof Staged staged) staged.commit();
        timings.lap("waiting for the work alongside");
        return new Outcome<>(r, loaded, value);
    }

    /** The value of work on another thread, its failure rethrown as it was (an unchecked exception or an error). */
    static <T> T join(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the output files", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            if (e.getCause() instanceof Error error) throw error;
            throw new IllegalStateException(e.getCause());
        }
    }

    /** After a failed load: drops what the finished side work staged. */
    private static void discard(Future<?> extra) {
        try {
            closeQuietly(extra.get());
        } catch (Exception ignored) {
            // the load's own failure is the one to report
        }
    }

    private static void closeQuietly(Object staged) {
        if (!(staged instanceof AutoCloseable c)) return;
        try {
            c.close();
        } catch (Exception ignored) {
            // best effort: leftovers are removed by the next run
        }
    }
}
