package org.listgraph.bench;

import org.apache.jena.query.Query;
import org.listgraph.serve.ListgraphServer;
import org.listgraph.serve.ServeOptions;
import org.listgraph.store.QueryRequest;
import org.listgraph.store.QueryRunner;
import org.listgraph.store.SavedQueries;
import org.listgraph.store.TdbStore;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A soak of {@code serve}: on a built store, normal clients send everyday queries (saved queries
 * with parameters, titles, counts, ASK) while hostile clients send queries made to run or grow
 * without bound (OFFSET, ORDER BY, GROUP BY, DISTINCT over cross products, paths, MINUS,
 * CONSTRUCT). Every normal answer is compared with the one a lone client got before the soak;
 * every hostile query must end within the timeout plus two seconds; the process's resident memory
 * is sampled throughout, and its CPU must be idle once the clients stop.
 */
public final class SoakBench {
    /** The hostile queries, by the shape of the work they would do. */
    static final Map<String, String> HOSTILE = hostile();

    private SoakBench() {
    }

    /** What the soak measured. */
    public record Result(int normalClients, int hostileClients, double seconds, Duration timeout, Duration think, long normalRequests, long wrongAnswers,
                         double normalP50Ms, double normalP99Ms, double normalMaxMs, long hostileRequests, double hostileMaxSeconds,
                         long hostileLate, Map<String, Long> hostileStatuses, long peakResidentMb, double cpuCoresAfter, List<String> problems) {
    }

    private static Map<String, String> hostile() {
        String product = "?a ?b ?c . ?d ?e ?f . ?g ?h ?i";
        Map<String, String> q = new LinkedHashMap<>();
        q.put("OFFSET past a cross product", "SELECT * WHERE { " + product + " } OFFSET 1000000000 LIMIT 1");
        q.put("ORDER BY a cross product", "SELECT * WHERE { " + product + " } ORDER BY ?c ?f ?i");
        q.put("ORDER BY in a subquery", "SELECT ?a WHERE { { SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f } } LIMIT 1");
        q.put("GROUP BY a cross product", "SELECT ?c ?f (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f } GROUP BY ?c ?f");
        q.put("COUNT a cross product", "SELECT (COUNT(*) AS ?n) WHERE { " + product + " }");
        q.put("DISTINCT a cross product", "SELECT (COUNT(*) AS ?n) WHERE { { SELECT DISTINCT ?a ?d WHERE { ?a ?b ?c . ?d ?e ?f } } }");
        q.put("paths of any length", "SELECT (COUNT(*) AS ?n) WHERE { ?x (!<urn:no>)+ ?y . ?y (!<urn:no>)+ ?z }");
        q.put("MINUS a cross product", "SELECT * WHERE { ?a ?b ?c MINUS { ?a ?e ?f . ?g ?h ?i } }");
        q.put("CONSTRUCT a cross product", "CONSTRUCT { ?a ?b ?f } WHERE { " + product + " FILTER(CONCAT(STR(?c), STR(?f), STR(?i)) = \"none\") }");
        return Collections.unmodifiableMap(q);
    }

