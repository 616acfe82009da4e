package org.listgraph.rdf;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.impl.GraphBase;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.util.iterator.NiceIterator;
import org.apache.jena.util.iterator.WrappedIterator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A read-only graph that is never held whole: each subject's triples are made from the records that describe it
 * each time they are read. Everything that reads a build's graphs (the store, the graph hash, graph.ttl) goes one
 * subject at a time, so a graph of millions of triples takes the memory of its records, not of its triples.
 */
public abstract class SubjectGraph extends GraphBase {
    /** Each subject's records: one record, or an {@code Object[]} when several say something about the subject. */
    private final Map<String, Object> bySubject = new HashMap<>();
    /** The subjects in the order first met, which is the order of a full read. */
    private final List<String> subjects = new ArrayList<>();
    private volatile int size = -1;

    /** Adds {@code record} to what describes {@code subject}; records are emitted in the order added. */
    protected final void index(String subject, Object record) {
        Object had = bySubject.putIfAbsent(subject, record);
        if (had == null) {
            subjects.add(subject);
        } else if (had instanceof Object[] several) {
            Object[] more = java.util.Arrays.copyOf(several, several.length + 1);
            more[several.length] = record;
            bySubject.put(subject, more);
        } else {
            bySubject.put(subject, new Object[]{had, record});
        }
    }

    /** Adds the triples {@code record} states about {@code subject} to {@code out}. */
    protected abstract void emit(Node subject, Object record, TripleSink out);

    /** The IRIs of the graph's subjects, each once, in no particular order. */
    public final List<String> subjectIris() {
        return java.util.Collections.unmodifiableList(subjects);
    }

    /**
     * The subjects of any graph, each once, in no particular order: a subject graph knows them without making its
     * triples (and without a set of a million nodes to drop its repeats: it has none).
     */
    public static java.util.Collection<Node> subjectsOf(org.apache.jena.graph.Graph g) {
        if (g instanceof SubjectGraph records) {
            List<Node> subjects = new ArrayList<>(records.subjects.size());
            records.subjects.forEach(iri -> subjects.add(TripleSink.node(iri)));
            return subjects;
        }
        Set<Node> subjects = new java.util.HashSet<>();
        g.find().forEachRemaining(t -> subjects.add(t.getSubject()));
        return subjects;
    }

    /**
     * The digest of the records {@code subject}'s triples are made from (see {@link RecordDigest}), without making
     * them: equal for a subject whose triples cannot have changed since a build by the same program.
     */
    public final long[] recordDigest(String subject, RecordDigest digest) {
        Object records = bySubject.get(subject);
        if (records == null) throw new IllegalArgumentException("not a subject of this graph: " + subject);
        return digest.of(subject, records instanceof Object[] several ? java.util.Arrays.asList(several) : List.of(records));
    }

    /** The triples whose subject is {@code subject}, made now, each once. */
    public final List<Triple> triplesOf(String subject) {
        Object records = bySubject.get(subject);
        if (records == null) return List.of();
        Set<Triple> out = new LinkedHashSet<>();
        TripleSink sink = new TripleSink(out::add);
        Node n = TripleSink.node(subject);
        if (records instanceof Object[] several) {
            for (Object r : several) emit(n, r, sink);
        } else {
            emit(n, records, sink);
        }
        return new ArrayList<>(out);
    }

    @Override
    protected final ExtendedIterator<Triple> graphBaseFind(Triple pattern) {
        Node s = pattern.getSubject();
        if (s.isURI()) return WrappedIterator.create(triplesOf(s.getURI()).iterator()).filterKeep(pattern::matches);
        if (s.isConcrete()) return NiceIterator.emptyIterator();
        Iterator<Triple> all = new Iterator<>() {
            private int next;
            private Iterator<Triple> current = java.util.Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && next < subjects.size()) current = triplesOf(subjects.get(next++)).iterator();
                return current.hasNext();
            }

            @Override
            public Triple next() {
                if (!hasNext()) throw new NoSuchElementException();
                return current.next();
            }
        };
        ExtendedIterator<Triple> it = WrappedIterator.create(all);
        return pattern.getPredicate().isConcrete() || pattern.getObject().isConcrete() ? it.filterKeep(pattern::matches) : it;
    }

    /** The number of triples, counted once by making every subject's. */
    @Override
    protected final int graphBaseSize() {
        int n = size;
        if (n < 0) {
            n = 0;
            for (String s : subjects) n += triplesOf(s).size();
            size = n;
        }
        return n;
    }
}
