package org.listgraph.cli;

import org.listgraph.entry.UsageException;
import org.listgraph.identity.IriMinter;
import org.listgraph.serve.ListgraphServer;
import org.listgraph.serve.ServeOptions;
import org.listgraph.serve.WatchState;
import org.listgraph.store.SavedQueries;
import org.listgraph.store.ServedStore;
import org.listgraph.store.TdbStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code serve}: the store as a read-only SPARQL endpoint with a query page, until Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the store read-only over SPARQL 1.1 (query and Graph Store Protocol read) with a query page at /, until Ctrl-C.")
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--db", paramLabel = "DIR", defaultValue = "output/tdb2", description = "Store folder (default: ${DEFAULT-VALUE}).")
    Path db;
    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 opens it to the network).")
    String host;
    @Option(names = "--port", paramLabel = "PORT", defaultValue = "3030", description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;
    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30s", converter = DurationConverter.class,
            description = "Longest a query may run, e.g. 30s, 500ms, 2m (default: ${DEFAULT-VALUE}); a slower query ends with 503.")
    Duration timeout;
    @Option(names = "--cors", paramLabel = "ORIGINS", defaultValue = "*", split = ",",
            description = "Web origins whose pages may query from a browser, comma-separated, e.g. https://yasgui.org; * for any "
                    + "(default), none for no cross-origin access.")
    java.util.List<String> cors;
    @Option(names = "--max-rows", paramLabel = "N", defaultValue = "100000",
            description = "Most rows one answer may hold (default: ${DEFAULT-VALUE}); a query asking for more gets the first N and the "
                    + "header Listgraph-Row-Limit: N.")
    long maxRows;
    @Option(names = "--max-held-rows", paramLabel = "N", defaultValue = "500000",
            description = "Most rows one query may keep in memory to sort, group, de-duplicate or join them (default: ${DEFAULT-VALUE}); "
                    + "a query needing more ends with 503.")
    long maxHeldRows;
    @Option(names = "--max-held-rows-total", paramLabel = "N", defaultValue = "2000000",
            description = "Most rows all running queries together may keep in memory (default: ${DEFAULT-VALUE}); a query refused "
                    + "because others hold them gets 429.")
    long maxHeldRowsTotal;
    @Option(names = "--base", paramLabel = "IRI", defaultValue = IriMinter.DEFAULT_BASE, description = "Base of instance IRIs (default: ${DEFAULT-VALUE}).")
    String base;
    @Option(names = "--watch", description = "Rebuild the store, as 'build' does, whenever a list (or lists.json, overrides.json, or "
            + "ontology/) changes; queries keep answering from the last good state meanwhile. The store must be a build's (OUTPUT/tdb2).")
    boolean watch;
    @Option(names = "--lists", paramLabel = "DIR", defaultValue = "lists", description = "With --watch: the folder of lists (default: ${DEFAULT-VALUE}).")
    Path lists;
    @picocli.CommandLine.Mixin
    LimitsOption limits;
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;
    @picocli.CommandLine.ParentCommand
    Main main;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) throw new UsageException("--port must be between 0 and 65535, got " + port);
        if (maxRows < 1) throw new UsageException("--max-rows must be at least 1, got " + maxRows);
        if (maxHeldRows < 1) throw new UsageException("--max-held-rows must be at least 1, got " + maxHeldRows);
        if (maxHeldRowsTotal < maxHeldRows)
            throw new UsageException("--max-held-rows-total (" + maxHeldRowsTotal + ") must be at least --max-held-rows (" + maxHeldRows + ")");
        if (host.isBlank()) throw new UsageException("--host is empty; give an address such as 127.0.0.1");
        java.util.List<String> origins = cors.equals(java.util.List.of("none")) ? java.util.List.of() : cors;
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path output = db.toAbsolutePath().normalize().getParent();
        if (watch && (output == null || !db.getFileName().toString().equals("tdb2"))) {
            throw new UsageException("--watch rebuilds as 'build' does, into OUTPUT/tdb2: give --db OUTPUT/tdb2 (got " + db + ")");
        }
        if (watch && !Files.isDirectory(lists)) throw new UsageException("--watch needs the folder of lists: " + lists + " is not one (give --lists DIR)");
        if (watch) limits.limits(); // a bad --limit is a usage error now, not at the first save
        TdbStore store = TdbStore.open(db, false);
        if (watch && !store.builtWithBase(base)) {
            store.close();
            throw new UsageException("--watch rebuilds with --base " + base + ", but " + db + " was built with another base: give serve "
                    + "the --base the store was built with");
        }
        WatchState status = new WatchState();
        if (watch) status.watching();
        ListgraphServer server;
        try {
            server = ListgraphServer.start(store.dataset(), SavedQueries.load(Path.of("")), new ServeOptions(host, port, timeout, base, origins, maxRows, maxHeldRows, maxHeldRowsTotal),
                    status);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        advertise(server, err);
        ListWatcher watcher;
        try {
            watcher = watch ? watch(store, output, status, out, err) : null;
        } catch (RuntimeException e) {
            ServedStore.withdraw(db);
            server.close();
            store.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        // Ctrl-C (SIGINT) and SIGTERM run this: stop taking requests, let a rebuild in progress finish, then release the store.
        Thread hook = new Thread(() -> {
            ServedStore.withdraw(db);
            server.close();
            if (watcher != null) watcher.close();
            store.close();
            err.println("listgraph serve: stopped; " + db + " is released");
            err.flush();
            stopped.countDown();
        }, "listgraph-serve-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        if (!server.loopbackOnly()) {
            err.println("listgraph serve: warning: listening on " + host + ", reachable from other machines; the endpoint is read-only "
                    + "and has no authentication");
            err.flush();
        }
        out.println("listgraph serve: SPARQL endpoint " + server.endpointUrl() + " · query page " + server.pageUrl()
                + " · read-only, timeout " + DurationConverter.format(timeout) + (watch ? " · rebuilds when " + lists + " changes" : "")
                + " · Ctrl-C stops");
        out.flush();
        stopped.await();
        return Main.OK;
    }

    /**
     * Notes beside the store, where other commands look when they find it locked, how to read it through this server: on
     * loopback, where a server on its own loopback address or on all addresses can be reached (one that listens on one
     * other address only is not noted; other commands then say to stop it).
     */
    private void advertise(ListgraphServer server, PrintWriter err) {
        java.net.InetAddress address;
        try {
            address = java.net.InetAddress.getByName(host);
        } catch (java.net.UnknownHostException e) {
            return;
        }
        String local = address.isLoopbackAddress() ? server.pageUrl()
                : address.isAnyLocalAddress() ? "http://127.0.0.1:" + server.port() + "/" : null;
        if (local == null) return;
        try {
            ServedStore.advertise(db, server.datasetUrl().replace(server.pageUrl(), local), server.endpointUrl().replace(server.pageUrl(), local),
                    maxRows);
        } catch (java.io.UncheckedIOException e) {
            err.println("listgraph serve: warning: " + e.getMessage() + "; other commands on this store will not find the server");
            err.flush();
        }
    }

    /** What the last build that committed recorded (its inputs and results), or nothing: a build that commits rewrites it. */
    private static byte[] buildState(Path output) {
        try {
            return Files.readAllBytes(output.resolve(BuildState.FILE));
        } catch (java.io.IOException e) {
            return new byte[0];
        }
    }

    /**
     * Watches the lists (and ontology/) and rebuilds into {@code output} in this process, through the store this server
     * holds: each build is one write transaction, so queries answer from the last committed state until it commits, and a
     * build that fails (a broken list) leaves that state served. What a build prints is printed here.
     */
    private ListWatcher watch(TdbStore store, Path output, WatchState status, PrintWriter out, PrintWriter err) {
        store.shareInThisProcess();
        List<Path> folders = new java.util.ArrayList<>(List.of(lists));
        if (Files.isDirectory(Path.of("ontology"))) folders.add(Path.of("ontology"));
        try {
            return new ListWatcher(folders, changed -> {
                err.println(changed ? "listgraph serve: " + lists + " changed; rebuilding" : "listgraph serve: bringing the store up to date with " + lists);
                err.flush();
                // The check at the start is no news for the page: it speaks when that check commits something.
                if (changed) status.rebuilding();
                // What the build says goes to this server's stderr as build prints it, and to the page.
                java.io.StringWriter said = new java.io.StringWriter();
                PrintWriter both = new PrintWriter(new java.io.Writer() {
                    @Override
                    public void write(char[] c, int off, int len) {
                        err.write(c, off, len);
                        said.write(c, off, len);
                    }

                    @Override
                    public void flush() {
                        err.flush();
                    }

                    @Override
                    public void close() {
                        flush();
                    }
                }, true);
                byte[] before = buildState(output);
                List<String> args = new java.util.ArrayList<>(List.of("build", "--lists", lists.toString(), "--output", output.toString(), "--base", base));
                if (limits.limits != null) limits.limits.forEach(l -> args.addAll(List.of("--limit", l)));
                int code;
                try {
                    // No progress line: its overwritten steps would fill the page's lines and push out the one that matters.
                    code = main.runInside(out, both, java.util.Map.of("LISTGRAPH_PROGRESS", "never"), args.toArray(String[]::new));
                } catch (RuntimeException | Error e) {
                    both.println("listgraph serve: internal error in the rebuild: " + e);
                    code = Main.INTERNAL;
                }
                both.flush();
                List<String> lines = said.toString().lines().filter(l -> !l.isBlank()).toList();
                if (code == Main.OK || code == Main.FINDINGS) {
                    boolean committed = !java.util.Arrays.equals(before, buildState(output));
                    status.rebuilt(committed, lines);
                    err.println(committed ? "listgraph serve: rebuilt; serving the new state" : "listgraph serve: the store is up to date with " + lists);
                } else {
                    status.failed(lines);
                    err.println("listgraph serve: the rebuild stopped (exit " + code + "); still serving the last good state");
                }
                err.flush();
            });
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot watch " + lists + " (" + e.getMessage() + ")", e);
        }
    }
}
