package org.listgraph.serve;

import com.fasterxml.jackson.databind.json.JsonMapper;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.listgraph.identity.IriMinter;
import org.listgraph.store.SavedQueries;
import org.listgraph.testing.Http;
import org.listgraph.testing.ServedSeeds;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What one client may ask of the server: answers capped in rows, requests in size, parameters bound as terms, no path out. */
class ServerLimitsTest {
    static final int MAX_ROWS = 10;
    static final String TITLES = "PREFIX dct: <http://purl.org/dc/terms/> SELECT ?s ?t WHERE { ?s dct:title ?t }";

    @TempDir
    static Path tmp;
    static ServedSeeds served;
    static ListgraphServer server;
    static String root;
    static final JsonMapper JSON = new JsonMapper();

    @BeforeAll
    static void serve() {
        served = ServedSeeds.start(tmp.resolve("tdb2"), new ServeOptions("127.0.0.1", 0, Duration.ofSeconds(2), IriMinter.DEFAULT_BASE, List.of("*"), MAX_ROWS));
        server = served.server();
        root = server.pageUrl();
    }

    @AfterAll
    static void stop() {
        if (served != null) served.close();
    }

    private static HttpResponse<String> select(String query) {
        return Http.get(server.endpointUrl() + "?query=" + Http.param(query), "Accept", "text/csv");
    }

    @Test
    void anAnswerLargerThanMaxRowsIsCutAndSaysSo() throws IOException {
        HttpResponse<String> all = select(TITLES);
        assertEquals(200, all.statusCode(), all.body());
        assertEquals(MAX_ROWS, all.body().lines().count() - 1, all.body());
        assertEquals(String.valueOf(MAX_ROWS), all.headers().firstValue("Listgraph-Row-Limit").orElse(null));

        HttpResponse<String> larger = select(TITLES + " LIMIT 500");
        assertEquals(MAX_ROWS, larger.body().lines().count() - 1);
        assertEquals(String.valueOf(MAX_ROWS), larger.headers().firstValue("Listgraph-Row-Limit").orElse(null));

        HttpResponse<String> within = select(TITLES + " LIMIT 3 OFFSET 20");
        assertEquals(3, within.body().lines().count() - 1, "a query's own smaller LIMIT and OFFSET stand");
        assertTrue(within.headers().firstValue("Listgraph-Row-Limit").isEmpty(), within.headers().toString());

        HttpResponse<String> construct = Http.get(server.endpointUrl() + "?query=" + Http.param(TITLES.replace("SELECT ?s ?t", "CONSTRUCT { ?s <urn:t> ?t }")),
                "Accept", "application/n-triples");
        assertEquals(MAX_ROWS, construct.body().lines().filter(l -> !l.isBlank()).count(), construct.body());
        assertEquals(String.valueOf(MAX_ROWS), construct.headers().firstValue("Listgraph-Row-Limit").orElse(null));

        HttpResponse<String> describe = Http.get(server.endpointUrl() + "?query=" + Http.param(TITLES.replace("SELECT ?s ?t", "DESCRIBE ?s")),
                "Accept", "application/n-triples");
        assertEquals(String.valueOf(MAX_ROWS), describe.headers().firstValue("Listgraph-Row-Limit").orElse(null));
        assertEquals(MAX_ROWS, describe.body().lines().filter(l -> !l.isBlank()).count(), "a DESCRIBE answer stops at that many triples");

        // Jena's JSON query form grows with its solutions too.
        HttpResponse<String> json = Http.get(server.endpointUrl() + "?query=" + Http.param(TITLES.replace("SELECT ?s ?t", "JSON { \"t\": ?t }")),
                "Accept", "application/json");
        assertEquals(200, json.statusCode(), json.body());
        assertEquals(MAX_ROWS, JSON.readTree(json.body()).size(), json.body());
        assertEquals(String.valueOf(MAX_ROWS), json.headers().firstValue("Listgraph-Row-Limit").orElse(null));

        HttpResponse<String> ask = Http.get(server.endpointUrl() + "?query=" + Http.param("ASK { ?s ?p ?o }"), "Accept", "application/sparql-results+json");
        assertTrue(ask.headers().firstValue("Listgraph-Row-Limit").isEmpty());
    }

    @Test
    void theRowLimitHeaderIsReadableByBrowserToolsOnOtherOrigins() {
        HttpResponse<String> r = Http.get(server.endpointUrl() + "?query=" + Http.param(TITLES), "Origin", "https://tools.example.org", "Accept", "text/csv");
        assertTrue(r.headers().firstValue("Access-Control-Expose-Headers").orElse("").contains("Listgraph-Row-Limit"), r.headers().toString());
    }

