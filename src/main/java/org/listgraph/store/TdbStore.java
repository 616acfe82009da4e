package org.listgraph.store;

import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.system.Txn;
import org.apache.jena.system.progress.MonitorOutputs;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.listgraph.entry.BadInputException;
import org.listgraph.identity.IriMinter;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The TDB2 dataset under {@code output/tdb2}: one named graph per list plus the shared graph, with
 * the union of all graphs as the default graph. Every access runs inside a transaction.
 */
public final class TdbStore implements AutoCloseable {
    /**
     * TDB2's node cache (Caffeine) logs, through java.util.logging, a stack trace for a fault it meets
     * in its own upkeep (a full disk under the mapped files, say) before the same fault reaches the load,
     * which says it in one line; so it is kept quiet. A static field, as JUL holds loggers weakly.
     */
    private static final java.util.logging.Logger CACHE_LOG = quiet("com.github.benmanes.caffeine");

    private final Path dir;
    private final DatasetGraph dsg;
    /** False for a store another part of this process holds open (a watching server): closing this one leaves it open. */
    private final boolean owned;
    /** Stores held open for this whole process (by {@link #shareInThisProcess()}), by their folder: others open them as borrowers. */
    private static final java.util.Map<Path, DatasetGraph> SHARED = new java.util.concurrent.ConcurrentHashMap<>();

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger log = java.util.logging.Logger.getLogger(name);
        log.setLevel(java.util.logging.Level.OFF);
        return log;
    }

    /**
     * Called inside a load's write transaction, after the last write and before the commit, with a
     * line naming the state the store is about to reach (see {@link #journal()}); a failure here
     * aborts the load and leaves the store as it was.
     */
    @FunctionalInterface
    public interface BeforeCommit {
        void prepare(String state);
    }

    TdbStore(Path dir, DatasetGraph dsg) {
        this(dir, dsg, true);
    }

    private TdbStore(Path dir, DatasetGraph dsg, boolean owned) {
        this.dir = dir;
        this.dsg = dsg;
        this.owned = owned;
    }

    private static Path key(Path dir) {
        return dir.toAbsolutePath().normalize();
    }

    /**
     * Lets other commands run in this process (a watching server's rebuilds) open this store while it stays open here:
     * TDB2's lock is per process and its transactions let the server read the last committed state while a build writes.
     * They get the same dataset, and closing theirs leaves it open.
     */
    public void shareInThisProcess() {
        SHARED.put(key(dir), dsg);
    }

    /** Opens (or creates, when {@code create}) the store in {@code dir}. */
    /**
     * The files a build writes beside its store (and the store's journal): only their temporary files
     * are tidied when a store opens, since the store's folder may be anyone's (--db ~/tdb2).
     */
    public static final java.util.Set<String> BUILD_OUTPUTS = java.util.Set.of("graph.ttl", "merges.csv", "merges.md", "problems.txt", "report.html");

    /** The store is in another process's hands (TDB2's lock): a user's situation, said in one line. */
    public static final class Locked extends BadInputException {
        Locked(String message) {
            super(message);
        }
    }

    /**
     * Opens the store to read it. While a running {@code listgraph serve} holds it, the store is read through that server
     * instead (the state it serves, copied in one request; see {@link ServedStore}): for commands that read it whole.
     */
    public static TdbStore openForReading(Path dir) {
        try {
            return open(dir, false);
        } catch (Locked e) {
            return ServedStore.find(dir).map(a -> ServedStore.copy(dir, a)).orElseThrow(() -> e);
        }
    }

    public static TdbStore open(Path dir, boolean create) {
        DatasetGraph shared = SHARED.get(key(dir));
        if (shared != null) return new TdbStore(dir, shared, false);
        if (!create && !isStore(dir)) {
            throw new BadInputException(dir + ": error: no store here; run './listgraph build' or 'load' first, or point --db at a store folder");
        }
        writable(dir);
        try {
            DatasetGraph dsg = connect(dir);
            dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
            TdbStore store = new TdbStore(dir, dsg);
            try {
                // Opened (so locked): finish the output files of a build killed between its commit and its last rename.
                org.listgraph.export.CommitJournal.recover(store.journal(), store::reached);
                // Files a build was writing when it was killed, before it had a journal (up to the size of graph.ttl):
                // whatever opens the store next removes them, so they do not wait for the next build.
                java.util.Set<String> ours = new java.util.HashSet<>(BUILD_OUTPUTS);
                ours.add(store.journal().getFileName().toString());
                org.listgraph.export.AtomicFile.removeLeftovers(store.journal().getParent(), ours);
            } catch (RuntimeException e) {
                // Only a command that writes the store must settle its files first; one that reads it (query, export,
                // serve) answers from the store as it is and leaves the journal for the next build, which says what is wrong.
                if (create) {
                    store.close();
                    throw e;
                }
            }
            return store;
        } catch (java.io.UncheckedIOException | BadInputException e) {
            throw e;
        } catch (RuntimeException e) {
            String msg = String.valueOf(e.getMessage());
            if (msg.contains("lock") || msg.contains("Lock")) {
                var served = ServedStore.find(dir);
                if (served.isPresent()) {
                    throw new Locked(dir + ": error: the store is held by a running 'listgraph serve' (process " + served.get().pid() + ", "
                            + served.get().endpoint() + "); 'query', 'export', 'stats' and 'validate' read it through the server, but this "
                            + "command needs the store itself: stop the server with Ctrl-C first (to rebuild while serving, run 'serve --watch', "
                            + "which rebuilds as the lists change)");
                }
                throw new Locked(dir + ": error: the store is locked by another process (a build or load, or a running 'listgraph serve'); "
                        + "wait for it to finish (stop the server with Ctrl-C), or query the running server with "
                        + "'query --endpoint URL', the endpoint URL serve printed (by default http://127.0.0.1:3030/listgraph/sparql)");
            }
            throw new BadInputException(dir + ": error: cannot open the TDB2 store (" + msg + "); if another listgraph command is "
                    + "using it, wait for it and run this one again", e);
        }
    }

    /** Serialises opening within this JVM, where OS file locks do not exclude each other. */
    private static final Object OPENING = new Object();

    /**
     * Connects to TDB2 while holding an OS lock on {@code listgraph-open.lock} in the store folder. Two
     * processes creating one new store at once otherwise race inside TDB2 and one fails with a meaningless
     * message ("-1"); in turn, the second finds TDB2's own lock and is told the store is in use.
     */
    private static DatasetGraph connect(Path dir) {
        synchronized (OPENING) {
            try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(dir.resolve("listgraph-open.lock"),
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
                 java.nio.channels.FileLock held = channel.lock()) {
                return DatabaseMgr.connectDatasetGraph(Location.create(dir));
            } catch (java.io.IOException e) {
                throw new BadInputException(dir + ": error: cannot open the TDB2 store (" + e.getMessage() + "); check the folder's permissions", e);
            }
        }
    }

    /**
     * TDB2 writes in its folder even to read (its lock file): a folder that cannot be made or written is
     * said as such, not as the lock error TDB2 would give.
     */
    private static void writable(Path dir) {
        String fix = "; use a writable folder (--output for build, --db for the other commands)";
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            String why = e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null ? fs.getReason() : String.valueOf(e.getMessage());
            throw new BadInputException(dir + ": error: cannot create the store folder (" + why.toLowerCase(java.util.Locale.ROOT) + ")" + fix, e);
        }
        if (!Files.isWritable(dir)) {
            boolean readOnlyDisk;
            try {
                readOnlyDisk = Files.getFileStore(dir).isReadOnly();
            } catch (java.io.IOException e) {
                readOnlyDisk = false;
            }
            throw new BadInputException(dir + ": error: the store folder is not writable (" + (readOnlyDisk ? "read-only file system" : "permission denied")
                    + ") and TDB2 writes in it even to read" + fix);
        }
    }

    /** A TDB2 database folder holds its data in {@code Data-NNNN} subfolders. */
    private static boolean isStore(Path dir) {
        if (!Files.isDirectory(dir)) return false;
        try (var children = Files.list(dir)) {
            return children.anyMatch(c -> c.getFileName().toString().startsWith("Data-"));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /**
     * Where a build journals the output files that go with a commit of this store: next to the store
     * folder ({@code output/.tdb2.commit} for {@code output/tdb2}), so whatever opens the store finds it.
     */
    public Path journal() {
        Path abs = dir.toAbsolutePath();
        return abs.resolveSibling("." + abs.getFileName() + ".commit");
    }

    /** Whether the store is in {@code state} (a line from {@link BeforeCommit}): its metadata graph holds exactly those hashes. */
    private boolean reached(String state) {
        int space = state.indexOf(' ');
        if (space < 0) return false;
        Node meta = org.apache.jena.graph.NodeFactory.createURI(state.substring(0, space));
        return Txn.calculateRead(dsg, () -> state(meta)).equals(state);
    }

    /** Whether the store is empty or was built with {@code base} (its metadata graph is that base's). */
    public boolean builtWithBase(String base) {
        Node meta = org.apache.jena.graph.NodeFactory.createURI(new org.listgraph.identity.IriMinter(base).metaGraph());
        return Txn.calculateRead(dsg, () -> dsg.isEmpty() || dsg.containsGraph(meta));
    }

    /**
     * The store's state as a load's {@link BeforeCommit} names it (the metadata graph of {@code base} and the hash of
     * its graph hashes): equal states hold equal graphs, so a build can tell the store is still the one it wrote.
     */
    public String state(String base) {
        Node meta = org.apache.jena.graph.NodeFactory.createURI(new org.listgraph.identity.IriMinter(base).metaGraph());
        return Txn.calculateRead(dsg, () -> state(meta));
    }

    /** The metadata graph's IRI and the SHA-256 of its sorted "graph hash" records, read in the caller's transaction. */
    private String state(Node meta) {
        java.util.Map<String, String> hashes = new java.util.TreeMap<>();
        dsg.find(meta, Node.ANY, MetaGraph.SHA256, Node.ANY).forEachRemaining(q -> hashes.put(q.getSubject().getURI(), q.getObject().getLiteralLexicalForm()));
        return state(meta, hashes);
    }

    private static String state(Node meta, java.util.Map<String, String> hashes) {
        StringBuilder text = new StringBuilder();
        new java.util.TreeMap<>(hashes).forEach((g, h) -> text.append(g).append(' ').append(h).append('\n'));
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return meta.getURI() + " " + java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    public DatasetGraph dataset() {
        return dsg;
    }

    /**
     * Brings the store in line with a conversion in one write transaction: a graph is rewritten only
     * when its content changed (by the SHA-256 of its sorted N-Triples, kept in the metadata graph) or
     * when {@code rebuild} is set; graphs of lists no longer given are removed. A failure or a kill
     * leaves the previous state, as TDB2 commits the transaction whole or not at all.
     */
    public LoadReport load(org.listgraph.rdf.Converter.Result result, String base, boolean rebuild, String softwareVersion) {
        return load(result, base, rebuild, softwareVersion, status -> { }, state -> { });
    }

    /**
     * As above, saying which graph it writes ("writing the store: graph 3/12") to {@code progress}, and
     * calling {@code beforeCommit} inside the transaction once everything is written. Running out of
     * disk space is one line saying so.
     */
    public LoadReport load(org.listgraph.rdf.Converter.Result result, String base, boolean rebuild, String softwareVersion,
                           java.util.function.Consumer<String> progress, BeforeCommit beforeCommit) {
        return load(result, base, rebuild, softwareVersion, progress, beforeCommit, KnownGraphHashes.none());
    }

    /**
     * As above, taking the content hash of each list graph from {@code known} when it holds the graph's key: a graph
     * the store holds with that hash is then left as it is without being made.
     */
    public LoadReport load(org.listgraph.rdf.Converter.Result result, String base, boolean rebuild, String softwareVersion,
                           java.util.function.Consumer<String> progress, BeforeCommit beforeCommit, KnownGraphHashes known) {
        try {
            return write(result, base, rebuild, softwareVersion, progress, beforeCommit, known);
        } catch (RuntimeException | InternalError e) {
            // A failure after the journal was written (in the commit itself, say): settle the staged files by the store's actual state now.
            try {
                org.listgraph.export.CommitJournal.recover(journal(), this::reached);
            } catch (RuntimeException again) {
                e.addSuppressed(again);
            }
            if (e instanceof PrepareFailure failure) throw failure.getCause(); // the caller's own error, said its own way
            if (!noSpace(e)) throw e;
            // TDB2's aborted transaction leaves the previous version (its B+trees are copy-on-write); tested on a full tmpfs.
            throw new BadInputException(dir + ": error: no space left on device while writing the store (it is left as it was); "
                    + "free space, or put the store elsewhere (--output for build, --db for load)", e);
        }
    }

    private boolean noSpace(Throwable e) {
        // TDB2 writes its indexes through memory-mapped files: a full disk shows up as a fault in a memory access, not as an IOException.
        if (e instanceof InternalError) return usableSpace() < 64L << 20;
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (m.contains("no space left") || m.contains("disk quota") || m.contains("file too large")) return true;
        }
        return false;
    }

    /** Marks a failure of the caller's {@link BeforeCommit}, so it is not mistaken for the store's. */
    private static final class PrepareFailure extends RuntimeException {
        PrepareFailure(RuntimeException cause) {
            super(cause);
        }

        @Override
        public synchronized RuntimeException getCause() {
            return (RuntimeException) super.getCause();
        }
    }

    private static void prepare(BeforeCommit beforeCommit, String state) {
        try {
            beforeCommit.prepare(state);
        } catch (RuntimeException e) {
            throw new PrepareFailure(e);
        }
    }

    private long usableSpace() {
        try {
            return Files.getFileStore(dir).getUsableSpace();
        } catch (java.io.IOException e) {
            return Long.MAX_VALUE;
        }
    }

    private LoadReport write(org.listgraph.rdf.Converter.Result result, String base, boolean rebuild, String softwareVersion,
                             java.util.function.Consumer<String> progress, BeforeCommit beforeCommit, KnownGraphHashes known) {
        org.listgraph.identity.IriMinter iris = new org.listgraph.identity.IriMinter(base);
        Node meta = org.apache.jena.graph.NodeFactory.createURI(iris.metaGraph());
        String now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        String ontologyVersion = OntologyVersion.get();
        java.util.List<String> names = java.util.List.copyOf(result.graphNames());
        boolean empty = Txn.calculateRead(dsg, () -> !dsg.listGraphNodes().hasNext());
        if (empty) {
            // A first load goes through TDB2's sequential loader (crash-safe, faster than single adds), data and
            // metadata in the loader's one transaction; each list's graph is made, hashed, sent and dropped in turn.
            DataLoader loader = LoaderFactory.sequentialLoader(dsg, MonitorOutputs.nullOutput());
            loader.startBulk();
            try (HashedGraphs ahead = new HashedGraphs(result, known)) {
                StreamRDF stream = loader.stream();
                stream.start();
                java.util.Map<String, String> hashes = new java.util.HashMap<>();
                int i = 0, n = names.size();
                for (HashedGraphs.Hashed g : ahead) {
                    progress.accept("writing the store: graph " + ++i + "/" + n);
                    Node name = g.name();
                    String hash = g.hash();
                    hashes.put(name.getURI(), hash);
                    if (g.subjects() != null) known.subjectsLearnt(name.getURI(), hash, g.subjects());
                    g.graph().find().forEachRemaining(t -> stream.quad(new org.apache.jena.sparql.core.Quad(name, t)));
                    DatasetGraph metaQuads = org.apache.jena.sparql.core.DatasetGraphFactory.create();
                    MetaGraph.record(metaQuads, meta, name, hash, now, softwareVersion, ontologyVersion,
                            iris.listOfGraph(name.getURI()), g.graph());
                    metaQuads.find().forEachRemaining(stream::quad);
                }
                stream.finish();
                prepare(beforeCommit, state(meta, hashes));
                loader.finishBulk();
            } catch (RuntimeException | Error e) {
                loader.finishException(e instanceof Exception x ? x : new RuntimeException(e));
                throw e;
            }
            return new LoadReport(names, java.util.List.of(), java.util.List.of());
        }
        return Txn.calculateWrite(dsg, () -> {
            java.util.List<String> written = new java.util.ArrayList<>();
            java.util.List<String> unchanged = new java.util.ArrayList<>();
            java.util.List<String> removed = new java.util.ArrayList<>();
            java.util.Set<Node> stored = new java.util.HashSet<>();
            dsg.listGraphNodes().forEachRemaining(stored::add);
            java.util.Set<String> wanted = new java.util.HashSet<>(names);
            for (Node g : stored) {
                // Graphs other commands write (the lists' history) are theirs to keep: not a list that is gone.
                if (!g.equals(meta) && !wanted.contains(g.getURI()) && !new IriMinter(base).sideGraphs().contains(g.getURI())) {
                    // (a graph of an earlier --base, or of a list that is gone)
                    dsg.deleteAny(g, Node.ANY, Node.ANY, Node.ANY);
                    dsg.deleteAny(meta, g, Node.ANY, Node.ANY);
                    removed.add(g.getURI());
                }
            }
            int i = 0, n = names.size();
            try (HashedGraphs ahead = new HashedGraphs(result, known)) {
                for (HashedGraphs.Hashed named : ahead) {
                    progress.accept("writing the store: graph " + ++i + "/" + n);
                    Node g = named.name();
                    String hash = named.hash();
                    String storedHash = MetaGraph.hash(dsg, meta, g);
                    if (named.subjects() != null) known.subjectsLearnt(g.getURI(), hash, named.subjects());
                    if (!rebuild && hash.equals(storedHash) && stored.contains(g)) {
                        // The graph stays untouched; its list's record in the metadata graph is refreshed, so a store
                        // written by an older listgraph gains what this version records. A graph not made (its hash was
                        // known from its key) was made by this version before, which recorded it then.
                        if (named.made()) MetaGraph.recordList(dsg, meta, iris.listOfGraph(g.getURI()), named.graph());
                        unchanged.add(g.getURI());
                        continue;
                    }
                    // Only the triples that differ are deleted and added: the shared graph changes with almost any edit, and
                    // rewriting its millions of triples whole made reloading one list of a thousand slower than building them all.
                    java.util.Optional<SubjectDigests> before = named.subjects() == null || !stored.contains(g)
                            ? java.util.Optional.empty() : known.subjects(g.getURI(), storedHash);
                    if (before.isPresent()) new StoredTriples(dsg).replaceSubjects(g, named.graph(), before.get(), named.subjects());
                    else new StoredTriples(dsg).replace(g, named.graph());
                    MetaGraph.record(dsg, meta, g, hash, now, softwareVersion, ontologyVersion, iris.listOfGraph(g.getURI()), named.graph());
                    written.add(g.getURI());
                }
            }
            prepare(beforeCommit, state(meta));
            return new LoadReport(written, unchanged, removed);
        });
    }

    /**
     * A copy of the store's named graphs (all but the metadata graph, or only {@code graphIri}) taken in
     * one read transaction, for writing out while the store stays consistent.
     */
    public DatasetGraph snapshot(String graphIri, String metaGraphIri) {
        DatasetGraph copy = org.apache.jena.sparql.core.DatasetGraphFactory.create();
        Node meta = org.apache.jena.graph.NodeFactory.createURI(metaGraphIri);
        Txn.executeRead(dsg, () -> {
            Node only = graphIri == null ? Node.ANY : org.apache.jena.graph.NodeFactory.createURI(graphIri);
            dsg.find(only, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> {
                if (!isMeta(q.getGraph(), meta)) copy.add(q);
            });
        });
        if (graphIri != null && copy.isEmpty()) {
            throw new BadInputException(dir + ": error: the store has no graph " + graphIri + "; list ids are in lists/lists.json");
        }
        return copy;
    }

    /**
     * Every triple of the store's graphs but the metadata graph, once each, as one in-memory graph read in one read
     * transaction: indexed for many small lookups, which a union view answers by merging every named graph.
     */
    public org.apache.jena.graph.Graph unionCopy(String metaGraphIri) {
        org.apache.jena.graph.Graph copy = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
        Node meta = org.apache.jena.graph.NodeFactory.createURI(metaGraphIri);
        Txn.executeRead(dsg, () -> dsg.find(Node.ANY, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> {
            if (!isMeta(q.getGraph(), meta)) copy.add(q.asTriple());
        }));
        return copy;
    }

    /**
     * Replaces one named graph with {@code graph}'s triples in one write transaction (a failure or a kill leaves the
     * graph as it was); a graph with the same triples is left untouched. True when the graph changed.
     */
    public boolean replaceGraph(String graphIri, org.apache.jena.graph.Graph graph) {
        Node g = org.apache.jena.graph.NodeFactory.createURI(graphIri);
        return Txn.calculateWrite(dsg, () -> {
            // Only the triples that differ are written: one new commit changes a few of a history's many triples.
            java.util.List<org.apache.jena.graph.Triple> gone = new java.util.ArrayList<>();
            dsg.getGraph(g).find().forEachRemaining(t -> {
                if (!graph.contains(t)) gone.add(t);
            });
            gone.forEach(t -> dsg.delete(g, t.getSubject(), t.getPredicate(), t.getObject()));
            int[] added = {0};
            graph.find().forEachRemaining(t -> {
                if (!dsg.contains(g, t.getSubject(), t.getPredicate(), t.getObject())) {
                    dsg.add(g, t.getSubject(), t.getPredicate(), t.getObject());
                    added[0]++;
                }
            });
            return !gone.isEmpty() || added[0] > 0;
        });
    }

    /** The store's metadata graph, of this base or of any other: not data to write out. */
    private static boolean isMeta(Node graph, Node meta) {
        return graph.equals(meta) || graph.getURI().endsWith("/graph/meta");
    }

    /** Reclaims the space TDB2 keeps from earlier versions of the data (it grows with every update). */
    public void compact() {
        DatabaseMgr.compact(dsg, true);
    }

    /** Closes the store and releases its lock, so another process may open it while this JVM goes on. */
    @Override
    public void close() {
        if (!owned) return;
        SHARED.remove(key(dir), dsg);
        org.apache.jena.tdb2.sys.TDBInternal.expel(dsg);
    }

    /**
     * Closes the store of a process that exits right after (the command line's own): its files and lock are left for
     * the exit to release, as a process killed after its commit leaves them. Jena's expel ends in a full collection of
     * the heap with every node of the build still live: half a second of a 200,000-entry reload, seconds at a million.
     */
    public void closeForExit() {
        if (owned) SHARED.remove(key(dir), dsg);
    }
}
