package org.listgraph.rdf;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.impl.GraphBase;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.util.iterator.NiceIterator;
import org.apache.jena.util.iterator.WrappedIterator;
import org.listgraph.identity.Identified;
import org.listgraph.identity.Identified.AccountNode;
import org.listgraph.identity.Identified.AgentNode;
import org.listgraph.identity.Identified.OrganizationNode;
import org.listgraph.identity.Identified.ResourceNode;
import org.listgraph.identity.Identified.SeriesNode;
import org.listgraph.identity.Identified.TopicNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The cross-list graph (resources with every list they are in, series, agents, organisations, topics), read-only
 * and never held whole: a subject's triples are made from identity's records each time they are read. Held as a
 * Jena in-memory graph it was a third of a build's triples and two fifths of its heap, while everything that reads
 * it (the store, the hash, graph.ttl) goes one subject at a time.
 */
public final class SharedGraph extends GraphBase {
    /** A resource's {@code lg:possibleDuplicate} of another. */
    private record PossibleDuplicate(String other) {
    }

    /** An earlier IRI's {@code owl:sameAs} to the node's IRI. */
    private record SameAs(String other) {
    }

    /** Each subject's records: one record, or an {@code Object[]} when several say something about the subject. */
    private final Map<String, Object> bySubject = new HashMap<>();
    /** The subjects in the order first met, which is the order of a full read. */
    private final List<String> subjects = new ArrayList<>();
    private volatile int size = -1;

    public SharedGraph(Identified.Shared shared) {
        shared.resources().forEach(r -> index(r.iri(), r));
        shared.series().forEach(s -> index(s.iri(), s));
        for (AgentNode a : shared.agents()) {
            index(a.iri(), a);
            a.accounts().forEach(acc -> index(acc.iri(), acc));
        }
        for (List<String> pair : shared.possibleDuplicates()) {
            index(pair.get(0), new PossibleDuplicate(pair.get(1)));
            index(pair.get(1), new PossibleDuplicate(pair.get(0)));
        }
        // An IRI a node has when fewer lists are converted stays usable: it is the same as the node's IRI here.
        shared.sameAs().forEach(pair -> index(pair.get(0), new SameAs(pair.get(1))));
        shared.organizations().forEach(o -> index(o.iri(), o));
        shared.topics().forEach(t -> index(t.iri(), t));
    }

