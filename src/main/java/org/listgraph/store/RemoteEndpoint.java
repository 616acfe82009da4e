package org.listgraph.store;

import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;
import org.listgraph.entry.BadInputException;
import org.listgraph.entry.UsageException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A remote SPARQL service (query endpoint or Graph Store Protocol endpoint) with the credentials
 * taken from the environment; HTTP failures become one-line errors that say what to do.
 */
public final class RemoteEndpoint {
    /** Environment variables that hold the credentials; never command-line options, which other users can read with ps. */
    public static final String USER_VAR = "LISTGRAPH_ENDPOINT_USER", PASSWORD_VAR = "LISTGRAPH_ENDPOINT_PASSWORD",
            TOKEN_VAR = "LISTGRAPH_ENDPOINT_TOKEN";

    /** The default longest wait for a connection. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** The default longest wait for a query's whole answer, once connected. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);

    private final String url;
    private final Map<String, String> headers;
    private final HttpClient client;
    private final Duration readTimeout;
    /** The user and password for a Digest challenge (Virtuoso's {@code -auth} endpoints), or null without them. */
    private final String user, password;
    /** The answer to the server's last Digest challenge, once one came: later requests carry it instead of Basic. */
    private final java.util.concurrent.atomic.AtomicReference<DigestAuthorization> digest = new java.util.concurrent.atomic.AtomicReference<>();

