package org.listgraph.serve;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@code serve} runs: the interface to bind (loopback by default), the port (0 picks a free
 * one), the longest a query may run, the base IRI the page's prefixes use, and the web origins
 * whose pages may query from a browser ({@code *} for any, empty for none).
 */
public record ServeOptions(String host, int port, Duration timeout, String base, java.util.List<String> corsOrigins) {
    public ServeOptions {
        corsOrigins = java.util.List.copyOf(corsOrigins);
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(base, "base");
        if (host.isBlank()) throw new IllegalArgumentException("host is blank");
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port out of range: " + port);
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
}
