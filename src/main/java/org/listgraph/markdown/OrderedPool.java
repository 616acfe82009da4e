package org.listgraph.markdown;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Maps items on a few worker threads and hands the results over in the items' order, on the
 * calling thread, so what follows cannot tell how many threads there were. A bounded window keeps
 * memory flat: a slow item holds back at most {@code 2 × threads} finished ones.
 */
final class OrderedPool<T, R> {
    private final int threads;

    OrderedPool(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1: " + threads);
        this.threads = threads;
    }

    /**
     * Applies {@code work} to every item and gives each item and its result to {@code sink} in order.
     * The first failure in item order is rethrown as it was thrown (later items are cancelled).
     */
    void map(List<T> items, Function<T, R> work, BiConsumer<T, R> sink) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "listgraph-read");
            t.setDaemon(true);
            return t;
        });
        Deque<Future<R>> window = new ArrayDeque<>();
        int next = 0;
        try {
            for (T item : items) {
                while (next < items.size() && window.size() < 2 * threads) {
                    T submitted = items.get(next++);
                    window.add(pool.submit(() -> work.apply(submitted)));
                }
                sink.accept(item, take(window.poll()));
            }
        } finally {
            window.forEach(f -> f.cancel(true));
            pool.shutdownNow();
        }
    }

    private static <R> R take(Future<R> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading lists", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) throw re;
            if (cause instanceof Error err) throw err;
            throw new IllegalStateException(cause);
        }
    }
}
