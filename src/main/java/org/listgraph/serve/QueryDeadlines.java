package org.listgraph.serve;

import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.util.Context;

import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Raises a query's cancel signal when its time is up, from a thread of its own that takes no lock:
 * Jena's timer waits on a lock held while a plan is built, so work done then (a long skip, say) ran
 * on past the timeout. Every iterator of the query checks the signal for each row.
 */
final class QueryDeadlines implements AutoCloseable {
    private final ScheduledThreadPoolExecutor timer;
    private final long millis;

    QueryDeadlines(Duration timeout) {
        this.millis = timeout.toMillis();
        this.timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "listgraph-query-deadlines");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true); // an answered query's task goes at once, not at its deadline
    }

    /** Arms the deadline of {@code exec}; cancelling the returned future disarms it. */
    Future<?> arm(QueryExec exec) {
        AtomicBoolean signal = Context.getCancelSignal(exec.getContext());
        if (signal == null) throw new IllegalStateException("the query execution has no cancel signal");
        return timer.schedule(() -> signal.set(true), millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
