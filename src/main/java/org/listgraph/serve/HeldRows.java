package org.listgraph.serve;

import org.apache.jena.fuseki.servlets.ActionErrorException;
import org.apache.jena.sparql.util.Symbol;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The server's budget of rows that queries hold in memory to sort, group, de-duplicate or join
 * them: one query may hold at most {@code perQuery} rows and all running queries together at most
 * {@code total}. A query past its own cap ends with 503, one refused because others hold the rest
 * with 429; either way its rows are given back when it ends.
 */
final class HeldRows {
    /** Where a query's {@link Ledger} sits in its execution context. */
    static final Symbol LEDGER = Symbol.create("urn:listgraph:held-rows");

    private final long perQuery;
    private final long total;
    private final AtomicLong held = new AtomicLong();

    HeldRows(long perQuery, long total) {
        if (perQuery < 1 || total < perQuery) throw new IllegalArgumentException("need 1 <= perQuery <= total: " + perQuery + ", " + total);
        this.perQuery = perQuery;
        this.total = total;
    }

    /** A new account for one query. */
    Ledger open() {
        return new Ledger();
    }

    /** Rows held by all running queries now. */
    long held() {
        return held.get();
    }

    /** One query's rows; used by the query's own thread, released once when it ends. */
    final class Ledger {
        private long mine;
        private boolean released;

        private Ledger() {
        }

        /** The most rows this query may hold. */
        long perQuery() {
            return perQuery;
        }

        /** Counts one more held row, or ends the query when a cap would be passed. */
        void hold() {
            if (released) return; // a late iterator of a query already answered
            if (mine >= perQuery) {
                throw new ActionErrorException(503, "Query would hold more than " + perQuery
                        + " rows in memory to sort, group, de-duplicate or join them; narrow it or add a LIMIT inside", null);
            }
            if (held.incrementAndGet() > total) {
                held.decrementAndGet();
                throw new ActionErrorException(429, "The server holds its most rows for other queries now; try again shortly", null);
            }
            mine++;
        }

        /** Gives this query's rows back to the server's budget. */
        void release() {
            if (released) return;
            released = true;
            held.addAndGet(-mine);
            mine = 0;
        }
    }
}
