package org.listgraph.cli;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.jena.atlas.web.AuthScheme;
import org.apache.jena.fuseki.auth.Auth;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.http.GSP;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.listgraph.identity.IriMinter;
import org.listgraph.rdf.Converter;
import org.listgraph.markdown.ListFiles;
import org.listgraph.serve.ListgraphServer;
import org.listgraph.serve.ServeOptions;
import org.listgraph.store.SavedQueries;
import org.listgraph.store.TdbStore;
import org.listgraph.testing.GraphAssert;
import org.listgraph.testing.SeedStore;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scale-out path: {@code load}/{@code build --endpoint} push graphs to a second, real and
 * writable Fuseki server (password protected, on loopback) under the incremental rules, and
 * {@code query --endpoint} asks it.
 */
class RemoteStoreTest {
    private static final String BASE = IriMinter.DEFAULT_BASE;
    private static final String CS224 = BASE + "graph/cs224-container-networking";
    private static final Map<String, String> CREDENTIALS = Map.of("LISTGRAPH_ENDPOINT_USER", "writer", "LISTGRAPH_ENDPOINT_PASSWORD", "s3cret pass");

    @TempDir
    Path tmp;
    Path lists;
    DatasetGraph remoteData;
    FusekiServer remote;
    String endpoint;
    /** "METHOD graph-IRI" of every request that passed the remote server's password check. */
    final List<String> requests = java.util.Collections.synchronizedList(new ArrayList<>());
    /** When above 0, the PUT with this number (counting from 1) fails with 500, as a server that breaks down. */
    final java.util.concurrent.atomic.AtomicInteger failingPut = new java.util.concurrent.atomic.AtomicInteger();
    final java.util.concurrent.atomic.AtomicInteger puts = new java.util.concurrent.atomic.AtomicInteger();

    @BeforeEach
    void startRemoteStore() throws IOException {
        lists = org.listgraph.testing.Seeds.copyInto(tmp.resolve("lists"));
        Path passwords = Files.writeString(tmp.resolve("passwd"), "writer: s3cret pass\n");
        remoteData = DatabaseMgr.connectDatasetGraph(tmp.resolve("remote-tdb2").toString());
        remoteData.getContext().set(TDB2.symUnionDefaultGraph, true);
        Filter recorder = (req, resp, chain) -> {
            // Recorded before the request runs: the client may see the response before a filter's code after it.
            HttpServletRequest http = (HttpServletRequest) req;
            String graph = http.getParameter("graph");
            requests.add(http.getMethod() + " " + (graph == null ? "-" : graph));
            if (http.getMethod().equals("PUT") && puts.incrementAndGet() == failingPut.get()) {
                ((jakarta.servlet.http.HttpServletResponse) resp).sendError(500, "disk full");
                return;
            }
            chain.doFilter(req, resp);
        };
        remote = FusekiServer.create().port(0).loopback(true)
                .passwordFile(passwords.toString()).auth(AuthScheme.BASIC).serverAuthPolicy(Auth.policyAllowSpecific("writer"))
                .add("/store", remoteData, true)
                .addFilter("/store/*", recorder)
                .build().start();
        endpoint = "http://127.0.0.1:" + remote.getHttpPort() + "/store";
    }

    @AfterEach
    void stopRemoteStore() {
        if (remote != null) remote.stop();
        if (remoteData != null) remoteData.close();
    }

    private CliTest.Run load(Map<String, String> env) {
        requests.clear();
        puts.set(0);
        return CliTest.run(env, "load", "--endpoint", endpoint, lists.toString());
    }

    /** The writes of the last load, in the order they reached the server. */
    private List<String> writes() {
        return requests.stream().filter(r -> !r.startsWith("GET ") && !r.startsWith("HEAD ")).toList();
    }

    private Graph remoteGraph(String iri) {
        String auth = "Basic " + Base64.getEncoder().encodeToString("writer:s3cret pass".getBytes(StandardCharsets.UTF_8));
        return GSP.service(endpoint).httpHeader("Authorization", auth).graphName(iri).GET();
    }

