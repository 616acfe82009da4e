package org.listgraph.serve;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.listgraph.identity.IriMinter;
import org.listgraph.testing.ProcessCpu;
import org.listgraph.testing.ServedSeeds;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A client that goes away stops its query: queries that write nothing until they are done (a count
 * or a skip over a cross product of the seed store) end within a few seconds of the client closing
 * its connection, long before their timeout; and a client that sends its next request while waiting
 * gets a whole answer to the first, never a wrong one.
 */
class ClientDisconnectTest {
    /** Far longer than the test waits: only the client's going can stop the query in time. */
    static final Duration TIMEOUT = Duration.ofSeconds(120);
    static final String PRODUCT = "?a ?b ?c . ?d ?e ?f . ?g ?h ?i";

    @TempDir
    static Path tmp;
    static ServedSeeds served;

    @BeforeAll
    static void serve() {
        served = ServedSeeds.start(tmp.resolve("tdb2"), new ServeOptions("127.0.0.1", 0, TIMEOUT, IriMinter.DEFAULT_BASE, List.of()));
    }

    @AfterAll
    static void stop() {
        if (served != null) served.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "a COUNT over a cross product; SELECT (COUNT(*) AS ?n) WHERE { " + PRODUCT + " }",
            "an OFFSET past a cross product; SELECT * WHERE { " + PRODUCT + " } OFFSET 1000000000 LIMIT 1",
            "GROUP BY over a cross product; SELECT ?c (COUNT(*) AS ?n) WHERE { " + PRODUCT + " } GROUP BY ?c",
    })
    void aQueryStopsSoonAfterItsClientCloses(String shape, String query) throws IOException {
        try (Socket socket = connect()) {
            send(socket, query);
            double busy = ProcessCpu.cores(1000);
            assertTrue(busy > 0.5, shape + ": the query should be running, but the server used " + busy + " cores");
        } // the client closes its connection without reading anything
        ProcessCpu.assertIdleWithin(Duration.ofSeconds(4), shape + " (after its client left)");
    }

    @Test
    void aRequestSentWhileTheFirstRunsLeavesTheFirstAnswerWholeAndTheConnectionClosed() throws Exception {
        // A second or two: long enough for the next request to arrive while it runs, short enough to run twice.
        String count = "SELECT (COUNT(*) AS ?n) WHERE { ?a a ?c . ?d a ?f }";
        String alone = answer(count);
        try (Socket socket = connect()) {
            send(socket, count);
            Thread.sleep(150); // the first query is running when the second request arrives
            send(socket, "ASK {}");
            String raw = readAll(socket.getInputStream()); // ends: the server closes the connection after the first answer
            assertTrue(raw.startsWith("HTTP/1.1 200"), raw);
            assertEquals(-1, raw.indexOf("HTTP/1.1 ", 1), "one answer, then the connection closes (the second request was read by the watch): " + raw);
            assertEquals(body(alone), body(raw));
        }
    }

    private static Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", served.server().port());
        socket.setSoTimeout((int) Duration.ofSeconds(60).toMillis());
        return socket;
    }

    private static void send(Socket socket, String query) throws IOException {
        String path = URI.create(served.server().endpointUrl()).getRawPath() + "?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/csv\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** The whole exchange of one query on a connection of its own, closed by the client's header. */
    private static String answer(String query) throws IOException {
        try (Socket socket = connect()) {
            String path = URI.create(served.server().endpointUrl()).getRawPath() + "?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/csv\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return readAll(socket.getInputStream());
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** The count a response's CSV holds, whatever its transfer coding: the line after the header line {@code n}. */
    private static String body(String response) {
        List<String> lines = response.substring(response.indexOf("\r\n\r\n") + 4).lines().toList();
        int header = lines.indexOf("n");
        assertTrue(header >= 0 && header + 1 < lines.size(), response);
        return lines.get(header + 1);
    }
}
