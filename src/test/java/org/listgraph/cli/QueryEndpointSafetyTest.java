package org.listgraph.cli;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code query} as a client of endpoints it does not trust: an answer cannot drive the terminal,
 * a slow endpoint cannot hold it past its timeouts, and a local query does not fetch from other
 * endpoints unless told to.
 */
class QueryEndpointSafetyTest {
    static final String ESC_AND_BEL = "\u001B]0;owned\u0007 and \u009B31m";

    @TempDir
    Path tmp;
    HttpServer fake;
    String url;

    @BeforeEach
    void startFakeEndpoint() throws IOException {
        fake = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        fake.createContext("/hostile", exchange -> {
            byte[] body = ("{\"head\":{\"vars\":[\"t\"]},\"results\":{\"bindings\":[{\"t\":{\"type\":\"literal\",\"value\":\""
                    + ESC_AND_BEL.replace("\u001B", "\\u001B").replace("\u0007", "\\u0007").replace("\u009B", "\\u009B") + "\"}}]}}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/sparql-results+json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        fake.createContext("/dribble", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/sparql-results+json");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 60; i++) { // one byte a second, for a minute
                    out.write(' ');
                    out.flush();
                    Thread.sleep(1000);
                }
            } catch (InterruptedException | IOException e) {
                // the client went away, as it should
            }
        });
        fake.createContext("/stall", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/sparql-results+json");
            exchange.sendResponseHeaders(200, 0);
            try {
                Thread.sleep(60_000); // headers, then nothing at all
            } catch (InterruptedException e) {
                // stopped with the fake
            }
            exchange.close();
        });
        fake.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r);
            t.setDaemon(true);
            return t;
        }));
        fake.start();
        url = "http://127.0.0.1:" + fake.getAddress().getPort();
    }

    @AfterEach
    void stopFakeEndpoint() {
        fake.stop(0);
    }

    @Test
    void controlCharactersInAnEndpointsAnswerAreShownEscapedInTheTable() {
        CliTest.Run r = CliTest.run("query", "--endpoint", url + "/hostile", "SELECT ?t WHERE { ?s ?p ?t }");
        assertEquals(Main.OK, r.code(), r.err());
        assertFalse(r.out().chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t' || c >= 0x7F && c <= 0x9F), r.out());
        assertTrue(r.out().contains("\\u001B]0;owned\\u0007 and \\u009B31m"), r.out());
        CliTest.Run json = CliTest.run("query", "--endpoint", url + "/hostile", "-f", "json", "SELECT ?t WHERE { ?s ?p ?t }");
        assertTrue(json.out().contains("\\u001B"), "JSON escapes them by its own syntax: " + json.out());
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"/dribble", "/stall"})
    void anEndpointThatDribblesOrStallsIsLeftAtTheReadTimeout(String path) {
        long start = System.nanoTime();
        CliTest.Run r = CliTest.run("query", "--endpoint", url + path, "--read-timeout", "2s", "SELECT * WHERE { ?s ?p ?o }");
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(Main.BAD_INPUT, r.code(), r.err());
        assertTrue(seconds < 6, "left after " + seconds + " s");
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("did not send its whole answer within 2.0 s; raise --read-timeout"), r.err());
    }

    @Test
    void aLocalQueryWithServiceIsRefusedUnlessAllowedAndAClosedPortIsOneClearLine() throws IOException {
        Path data = tmp.resolve("d.ttl");
        Files.writeString(data, "<urn:a> <urn:b> \"c\" .\n");
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        String query = "SELECT * WHERE { ?s ?p ?o SERVICE <http://127.0.0.1:" + closed + "/sparql> { ?x ?y ?z } }";
        CliTest.Run refused = CliTest.run("query", "--data", data.toString(), query);
        assertEquals(Main.USAGE, refused.code(), refused.err());
        assertTrue(refused.err().contains("SERVICE <http://127.0.0.1:" + closed + "/sparql> would make this machine fetch"), refused.err());
        assertTrue(refused.err().contains("--allow-service"), refused.err());

        CliTest.Run inSubquery = CliTest.run("query", "--data", data.toString(),
                "SELECT * WHERE { { SELECT * WHERE { SERVICE <http://127.0.0.1:" + closed + "/sparql> { ?x ?y ?z } } } }");
        assertEquals(Main.USAGE, inSubquery.code(), "a SERVICE inside a subquery is seen too: " + inSubquery.err());

        CliTest.Run allowed = CliTest.run("query", "--data", data.toString(), "--allow-service", query);
        assertEquals(Main.BAD_INPUT, allowed.code(), allowed.err());
        assertEquals(1, allowed.errLines().size(), allowed.err());
        assertTrue(allowed.err().contains("SERVICE <http://127.0.0.1:" + closed + "/sparql> failed"), allowed.err());
        assertFalse(allowed.err().contains("internal error"), allowed.err());
    }
}
