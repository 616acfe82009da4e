package org.listgraph.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code check-links} against HTTP servers on 127.0.0.1 that the test starts and stops: never the internet. */
class CheckLinksTest {
    @TempDir
    Path tmp;
    private final List<Host> hosts = new ArrayList<>();

    /** A server on a loopback port (a "host"), counting requests and the most it ever had at once. */
    private static final class Host {
        final HttpServer server;
        final AtomicInteger requests = new AtomicInteger();
        final AtomicInteger now = new AtomicInteger();
        final AtomicInteger most = new AtomicInteger();
        final Map<String, AtomicInteger> perPath = new ConcurrentHashMap<>();

        Host(long pauseMillis) throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/", x -> {
                requests.incrementAndGet();
                // Counted while the request is worked on, and no longer once its answer can leave: the client may send the
                // next request the moment it has the answer.
                most.accumulateAndGet(now.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(pauseMillis);
                    now.decrementAndGet();
                    answer(x, perPath.computeIfAbsent(x.getRequestURI().getPath(), p -> new AtomicInteger()).incrementAndGet());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    x.close();
                }
            });
            server.start();
        }

        String url(String path) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + path;
        }

        private void answer(HttpExchange x, int nth) throws IOException, InterruptedException {
            String path = x.getRequestURI().getPath();
            boolean head = x.getRequestMethod().equals("HEAD");
            switch (path) {
                case "/gone" -> x.sendResponseHeaders(404, -1);
                case "/removed" -> x.sendResponseHeaders(410, -1);
                case "/moved" -> redirect(x, 301, "/ok");
                case "/chain-1" -> redirect(x, 301, "/chain-2");
                case "/chain-2" -> redirect(x, 302, url("/chain-3"));
                case "/chain-3" -> redirect(x, 307, "/ok");
                case "/slash" -> redirect(x, 301, "/slash/");
                case "/old-repo" -> redirect(x, 301, "/new-repo");
                case "/elsewhere" -> redirect(x, 301, "/not-listed");
                case "/loop-a" -> redirect(x, 302, "/loop-b");
                case "/loop-b" -> redirect(x, 302, "/loop-a");
                case "/busy" -> {
                    if (nth == 1) {
                        x.getResponseHeaders().add("Retry-After", "1");
                        x.sendResponseHeaders(429, -1);
                    } else {
                        x.sendResponseHeaders(200, -1);
                    }
                }
                case "/never" -> Thread.sleep(20_000);
                case "/no-head" -> {
                    if (head) x.sendResponseHeaders(405, -1);
                    else ok(x);
                }
                default -> {
                    if (path.startsWith("/gone-")) x.sendResponseHeaders(404, -1);
                    else if (path.startsWith("/moved-")) redirect(x, 301, "/page-" + path.substring("/moved-".length()) + "-new");
                    else if (head) x.sendResponseHeaders(200, -1); // a HEAD answer has no body
                    else ok(x);
                }
            }
        }

        private static void ok(HttpExchange x) throws IOException {
            byte[] body = "<html><body>here</body></html>".getBytes();
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
        }

        private static void redirect(HttpExchange x, int status, String to) throws IOException {
            x.getResponseHeaders().add("Location", to);
            x.sendResponseHeaders(status, -1);
        }
    }

    @AfterEach
    void stopServers() {
        hosts.forEach(h -> h.server.stop(0));
    }

    private Host host(long pauseMillis) throws IOException {
        Host h = new Host(pauseMillis);
        hosts.add(h);
        return h;
    }

    private Path buildList(List<String> urls) throws IOException {
        Path lists = Files.createDirectories(tmp.resolve("lists"));
        StringBuilder md = new StringBuilder("# Links\n\n## Things\n\n");
        for (int i = 0; i < urls.size(); i++) md.append("- [Thing ").append(i).append("](").append(urls.get(i)).append(") - A thing.\n");
        Files.writeString(lists.resolve("links.md"), md);
        CliTest.Run b = CliTest.run("build", "--lists", lists.toString(), "--output", tmp.resolve("output").toString());
        assertTrue(b.code() == Main.OK || b.code() == Main.FINDINGS, b.err());
        return tmp.resolve("output/tdb2");
    }

    private static Map<String, String> states(Path db) {
        CliTest.Run q = CliTest.run("query", "--db", db.toString(), "-f", "tsv",
                "SELECT ?u ?state { GRAPH <https://w3id.org/listgraph/id/links/graph> { ?u lg:linkState ?state } }");
        Map<String, String> out = new TreeMap<>();
        q.out().lines().skip(1).forEach(l -> {
            String[] f = l.split("\t");
            out.put(f[0].replaceAll("^<|>$", ""), f[1].replace("\"", ""));
        });
        return out;
    }

    @Test
    void everyKindOfAnswerGetsItsStateAndASecondRunWithinMaxAgeAsksNothing() throws Exception {
        Host h = host(0);
        int refused;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            refused = s.getLocalPort(); // closed at once: nothing listens there
        }
        Map<String, String> expected = new TreeMap<>(Map.ofEntries(
                Map.entry(h.url("/ok"), "ok"), Map.entry(h.url("/gone"), "dead"), Map.entry(h.url("/removed"), "dead"),
                Map.entry(h.url("/moved"), "moved"), Map.entry(h.url("/chain-1"), "moved"), Map.entry(h.url("/slash"), "ok"),
                Map.entry(h.url("/loop-a"), "dead"), Map.entry(h.url("/busy"), "ok"), Map.entry(h.url("/never"), "unsure"),
                Map.entry(h.url("/no-head"), "ok"), Map.entry("http://127.0.0.1:" + refused + "/x", "dead"),
                Map.entry("https://no-such-host.invalid/x", "dead"))); // .invalid never resolves (RFC 2606)
        Path db = buildList(new ArrayList<>(expected.keySet()));
        CliTest.Run r = CliTest.run("check-links", "--db", db.toString(), "--timeout", "1s", "--retries", "1");
        assertEquals(Main.FINDINGS, r.code(), "a dead link is a finding: " + r.err());
        assertEquals(expected, states(db));
        assertTrue(r.out().contains("dead-link: " + h.url("/gone") + " answers 404"), r.out());
        assertTrue(r.out().contains("dead-link: " + h.url("/loop-a") + " failed: redirect loop"), r.out());
        assertTrue(r.out().contains("dead-link: http://127.0.0.1:" + refused + "/x failed: connection refused"), r.out());
        assertTrue(r.out().contains("moved-link: " + h.url("/chain-1") + " redirects to " + h.url("/ok")), r.out());
        assertTrue(r.out().lines().allMatch(l -> l.matches(".*links\\.md:\\d+:1: warning: (dead|moved)-link: .*")), r.out());
        assertEquals(2, h.perPath.get("/busy").get(), "the 429 was asked again, after its Retry-After");
        assertTrue(r.out().contains("dead-link: https://no-such-host.invalid/x failed: no such host"), r.out());
        assertTrue(r.err().contains("12 URLs (12 checked now, 0 from the last 168h)"), r.err());

        int asked = h.requests.get();
        CliTest.Run again = CliTest.run("check-links", "--db", db.toString(), "--timeout", "1s");
        assertEquals(asked, h.requests.get(), "within --max-age nothing is asked again");
        assertEquals(r.out(), again.out());
        assertTrue(again.err().contains("(0 checked now"), again.err());
        CliTest.Run stale = CliTest.run("check-links", "--db", db.toString(), "--timeout", "1s", "--max-age", "1ms");
        assertTrue(h.requests.get() > asked && stale.err().contains("(12 checked now"), stale.err());

        // Lint says the same at each entry, from the kept results, without asking again.
        CliTest.Run lint = CliTest.run("lint", "--link-checks", tmp.resolve("output/cache/links.json").toString(), tmp.resolve("lists").toString());
        assertTrue(lint.out().lines().anyMatch(l -> l.matches(".*links\\.md:\\d+:1: warning: dead-link: " + java.util.regex.Pattern.quote(h.url("/gone"))
                + " answers 404 \\(checked \\d{4}-\\d\\d-\\d\\d\\); remove it, or link where it went")), lint.out());
        assertTrue(lint.out().contains("moved-link: " + h.url("/moved") + " redirects to " + h.url("/ok") + "; write the new URL"), lint.out());

        // render drops or marks what is dead, and leaves the rest.
        CliTest.Run marked = CliTest.run("render", "--db", db.toString(), "--dead-links", "mark");
        assertTrue(marked.out().lines().anyMatch(l -> l.contains("(" + h.url("/gone") + ")") && l.endsWith(" `dead link`")), marked.out());
        CliTest.Run dropped = CliTest.run("render", "--db", db.toString(), "--dead-links", "drop");
        assertTrue(!dropped.out().contains(h.url("/gone")) && !dropped.out().contains(h.url("/loop-a")) && dropped.out().contains(h.url("/ok")),
                dropped.out());
        assertEquals(Main.USAGE, CliTest.run("render", "--db", db.toString(), "--dead-links", "hide").code());

        // A build keeps the links graph.
        CliTest.Run b = CliTest.run("build", "--lists", tmp.resolve("lists").toString(), "--output", tmp.resolve("output").toString());
        assertTrue(b.code() == Main.OK || b.code() == Main.FINDINGS, b.err());
        assertEquals(expected, states(db));
        String report = Files.readString(tmp.resolve("output/report.html"));
        assertTrue(report.contains("Links: 5 dead, 2 moved, of 12 checked") && report.contains(h.url("/gone")) && report.contains("answers 404"),
                "the build after a check puts its dead and moved links in the report");
    }

    @Test
    void aUrlThatRedirectsToAnotherListedOneIsThatWorkOnceTheNextBuildKnows() throws Exception {
        Host h = host(0);
        Path db = buildList(List.of(h.url("/old-repo"), h.url("/new-repo"), h.url("/elsewhere")));
        String count = "SELECT (COUNT(DISTINCT ?r) AS ?n) { ?r a lg:Resource }";
        assertTrue(CliTest.run("query", "--db", db.toString(), "-f", "csv", count).out().contains("\n3"), "three works before");
        CliTest.Run r = CliTest.run("check-links", "--db", db.toString());
        assertEquals(Main.OK, r.code(), r.err());
        CliTest.Run b = CliTest.run("build", "--lists", tmp.resolve("lists").toString(), "--output", tmp.resolve("output").toString());
        assertTrue(b.code() == Main.OK || b.code() == Main.FINDINGS, b.err());
        assertTrue(CliTest.run("query", "--db", db.toString(), "-f", "csv", count).out().contains("\n2"),
                "the moved one is the work it moved to; a redirect to an unlisted URL merges nothing");
        String merges = Files.readString(tmp.resolve("output/merges.csv"));
        assertTrue(merges.contains("check-links found " + h.url("/old-repo") + " redirecting to " + h.url("/new-repo")), merges);
    }

    @Test
    void twoThousandUrlsOnFiftyHostsGetTheirStatesWithinThePerHostLimitAndASecondRunAsksNothing() throws Exception {
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Host h = host(2);
            for (int k = 0; k < 40; k++) urls.add(h.url((k % 10 == 0 ? "/gone-" : k % 10 == 1 ? "/moved-" : "/page-") + k));
        }
        Path db = buildList(urls);
        long start = System.nanoTime();
        CliTest.Run r = CliTest.run("check-links", "--db", db.toString(), "--per-host", "2", "--concurrency", "16");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(Main.FINDINGS, r.code(), r.err());
        assertTrue(r.err().contains("2000 URLs (2000 checked now, 0 from the last 168h): 1600 ok, 200 moved, 200 dead, 0 refused, 0 unsure"), r.err());
        Map<String, String> states = states(db);
        for (String u : urls) {
            assertEquals(u.contains("/gone-") ? "dead" : u.contains("/moved-") ? "moved" : "ok", states.get(u), u);
        }
        for (Host h : hosts) {
            assertEquals(44, h.requests.get(), "one HEAD per URL, and one for each redirect's end");
            assertTrue(h.most.get() <= 2, "at most 2 at once on one host, found " + h.most.get());
        }
        assertTrue(hosts.stream().anyMatch(h -> h.most.get() == 2), "the limit was reached, so it was tested");
        System.out.println("check-links: 2,000 loopback URLs on 50 hosts in " + millis + " ms");

        CliTest.Run again = CliTest.run("check-links", "--db", db.toString());
        assertTrue(again.err().contains("(0 checked now, 2000 from the last 168h)"), again.err());
        assertEquals(50 * 44, hosts.stream().mapToInt(h -> h.requests.get()).sum(), "within --max-age no request at all");
    }

    @Test
    void noStoreIsOneLineAndBadLimitsAreUsageErrors() {
        CliTest.Run none = CliTest.run("check-links", "--db", tmp.resolve("none").toString());
        assertEquals(Main.BAD_INPUT, none.code());
        assertEquals(1, none.err().lines().count(), none.err());
        assertEquals(Main.USAGE, CliTest.run("check-links", "--db", tmp.toString(), "--per-host", "0").code());
    }
}