    /** Runs the soak on the store at {@code db}; {@code base} is the store's IRI base. */
    public static Result run(Path db, String base, int normalClients, int hostileClients, Duration length, Duration timeout, Duration think)
            throws Exception {
        try (TdbStore store = TdbStore.open(db, false);
             ListgraphServer server = ListgraphServer.start(store.dataset(), SavedQueries.load(Path.of("")),
                     new ServeOptions("127.0.0.1", 0, timeout, base, List.of()))) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
            String endpoint = server.endpointUrl();
            Map<String, String> normal = normalQueries(store, base);
            Map<String, String> expected = new LinkedHashMap<>();
            for (Map.Entry<String, String> q : normal.entrySet()) {
                HttpResponse<String> r = send(http, endpoint, q.getValue(), timeout.plusSeconds(60));
                if (r.statusCode() != 200) throw new IllegalStateException(q.getKey() + ": a lone client got " + r.statusCode() + ": " + r.body());
                expected.put(q.getKey(), r.body());
            }
            List<String> normalNames = List.copyOf(normal.keySet()), hostileNames = List.copyOf(HOSTILE.keySet());
            LongAdder wrong = new LongAdder(), hostileLate = new LongAdder();
            List<Long> normalNanos = Collections.synchronizedList(new ArrayList<>());
            List<Long> hostileNanos = Collections.synchronizedList(new ArrayList<>());
            Map<String, LongAdder> statuses = new ConcurrentHashMap<>();
            List<String> problems = Collections.synchronizedList(new ArrayList<>());
            AtomicLong peakRss = new AtomicLong(residentMb());
            long end = System.nanoTime() + length.toNanos();
            long lateAfter = timeout.plusSeconds(2).toNanos();
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < normalClients + hostileClients; c++) {
                boolean hostileClient = c >= normalClients;
                Random random = new Random(c);
                Thread t = new Thread(() -> {
                    while (System.nanoTime() < end) {
                        List<String> names = hostileClient ? hostileNames : normalNames;
                        String name = names.get(random.nextInt(names.size()));
                        String text = hostileClient ? HOSTILE.get(name) : normal.get(name);
                        long start = System.nanoTime();
                        HttpResponse<String> r;
                        try {
                            r = send(http, endpoint, text, timeout.plusSeconds(30));
                        } catch (Exception e) {
                            problems.add(name + ": " + e);
                            continue;
                        }
                        long took = System.nanoTime() - start;
                        if (hostileClient) {
                            hostileNanos.add(took);
                            statuses.computeIfAbsent(String.valueOf(r.statusCode()), k -> new LongAdder()).increment();
                            if (took > lateAfter) {
                                hostileLate.increment();
                                problems.add(name + ": ended after " + took / 1_000_000 + " ms");
                            }
                        } else {
                            normalNanos.add(took);
                            pause(think);
                            if (r.statusCode() != 200 || !r.body().equals(expected.get(name))) {
                                wrong.increment();
                                problems.add(name + ": status " + r.statusCode() + ", " + firstDifference(expected.get(name), r.body()));
                            }
                        }
                    }
                }, (hostileClient ? "hostile-" : "normal-") + c);
                t.setDaemon(true);
                clients.add(t);
            }
            Thread sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peakRss.accumulateAndGet(residentMb(), Math::max);
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "rss-sampler");
            sampler.setDaemon(true);
            sampler.start();
            long started = System.nanoTime();
            clients.forEach(Thread::start);
            for (Thread t : clients) t.join();
            double seconds = (System.nanoTime() - started) / 1e9;
            sampler.interrupt();
            sampler.join();
            double cpuAfter = cpuCoresOverOneSecondAfter(Duration.ofSeconds(2), problems);
            long[] n = normalNanos.stream().mapToLong(Long::longValue).sorted().toArray();
            long[] h = hostileNanos.stream().mapToLong(Long::longValue).sorted().toArray();
            Map<String, Long> byStatus = new TreeMap<>();
            statuses.forEach((k, v) -> byStatus.put(k, v.sum()));
            return new Result(normalClients, hostileClients, seconds, timeout, think, n.length, wrong.sum(), percentileMs(n, 0.50), percentileMs(n, 0.99),
                    n.length == 0 ? Double.NaN : n[n.length - 1] / 1e6, h.length, h.length == 0 ? Double.NaN : h[h.length - 1] / 1e9,
                    hostileLate.sum(), byStatus, peakRss.get(), cpuAfter, List.copyOf(problems.subList(0, Math.min(20, problems.size()))));
        }
    }

    /** Everyday queries with values taken from the store: the busiest and the median speaker's talks and works, titles, counts. */
    private static Map<String, String> normalQueries(TdbStore store, String base) {
        SavedQueries saved = SavedQueries.load(Path.of(""));
        List<String> speakers = QueryRunner.column(store.dataset(), """
                SELECT ?name (COUNT(DISTINCT ?talk) AS ?n) {
                  ?talk a lg:Talk ; dct:creator ?who . ?who foaf:account/foaf:accountName ?name
                } GROUP BY ?name ORDER BY DESC(?n) ?name""");
        if (speakers.isEmpty()) throw new IllegalStateException("the store has no talk with an author's account");
        Map<String, String> q = new LinkedHashMap<>();
        for (String who : List.of(speakers.get(0), speakers.get(speakers.size() / 2))) {
            for (String name : List.of("talks-by", "works-by")) {
                String text = saved.find(name).orElseThrow().text();
                Query prepared = QueryRunner.prepare(new QueryRequest(text, name, Map.of("author", who), null, base));
                q.put(name + " " + who, prepared.serialize());
            }
        }
        q.put("titles", "PREFIX dct: <http://purl.org/dc/terms/> SELECT ?s ?t WHERE { ?s dct:title ?t } LIMIT 100");
        q.put("lists", "PREFIX lg: <https://w3id.org/listgraph/ns#> SELECT (COUNT(*) AS ?n) WHERE { ?l a lg:List }");
        q.put("ask", "PREFIX lg: <https://w3id.org/listgraph/ns#> ASK { ?t a lg:Talk }");
        return q;
    }

    /** Where an answer first differs from the lone client's, as "line N: expected | got". */
    private static String firstDifference(String expected, String got) {
        List<String> a = expected.lines().toList(), b = got.lines().toList();
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            String x = i < a.size() ? a.get(i) : "(end)", y = i < b.size() ? b.get(i) : "(end)";
            if (!x.equals(y)) return "line " + (i + 1) + ": expected " + shorten(x) + " | got " + shorten(y);
        }
        return "same lines, different line ends";
    }

    private static String shorten(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "…" : s;
    }

    private static HttpResponse<String> send(HttpClient http, String endpoint, String query, Duration wait) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint)).timeout(wait)
                .header("Content-Type", "application/sparql-query").header("Accept", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(query, StandardCharsets.UTF_8)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static double percentileMs(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) return Double.NaN;
        return sortedNanos[Math.min(sortedNanos.length - 1, (int) Math.ceil(p * sortedNanos.length) - 1)] / 1e6;
    }

    /** This process's resident memory in MB (Linux /proc), or the heap in use elsewhere. */
    static long residentMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through
        }
        Runtime rt = Runtime.getRuntime();
        return (rt.totalMemory() - rt.freeMemory()) >> 20;
    }

    /** The cores this process uses over one second, {@code wait} after the clients stopped; threads still busy then go to {@code problems}. */
    private static double cpuCoresOverOneSecondAfter(Duration wait, List<String> problems) throws InterruptedException {
        Thread.sleep(wait.toMillis());
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        var threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> before = new java.util.HashMap<>();
        for (long id : threads.getAllThreadIds()) before.put(id, threads.getThreadCpuTime(id));
        long cpu = os.getProcessCpuTime();
        Thread.sleep(1000);
        double cores = (os.getProcessCpuTime() - cpu) / 1e9;
        for (long id : threads.getAllThreadIds()) {
            long used = threads.getThreadCpuTime(id) - before.getOrDefault(id, 0L);
            var info = threads.getThreadInfo(id, 3);
            if (used > 100_000_000L && info != null) problems.add(0, "busy after the soak: thread " + info.getThreadName() + " used " + used / 1_000_000
                    + " ms in 1 s at " + java.util.Arrays.toString(info.getStackTrace()));
        }
        return cores;
    }

    private static void pause(Duration think) {
        if (think.isZero()) return;
        try {
            Thread.sleep(think.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The soak's figures as lines of text. */
    public static String describe(Result r) {
        return String.format(java.util.Locale.ROOT, """
                soak: %d normal clients (%d ms between requests) + %d hostile ones (back to back) for %.1f s, query timeout %d ms
                normal: %d requests, %d wrong answers; latency p50 %.1f ms, p99 %.1f ms, max %.1f ms (target p99 < 1000 ms)
                hostile: %d requests, statuses %s; longest %.2f s, %d ended later than timeout + 2 s
                resident memory: peak %d MB (target < 2048 MB); CPU after the clients stopped: %.2f cores
                """, r.normalClients(), r.think().toMillis(), r.hostileClients(), r.seconds(), r.timeout().toMillis(), r.normalRequests(), r.wrongAnswers(),
                r.normalP50Ms(), r.normalP99Ms(), r.normalMaxMs(), r.hostileRequests(), r.hostileStatuses(), r.hostileMaxSeconds(), r.hostileLate(),
                r.peakResidentMb(), r.cpuCoresAfter()) + (r.problems().isEmpty() ? "" : "first problems:\n  " + String.join("\n  ", r.problems()) + "\n");
    }
}
