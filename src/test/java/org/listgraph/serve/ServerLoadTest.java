package org.listgraph.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.listgraph.identity.IriMinter;
import org.listgraph.store.SavedQueries;
import org.listgraph.testing.Http;
import org.listgraph.testing.ServedSeeds;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The server under concurrent load on loopback: several clients for a bounded time send the mix a
 * real audience sends (saved queries through the page, every result format, graphs, writes and
 * mistakes, queries too expensive to finish), and every answer is the one a lone client gets.
 */
class ServerLoadTest {
    static final int CLIENTS = 8;
    static final Duration RUN = Duration.ofSeconds(10);
    static final Duration WARM_UP = Duration.ofSeconds(4);
    static final Duration TIMEOUT = Duration.ofSeconds(1);
    /** How much later than the timeout an expensive query may end: the timer fires on time, but 8 clients share 2 cores. */
    static final Duration TIMEOUT_SLACK = Duration.ofSeconds(6);
    /** How much more heap, after a full GC, the end of the run may hold than the end of the warm-up. */
    static final long HEAP_GROWTH_BOUND = 48L << 20;
    /** How many more threads the end may have than the warm-up (Jetty's pool grows by a few under a burst). */
    static final int THREAD_GROWTH_BOUND = 12;
    static final JsonMapper JSON = new JsonMapper();
    static final String GRAPH = IriMinter.DEFAULT_BASE + "graph/cs224-container-networking";

    @TempDir
    Path tmp;

    /** One kind of request: how to send it, what its answer comes to (a wrong status or unreadable body throws), and whether it must time out. */
    record Kind(String name, Supplier<HttpResponse<String>> send, Function<HttpResponse<String>, Object> fingerprint, boolean expensive) {
    }

    /** What one request did. */
    record Outcome(String kind, long nanos, String problem) {
    }

