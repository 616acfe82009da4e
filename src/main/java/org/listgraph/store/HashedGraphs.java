package org.listgraph.store;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.listgraph.rdf.Converter;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;

/**
 * A conversion's named graphs in IRI order, each with its {@link GraphHash}, made and hashed one graph ahead on a
 * thread of their own: while the store takes one graph, the next is being made. A build's second core is busy with
 * the output files for only part of the load, and making and hashing graphs was a tenth of the store step.
 * At most two graphs wait at a time; the order, and so every output, is the same as when made in turn.
 */
final class HashedGraphs implements Iterable<HashedGraphs.Hashed>, AutoCloseable {
    /**
     * A named graph and the hash of its content. A graph whose hash was known from its key is made only when
     * {@link #graph()} is first called ({@link #made()} says whether it was made already).
     */
    static final class Hashed {
        private final Node name;
        private final String hash;
        private final java.util.function.Supplier<Graph> maker;
        private final SubjectDigests subjects;
        private Graph graph;

        Hashed(Node name, String hash, Graph graph, java.util.function.Supplier<Graph> maker, SubjectDigests subjects) {
            this.name = name;
            this.hash = hash;
            this.graph = graph;
            this.maker = maker;
            this.subjects = subjects;
        }

        /** Its subjects' digests: for a graph made subject by subject (the shared one), else null. */
        SubjectDigests subjects() {
            return subjects;
        }

        Node name() {
            return name;
        }

        String hash() {
            return hash;
        }

        Graph graph() {
            if (graph == null) graph = maker.get();
            return graph;
        }

        boolean made() {
            return graph != null;
        }
    }

    /** What the maker hands over: a graph, the end, or the failure that stopped it. */
    private record Item(Hashed graph, RuntimeException failure, Error error, boolean end) {
    }

    private final BlockingQueue<Item> ready = new ArrayBlockingQueue<>(2);
    private final Thread maker;
    private volatile boolean closed;

    /** A conversion's graphs, taking the hash of each list graph whose key {@code known} holds instead of making the graph. */
    HashedGraphs(Converter.Result result, KnownGraphHashes known) {
        maker = new Thread(() -> make(result, known), "listgraph-graphs-ahead");
        maker.setDaemon(true);
        maker.start();
    }

    private void make(Converter.Result result, KnownGraphHashes known) {
        try {
            for (String name : result.graphNames()) {
                if (closed) return;
                Node node = org.apache.jena.graph.NodeFactory.createURI(name);
                java.util.Optional<String> key = result.inputsKey(name);
                java.util.Optional<String> hash = key.flatMap(known::hash);
                if (hash.isPresent()) {
                    ready.put(new Item(new Hashed(node, hash.get(), null, () -> result.graph(name), null), null, null, false));
                    continue;
                }
                Graph g = result.graph(name);
                SubjectDigests subjects = g instanceof org.listgraph.rdf.SharedGraph ? new SubjectDigests() : null;
                // The shared graph's subjects made from the same records as in the last build keep their digests unmade.
                String salt = subjects == null ? null : result.keySalt().orElse(null);
                String h = GraphHash.of(g, subjects, salt == null ? null : known.memo(name).orElse(null), salt);
                key.ifPresent(k -> known.learnt(k, h));
                ready.put(new Item(new Hashed(node, h, g, null, subjects), null, null, false));
            }
            ready.put(new Item(null, null, null, true));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            offer(new Item(null, e, null, true));
        } catch (Error e) {
            offer(new Item(null, null, e, true)); // out of memory included: the store's thread says it, as before
        }
    }

    private void offer(Item failure) {
        try {
            ready.put(failure);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public Iterator<Hashed> iterator() {
        return new Iterator<>() {
            private Item next;

            @Override
            public boolean hasNext() {
                if (next == null) next = take();
                if (next.failure() != null) throw next.failure();
                if (next.error() != null) throw next.error();
                return !next.end();
            }

            @Override
            public Hashed next() {
                if (!hasNext()) throw new NoSuchElementException();
                Hashed g = next.graph();
                next = null;
                return g;
            }
        };
    }

    private Item take() {
        if (closed) throw new CancellationException("the graphs were closed");
        try {
            return ready.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for the next graph");
        }
    }

    /** Stops the maker (after a failed load, say); graphs it was making are dropped. */
    @Override
    public void close() {
        closed = true;
        maker.interrupt();
    }
}
