package org.listgraph.links;

import org.listgraph.entry.LinkCheck;
import org.listgraph.identity.UrlCanonicalizer;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Checks URLs over HTTP as a polite robot: at most {@code concurrency} requests at once and {@code perHost} to any one
 * host (host and port), HEAD first and GET where HEAD is refused, redirects followed one by one (each hop recorded, a
 * loop or more than {@value #MAX_REDIRECTS} hops is a dead link), 429 and 503 retried after the server's Retry-After
 * (capped) or a growing pause, connect and read timeouts, and a User-Agent that names listgraph.
 */
public final class LinkChecker implements AutoCloseable {
    static final int MAX_REDIRECTS = 10;

    /** How the checker behaves; {@link #DEFAULTS} suit public sites. */
    public record Settings(int concurrency, int perHost, Duration connectTimeout, Duration readTimeout, int retries, Duration longestWait,
                           String userAgent) {
        public Settings {
            if (concurrency < 1 || perHost < 1) throw new IllegalArgumentException("concurrency and per-host limit must be at least 1");
            if (retries < 0) throw new IllegalArgumentException("retries must be 0 or more");
        }

        public static final Settings DEFAULTS = new Settings(16, 2, Duration.ofSeconds(5), Duration.ofSeconds(15), 2, Duration.ofSeconds(30),
                "listgraph (link check; https://w3id.org/listgraph)");
    }

    private final Settings settings;
    private final HttpClient http;
    private final Clock clock;
    private final UrlCanonicalizer urls = new UrlCanonicalizer();
    private final Map<String, Semaphore> hosts = new ConcurrentHashMap<>();
    private final ExecutorService workers;

    public LinkChecker(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.workers = Executors.newFixedThreadPool(settings.concurrency(), r -> {
            Thread t = new Thread(r, "listgraph-link-check");
            t.setDaemon(true);
            return t;
        });
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(settings.connectTimeout())
                .executor(Executors.newCachedThreadPool(r -> {
                    Thread t = new Thread(r, "listgraph-http");
                    t.setDaemon(true);
                    return t;
                })).build();
    }

    /** Checks every URL (each once), telling {@code done} how many are finished as they finish; the results in the order given. */
    public List<LinkCheck> check(List<String> toCheck, Consumer<Integer> done) {
        AtomicInteger finished = new AtomicInteger();
        List<Future<LinkCheck>> futures = new ArrayList<>(toCheck.size());
        for (String url : toCheck) {
            futures.add(workers.submit(() -> {
                LinkCheck c = checkOne(url);
                done.accept(finished.incrementAndGet());
                return c;
            }));
        }
        List<LinkCheck> out = new ArrayList<>(futures.size());
        for (Future<LinkCheck> f : futures) {
            try {
                out.add(f.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("link check interrupted", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("link check failed: " + e.getCause(), e.getCause());
            }
        }
        return out;
    }

    /** One URL, its redirects followed. */
    LinkCheck checkOne(String url) {
        List<String> hops = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String at = url;
        int status = 0;
        String problem = null;
        while (true) {
            URI uri;
            try {
                uri = URI.create(at);
            } catch (IllegalArgumentException e) {
                problem = "not a URL";
                break;
            }
            if (uri.getScheme() == null || !(uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))
                    || uri.getHost() == null) {
                problem = "not an http(s) URL";
                break;
            }
            if (!seen.add(at)) {
                problem = "redirect loop";
                break;
            }
            Answer a = ask(uri);
            status = a.status();
            problem = a.problem();
            if (a.location() == null || status < 300 || status > 399) break;
            if (hops.size() >= MAX_REDIRECTS) {
                problem = "redirects more than " + MAX_REDIRECTS + " times";
                break;
            }
            String next;
            try {
                next = uri.resolve(a.location().strip()).toString();
            } catch (IllegalArgumentException e) {
                problem = "redirect to a URL that is not one";
                break;
            }
            hops.add(next);
            at = next;
        }
        boolean moved = !hops.isEmpty() && !urls.canonical(at).equals(urls.canonical(url));
        return new LinkCheck(url, status, at, hops, moved, clock.instant(), problem);
    }

    private record Answer(int status, String location, String problem) {
    }

    /** One URL without following redirects: HEAD, then GET where HEAD is refused; 429 and 503 retried. */
    private Answer ask(URI uri) {
        String host = uri.getHost().toLowerCase(java.util.Locale.ROOT) + ":" + uri.getPort();
        Semaphore slot = hosts.computeIfAbsent(host, h -> new Semaphore(settings.perHost(), true));
        Answer a = null;
        for (int attempt = 0; attempt <= settings.retries(); attempt++) {
            Duration wait;
            try {
                slot.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Answer(0, null, "interrupted");
            }
            HttpResponse<Void> r;
            try {
                r = send(uri, "HEAD");
                if (r != null && (r.statusCode() == 405 || r.statusCode() == 501 || r.statusCode() == 400)) r = send(uri, "GET");
            } catch (Failure f) {
                return new Answer(0, null, f.getMessage());
            } finally {
                slot.release();
            }
            a = new Answer(r.statusCode(), r.headers().firstValue("location").orElse(null), null);
            if (r.statusCode() != 429 && r.statusCode() != 503) return a;
            if (attempt == settings.retries()) break;
            wait = retryAfter(r.headers().firstValue("retry-after").orElse(null), attempt);
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return a;
            }
        }
        return a;
    }

    /** The pause the server asks for (seconds or an HTTP date), at most {@code longestWait}; 1, 2, 4 s… when it asks none. */
    Duration retryAfter(String header, int attempt) {
        Duration d = Duration.ofSeconds(1L << Math.min(attempt, 5));
        if (header != null) {
            String h = header.strip();
            try {
                d = h.matches("\\d{1,9}") ? Duration.ofSeconds(Long.parseLong(h))
                        : Duration.between(clock.instant(), ZonedDateTime.parse(h, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            } catch (RuntimeException e) {
                // a header that says nothing readable: the growing pause
            }
        }
        if (d.isNegative()) d = Duration.ZERO;
        return d.compareTo(settings.longestWait()) > 0 ? settings.longestWait() : d;
    }

    /** A request that got no answer, said in words. */
    private static final class Failure extends Exception {
        Failure(String words) {
            super(words, null, false, false);
        }
    }

    private HttpResponse<Void> send(URI uri, String method) throws Failure {
        HttpRequest request = HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.noBody()).timeout(settings.readTimeout())
                .header("User-Agent", settings.userAgent()).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (HttpConnectTimeoutException e) {
            throw new Failure("connect timeout");
        } catch (HttpTimeoutException e) {
            throw new Failure("no answer within " + settings.readTimeout().toSeconds() + " s");
        } catch (ConnectException e) {
            throw new Failure(unresolved(e) ? "no such host" : "connection refused");
        } catch (UnknownHostException e) {
            throw new Failure("no such host");
        } catch (IOException e) {
            throw new Failure("connection failed (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("interrupted");
        } catch (IllegalArgumentException e) {
            throw new Failure("not a URL Java can request");
        }
    }

    /** Whether a failed connection failed for want of an address: the cause sits a level or two down. */
    private static boolean unresolved(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException || t instanceof java.nio.channels.UnresolvedAddressException) return true;
        }
        return false;
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
