package org.listgraph.serve;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@code serve} runs: the interface to bind (loopback by default), the port (0 picks a free
 * one), the longest a query may run, the base IRI the page's prefixes use, the web origins
 * whose pages may query from a browser ({@code *} for any, empty for none), and the most rows one
 * answer may hold.
 */
public record ServeOptions(String host, int port, Duration timeout, String base, java.util.List<String> corsOrigins, long maxRows) {
    /** The default cap on the rows of one answer (SELECT rows; solutions that build a CONSTRUCT or DESCRIBE). */
    public static final long DEFAULT_MAX_ROWS = 100_000;

    /** Options with the default row cap. */
    public ServeOptions(String host, int port, Duration timeout, String base, java.util.List<String> corsOrigins) {
        this(host, port, timeout, base, corsOrigins, DEFAULT_MAX_ROWS);
    }

    public ServeOptions {
        corsOrigins = java.util.List.copyOf(corsOrigins);
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(base, "base");
        if (host.isBlank()) throw new IllegalArgumentException("host is blank");
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port out of range: " + port);
        if (maxRows < 1) throw new IllegalArgumentException("maxRows must be positive: " + maxRows);
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
}
