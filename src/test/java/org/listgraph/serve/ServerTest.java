package org.listgraph.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.listgraph.identity.IriMinter;
import org.listgraph.store.SavedQueries;
import org.listgraph.testing.GraphAssert;
import org.listgraph.testing.Http;
import org.listgraph.testing.ServedSeeds;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The served store as SPARQL tools and browsers see it: protocol answers, read-only, timeouts, CORS, the page. */
class ServerTest {
    static final String THOCKIN = """
            PREFIX lg: <https://w3id.org/listgraph/ns#>
            PREFIX dct: <http://purl.org/dc/terms/>
            PREFIX foaf: <http://xmlns.com/foaf/0.1/>
            SELECT DISTINCT ?talk ?title WHERE {
              ?talk a lg:Talk ; dct:title ?title ; dct:creator ?who .
              ?who foaf:nick|foaf:account/foaf:accountName "thockin" .
            } ORDER BY ?title
            """;
    static final List<String> THOCKIN_TITLES = List.of("An Illustrated Guide to Kubernetes Networking",
            "Bringing Traffic Into Your Kubernetes Cluster", "Kubernetes and Networks - why is this so dang hard?",
            "The ins and outs of networking in Google Container Engine and Kubernetes");
    static final String SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";

    @TempDir
    static Path tmp;
    static ServedSeeds served;
    static ListgraphServer server;
    static String root;
    static final JsonMapper JSON = new JsonMapper();

    @BeforeAll
    static void serveTheSeeds() {
        served = ServedSeeds.start(tmp.resolve("tdb2"), new ServeOptions("127.0.0.1", 0, Duration.ofSeconds(2), IriMinter.DEFAULT_BASE, List.of("*")));
        server = served.server();
        root = server.pageUrl();
    }

    @AfterAll
    static void stop() {
        if (served != null) served.close();
    }

    private static List<String> titles(JsonNode results) {
        return results.path("results").path("bindings").findValues("title").stream().map(t -> t.path("value").asText()).toList();
    }

    @Test
    void theThockinQueryAnswersInSparqlJsonOverPost() throws IOException {
        HttpResponse<String> r = Http.send("POST", root + "listgraph/sparql", THOCKIN,
                "Content-Type", "application/sparql-query", "Accept", "application/sparql-results+json");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(THOCKIN_TITLES, titles(JSON.readTree(r.body())));
    }

    @Test
    void theThockinQueryAnswersInCsvOverGetAtTheQueryEndpoint() {
        HttpResponse<String> r = Http.get(root + "listgraph/query?query=" + Http.param(THOCKIN), "Accept", "text/csv");
        assertEquals(200, r.statusCode(), r.body());
        List<String> lines = r.body().lines().toList();
        assertEquals("talk,title", lines.get(0));
        assertEquals(THOCKIN_TITLES.size(), lines.size() - 1, r.body());
        assertTrue(lines.get(1).endsWith(",An Illustrated Guide to Kubernetes Networking"), r.body());
    }

    @Test
    void theDefaultGraphIsTheUnionOfAllGraphs() throws IOException {
        HttpResponse<String> r = Http.get(root + "listgraph/sparql?query=" + Http.param(
                "SELECT (COUNT(DISTINCT ?list) AS ?n) WHERE { ?list a <https://w3id.org/listgraph/ns#List> }"),
                "Accept", "application/sparql-results+json");
        assertEquals("5", JSON.readTree(r.body()).findValue("n").path("value").asText(), r.body());
    }