    @Test
    void eightClientsForTenSecondsGetOnlyCorrectAnswersWithTimeoutsKeptAndNoLeak() throws Exception {
        ServedSeeds served = ServedSeeds.start(tmp.resolve("tdb2"), new ServeOptions("127.0.0.1", 0, TIMEOUT, IriMinter.DEFAULT_BASE, List.of()));
        ListgraphServer server = served.server();
        try {
            List<Kind> kinds = kinds(server.pageUrl(), server.endpointUrl());
            // What a lone client gets: the answer every concurrent request must match.
            Map<String, Object> baseline = new TreeMap<>();
            for (Kind k : kinds) baseline.put(k.name(), k.fingerprint().apply(k.send().get()));
            assertEquals(ServerTest.THOCKIN_TITLES, baseline.get("saved talks-by via the page"));
            assertTrue((Integer) baseline.get("SELECT xml") > 100 && (Long) baseline.get("GSP GET graph") > 500, baseline.toString());

            ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
            long start = System.nanoTime();
            long warmEnd = start + WARM_UP.toNanos();
            long end = start + RUN.toNanos();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                running.add(clients.submit(() -> {
                    // Each client walks the mix from its own place, so all kinds run side by side.
                    for (int i = client * 3; System.nanoTime() < end; i++) {
                        Kind k = kinds.get(i % kinds.size());
                        long t0 = System.nanoTime();
                        String problem;
                        try {
                            Object got = k.fingerprint().apply(k.send().get());
                            problem = baseline.get(k.name()).equals(got) ? null : "got " + got + ", a lone client got " + baseline.get(k.name());
                        } catch (RuntimeException | AssertionError e) {
                            problem = e.toString();
                        }
                        long nanos = System.nanoTime() - t0;
                        if (k.expensive() && nanos > TIMEOUT.plus(TIMEOUT_SLACK).toNanos()) {
                            problem = "ran " + nanos / 1_000_000 + " ms, over the " + TIMEOUT.toMillis() + " ms timeout plus " + TIMEOUT_SLACK.toMillis() + " ms";
                        }
                        outcomes.add(new Outcome(k.name(), nanos, problem));
                    }
                }));
            }
            // The footprint once everything has run a few times, and again at the end.
            Thread.sleep(Math.max(0, (warmEnd - System.nanoTime()) / 1_000_000));
            long heapWarm = usedHeapAfterGc();
            int threadsWarm = ManagementFactory.getThreadMXBean().getThreadCount();
            for (Future<?> f : running) f.get(RUN.toSeconds() + 60, TimeUnit.SECONDS);
            clients.shutdown();
            long heapEnd = usedHeapAfterGc();
            int threadsEnd = ManagementFactory.getThreadMXBean().getThreadCount();

            List<Outcome> all = new ArrayList<>(outcomes);
            List<Outcome> failed = all.stream().filter(o -> o.problem() != null).toList();
            String summary = summary(all, failed, heapWarm, heapEnd, threadsWarm, threadsEnd);
            System.out.println(summary);
            assertEquals(List.of(), failed.stream().limit(10).map(o -> o.kind() + ": " + o.problem()).toList(), summary);
            for (Kind k : kinds) {
                assertTrue(all.stream().filter(o -> o.kind().equals(k.name())).count() >= CLIENTS, k.name() + " ran too rarely: " + summary);
            }
            assertTrue(heapEnd - heapWarm < HEAP_GROWTH_BOUND, "heap grew from " + heapWarm / 1_000_000 + " MB to " + heapEnd / 1_000_000 + " MB");
            assertTrue(threadsEnd - threadsWarm <= THREAD_GROWTH_BOUND, "threads grew from " + threadsWarm + " to " + threadsEnd);

            // Still answering as before, and then it stops cleanly and lets go of the port.
            Kind saved = kinds.get(0);
            assertEquals(baseline.get(saved.name()), saved.fingerprint().apply(saved.send().get()));
        } finally {
            long t0 = System.nanoTime();
            server.close();
            assertTrue(System.nanoTime() - t0 < 10_000_000_000L, "stopping took over 10 s");
            try (Socket s = new Socket()) {
                assertThrows(ConnectException.class, () -> s.connect(new InetSocketAddress("127.0.0.1", server.port()), 1000));
            }
            served.store().close();
        }
    }

    /** The mix, each with how to tell its answer: row counts, titles, triple counts, status codes. */
    static List<Kind> kinds(String root, String endpoint) {
        String select = ServerTest.THOCKIN.replace("\"thockin\"", "?nick");
        String everyTitle = "PREFIX dct: <http://purl.org/dc/terms/> SELECT ?s ?t WHERE { ?s dct:title ?t } ORDER BY ?s ?t";
        String talksBy = SavedQueries.load(Path.of("")).find("talks-by").orElseThrow().text();
        List<Kind> kinds = new ArrayList<>();
        kinds.add(new Kind("saved talks-by via the page", () -> {
            HttpResponse<String> prepared = Http.postForm(root + "page/prepare", Map.of("query", talksBy, "param.author", "thockin"));
            if (prepared.statusCode() != 200) return prepared;
            return Http.send("POST", endpoint, field(prepared, "query"), "Content-Type", "application/sparql-query",
                    "Accept", "application/sparql-results+json");
        }, r -> titles(status(r, 200)), false));
        kinds.add(new Kind("SELECT json", () -> Http.get(endpoint + "?query=" + Http.param(select), "Accept", "application/sparql-results+json"),
                r -> readJson(status(r, 200)).path("results").path("bindings").size(), false));
        kinds.add(new Kind("SELECT csv", () -> Http.get(endpoint + "?query=" + Http.param(everyTitle), "Accept", "text/csv"),
                r -> status(r, 200).body().hashCode(), false));
        kinds.add(new Kind("SELECT xml", () -> Http.send("POST", endpoint, everyTitle, "Content-Type", "application/sparql-query",
                "Accept", "application/sparql-results+xml"), r -> xml(status(r, 200)).getElementsByTagName("result").getLength(), false));
        kinds.add(new Kind("CONSTRUCT", () -> Http.get(endpoint + "?query=" + Http.param(
                "PREFIX dct: <http://purl.org/dc/terms/> CONSTRUCT { ?s dct:title ?t } WHERE { ?s dct:title ?t }"), "Accept", "text/turtle"),
                r -> triples(status(r, 200), Lang.TURTLE), false));
        kinds.add(new Kind("DESCRIBE", () -> Http.get(endpoint + "?query=" + Http.param("DESCRIBE <" + GRAPH.replace("graph/", "list/") + ">"),
                "Accept", "application/n-triples"), r -> triples(status(r, 200), Lang.NTRIPLES), false));
        kinds.add(new Kind("GSP GET graph", () -> Http.get(root + "listgraph/get?graph=" + Http.param(GRAPH), "Accept", "application/n-triples"),
                r -> triples(status(r, 200), Lang.NTRIPLES), false));
        kinds.add(new Kind("ASK", () -> Http.get(endpoint + "?query=" + Http.param("ASK { ?s ?p ?o }"), "Accept", "application/sparql-results+json"),
                r -> readJson(status(r, 200)).path("boolean").asBoolean(), false));
        kinds.add(new Kind("ping", () -> Http.get(root + "$/ping"), r -> status(r, 200).statusCode(), false));
        kinds.add(new Kind("expensive query", () -> Http.get(endpoint + "?query=" + Http.param(ServerTest.SLOW), "Accept", "text/csv"),
                r -> status(r, 503).statusCode(), true));
        // Shapes whose work Jena did before its timer could fire, or held in memory: they end by the deadline too.
        kinds.add(new Kind("huge OFFSET", () -> Http.get(endpoint + "?query=" + Http.param(
                "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } OFFSET 1000000000 LIMIT 1"), "Accept", "text/csv"),
                r -> status(r, 503).statusCode(), true));
        kinds.add(new Kind("ORDER BY a cross product", () -> Http.get(endpoint + "?query=" + Http.param(
                "SELECT ?a WHERE { { SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f } } LIMIT 1"), "Accept", "text/csv"),
                r -> status(r, 503).statusCode(), true));
        kinds.add(new Kind("write refused", () -> Http.send("POST", endpoint, "DROP ALL", "Content-Type", "application/sparql-update"),
                r -> r.statusCode() >= 400 && r.statusCode() < 500 ? "4xx" : "status " + r.statusCode(), false));
        kinds.add(new Kind("GSP PUT refused", () -> Http.send("PUT", root + "listgraph/get?graph=" + Http.param(GRAPH), "<urn:a> <urn:b> <urn:c> .",
                "Content-Type", "text/turtle"), r -> r.statusCode() >= 400 && r.statusCode() < 500 ? "4xx" : "status " + r.statusCode(), false));
        kinds.add(new Kind("malformed query", () -> Http.get(endpoint + "?query=" + Http.param("SELECT * WHERE { ?s ?p }")),
                r -> status(r, 400).statusCode(), false));
        kinds.add(new Kind("malformed page query", () -> Http.postForm(root + "page/prepare", Map.of("query", "SELECT * {")),
                r -> field(status(r, 400), "error").startsWith("query:1:") ? "explained" : r.body(), false));
        return kinds;
    }

    private static HttpResponse<String> status(HttpResponse<String> r, int expected) {
        if (r.statusCode() != expected) throw new AssertionError("status " + r.statusCode() + " instead of " + expected + ": " + head(r.body()));
        return r;
    }

    private static String head(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    private static JsonNode readJson(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body());
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + head(r.body()), e);
        }
    }

    private static String field(HttpResponse<String> r, String name) {
        return readJson(r).path(name).asText();
    }

    private static List<String> titles(HttpResponse<String> r) {
        return readJson(r).path("results").path("bindings").findValues("title").stream().map(t -> t.path("value").asText()).toList();
    }

    private static Document xml(HttpResponse<String> r) {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("not XML: " + head(r.body()), e);
        }
    }

    private static long triples(HttpResponse<String> r, Lang lang) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(r.body(), lang).parse(g);
        return g.size();
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        // The memory bean's figure is one reading; totalMemory() - freeMemory() are two, and a heap that shrinks between
        // them gave "-219 MB".
        var memory = java.lang.management.ManagementFactory.getMemoryMXBean();
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
            least = Math.min(least, memory.getHeapMemoryUsage().getUsed());
        }
        return least;
    }

    private static String summary(List<Outcome> all, List<Outcome> failed, long heapWarm, long heapEnd, int threadsWarm, int threadsEnd) {
        List<Long> light = new ArrayList<>(all.stream().filter(o -> !o.kind().equals("expensive query")).map(Outcome::nanos).toList());
        Collections.sort(light);
        long expensiveMax = all.stream().filter(o -> o.kind().equals("expensive query")).mapToLong(Outcome::nanos).max().orElse(0);
        Map<String, Long> byKind = new TreeMap<>();
        all.forEach(o -> byKind.merge(o.kind(), 1L, Long::sum));
        return String.format("serve load: %d clients, %d s: %d requests, %d errors; p50 %.1f ms, p95 %.1f ms (excluding expensive); "
                        + "expensive queries ended within %d ms (timeout %d ms); heap after GC %d -> %d MB; threads %d -> %d; by kind %s",
                CLIENTS, RUN.toSeconds(), all.size(), failed.size(), pct(light, 50), pct(light, 95), expensiveMax / 1_000_000, TIMEOUT.toMillis(),
                heapWarm >> 20, heapEnd >> 20, threadsWarm, threadsEnd, byKind);
    }

    private static double pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) return 0;
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }
}