    @Test
    void aLoadPushesEveryGraphThenOnlyWhatChangedThenRemovesWhatIsGone() throws IOException {
        CliTest.Run first = load(CREDENTIALS);
        assertEquals(Main.OK, first.code(), first.err());
        assertTrue(first.out().contains("into " + endpoint + ": 6 graphs written, 0 unchanged, 0 removed"), first.out());
        assertEquals(8, writes().size(), "the metadata graph naming the new graphs, six graphs, the metadata graph: " + writes());
        assertEquals("PUT " + BASE + "graph/meta", writes().get(0), "new graphs are recorded before they are sent");
        assertEquals("PUT " + BASE + "graph/meta", writes().get(7), "and the metadata graph is written last");
        Converter.Result local = new Converter(BASE).convert(ListFiles.expand(List.of(lists)));
        GraphAssert.assertIsomorphic(local.dataset().getGraph(NodeFactory.createURI(CS224)), remoteGraph(CS224), "list graph at the endpoint");

        CliTest.Run again = load(CREDENTIALS);
        assertEquals(Main.OK, again.code(), again.err());
        assertTrue(again.out().contains("0 graphs written, 6 unchanged, 0 removed"), again.out());
        assertEquals(List.of(), writes(), "an unchanged load writes nothing");

        Path cs224 = lists.resolve("cs224-dev-meetup-container-networking.md");
        Files.writeString(cs224, Files.readString(cs224).replace("from Kubernetes.", "from Kubernetes (edited)."));
        CliTest.Run changed = load(CREDENTIALS);
        assertEquals(Main.OK, changed.code(), changed.err());
        assertTrue(changed.out().contains("1 graphs written, 5 unchanged, 0 removed"), changed.out());
        assertEquals(List.of("PUT " + CS224, "PUT " + BASE + "graph/meta"), writes());
        assertTrue(remoteGraph(CS224).find().toList().stream().anyMatch(t -> t.getObject().isLiteral()
                && t.getObject().getLiteralLexicalForm().contains("(edited)")), "the edit arrived");

        Files.delete(cs224);
        dropFromManifest(cs224.getFileName().toString());
        CliTest.Run removed = load(CREDENTIALS);
        assertEquals(Main.OK, removed.code(), removed.err() + requests);
        assertTrue(removed.out().contains("removed " + CS224 + " (its list is gone)"), removed.out());
        // (The shared graph changes too: resources found only in that list go.)
        assertEquals(List.of("DELETE " + CS224, "PUT " + BASE + "graph/shared", "PUT " + BASE + "graph/meta"), writes());
        var gone = org.junit.jupiter.api.Assertions.assertThrows(org.apache.jena.atlas.web.HttpException.class, () -> remoteGraph(CS224));
        assertEquals(404, gone.getStatusCode(), "the graph is gone from the endpoint");
    }

    @Test
    void aLoadThatBreaksOffHalfWayIsFinishedByTheNextOneAndLeavesNothingBehind() throws IOException {
        assertEquals(Main.OK, load(CREDENTIALS).code());
        // A new list: its graph is sent, then the server breaks down before the metadata graph is written.
        Path extra = lists.resolve("extra.md");
        Files.writeString(extra, "# Extra\n\n* [An extra post](https://example.org/extra-post)\n");
        addToManifest("extra", "extra.md");
        String extraGraph = BASE + "graph/extra";
        failingPut.set(4); // 1: meta naming the new graph, 2-3: the changed graphs, 4: the final meta
        CliTest.Run broken = load(CREDENTIALS);
        assertEquals(Main.BAD_INPUT, broken.code(), broken.out());
        assertEquals(1, broken.errLines().size(), broken.err());
        assertTrue(broken.err().contains("the endpoint answered 500"), broken.err());
        assertFalse(remoteGraph(extraGraph).isEmpty(), "the new graph reached the server before the failure");

        // The list goes again before the next load: its graph is still known, so it is removed.
        Files.delete(extra);
        dropFromManifest("extra.md");
        failingPut.set(0);
        CliTest.Run next = load(CREDENTIALS);
        assertEquals(Main.OK, next.code(), next.err());
        assertTrue(next.out().contains("removed " + extraGraph), next.out());
        var gone = org.junit.jupiter.api.Assertions.assertThrows(org.apache.jena.atlas.web.HttpException.class, () -> remoteGraph(extraGraph));
        assertEquals(404, gone.getStatusCode());
        CliTest.Run settled = load(CREDENTIALS);
        assertTrue(settled.out().contains("0 graphs written, 6 unchanged, 0 removed"), settled.out());
    }

    @Test
    void aGraphDroppedAtTheServerIsSentAgain() {
        assertEquals(Main.OK, load(CREDENTIALS).code());
        org.apache.jena.system.Txn.executeWrite(remoteData, () -> remoteData.removeGraph(NodeFactory.createURI(CS224)));
        CliTest.Run r = load(CREDENTIALS);
        assertEquals(Main.OK, r.code(), r.err());
        assertTrue(r.out().contains("1 graphs written, 5 unchanged"), r.out());
        assertFalse(remoteGraph(CS224).isEmpty());
    }

    private void addToManifest(String id, String file) throws IOException {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        Path manifest = lists.resolve("lists.json");
        var root = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(manifest.toFile());
        root.withArray("lists").addObject().put("id", id).put("title", "Extra").put("file", file);
        json.writerWithDefaultPrettyPrinter().writeValue(manifest.toFile(), root);
    }

    private void dropFromManifest(String file) throws IOException {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        Path manifest = lists.resolve("lists.json");
        var root = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(manifest.toFile());
        var kept = json.createArrayNode();
        root.withArray("lists").forEach(l -> {
            if (!l.path("file").asText().equals(file)) kept.add(l);
        });
        root.set("lists", kept);
        json.writerWithDefaultPrettyPrinter().writeValue(manifest.toFile(), root);
    }