    @Test
    void aNamedGraphComesBackWholeThroughTheGraphStoreProtocol() {
        String graph = IriMinter.DEFAULT_BASE + "graph/cs224-container-networking";
        HttpResponse<String> r = Http.get(root + "listgraph/get?graph=" + Http.param(graph), "Accept", "application/n-triples");
        assertEquals(200, r.statusCode(), r.body());
        Graph answer = GraphFactory.createDefaultGraph();
        RDFParser.fromString(r.body(), Lang.NTRIPLES).parse(answer);
        Graph stored = Txn.calculateRead(served.store().dataset(), () -> {
            Graph copy = GraphFactory.createDefaultGraph();
            served.store().dataset().getGraph(NodeFactory.createURI(graph)).find().forEachRemaining(copy::add);
            return copy;
        });
        assertTrue(stored.size() > 500);
        GraphAssert.assertIsomorphic(stored, answer, "graph served over GSP");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "POST, listgraph, update=INSERT DATA { <urn:a> <urn:b> <urn:c> }, application/x-www-form-urlencoded",
            "POST, listgraph/sparql, INSERT DATA { <urn:a> <urn:b> <urn:c> }, application/sparql-update",
            "POST, listgraph/update, INSERT DATA { <urn:a> <urn:b> <urn:c> }, application/sparql-update",
            "POST, listgraph/sparql, DROP ALL, application/sparql-update",
            "PUT, listgraph/get?graph=urn:x, <urn:a> <urn:b> <urn:c> ., text/turtle",
            "POST, listgraph/get?graph=urn:x, <urn:a> <urn:b> <urn:c> ., text/turtle",
            "DELETE, listgraph/get?graph=" + IriMinter.DEFAULT_BASE + "graph/shared, , text/turtle",
            "PUT, listgraph?graph=urn:x, <urn:a> <urn:b> <urn:c> ., text/turtle",
            "PUT, listgraph/data?graph=urn:x, <urn:a> <urn:b> <urn:c> ., text/turtle",
            "POST, listgraph/upload, <urn:a> <urn:b> <urn:c> ., text/turtle",
            "PATCH, listgraph, A <urn:a> <urn:b> <urn:c> ., application/rdf-patch",
    })
    void everyWriteIsRefusedWithA4xxAndChangesNothing(String method, String path, String body, String type) throws IOException {
        long before = count();
        HttpResponse<String> r = Http.send(method, root + path, body, "Content-Type", type);
        assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, method + " " + path + " answered " + r.statusCode() + ": " + r.body());
        assertEquals(before, count());
    }

    private long count() throws IOException {
        HttpResponse<String> r = Http.get(root + "listgraph/sparql?query=" + Http.param("SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }"),
                "Accept", "application/sparql-results+json");
        return JSON.readTree(r.body()).findValue("n").path("value").asLong();
    }

    @Test
    void aQueryLongerThanTheTimeoutEndsWith503() {
        long start = System.nanoTime();
        HttpResponse<String> r = Http.get(root + "listgraph/sparql?query=" + Http.param(SLOW), "Accept", "text/csv");
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(503, r.statusCode(), r.body());
        assertTrue(seconds < 30, "stopped near the 2 s timeout, not after " + seconds + " s");
    }

    @Test
    void aQueryThatRunsOutOfTimeWhileStreamingRowsEndsUnfinished() {
        long start = System.nanoTime();
        HttpResponse<String> r = Http.get(root + "listgraph/sparql?query=" + Http.param("SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"),
                "Accept", "application/sparql-results+json");
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds < 30, "stopped near the 2 s timeout, not after " + seconds + " s");
        // Rows already sent cannot be taken back: the status stays 200 and the JSON is left unfinished.
        if (r.statusCode() == 200) {
            assertThrows(IOException.class, () -> JSON.readTree(r.body()), "the answer is visibly incomplete");
        } else {
            assertEquals(503, r.statusCode(), r.body());
        }
    }

    @ParameterizedTest
    @CsvSource({"GET, /$/datasets", "POST, /$/datasets?dbName=x&dbType=mem", "POST, /$/compact/listgraph", "POST, /$/backup/listgraph",
            "GET, /$/server", "GET, /$/stats", "GET, /$/tasks", "GET, /$/metrics", "POST, /$/reload", "GET, /$/logs"})
    void thereAreNoAdminEndpoints(String method, String path) {
        HttpResponse<String> r = Http.send(method, root + path.substring(1), "", "Content-Type", "application/x-www-form-urlencoded");
        assertEquals(404, r.statusCode(), method + " " + path + ": " + r.body());
    }

    @Test
    void nothingOfTheFileSystemIsReachable() throws IOException {
        for (String path : List.of("etc/passwd", "pom.xml", "page/../pom.xml", "page/%2e%2e/%2e%2e/etc/passwd", "page/app.js/../../etc/passwd",
                "org/listgraph/serve/web/app.js", "webapp/index.html")) {
            HttpResponse<String> r = Http.get(root + path);
            assertTrue(r.statusCode() == 404 || r.statusCode() == 400, path + " answered " + r.statusCode());
            assertFalse(r.body().contains("root:") || r.body().contains("<project"), path);
        }
        // A dataset query's FROM names graphs of the dataset, never files or URLs to fetch.
        HttpResponse<String> from = Http.get(root + "listgraph/sparql?query=" + Http.param(
                "SELECT * FROM <file:///etc/passwd> FROM <" + root + "page/app.js> WHERE { ?s ?p ?o } LIMIT 5"), "Accept", "application/sparql-results+json");
        assertEquals(200, from.statusCode(), from.body());
        assertEquals(0, JSON.readTree(from.body()).path("results").path("bindings").size(), from.body());
    }

    @Test
    void serviceCallsToOtherEndpointsAreRefused() {
        HttpResponse<String> r = Http.get(root + "listgraph/sparql?query=" + Http.param(
                "SELECT * WHERE { SERVICE <" + root + "listgraph/sparql> { ?s ?p ?o } } LIMIT 1"), "Accept", "text/csv");
        assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, r.statusCode() + ": " + r.body());
    }

    @Test
    void browserToolsOnOtherOriginsMayQueryButNotWriteOrSendCredentials() {
        HttpResponse<String> preflight = Http.send("OPTIONS", root + "listgraph/sparql", null, "Origin", "https://tools.example.org",
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type");
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Origin").isPresent(), preflight.headers().toString());
        String methods = preflight.headers().firstValue("Access-Control-Allow-Methods").orElse("");
        assertTrue(methods.contains("POST") && methods.contains("GET"), methods);
        assertFalse(methods.contains("PUT") || methods.contains("DELETE"), methods);

        HttpResponse<String> r = Http.get(root + "listgraph/sparql?query=" + Http.param("ASK {}"), "Origin", "https://tools.example.org",
                "Accept", "application/sparql-results+json");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Access-Control-Allow-Origin").isPresent(), r.headers().toString());
        assertNull(r.headers().firstValue("Access-Control-Allow-Credentials").filter("true"::equals).orElse(null));
    }

    @Test
    void withoutCorsOriginsOtherOriginsGetNoAccess() {
        try (ListgraphServer closed = ListgraphServer.start(served.store().dataset(), SavedQueries.load(Path.of("")),
                new ServeOptions("127.0.0.1", 0, Duration.ofSeconds(2), IriMinter.DEFAULT_BASE, List.of()))) {
            HttpResponse<String> r = Http.get(closed.endpointUrl() + "?query=" + Http.param("ASK {}"), "Origin", "https://tools.example.org",
                    "Accept", "application/sparql-results+json");
            assertEquals(200, r.statusCode());
            assertTrue(r.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), r.headers().toString());
        }
    }

    @Test
    void theServerListensOnLoopbackOnly() throws Exception {
        assertTrue(server.loopbackOnly());
        assertTrue(root.startsWith("http://127.0.0.1:"), root);
        List<InetAddress> others = new java.util.ArrayList<>();
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                if (!address.isLoopbackAddress() && !address.isLinkLocalAddress()) others.add(address);
            }
        }
        org.junit.jupiter.api.Assumptions.assumeFalse(others.isEmpty(), "this machine has no address but loopback to try");
        for (InetAddress address : others) {
            try (Socket s = new Socket()) {
                assertThrows(IOException.class, () -> s.connect(new InetSocketAddress(address, server.port()), 1000), "reachable on " + address);
            }
        }
    }

    @Test
    void theExplorerIsServedWithItsDrawingLibraryFromTheJarUnderTheSamePolicy() {
        HttpResponse<String> page = Http.get(root + "explore");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("id=\"graph\""), page.body());
        assertFalse(page.body().matches("(?s).*(src|href)=\"(https?:)?//.*"), "nothing loaded from elsewhere, no CDN");
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
        for (String asset : List.of("page/explore.js", "page/explore.css", "page/common.js")) {
            assertEquals(200, Http.get(root + asset).statusCode(), asset);
        }
        HttpResponse<String> library = Http.get(root + "page/lib/echarts.min.js");
        assertEquals(200, library.statusCode());
        assertTrue(library.body().length() > 500_000 && library.body().contains("echarts"), "ECharts' minified build");
        // Only that one file of the WebJar is served; its other files, or paths beside it, are not.
        for (String path : List.of("page/lib/echarts.js", "page/lib/", "page/lib/../app.js/../../pom.xml",
                "META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js", "webjars/echarts/5.3.1/dist/echarts.min.js")) {
            assertEquals(404, Http.get(root + path).statusCode(), path);
        }
    }

    @Test
    void thePageIsServedWithItsOwnFilesOnlyAndOffersTheSavedQueries() throws IOException {
        HttpResponse<String> page = Http.get(root);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<textarea id=\"query\""), page.body());
        assertFalse(page.body().matches("(?s).*(src|href)=\"(https?:)?//.*"), "nothing loaded from elsewhere");
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'none'"));
        for (String asset : List.of("page/app.js", "page/app.css")) assertEquals(200, Http.get(root + asset).statusCode(), asset);

        JsonNode config = JSON.readTree(Http.get(root + "page/config.json").body());
        assertEquals("/listgraph/sparql", config.path("endpoint").asText());
        List<String> names = config.path("queries").findValues("name").stream().map(JsonNode::asText).toList();
        assertTrue(names.containsAll(List.of("talks-by", "by-topic", "resources-in-several-lists")), names.toString());
    }

    @Test
    void thePagePreparesASavedQueryWithItsParameterBoundAsAString() throws IOException {
        String text = SavedQueries.load(Path.of("")).find("talks-by").orElseThrow().text();
        HttpResponse<String> r = Http.postForm(root + "page/prepare", Map.of("query", text, "param.author", "thockin"));
        assertEquals(200, r.statusCode(), r.body());
        String prepared = JSON.readTree(r.body()).path("query").asText();
        assertTrue(prepared.contains("\"thockin\""), prepared);
        HttpResponse<String> answer = Http.send("POST", root + "listgraph/sparql", prepared,
                "Content-Type", "application/sparql-query", "Accept", "application/sparql-results+json");
        assertEquals(THOCKIN_TITLES, titles(JSON.readTree(answer.body())));
    }

    @Test
    void thePageSuggestsCloseNamesAndTopicsWhenALookupFindsNothing() throws IOException {
        HttpResponse<String> people = Http.postForm(root + "page/suggest", Map.of("lookup", "agents", "value", "Tim Hokin"));
        assertEquals(200, people.statusCode(), people.body());
        assertTrue(people.body().contains("\"Tim Hockin\""), people.body());
        HttpResponse<String> topics = Http.postForm(root + "page/suggest", Map.of("lookup", "topics", "value", "Calcio"));
        assertTrue(topics.body().contains("\"Calico\""), topics.body());
        assertEquals(400, Http.postForm(root + "page/suggest", Map.of("lookup", "files", "value", "/etc/passwd")).statusCode());
        assertTrue(Http.get(root + "page/config.json").body().contains("\"lookups\":{\"author\":\"agents\"}"));
    }

    @Test
    void thePageExplainsAMistakeWithLineAndColumnAndRefusesUpdates() throws IOException {
        HttpResponse<String> typo = Http.postForm(root + "page/prepare", Map.of("query", "SELECT * WHERE {\n  ?s ?p \n}"));
        assertEquals(400, typo.statusCode());
        assertTrue(JSON.readTree(typo.body()).path("error").asText().startsWith("query:3:1: error: SPARQL syntax"), typo.body());
        HttpResponse<String> update = Http.postForm(root + "page/prepare", Map.of("query", "DELETE WHERE { ?s ?p ?o }"));
        assertEquals(400, update.statusCode());
        assertTrue(JSON.readTree(update.body()).path("error").asText().contains("SPARQL update"), update.body());
        String since = SavedQueries.load(Path.of("")).find("changes-since").orElseThrow().text();
        HttpResponse<String> notADay = Http.postForm(root + "page/prepare", Map.of("query", since, "param.since", "yesterday"));
        assertEquals(400, notADay.statusCode());
        assertEquals("query: parameter since: 'yesterday' is not an xsd:date (a day as YYYY-MM-DD, e.g. 2024-01-01)",
                JSON.readTree(notADay.body()).path("error").asText(), notADay.body());
    }
}
