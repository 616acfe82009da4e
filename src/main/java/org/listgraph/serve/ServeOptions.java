package org.listgraph.serve;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@code serve} runs: the interface to bind (loopback by default), the port (0 picks a free
 * one), the longest a query may run, the base IRI the page's prefixes use, the web origins
 * whose pages may query from a browser ({@code *} for any, empty for none), the most rows one
 * answer may hold, and the most rows one query and all running queries may keep in memory to sort,
 * group, de-duplicate or join them.
 */
public record ServeOptions(String host, int port, Duration timeout, String base, java.util.List<String> corsOrigins, long maxRows,
                           long maxHeldRows, long maxHeldRowsTotal) {
    /** The default cap on the rows of one answer (SELECT rows; solutions that build a CONSTRUCT or DESCRIBE). */
    public static final long DEFAULT_MAX_ROWS = 100_000;

    /** The default cap on the rows one query keeps in memory (about 100-300 MB of a 2 GB heap, by the row's width). */
    public static final long DEFAULT_MAX_HELD_ROWS = 500_000;

    /** The default cap on the rows all running queries keep in memory together. */
    public static final long DEFAULT_MAX_HELD_ROWS_TOTAL = 2_000_000;

    /** Options with the default row caps. */
    public ServeOptions(String host, int port, Duration timeout, String base, java.util.List<String> corsOrigins) {
        this(host, port, timeout, base, corsOrigins, DEFAULT_MAX_ROWS);
    }

    /** Options with the default caps on held rows. */
    public ServeOptions(String host, int port, Duration timeout, String base, java.util.List<String> corsOrigins, long maxRows) {
        this(host, port, timeout, base, corsOrigins, maxRows, DEFAULT_MAX_HELD_ROWS, DEFAULT_MAX_HELD_ROWS_TOTAL);
    }

    public ServeOptions {
        corsOrigins = java.util.List.copyOf(corsOrigins);
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(base, "base");
        if (host.isBlank()) throw new IllegalArgumentException("host is blank");
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port out of range: " + port);
        if (maxRows < 1) throw new IllegalArgumentException("maxRows must be positive: " + maxRows);
        if (maxHeldRows < 1 || maxHeldRowsTotal < maxHeldRows)
            throw new IllegalArgumentException("need 1 <= maxHeldRows <= maxHeldRowsTotal: " + maxHeldRows + ", " + maxHeldRowsTotal);
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
}
