package org.listgraph.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.listgraph.entry.BadInputException;
import org.listgraph.entry.UsageException;
import org.listgraph.store.QueryRequest;
import org.listgraph.store.QueryRunner;
import org.listgraph.store.SavedQueries;
import org.listgraph.store.SavedQuery;
import org.listgraph.store.Suggestions;
import org.apache.jena.sparql.core.DatasetGraph;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The query page at {@code /}: its three static files from the jar, the endpoint and saved queries as JSON, and
 * {@code /page/prepare}, which turns the text in the query box into the SPARQL that is sent (the
 * standard prefixes declared, parameters bound as terms, as {@code listgraph query} does). Every
 * other path is 404: nothing is served from the file system.
 */
final class QueryPage extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final String WEB = "/org/listgraph/serve/web/";
    private static final Map<String, String[]> FILES = Map.of(
            "/", new String[]{"index.html", "text/html; charset=utf-8"},
            "/index.html", new String[]{"index.html", "text/html; charset=utf-8"},
            "/page/app.js", new String[]{"app.js", "text/javascript; charset=utf-8"},
            "/page/app.css", new String[]{"app.css", "text/css; charset=utf-8"},
            "/page/common.js", new String[]{"common.js", "text/javascript; charset=utf-8"},
            "/explore", new String[]{"explore.html", "text/html; charset=utf-8"},
            "/page/explore.js", new String[]{"explore.js", "text/javascript; charset=utf-8"},
            "/page/explore.css", new String[]{"explore.css", "text/css; charset=utf-8"});
    /** The explorer's drawing library, from the ECharts WebJar in the jar (one minified file; no CDN). */
    static final String ECHARTS = "/META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final transient SavedQueries saved;
    private final String base;
    private final String endpoint;
    /** The served dataset, read only for "did you mean" suggestions when a saved query finds nothing. */
    private final transient DatasetGraph dataset;

    /** What a watching server's rebuilds did (a server that does not watch says so). */
    private final transient WatchState watch;

    QueryPage(SavedQueries saved, String base, String endpoint, DatasetGraph dataset, WatchState watch) {
        this.watch = watch;
        this.saved = saved;
        this.dataset = dataset;
        this.base = base;
        this.endpoint = endpoint;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getRequestURI().substring(req.getContextPath().length());
        secure(resp);
        String[] file = FILES.get(path);
        if (file != null) {
            try (InputStream in = QueryPage.class.getResourceAsStream(WEB + file[0])) {
                if (in == null) throw new IllegalStateException("missing page resource " + file[0]);
                send(resp, 200, file[1], in.readAllBytes());
            }
        } else if (path.equals("/page/lib/echarts.min.js")) {
            send(resp, 200, "text/javascript; charset=utf-8", Library.ECHARTS_BYTES);
        } else if (path.equals("/page/config.json")) {
            send(resp, 200, "application/json", JSON.writeValueAsBytes(queries()));
        } else if (path.equals("/page/watch.json")) {
            resp.setHeader("Cache-Control", "no-store");
            send(resp, 200, "application/json", watch.json(JSON));
        } else {
            send(resp, 404, "text/plain; charset=utf-8", "not found\n".getBytes(StandardCharsets.UTF_8));
        }
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getRequestURI().substring(req.getContextPath().length());
        secure(resp);
        if (path.equals("/page/suggest")) {
            suggest(req, resp);
            return;
        }
        if (!path.equals("/page/prepare")) {
            send(resp, 404, "text/plain; charset=utf-8", "not found\n".getBytes(StandardCharsets.UTF_8));
            return;
        }
        String text = req.getParameter("query");
        Map<String, String> params = new LinkedHashMap<>();
        req.getParameterMap().forEach((k, v) -> {
            if (k.startsWith("param.") && v.length > 0) params.put(k.substring("param.".length()), v[0]);
        });
        ObjectNode answer = JSON.createObjectNode();
        int status = 200;
        try {
            if (text == null || text.isBlank()) throw new UsageException("the query box is empty");
            answer.put("query", QueryRunner.prepare(new QueryRequest(text, "query", params, null, base)).serialize());
        } catch (BadInputException | UsageException e) {
            status = 400;
            answer.put("error", e.getMessage());
        }
        send(resp, status, "application/json", JSON.writeValueAsBytes(answer));
    }

    /**
     * {@code POST /page/suggest} with {@code lookup} (agents or topics) and {@code value}: the values close to it,
     * as {@code query} says on stderr when a saved query finds nothing.
     */
    private void suggest(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String lookup = req.getParameter("lookup");
        String value = req.getParameter("value");
        ObjectNode answer = JSON.createObjectNode();
        if (value == null || lookup == null || !Suggestions.kinds().contains(lookup)) {
            answer.put("error", "give lookup=" + String.join("|", new java.util.TreeSet<>(Suggestions.kinds())) + " and a value");
            send(resp, 400, "application/json", JSON.writeValueAsBytes(answer));
            return;
        }
        ArrayNode close = answer.putArray("suggestions");
        Suggestions.closest(value, QueryRunner.column(dataset, Suggestions.candidatesQuery(lookup))).forEach(close::add);
        send(resp, 200, "application/json", JSON.writeValueAsBytes(answer));
    }

    /** What the page needs: where to send queries, and the saved queries with their parameters. */
    private ObjectNode queries() {
        ObjectNode config = JSON.createObjectNode();
        config.put("endpoint", endpoint);
        config.put("base", base);
        ArrayNode list = config.putArray("queries");
        for (SavedQuery q : saved.all().values()) {
            ObjectNode o = list.addObject();
            o.put("name", q.name()).put("title", q.title()).put("description", q.description()).put("text", q.text());
            ArrayNode ps = o.putArray("parameters");
            q.parameters().forEach(p -> ps.addObject().put("name", p.name()).put("help", p.help()));
            ObjectNode lookups = o.putObject("lookups");
            q.lookups().forEach(lookups::put);
        }
        return config;
    }

    /** The page runs only its own script and talks only to this server. */
    private static void secure(HttpServletResponse resp) {
        resp.setHeader("Content-Security-Policy",
                "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("Referrer-Policy", "no-referrer");
        resp.setHeader("Cache-Control", "no-cache");
    }

    /** The drawing library's bytes, read from the jar once, when the first page asks for them. */
    private static final class Library {
        static final byte[] ECHARTS_BYTES = read(ECHARTS);

        private static byte[] read(String resource) {
            try (InputStream in = QueryPage.class.getResourceAsStream(resource)) {
                if (in == null) throw new IllegalStateException("missing page resource " + resource + " (the ECharts WebJar)");
                return in.readAllBytes();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    private static void send(HttpServletResponse resp, int status, String type, byte[] body) throws IOException {
        resp.setStatus(status);
        resp.setContentType(type);
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }
}
