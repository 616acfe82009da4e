package org.listgraph;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.listgraph.cli.Main;
import org.listgraph.identity.IriMinter;
import org.listgraph.store.SavedQueries;
import org.listgraph.testing.Seeds;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@code load --endpoint} and {@code query --endpoint} against a real Virtuoso Open Source 7 (Debian's
 * virtuoso-opensource), started here on loopback with its own database and free ports: the incremental
 * rules hold (Virtuoso's HTTP log shows which graphs were sent), and the saved queries answer as TDB2 does.
 */
class VirtuosoIT {
    static final Path VIRTUOSO = Path.of("/usr/bin/virtuoso-t"), ISQL = Path.of("/usr/bin/isql-vt");
    static final String BASE = IriMinter.DEFAULT_BASE;
    static final String CS224 = BASE + "graph/cs224-container-networking";
    static final Map<String, String> CREDENTIALS = Map.of("LISTGRAPH_ENDPOINT_USER", "writer", "LISTGRAPH_ENDPOINT_PASSWORD", "s3cret pass");
    /** A parameter for each saved query that takes one. */
    static final Map<String, String> PARAMS = Map.of("by-topic", "topic=ebpf", "talks-by", "author=thockin", "works-by", "author=thockin",
            "resources-by-list", "list=mhausenblas-cn-ref", "changes-since", "since=2024-01-01", "list-version-changes", "list=nleiva-k8s-networking");

    static Path dir;
    static Process virtuoso;
    static String http;

    @BeforeAll
    static void startVirtuoso() throws Exception {
        boolean present = Files.isExecutable(VIRTUOSO) && Files.isExecutable(ISQL);
        if (!present && System.getenv("LISTGRAPH_REQUIRE_VIRTUOSO") != null) {
            fail("the Virtuoso test needs Debian's virtuoso-opensource: apt-get install virtuoso-opensource");
        }
        org.listgraph.testing.Skip.unless(present, "no Virtuoso here: install virtuoso-opensource (apt-get), or run .ci/run");
        dir = Files.createTempDirectory("listgraph-virtuoso");
        int sqlPort = freePort(), httpPort = freePort();
        Files.writeString(dir.resolve("virtuoso.ini"), """
                [Database]
                DatabaseFile = %1$s/virtuoso.db
                ErrorLogFile = %1$s/virtuoso.log
                LockFile = %1$s/virtuoso.lck
                TransactionFile = %1$s/virtuoso.trx
                xa_persistent_file = %1$s/virtuoso.pxa
                [TempDatabase]
                DatabaseFile = %1$s/virtuoso-temp.db
                TransactionFile = %1$s/virtuoso-temp.trx
                [Parameters]
                ServerPort = 127.0.0.1:%2$d
                DisableUnixSocket = 1
                DirsAllowed = %1$s
                NumberOfBuffers = 10000
                MaxDirtyBuffers = 6000
                ThreadsPerQuery = 2
                [HTTPServer]
                ServerPort = 127.0.0.1:%3$d
                ServerRoot = %1$s
                ServerThreads = 4
                Charset = UTF-8
                HTTPLogFile = %1$s/http.log
                [SPARQL]
                ResultSetMaxRows = 1000000
                MaxQueryExecutionTime = 30
                MaxQueryCostEstimationTime = 0
                """.formatted(dir, sqlPort, httpPort));
        virtuoso = new ProcessBuilder(VIRTUOSO.toString(), "+foreground", "+configfile", dir.resolve("virtuoso.ini").toString())
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("console.log").toFile()).start();
        http = "http://127.0.0.1:" + httpPort;
        long t0 = System.nanoTime();
        awaitHttp(http + "/sparql?query=ASK%7B%7D");
        System.out.println("Virtuoso answered after " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        // A user for the Digest-protected endpoints, allowed SPARQL updates (and so the Graph Store Protocol's writes).
        Process isql = new ProcessBuilder(ISQL.toString(), "127.0.0.1:" + sqlPort, "dba", "dba",
                "exec=DB.DBA.USER_CREATE('writer', 's3cret pass'); GRANT SPARQL_UPDATE TO \"writer\";")
                .redirectErrorStream(true).start();
        String said = new String(isql.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(isql.waitFor(30, TimeUnit.SECONDS) && isql.exitValue() == 0, said);
    }

    @AfterAll
    static void stopVirtuoso() throws Exception {
        try {
            if (virtuoso != null) {
                virtuoso.destroy();
                if (!virtuoso.waitFor(15, TimeUnit.SECONDS)) {
                    virtuoso.destroyForcibly();
                    virtuoso.waitFor(10, TimeUnit.SECONDS);
                }
            }
        } finally {
            if (dir != null) {
                try (Stream<Path> all = Files.walk(dir)) {
                    for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
                }
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Waits until Virtuoso answers (a new database takes it 10 s or more to build), or fails with its log. */
    private static void awaitHttp(String url) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!virtuoso.isAlive()) fail("Virtuoso stopped: " + Files.readString(dir.resolve("console.log")));
            try {
                if (client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) return;
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        fail("Virtuoso did not answer within 90 s: " + Files.readString(dir.resolve("console.log")));
    }

    record Run(int code, String out, String err) {
    }

    private static Run run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), env, args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static final Pattern REQUEST = Pattern.compile("\"([A-Z]+) /sparql-graph-crud-auth\\?graph=(\\S+) HTTP/1\\.1\" (\\d+) ");

    /** "METHOD graph-IRI" of every write Virtuoso accepted so far (its HTTP log, in order). */
    private static List<String> writes() throws IOException {
        List<String> writes = new ArrayList<>();
        try (Stream<Path> logs = Files.list(dir)) {
            // Virtuoso puts the date into the log's name: http07122026.log.
            for (Path log : logs.filter(p -> p.getFileName().toString().matches("http.*\\.log")).sorted().toList()) {
                Matcher m = REQUEST.matcher(Files.readString(log, StandardCharsets.ISO_8859_1));
                while (m.find()) {
                    if (!m.group(1).equals("GET") && !m.group(1).equals("HEAD") && !m.group(3).equals("401")) {
                        writes.add(m.group(1) + " " + URLDecoder.decode(m.group(2), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return writes;
    }

    /**
     * The writes after {@code before} once they are {@code expected}, or as they are after ten seconds: Virtuoso logs a
     * request after answering it, so the last line may come a moment after the command returned (a fresh-clone run
     * once read the log without the load's final PUT). An expected "nothing" is read after a second, for a late line to show.
     */
    private static List<String> since(List<String> before, List<String> expected) throws IOException, InterruptedException {
        long end = System.nanoTime() + 10_000_000_000L;
        if (expected.isEmpty()) Thread.sleep(1000);
        List<String> got = after(before);
        while (!got.equals(expected) && System.nanoTime() < end) {
            Thread.sleep(100);
            got = after(before);
        }
        return got;
    }

    private static List<String> after(List<String> before) throws IOException {
        List<String> all = writes();
        return all.subList(before.size(), all.size());
    }

    @Test
    void loadsOnlyWhatChangedAndTheSavedQueriesAnswerAsOnTdb2() throws Exception {
        Path lists = Seeds.copyInto(dir.resolve("lists"));
        String gsp = http + "/sparql-graph-crud-auth";

        Run first = run(CREDENTIALS, "load", "--endpoint", gsp, lists.toString());
        assertEquals(Main.OK, first.code(), first.err());
        assertTrue(first.out().contains("into " + gsp + ": 6 graphs written, 0 unchanged, 0 removed"), first.out());
        assertEquals(8, writes().size(), "the metadata graph naming the new graphs, six graphs, the metadata graph: " + writes());

        List<String> before = writes();
        Run again = run(CREDENTIALS, "load", "--endpoint", gsp, lists.toString());
        assertEquals(Main.OK, again.code(), again.err());
        assertTrue(again.out().contains("0 graphs written, 6 unchanged, 0 removed"), again.out());
        assertEquals(List.of(), since(before, List.of()), "an unchanged load writes nothing: the metadata graph read back from Virtuoso hashes as it was sent");

        Path cs224 = lists.resolve("cs224-dev-meetup-container-networking.md");
        Files.writeString(cs224, Files.readString(cs224).replace("from Kubernetes.", "from Kubernetes (edited)."));
        before = writes();
        Run changed = run(CREDENTIALS, "load", "--endpoint", gsp, lists.toString());
        assertEquals(Main.OK, changed.code(), changed.err());
        assertTrue(changed.out().contains("1 graphs written, 5 unchanged, 0 removed"), changed.out());
        List<String> oneList = List.of("PUT " + CS224, "PUT " + BASE + "graph/meta");
        assertEquals(oneList, since(before, oneList));

        Path db = dir.resolve("tdb2");
        Run local = run(Map.of(), "load", "--db", db.toString(), lists.toString());
        assertEquals(Main.OK, local.code(), local.err());
        Map<String, String> counts = new TreeMap<>();
        for (String name : SavedQueries.load(Path.of(".")).all().keySet()) {
            List<String> args = new ArrayList<>(List.of("query", "--saved", name, "-f", "tsv"));
            if (PARAMS.containsKey(name)) args.addAll(List.of("--param", PARAMS.get(name)));
            Run tdb = run(Map.of(), concat(args, "--db", db.toString()));
            assertEquals(Main.OK, tdb.code(), name + ": " + tdb.err());
            // The same environment as the loads: the credentials go along, and Virtuoso's public /sparql ignores them.
            Run remote = run(CREDENTIALS, concat(args, "--endpoint", http + "/sparql"));
            assertEquals(Main.OK, remote.code(), name + ": " + remote.err());
            assertEquals(sortedRows(tdb), sortedRows(remote), name + ": the same rows on Virtuoso as on TDB2");
            // changes-since: the loads send no history graph, so 0 rows on both.
            assertTrue(rows(tdb) > 0 || name.equals("changes-since"), name + " answers something over the seeds");
            counts.put(name, rows(tdb) + " on TDB2, " + rows(remote) + " on Virtuoso");
        }
        System.out.println("saved query rows: " + counts);

        Files.delete(cs224);
        Path manifest = lists.resolve("lists.json");
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var root = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(manifest.toFile());
        var kept = json.createArrayNode();
        root.withArray("lists").forEach(l -> {
            if (!l.path("file").asText().equals(cs224.getFileName().toString())) kept.add(l);
        });
        root.set("lists", kept);
        json.writeValue(manifest.toFile(), root);
        before = writes();
        Run removed = run(CREDENTIALS, "load", "--endpoint", gsp, lists.toString());
        assertEquals(Main.OK, removed.code(), removed.err());
        assertTrue(removed.out().contains("removed " + CS224 + " (its list is gone)"), removed.out());
        List<String> removedWrites = List.of("DELETE " + CS224, "PUT " + BASE + "graph/shared", "PUT " + BASE + "graph/meta");
        assertEquals(removedWrites, since(before, removedWrites));
        Run gone = run(Map.of(), "query", "--endpoint", http + "/sparql", "-f", "csv", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <" + CS224 + "> { ?s ?p ?o } }");
        assertEquals(List.of("n", "0"), gone.out().lines().toList(), "the graph is gone from Virtuoso: " + gone.err());
    }

    private static String[] concat(List<String> args, String... more) {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private static long rows(Run r) {
        return r.out().lines().count() - 1;
    }

    /** The rows under the header line, as a sorted list: the engines may order ties differently (README). */
    private static List<String> sortedRows(Run r) {
        return r.out().lines().skip(1).sorted().toList();
    }
}
