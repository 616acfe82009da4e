package org.listgraph.serve;

import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.iterator.QueryIter1;
import org.apache.jena.sparql.util.Symbol;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps long queries from starving short ones: a query that has used more than {@code heavyAfter}
 * of CPU time must hold one of a few permits (half the cores) to go on, and waits without using the
 * CPU until one is free, its deadline passes (then it ends with 503, as at its timeout) or its client goes. CPU time,
 * not time on the clock: a short query slowed by a busy server is never held back, so ten hostile
 * cross products cannot take both cores from everyday queries. Holders take turns (a permit is
 * given back after {@value #SLICE_MILLIS} ms when others wait) and never hold one while a row is
 * being written to the client, so a client that stops reading cannot keep it.
 */
final class QueryPacing {
    /** Where a query's {@link Pace} sits in its execution context. */
    static final Symbol PACE = Symbol.create("urn:listgraph:pace");

    static final long SLICE_MILLIS = 100;
    private static final long SLICE_NANOS = SLICE_MILLIS * 1_000_000;
    /** How often a waiting query looks whether it was cancelled. */
    private static final long WAKE_NANOS = 250_000_000;

    private final Semaphore heavy;
    private final long heavyAfterNanos;
    private final long timeoutNanos;

    QueryPacing(int permits, Duration heavyAfter, Duration timeout) {
        if (permits < 1) throw new IllegalArgumentException("permits must be positive: " + permits);
        this.heavy = new Semaphore(permits, true);
        this.heavyAfterNanos = heavyAfter.toNanos();
        this.timeoutNanos = timeout.toNanos();
    }

    /** Half the machine's cores, at least one. */
    static int defaultPermits() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    /** The pace of a query that starts now on this thread. */
    Pace start() {
        return new Pace(System.nanoTime(), THREADS.getCurrentThreadCpuTime());
    }

    /** One query's clock and permit; used by the query's own thread. */
    final class Pace {
        private final long started;
        private final long cpuAtStart;
        private int rows;
        private boolean holding;
        private long acquiredAt;
        private boolean ended;
        private AtomicBoolean cancel;

        private Pace(long started, long cpuAtStart) {
            this.started = started;
            this.cpuAtStart = cpuAtStart;
        }

        /** Called for each row any operator passes on: cheap, and every 1,024 rows looks at the clock. */
        void row() {
            if ((++rows & 0x3FF) != 0 || ended) return;
            if (holding) {
                // Take turns: after a slice, go to the back of the queue when others wait.
                if (System.nanoTime() - acquiredAt >= SLICE_NANOS && heavy.hasQueuedThreads()) {
                    release();
                    acquire();
                }
                return;
            }
            if (THREADS.getCurrentThreadCpuTime() - cpuAtStart >= heavyAfterNanos) acquire();
        }

        /** Before a row goes to the client: no permit is held while the answer is written. */
        void handout() {
            release();
        }

        /** Gives the permit back for good, if the query holds one. */
        void end() {
            ended = true;
            release();
        }

        /** The query's cancel signal: a query waiting for a permit gives up when it is raised (its client went). */
        void cancelledBy(AtomicBoolean signal) {
            this.cancel = signal;
        }

        private void acquire() {
            try {
                while (true) {
                    long left = timeoutNanos - (System.nanoTime() - started);
                    if (left <= 0 || cancel != null && cancel.get()) throw new QueryCancelledException();
                    if (heavy.tryAcquire(Math.min(left, WAKE_NANOS), TimeUnit.NANOSECONDS)) break; // wakes to look at the signal
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new QueryCancelledException();
            }
            holding = true;
            acquiredAt = System.nanoTime();
        }

        private void release() {
            if (holding) {
                holding = false;
                heavy.release();
            }
        }
    }

    /** Passes rows through, telling the query's pace about each; the outermost one also gives the permit back before each row leaves. */
    static final class Paced extends QueryIter1 {
        private final Pace pace;
        private final boolean outermost;

        Paced(QueryIterator input, Pace pace, boolean outermost, ExecutionContext execCxt) {
            super(input, execCxt);
            this.pace = pace;
            this.outermost = outermost;
        }

        @Override
        protected boolean hasNextBinding() {
            return getInput().hasNext();
        }

        @Override
        protected Binding moveToNextBinding() {
            pace.row();
            Binding next = getInput().nextBinding();
            if (outermost) pace.handout();
            return next;
        }

        @Override
        protected void closeSubIterator() {
        }

        @Override
        protected void requestSubCancel() {
        }
    }
}