    private RemoteEndpoint(String url, Map<String, String> headers, String user, String password, Duration connectTimeout, Duration readTimeout) {
        this.url = url;
        this.headers = headers;
        this.user = user;
        this.password = password;
        this.readTimeout = readTimeout;
        // Redirects are not followed: the credentials would go along to wherever they point.
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The endpoint at {@code url}, with Basic credentials or a bearer token from {@code env} when set there, and the default timeouts. */
    public static RemoteEndpoint of(String url, Map<String, String> env) {
        return of(url, env, DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT);
    }

    /**
     * The endpoint at {@code url} with credentials from {@code env}; connecting may take at most
     * {@code connectTimeout}, and a query's whole answer must arrive within {@code readTimeout}.
     */
    public static RemoteEndpoint of(String url, Map<String, String> env, Duration connectTimeout, Duration readTimeout) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new UsageException("--endpoint " + url + " is not a URL (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new UsageException("--endpoint takes an http:// or https:// URL, got '" + url + "'");
        }
        if (uri.getRawUserInfo() != null) {
            throw new UsageException("--endpoint must not carry credentials (command lines are visible to other users); set "
                    + USER_VAR + " and " + PASSWORD_VAR + ", or " + TOKEN_VAR + ", in the environment instead");
        }
        String user = blankToNull(env.get(USER_VAR));
        String password = blankToNull(env.get(PASSWORD_VAR));
        String token = blankToNull(env.get(TOKEN_VAR));
        if (token != null && (user != null || password != null)) {
            throw new UsageException("set either " + TOKEN_VAR + " or " + USER_VAR + "/" + PASSWORD_VAR + ", not both");
        }
        if ((user == null) != (password == null)) {
            throw new UsageException(USER_VAR + " and " + PASSWORD_VAR + " go together: set both or neither");
        }
        Map<String, String> headers = Map.of();
        if (user != null) {
            String pair = user + ":" + password;
            headers = Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        } else if (token != null) {
            headers = Map.of("Authorization", "Bearer " + token);
        }
        return new RemoteEndpoint(url, headers, user, password, connectTimeout, readTimeout);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    public String url() {
        return url;
    }

    /** Extra request headers (the credentials, if any). */
    Map<String, String> headers() {
        return headers;
    }

    HttpClient httpClient() {
        return client;
    }

    /** The longest a query's whole answer may take to arrive once connected. */
    Duration readTimeout() {
        return readTimeout;
    }

    /**
     * Opens a query execution with {@code open} and runs {@code work} over its answer, giving up when
     * the whole answer has not arrived within the read timeout (a server may send its headers and
     * then a byte now and then, or nothing). Both run on a daemon thread of their own, closing
     * included (Jena's close reads from the stream): a read blocked on Java's HTTP client can be
     * neither interrupted nor aborted through Jena, so it is left behind and ends with the process.
     */
    <T> T answer(Supplier<org.apache.jena.sparql.exec.QueryExec> open, java.util.function.Function<org.apache.jena.sparql.exec.QueryExec, T> work) {
        java.util.concurrent.atomic.AtomicReference<org.apache.jena.sparql.exec.QueryExec> running = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.FutureTask<T> task = new java.util.concurrent.FutureTask<>(() -> {
            try (org.apache.jena.sparql.exec.QueryExec exec = open.get()) {
                running.set(exec);
                return work.apply(exec);
            }
        });
        Thread reader = new Thread(task, "listgraph-endpoint-answer");
        reader.setDaemon(true);
        reader.start();
        try {
            return task.get(readTimeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            var exec = running.get();
            if (exec != null) exec.abort(); // the reader fails at its next read, if one ever comes
            throw tooSlow(e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BadInputException(url + ": error: interrupted while reading the answer", e);
        }
    }

    /** A one-line error for an answer that did not arrive in full within the read timeout. */
    private BadInputException tooSlow(Throwable cause) {
        return new BadInputException(url + ": error: the endpoint did not send its whole answer within " + readTimeout.toMillis() / 1000.0
                + " s; raise --read-timeout, or make the query cheaper", cause);
    }

    /** Runs one exchange with the endpoint; a failure is a one-line error naming the URL and what to do. */
    <T> T call(Supplier<T> exchange) {
        try {
            return exchange.get();
        } catch (QueryExceptionHTTP e) {
            throw failure(e.getStatusCode(), e.getStatusLine(), e.getResponse(), e);
        } catch (HttpException e) {
            throw failure(e.getStatusCode(), e.getStatusLine(), e.getResponse(), e);
        } catch (org.apache.jena.query.QueryException | org.apache.jena.riot.RiotException e) {
            String what = String.valueOf(e.getMessage()).lines().findFirst().orElse("").strip();
            throw new BadInputException(url + ": error: the answer is not SPARQL results or RDF, or it broke off (" + what
                    + "); check that the URL is a SPARQL query endpoint (for query) or a Graph Store Protocol endpoint (for load), "
                    + "and whether the server's query timeout cut a long answer short", e);
        }
    }

    /**
     * Sends a request without a body to {@code url?graph=IRI} with the credentials; see
     * {@link #send(String, String, String, byte[], String)}.
     */
    HttpResponse<String> send(String method, String graphIri, String accept) {
        return send(method, graphIri, accept, null, null);
    }

    /**
     * Sends a request to {@code url?graph=IRI} with the credentials and, when {@code body} is not null,
     * that body of {@code contentType}. 404 is an answer (the graph is not there), and so are 405 and 501
     * to a HEAD (the server does not implement it; Virtuoso answers 501); any other status from 300 up
     * is a failure.
     */
    HttpResponse<String> send(String method, String graphIri, String accept, byte[] body, String contentType) {
        URI target = URI.create(url + (url.contains("?") ? "&" : "?") + "graph=" + URLEncoder.encode(graphIri, StandardCharsets.UTF_8));
        return call(() -> {
            HttpResponse<String> response = authorized(method, target, accept, body, contentType);
            int status = response.statusCode();
            boolean noHead = method.equals("HEAD") && (status == 405 || status == 501);
            if (status >= 300 && status != 404 && !noHead) {
                throw new HttpException(status, response.headers().firstValue("Location").map(l -> "redirect to " + l).orElse(null),
                        response.body());
            }
            return response;
        });
    }

    /**
     * One exchange, answering a Digest challenge when the server sends one and a user and password are
     * set: Basic goes first (Fuseki, GraphDB), and once a server has asked for Digest, every later
     * request answers its challenge directly. A stale nonce is answered once more with the new one.
     */
    private HttpResponse<String> authorized(String method, URI target, String accept, byte[] body, String contentType) {
        DigestAuthorization answer = digest.get();
        HttpResponse<String> response = exchange(method, target, accept, body, contentType, answer, true);
        if (response.statusCode() == 401 && user != null && answer == null && digestChallenge(response) == null) {
            // Virtuoso refuses Basic with a bare 401: asked without credentials, it says which scheme it wants.
            response = exchange(method, target, accept, body, contentType, null, false);
        }
        for (int retries = 0; response.statusCode() == 401 && user != null && retries < 2; retries++) {
            String challenge = digestChallenge(response);
            // No Digest challenge, or the password itself was refused (not just an old nonce): the 401 stands.
            if (challenge == null || retries > 0 && !DigestAuthorization.isStale(challenge)) break;
            answer = DigestAuthorization.answering(challenge, user, password);
            digest.set(answer);
            response = exchange(method, target, accept, body, contentType, answer, false);
        }
        return response;
    }

    private String digestChallenge(HttpResponse<?> response) {
        return response.headers().allValues("WWW-Authenticate").stream()
                .filter(v -> DigestAuthorization.answering(v, user, password) != null).findFirst().orElse(null);
    }

    /** One request: with a Digest answer when given, else with the Basic or Bearer header when {@code credentials}. */
    private HttpResponse<String> exchange(String method, URI target, String accept, byte[] body, String contentType, DigestAuthorization answer,
                                          boolean credentials) {
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body))
                .timeout(Duration.ofMinutes(5));
        if (accept != null) request.header("Accept", accept);
        if (contentType != null) request.header("Content-Type", contentType);
        if (answer != null) {
            request.header("Authorization", answer.header(method, target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery())));
        } else if (credentials) {
            headers.forEach(request::header);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new HttpException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HttpException(e);
        }
    }

