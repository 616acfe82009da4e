package org.listgraph.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.listgraph.entry.BadInputException;
import org.listgraph.export.AtomicFile;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * A running {@code listgraph serve} that holds a store, as it advertises itself in a file beside the store
 * ({@code output/tdb2.serving.json}: its dataset and query URLs and its process id), so that the commands that only
 * read the store reach it through the server while TDB2's lock keeps them out of its files.
 */
public final class ServedStore {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What a server advertises: where its dataset and its query endpoint are, which process it is, and the most rows
     * one answer of it holds (its {@code --max-rows}; 0 when not said).
     */
    public record Advert(String dataset, String endpoint, long pid, long maxRows) {
    }

    private ServedStore() {
    }

    /** The advertisement's file: beside the store's folder, named after it. */
    static Path file(Path db) {
        Path abs = db.toAbsolutePath().normalize();
        return abs.resolveSibling(abs.getFileName() + ".serving.json");
    }

    /** Says that this process serves {@code db} at {@code dataset} (queries at {@code endpoint}); a local address, always. */
    public static void advertise(Path db, String dataset, String endpoint, long maxRows) {
        String json = JSON.createObjectNode().put("dataset", dataset).put("endpoint", endpoint).put("pid", ProcessHandle.current().pid())
                .put("maxRows", maxRows).toPrettyString() + "\n";
        AtomicFile.write(file(db), o -> o.write(json.getBytes(StandardCharsets.UTF_8)));
    }

    /** Takes this process's advertisement away (another process's stays). */
    public static void withdraw(Path db) {
        try {
            if (JSON.readTree(file(db).toFile()).path("pid").asLong(-1) == ProcessHandle.current().pid()) Files.deleteIfExists(file(db));
        } catch (IOException | RuntimeException e) {
            // none, or not ours: a stale file names a process that is gone, and is not believed
        }
    }

    /** The server that advertises {@code db}, if its process is alive; a file left by a killed server is not believed. */
    public static Optional<Advert> find(Path db) {
        Path f = file(db);
        if (!Files.isRegularFile(f)) return Optional.empty();
        try {
            JsonNode n = JSON.readTree(f.toFile());
            Advert a = new Advert(n.path("dataset").asText(""), n.path("endpoint").asText(""), n.path("pid").asLong(-1), n.path("maxRows").asLong(0));
            // Only this machine's loopback: a note edited to point elsewhere must not send the store's queries off the machine.
            if (!loopback(a.dataset()) || !loopback(a.endpoint()) || a.pid() <= 0) return Optional.empty();
            return ProcessHandle.of(a.pid()).filter(ProcessHandle::isAlive).map(p -> a);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static boolean loopback(String url) {
        try {
            URI u = new URI(url);
            if (!"http".equals(u.getScheme()) || u.getHost() == null || u.getRawUserInfo() != null) return false;
            String host = u.getHost().startsWith("[") ? u.getHost().substring(1, u.getHost().length() - 1) : u.getHost();
            if (host.equals("localhost")) return true;
            // Only an address written out is looked at (no name is looked up): 127.0.0.0/8 and ::1 in any spelling.
            if (!host.matches("[0-9.]+|[0-9a-fA-F:]*:[0-9a-fA-F:.]*")) return false;
            return java.net.InetAddress.getByName(host).isLoopbackAddress();
        } catch (java.net.URISyntaxException | java.net.UnknownHostException e) {
            return false;
        }
    }

    /**
     * A copy of what the server answers from, read through it in one request (its dataset as N-Quads, all graphs at
     * once, so the copy is one consistent state), in an in-memory TDB2 dataset that reads as the store does.
     */
    static TdbStore copy(Path db, Advert a) {
        DatasetGraph dsg = DatabaseMgr.createDatasetGraph();
        dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(a.dataset())).header("Accept", "application/n-quads").GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) throw new IOException("it answered HTTP " + response.statusCode());
                Txn.executeWrite(dsg, () -> RDFParser.source(body).lang(Lang.NQUADS).parse(StreamRDFLib.dataset(dsg)));
            }
        } catch (IOException | RuntimeException e) {
            throw new BadInputException(db + ": error: the store is held by a running 'listgraph serve' (process " + a.pid() + ") that could "
                    + "not be read at " + a.dataset() + " (" + e.getMessage() + "); stop it with Ctrl-C, or run this again", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BadInputException(db + ": error: interrupted while reading the store through its server at " + a.dataset(), e);
        }
        return new TdbStore(db, dsg);
    }
}
