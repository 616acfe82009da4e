package org.listgraph.serve;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.core.DatasetGraph;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ServerConnector;
import org.listgraph.entry.BadInputException;
import org.listgraph.store.SavedQueries;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The embedded Fuseki server of {@code serve}: the store read-only at {@code /listgraph} (SPARQL
 * query and Graph Store Protocol read), with a query timeout kept whatever the query's shape, caps on the rows of an answer,
 * on the rows queries hold in memory and on request size, CORS, no admin endpoints and no
 * file-system access, the query page at {@code /} and the explorer at {@code /explore}.
 */
public final class ListgraphServer implements AutoCloseable {
    /** The dataset's path: queries go to {@code /listgraph/sparql} or {@code /listgraph/query}, graphs come from {@code /listgraph/get}. */
    public static final String DATASET = "/listgraph";

    /** How much CPU time a query uses before it takes turns with the other long ones on half the cores. */
    public static final java.time.Duration HEAVY_AFTER = java.time.Duration.ofMillis(50);

    /** The most requests served at once (Jetty threads); more wait in Jetty's queue. */
    public static final int MAX_THREADS = 256;

    /** The largest request body taken (a query, a form); larger ones get 413. */
    public static final long MAX_REQUEST_BYTES = 1 << 20;

    private final FusekiServer server;
    private final String host;
    private final QueryDeadlines deadlines;

    private ListgraphServer(FusekiServer server, String host, QueryDeadlines deadlines) {
        this.server = server;
        this.host = host;
        this.deadlines = deadlines;
    }

    /**
     * Starts serving {@code dsg} (a TDB2 dataset with the union default graph) and returns once the
     * server listens. The caller keeps ownership of the dataset and closes it after {@link #close()}.
     */
    public static ListgraphServer start(DatasetGraph dsg, SavedQueries saved, ServeOptions options) {
        return start(dsg, saved, options, new WatchState());
    }

    /** As above, with the page showing what {@code watch} says of a watching server's rebuilds. */
    public static ListgraphServer start(DatasetGraph dsg, SavedQueries saved, ServeOptions options, WatchState watch) {
        InetAddress address = resolve(options.host());
        // The limit applies to every query on this dataset; a query over it ends with 503.
        dsg.getContext().set(ARQ.queryTimeout, Long.toString(options.timeout().toMillis()));
        // SERVICE would let any visitor make this machine fetch URLs of their choosing.
        dsg.getContext().set(ARQ.httpServiceAllowed, false);
        QueryPage page = new QueryPage(saved, options.base(), DATASET + "/sparql", dsg, watch);
        QueryDeadlines deadlines = new QueryDeadlines(options.timeout());
        HeldRows heldRows = new HeldRows(options.maxHeldRows(), options.maxHeldRowsTotal());
        FusekiServer.Builder builder = FusekiServer.create()
                // Fuseki's default pool is 20 threads: ten slow queries then left everyone else queued behind them,
                // past their own timeouts. A thread per client lets the timeout, not the queue, decide.
                .numServerThreads(4, MAX_THREADS)
                .port(options.port())
                .loopback(address.isLoopbackAddress())
                // Registered before the dataset, so its query endpoints use the guarded service.
                .registerOperation(Operation.Query, new GuardedQueries(options.maxRows(), heldRows, deadlines,
                        new QueryPacing(QueryPacing.defaultPermits(), HEAVY_AFTER, options.timeout())))
                .add(DATASET, dsg, false) // false: read-only, so no update and no GSP write endpoint exists
                .enableCors(false) // replaced below by a read-only setup: given origins, reading methods, no credentials
                .enablePing(true)
                .enableStats(false)
                .enableMetrics(false)
                .enableCompact(false)
                .enableTasks(false)
                .addServlet("", page) // "" is the site root exactly; Fuseki answers 404 for every other unknown path
                .addServlet("/index.html", page)
                .addServlet("/explore", page)
                .addServlet("/page/*", page)
                .verbose(false);
        // CORS first, so a refusal for size still carries the headers a browser tool needs to read it.
        if (!options.corsOrigins().isEmpty()) builder.addFilter("/*", new ReadOnlyCors(options.corsOrigins()));
        builder.addFilter("/*", new RequestSizeLimit(MAX_REQUEST_BYTES));
        FusekiServer server = builder.build();
        for (Connector c : server.getJettyServer().getConnectors()) {
            if (c instanceof ServerConnector sc) sc.setHost(address.getHostAddress());
            // Fuseki asks for a 5 MB response buffer; Jetty's pool does not keep buffers that big, so every
            // request allocated and zeroed a new one (about 17 ms). A pooled 64 KB buffer streams the same bytes.
            var http = c.getConnectionFactory(org.eclipse.jetty.server.HttpConnectionFactory.class);
            if (http != null) http.getHttpConfiguration().setOutputBufferSize(64 * 1024);
        }
        try {
            server.start();
        } catch (RuntimeException e) {
            deadlines.close();
            Throwable root = root(e);
            if (!(root instanceof java.net.BindException)) throw e;
            String why = String.valueOf(root.getMessage());
            String hint = why.contains("assign requested address") ? "this machine has no such address; give one of its own, or 0.0.0.0 for all"
                    : "pick another --port, or stop the program using it";
            throw new BadInputException("listgraph serve: error: cannot listen on " + options.host() + ":" + options.port() + " (" + why
                    + "); " + hint);
        }
        return new ListgraphServer(server, address.getHostAddress(), deadlines);
    }

    private static InetAddress resolve(String host) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new BadInputException("listgraph serve: error: unknown --host '" + host + "'; give an address such as 127.0.0.1");
        }
    }

    private static Throwable root(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t;
    }

    /** True when the server answers only on this machine. */
    public boolean loopbackOnly() {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The port the server listens on (the chosen one when 0 was asked for). */
    public int port() {
        return server.getHttpPort();
    }

    /** The base URL, e.g. {@code http://127.0.0.1:3030/}. */
    public String pageUrl() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + h + ":" + port() + "/";
    }

    /** The SPARQL query endpoint, e.g. {@code http://127.0.0.1:3030/listgraph/sparql}. */
    public String endpointUrl() {
        return pageUrl() + DATASET.substring(1) + "/sparql";
    }

    /** The dataset, as the Graph Store Protocol reads it whole (all graphs, e.g. as N-Quads): {@code http://127.0.0.1:3030/listgraph}. */
    public String datasetUrl() {
        return pageUrl() + DATASET.substring(1);
    }

    /** Stops the server; the dataset stays open for its owner to close. */
    @Override
    public void close() {
        server.stop();
        deadlines.close();
    }
}