    /** A one-line error for an answer that is not what was asked for. */
    BadInputException notRdf(String what) {
        return new BadInputException(url + ": error: the answer is not RDF (" + what + "); check that the URL is a Graph Store Protocol endpoint");
    }

    private BadInputException failure(int status, String statusLine, String body, RuntimeException e) {
        String where = url + ": error: ";
        if (status <= 0) {
            Throwable cause = e;
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof ConnectException) {
                    return new BadInputException(where + "cannot connect; check the URL and that the server is running", e);
                }
                if (t instanceof HttpTimeoutException) {
                    return new BadInputException(where + "the endpoint did not answer in time; check the URL and the network", e);
                }
                if (t.getMessage() != null) cause = t;
            }
            return new BadInputException(where + "the request failed (" + cause + "); check the URL and the network", e);
        }
        if (status >= 300 && status < 400) {
            return new BadInputException(where + "the endpoint answered " + status + (statusLine == null ? "" : " (" + statusLine.strip() + ")")
                    + "; redirects are not followed, so the credentials stay with this host: give the final URL instead", e);
        }
        String answered = "the endpoint answered " + status + (statusLine == null || statusLine.isBlank() ? "" : " " + statusLine.strip());
        String detail = body == null ? "" : body.strip().lines().findFirst().orElse("");
        if (detail.length() > 200) detail = detail.substring(0, 200) + "…";
        String hint = switch (status) {
            case 401 -> headers.isEmpty() ? "set " + USER_VAR + " and " + PASSWORD_VAR + " (or " + TOKEN_VAR + ")"
                    : "check " + USER_VAR + "/" + PASSWORD_VAR + " (or " + TOKEN_VAR + ")";
            case 403 -> "these credentials may not do this here; check the server's access rules";
            case 404 -> "no SPARQL service at this URL; check it (Fuseki: http://host:3030/DATASET)";
            case 405 -> "this URL does not take this request; for load give a writable Graph Store Protocol endpoint, for query a SPARQL query endpoint";
            case 503 -> "the server is busy or the query ran out of time; try again or make the query cheaper";
            default -> "see the server's log";
        };
        return new BadInputException(where + answered + (detail.isEmpty() ? "" : " (" + detail + ")") + "; " + hint, e);
    }
}
