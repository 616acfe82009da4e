package org.listgraph.bench;

import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.listgraph.serve.ListgraphServer;
import org.listgraph.serve.ServeOptions;
import org.listgraph.store.QueryRequest;
import org.listgraph.store.QueryRunner;
import org.listgraph.store.SavedQueries;
import org.listgraph.store.SavedQuery;
import org.listgraph.store.TdbStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Query latency on a built store, for the saved "talks by author" query: answered by a warm server
 * over HTTP on loopback, and as a whole CLI run ({@code listgraph query}, a fresh JVM) against a bare
 * JVM that only opens TDB2 with Jena and runs the same query.
 */
public final class QueryBench {
    /** The saved query the targets are stated for. */
    public static final String QUERY = "talks-by";

    /** One author's answer on the warm server: rows, and milliseconds per request. */
    public record Served(String which, String author, int rows, double medianMs, double p95Ms) {
    }

    /**
     * What was measured: the served answers (a typical speaker's and the busiest one's, or the one
     * author asked for), the floor (ASK {}), and the CLI and bare runs in seconds, for the first author.
     */
    public record Result(List<Served> served, int requests, double askMedianMs, int runs, double cliMedianSeconds, double bareMedianSeconds) {
        /** CLI query ÷ bare JVM query: the target is ≤ 1.3. */
        public double cliRatio() {
            return cliMedianSeconds / bareMedianSeconds;
        }
    }

    private QueryBench() {
    }

    /**
     * Measures on the store in {@code db}: {@code requests} timed HTTP requests after as many warm-up
     * ones per author, and {@code runs} CLI and bare runs, interleaved, each started with {@code java}
     * (the java command and its options, as the launcher starts it). {@code author} null measures the
     * median speaker (by number of talks) and the busiest one.
     */
    public static Result run(Path db, String author, String base, int requests, int runs, List<String> java) {
        SavedQuery saved = SavedQueries.load(Path.of("")).find(QUERY).orElseThrow();
        List<Served> served = new ArrayList<>();
        double[] ask;
        String firstText = null;
        try (TdbStore store = TdbStore.open(db, false)) {
            DatasetGraph dsg = store.dataset();
            Map<String, String> authors = new java.util.LinkedHashMap<>();
            if (author != null) authors.put("given", author);
            else authors.putAll(speakers(dsg, base));
            for (var a : authors.entrySet()) {
                Query query = QueryRunner.prepare(new QueryRequest(saved.text(), QUERY, Map.of("author", a.getValue()), null, base));
                String text = query.serialize();
                if (firstText == null) firstText = text;
                int rows = Txn.calculateRead(dsg, () -> {
                    try (QueryExec exec = QueryExec.dataset(dsg).query(query).build()) {
                        return (int) exec.select().materialize().stream().count();
                    }
                });
                double[] ms = server(dsg, base, text, requests);
                served.add(new Served(a.getKey(), a.getValue(), rows, median(ms), percentile(ms, 0.95)));
            }
            ask = server(dsg, base, "ASK {}", requests); // the floor: HTTP and Fuseki without a query to speak of
        }
        // The processes open the store themselves, one at a time, interleaved so drift hits both alike.
        double[] cli = new double[runs];
        double[] bare = new double[runs];
        String who = served.get(0).author();
        Path jar = runs == 0 ? null : jar();
        List<String> cliJava = runs == 0 ? List.of() : concat(java, launcherArchive(jar).toArray(String[]::new));
        for (int i = 0; i < runs; i++) {
            cli[i] = process(concat(cliJava, "-jar", jar.toString(), "query", "--db", db.toString(), "--saved", QUERY, "--param", "author=" + who, "-f", "csv"));
            bare[i] = process(concat(java, "-cp", jar.toString(), BareQuery.class.getName(), db.toString(), firstText));
        }
        return new Result(served, requests, median(ask), runs, runs == 0 ? Double.NaN : median(cli), runs == 0 ? Double.NaN : median(bare));
    }

    /** The account names of the median speaker and of the busiest one, by number of talks. */
    private static Map<String, String> speakers(DatasetGraph dsg, String base) {
        Query q = QueryRunner.parse("""
                SELECT ?name (COUNT(DISTINCT ?talk) AS ?n) {
                  ?talk a lg:Talk ; dct:creator ?who . ?who foaf:account/foaf:accountName ?name
                } GROUP BY ?name ORDER BY DESC(?n) ?name""", "bench", base);
        List<String> names = Txn.calculateRead(dsg, () -> {
            try (QueryExec exec = QueryExec.dataset(dsg).query(q).build()) {
                List<String> all = new ArrayList<>();
                exec.select().forEachRemaining(b -> all.add(b.get("name").getLiteralLexicalForm()));
                return all;
            }
        });
        if (names.isEmpty()) throw new IllegalStateException(dsg + ": the store has no talk with an author's account");
        Map<String, String> picked = new java.util.LinkedHashMap<>();
        picked.put("median speaker", names.get(names.size() / 2));
        picked.put("busiest speaker", names.get(0));
        return picked;
    }

    private static double[] server(DatasetGraph dsg, String base, String text, int requests) {
        try (ListgraphServer server = ListgraphServer.start(dsg, SavedQueries.load(Path.of("")),
                new ServeOptions("127.0.0.1", 0, Duration.ofSeconds(30), base, List.of()))) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create(server.endpointUrl() + "?query=" + URLEncoder.encode(text, StandardCharsets.UTF_8)))
                    .header("Accept", "application/sparql-results+json").build();
            double[] ms = new double[requests];
            for (int i = -requests; i < requests; i++) { // the first half warms the server up
                long start = System.nanoTime();
                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() != 200) throw new IllegalStateException("the server answered " + response.statusCode());
                if (i >= 0) ms[i] = (System.nanoTime() - start) / 1e6;
            }
            return ms;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static double process(List<String> command) {
        long start = System.nanoTime();
        try {
            Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            int code = p.waitFor();
            if (code != 0) throw new IllegalStateException(String.join(" ", command) + " exited with " + code);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * The launcher's class-data-sharing options for the CLI run, when it made an archive for this jar
     * (target/listgraph.jsa, newer than the jar): the CLI is timed as users start it. The bare JVM has none.
     */
    private static List<String> launcherArchive(Path jar) {
        Path jsa = jar.resolveSibling("listgraph.jsa");
        try {
            if (java.nio.file.Files.isRegularFile(jsa)
                    && java.nio.file.Files.getLastModifiedTime(jsa).compareTo(java.nio.file.Files.getLastModifiedTime(jar)) > 0) {
                return List.of("-XX:SharedArchiveFile=" + jsa, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.of();
    }

    /** The jar this code runs from: both processes start from it. */
    private static Path jar() {
        try {
            Path p = Path.of(QueryBench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!p.toString().endsWith(".jar")) throw new IllegalStateException("run 'bench query' from the jar (./listgraph bench query), not from classes");
            return p;
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> concat(List<String> head, String... tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(Arrays.asList(tail));
        return all;
    }

    static double median(double[] xs) {
        return percentile(xs, 0.5);
    }

    static double percentile(double[] xs, double p) {
        double[] sorted = xs.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
    }
}