    @Test
    void aRequestBodyOverTheLimitGets413AndOneWithoutALengthGets411() {
        String padding = "#" + "x".repeat((int) ListgraphServer.MAX_REQUEST_BYTES) + "\n";
        HttpResponse<String> query = Http.send("POST", server.endpointUrl(), padding + "ASK {}", "Content-Type", "application/sparql-query");
        assertEquals(413, query.statusCode(), query.body());
        HttpResponse<String> form = Http.postForm(server.endpointUrl(), Map.of("query", padding + "ASK {}"));
        assertEquals(413, form.statusCode(), form.body());
        HttpResponse<String> page = Http.postForm(root + "page/prepare", Map.of("query", padding + "ASK {}"));
        assertEquals(413, page.statusCode(), page.body());
        // A body without a declared length (chunked) cannot be checked before it is read, by Fuseki or by Jetty's form parser:
        // refused whatever its size or type, before any of it is read.
        for (String type : List.of("application/sparql-query", "application/x-www-form-urlencoded")) {
            String small = type.endsWith("query") ? "ASK {}" : "query=" + Http.param("ASK {}");
            for (String body : List.of(small, padding + small)) {
                HttpResponse<String> chunked = Http.sendChunked(server.endpointUrl(), body, type);
                assertEquals(411, chunked.statusCode(), type + ", " + body.length() + " bytes: " + chunked.body());
            }
        }
        // Under the limit, a long query (here mostly a comment) is fine.
        String near = "#" + "x".repeat((int) ListgraphServer.MAX_REQUEST_BYTES / 2) + "\n";
        HttpResponse<String> ok = Http.send("POST", server.endpointUrl(), near + "ASK {}", "Content-Type", "application/sparql-query",
                "Accept", "application/sparql-results+json");
        assertEquals(200, ok.statusCode(), ok.body());
        HttpResponse<String> longUrl = Http.get(server.endpointUrl() + "?query=" + Http.param("#" + "x".repeat(600_000) + "\nASK {}"));
        assertTrue(longUrl.statusCode() == 414 || longUrl.statusCode() == 431, "Jetty, as Fuseki sets it up, bounds the request line: " + longUrl.statusCode());
        assertEquals(200, Http.get(root + "$/ping").statusCode(), "the server still answers");
    }

    @ParameterizedTest
    @ValueSource(strings = {"thockin\" } ; DROP ALL #", "?x", "<http://x>", "thockin\"\n} UNION { ?talk ?p ?title", "\\\"} #", "\u0000", "'''"})
    void thePageBindsAParameterAsOneStringWhateverItHolds(String value) throws IOException {
        String text = SavedQueries.load(Path.of("")).find("talks-by").orElseThrow().text();
        String plain = prepared(text, "PLACEHOLDER");
        String hostile = prepared(text, value);
        // The only difference between the two queries is the one string literal.
        Query reparsed = QueryFactory.create(hostile);
        String literal = org.apache.jena.sparql.util.FmtUtils.stringForNode(org.apache.jena.graph.NodeFactory.createLiteralString(value));
        assertEquals(plain.replace("\"PLACEHOLDER\"", literal), reparsed.serialize());
        HttpResponse<String> answer = Http.send("POST", server.endpointUrl(), hostile, "Content-Type", "application/sparql-query", "Accept", "text/csv");
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals(List.of("talk,title"), answer.body().lines().toList());
    }

    private static String prepared(String text, String author) throws IOException {
        HttpResponse<String> r = Http.postForm(root + "page/prepare", Map.of("query", text, "param.author", author));
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body()).path("query").asText();
    }

    @Test
    void noRequestReachesAFileOutsideTheJar() {
        List<String> paths = List.of("..%2f..%2fetc/passwd", "%2e%2e/%2e%2e/etc/passwd", "page/..%2f..%2f..%2fetc%2fpasswd", "listgraph/..%2f..%2fetc/passwd",
                "page/%252e%252e/%252e%252e/etc/passwd", "page/config.json/..;/..;/etc/passwd", "listgraph/get?graph=file:///etc/passwd",
                "listgraph/get?graph=" + Http.param("file:///etc/passwd"), "listgraph/get?graph=" + Http.param("file:pom.xml"),
                "listgraph?graph=" + Http.param("file:///etc/passwd"));
        for (String path : paths) {
            HttpResponse<String> r = Http.get(root + path, "Accept", "text/turtle");
            assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, path + " answered " + r.statusCode() + ": " + r.body());
            assertFalse(r.body().contains("root:") || r.body().contains("<project"), path);
        }
        for (String update : List.of("LOAD <file:///etc/passwd>", "LOAD <file:///etc/passwd> INTO GRAPH <urn:x>", "LOAD <" + root + "page/app.js>")) {
            HttpResponse<String> r = Http.send("POST", server.endpointUrl(), update, "Content-Type", "application/sparql-update");
            assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, update + " answered " + r.statusCode());
        }
        HttpResponse<String> named = select("SELECT ?s WHERE { GRAPH <file:///etc/passwd> { ?s ?p ?o } }");
        assertEquals(List.of("s"), named.body().lines().toList(), "a graph name is only looked up in the store");
    }

    @Test
    void sparqlXmlResultsEscapeMarkupInValues() throws Exception {
        HttpResponse<String> r = Http.get(server.endpointUrl() + "?query=" + Http.param(
                "SELECT ?x WHERE { VALUES ?x { \"<script>alert(1)</script> & ]]> \\\"q\\\" 'a'\" } }"), "Accept", "application/sparql-results+xml");
        assertEquals(200, r.statusCode(), r.body());
        var doc = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(r.body().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(0, doc.getElementsByTagName("script").getLength());
        assertEquals("<script>alert(1)</script> & ]]> \"q\" 'a'", doc.getElementsByTagName("literal").item(0).getTextContent());
    }
}