    @Test
    void queryEndpointRunsSavedQueriesAgainstTheRemoteStore() {
        assertEquals(Main.OK, load(CREDENTIALS).code());
        CliTest.Run r = CliTest.run(CREDENTIALS, "query", "--endpoint", endpoint, "--saved", "talks-by", "--param", "author=thockin", "-f", "csv");
        assertEquals(Main.OK, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("talk,title", lines.get(0));
        assertEquals(5, lines.size(), r.out());
        assertTrue(lines.get(1).endsWith(",An Illustrated Guide to Kubernetes Networking"), r.out());
    }

    @Test
    void buildWithAnEndpointWritesTheFilesAndPushesTheGraphsInsteadOfTheLocalStore() {
        Path output = tmp.resolve("output");
        CliTest.Run r = CliTest.run(CREDENTIALS, "build", "--lists", lists.toString(), "--output", output.toString(), "--endpoint", endpoint);
        assertEquals(Main.OK, r.code(), r.err());
        assertTrue(r.out().contains("store: 6 graphs written, 0 unchanged, 0 removed"), r.out());
        assertTrue(Files.exists(output.resolve("graph.ttl")));
        assertFalse(Files.exists(output.resolve("tdb2")), "no local store was made");
        assertFalse(remoteGraph(CS224).isEmpty());
    }

    @Test
    void wrongOrMissingCredentialsAreOneLineThatNamesTheVariables() {
        CliTest.Run none = load(Map.of());
        assertEquals(Main.BAD_INPUT, none.code());
        assertEquals(1, none.errLines().size(), none.err());
        assertTrue(none.err().contains(endpoint + ": error: the endpoint answered 401") && none.err().contains("LISTGRAPH_ENDPOINT_USER"), none.err());

        CliTest.Run wrong = load(Map.of("LISTGRAPH_ENDPOINT_USER", "writer", "LISTGRAPH_ENDPOINT_PASSWORD", "guess"));
        assertEquals(Main.BAD_INPUT, wrong.code());
        assertTrue(wrong.err().contains("401") && wrong.err().contains("check LISTGRAPH_ENDPOINT_USER"), wrong.err());
        assertFalse(wrong.err().contains("guess"), "the password is never printed");
        assertEquals(List.of(), writes());
    }

    @Test
    void credentialsOnTheCommandLineAreRefused() {
        String withPassword = endpoint.replace("http://", "http://writer:s3cret@");
        CliTest.Run r = CliTest.run(Map.of(), "load", "--endpoint", withPassword, lists.toString());
        assertEquals(Main.USAGE, r.code());
        assertTrue(r.err().contains("must not carry credentials") && r.err().contains("LISTGRAPH_ENDPOINT_PASSWORD"), r.err());
        assertFalse(r.err().contains("s3cret"), r.err());
        assertEquals(List.of(), requests);
    }

    @Test
    void anEndpointThatIsNotThereIsOneLineSayingSo() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        CliTest.Run r = CliTest.run(Map.of(), "query", "--endpoint", "http://127.0.0.1:" + closed + "/x/sparql", "ASK {}");
        assertEquals(Main.BAD_INPUT, r.code());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("cannot connect"), r.err());
    }

    @Test
    void theReadOnlyServeEndpointRefusesALoadWithAClearLine() {
        try (TdbStore store = SeedStore.create(tmp.resolve("served"));
             ListgraphServer server = ListgraphServer.start(store.dataset(), SavedQueries.load(Path.of("")),
                     new ServeOptions("127.0.0.1", 0, Duration.ofSeconds(10), BASE, List.of()))) {
            String url = server.pageUrl() + "listgraph";
            CliTest.Run q = CliTest.run(Map.of(), "query", "--endpoint", server.endpointUrl(), "--saved", "talks-by", "--param", "author=thockin",
                    "-f", "json");
            assertEquals(Main.OK, q.code(), q.err());
            assertTrue(q.out().contains("\"An Illustrated Guide to Kubernetes Networking\""), q.out());

            // Same lists, same hashes: a plain load has nothing to write, so force the writes.
            CliTest.Run r = CliTest.run(Map.of(), "load", "--rebuild", "--endpoint", url, lists.toString());
            assertEquals(Main.BAD_INPUT, r.code(), r.out());
            assertTrue(r.err().contains("the endpoint answered 405"), r.err());

            // The page's URL is not a Graph Store: one line, exit 3, no parser log.
            CliTest.Run page = CliTest.run(Map.of(), "load", "--endpoint", server.pageUrl(), lists.toString());
            assertEquals(Main.BAD_INPUT, page.code(), page.out());
            assertEquals(1, page.errLines().stream().filter(l -> !l.contains(": warning: ")).count(), page.err());
            assertTrue(page.err().contains("the answer is not RDF (Content-Type text/html"), page.err());
        }
    }

    @Test
    void endpointAndLocalStoreOptionsDoNotMix() {
        CliTest.Run r = CliTest.run(Map.of(), "query", "--endpoint", endpoint, "--db", tmp.toString(), "ASK {}");
        assertEquals(Main.USAGE, r.code());
        assertTrue(r.err().contains("use --db or --endpoint, not both"), r.err());
    }
}