    private void index(String subject, Object record) {
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

    /** The IRIs of the graph's subjects, each once, in no particular order. */
    public List<String> subjectIris() {
        return java.util.Collections.unmodifiableList(subjects);
    }

    /**
     * The subjects of any graph, each once, in no particular order: a shared graph knows them without making its
     * triples (and without a set of a million nodes to drop its repeats: it has none).
     */
    public static java.util.Collection<Node> subjectsOf(org.apache.jena.graph.Graph g) {
        if (g instanceof SharedGraph shared) {
            List<Node> subjects = new ArrayList<>(shared.subjects.size());
            shared.subjects.forEach(iri -> subjects.add(TripleSink.node(iri)));
            return subjects;
        }
        Set<Node> subjects = new java.util.HashSet<>();
        g.find().forEachRemaining(t -> subjects.add(t.getSubject()));
        return subjects;
    }

    /** The triples whose subject is {@code subject}, made now. */
    public List<Triple> triplesOf(String subject) {
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

    private static void emit(Node n, Object record, TripleSink out) {
        if (record instanceof ResourceNode r) {
            resource(n, r, out);
        } else if (record instanceof SeriesNode s) {
            out.add(n, Vocab.TYPE, Vocab.SERIES);
            out.add(n, Vocab.TYPE, Vocab.SCHEMA_CREATIVE_WORK_SERIES);
            out.text(n, Vocab.DCT_TITLE, s.title());
            s.partIris().forEach(p -> out.iri(n, Vocab.DCT_HAS_PART, p));
            s.creatorIris().forEach(c -> out.iri(n, Vocab.DCT_CREATOR, c));
        } else if (record instanceof AgentNode a) {
            agent(n, a, out);
        } else if (record instanceof AccountNode acc) {
            out.add(n, Vocab.TYPE, Vocab.FOAF_ONLINE_ACCOUNT);
            out.iri(n, Vocab.FOAF_ACCOUNT_SERVICE_HOMEPAGE, acc.serviceHomepage());
            out.text(n, Vocab.FOAF_ACCOUNT_NAME, acc.name());
        } else if (record instanceof PossibleDuplicate d) {
            out.iri(n, Vocab.POSSIBLE_DUPLICATE, d.other());
        } else if (record instanceof SameAs same) {
            out.iri(n, Vocab.OWL_SAME_AS, same.other());
        } else if (record instanceof OrganizationNode o) {
            out.add(n, Vocab.TYPE, Vocab.FOAF_AGENT);
            out.add(n, Vocab.TYPE, Vocab.FOAF_ORGANIZATION);
            out.text(n, Vocab.FOAF_NAME, o.name());
            LookupKeys.ofName(o.name()).forEach(k -> out.text(n, Vocab.LOOKUP_KEY, k));
        } else if (record instanceof TopicNode t) {
            topic(n, t, out);
        } else {
            throw new IllegalStateException("not a record of the shared graph: " + record);
        }
    }

    private static void resource(Node n, ResourceNode r, TripleSink out) {
        out.add(n, Vocab.TYPE, Vocab.RESOURCE);
        r.kinds().forEach(k -> out.add(n, Vocab.TYPE, Vocab.lg(k.localName())));
        r.kindEvidence().forEach(why -> out.text(n, Vocab.KIND_EVIDENCE, why));
        r.describedByIris().forEach(l -> out.iri(n, Vocab.DESCRIBED_BY, l));
        out.text(n, Vocab.DCT_TITLE, r.title());
        r.urls().forEach(u -> out.iri(n, Vocab.SCHEMA_URL, u));
        r.recordings().forEach(u -> out.iri(n, Vocab.RECORDING, u));
        r.slides().forEach(u -> out.iri(n, Vocab.SLIDES, u));
        r.creatorIris().forEach(c -> out.iri(n, Vocab.DCT_CREATOR, c));
        r.topicIris().forEach(t -> out.iri(n, Vocab.DCT_SUBJECT, t));
        r.derivedTopicIris().forEach(t -> out.iri(n, Vocab.DERIVED_SUBJECT, t));
        r.listIris().forEach(l -> out.iri(n, Vocab.LISTED_IN, l));
        out.integer(n, Vocab.LIST_COUNT, r.listIris().size());
        r.partIris().forEach(p -> out.iri(n, Vocab.DCT_HAS_PART, p));
        r.partOfIris().forEach(p -> out.iri(n, Vocab.DCT_IS_PART_OF, p));
        r.relatedIris().forEach(p -> out.iri(n, Vocab.DCT_RELATION, p));
    }

    private static void agent(Node n, AgentNode a, TripleSink out) {
        out.add(n, Vocab.TYPE, Vocab.FOAF_AGENT);
        if (a.person()) out.add(n, Vocab.TYPE, Vocab.FOAF_PERSON);
        if (a.organization()) out.add(n, Vocab.TYPE, Vocab.FOAF_ORGANIZATION);
        a.names().forEach(v -> out.text(n, Vocab.FOAF_NAME, v));
        a.nicks().forEach(v -> out.text(n, Vocab.FOAF_NICK, v));
        Set<String> keys = new java.util.TreeSet<>();
        a.names().forEach(v -> keys.addAll(LookupKeys.ofName(v)));
        a.nicks().forEach(v -> keys.addAll(LookupKeys.ofName(v)));
        a.accounts().forEach(acc -> keys.addAll(LookupKeys.ofName(acc.name())));
        keys.forEach(k -> out.text(n, Vocab.LOOKUP_KEY, k));
        a.accounts().forEach(acc -> out.add(n, Vocab.FOAF_ACCOUNT, TripleSink.node(acc.iri())));
        a.homepages().forEach(h -> out.iri(n, Vocab.FOAF_HOMEPAGE, h));
        a.affiliationIris().forEach(o -> out.iri(n, Vocab.SCHEMA_AFFILIATION, o));
    }

    private static void topic(Node n, TopicNode t, TripleSink out) {
        out.add(n, Vocab.TYPE, Vocab.TOPIC);
        out.text(n, Vocab.SKOS_PREF_LABEL, t.prefLabel());
        t.altLabels().forEach(l -> out.text(n, Vocab.SKOS_ALT_LABEL, l));
        if (t.inScheme()) out.add(n, Vocab.SKOS_IN_SCHEME, Vocab.TOPICS);
        t.broaderIris().forEach(b -> out.iri(n, Vocab.SKOS_BROADER, b));
        Set<String> keys = new java.util.TreeSet<>(LookupKeys.ofLabel(t.prefLabel()));
        t.altLabels().forEach(l -> keys.addAll(LookupKeys.ofLabel(l)));
        keys.forEach(k -> out.text(n, Vocab.LOOKUP_KEY, k));
    }

    @Override
    protected ExtendedIterator<Triple> graphBaseFind(Triple pattern) {
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
    protected int graphBaseSize() {
        int n = size;
        if (n < 0) {
            n = 0;
            for (String s : subjects) n += triplesOf(s).size();
            size = n;
        }
        return n;
    }
}
