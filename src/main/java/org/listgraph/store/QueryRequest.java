package org.listgraph.store;

import java.util.Map;
import java.util.Objects;

/**
 * One query as a user asked for it: the text, where it came from (for error messages), the
 * parameter values to bind as string literals, the output format name (null for the default) and
 * the base shown as {@code id:} in tables, and whether a local query may use SERVICE (fetch from
 * other endpoints).
 */
public record QueryRequest(String text, String origin, Map<String, String> params, String format, String base, boolean allowService) {
    /** A request that may not use SERVICE. */
    public QueryRequest(String text, String origin, Map<String, String> params, String format, String base) {
        this(text, origin, params, format, base, false);
    }

    public QueryRequest {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(origin, "origin");
        params = Map.copyOf(params);
        Objects.requireNonNull(base, "base");
    }
}
