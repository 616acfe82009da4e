package org.listgraph.rdf;

import org.apache.jena.graph.Node;
import org.listgraph.identity.Identified;
import org.listgraph.identity.Identified.AccountNode;
import org.listgraph.identity.Identified.AgentNode;
import org.listgraph.identity.Identified.OrganizationNode;
import org.listgraph.identity.Identified.ResourceNode;
import org.listgraph.identity.Identified.SeriesNode;
import org.listgraph.identity.Identified.TopicNode;

import java.util.List;
import java.util.Set;

/**
 * The cross-list graph (resources with every list they are in, series, agents, organisations, topics), read-only
 * and never held whole: a subject's triples are made from identity's records each time they are read. Held as a
 * Jena in-memory graph it was a third of a build's triples and two fifths of its heap, while everything that reads
 * it (the store, the hash, graph.ttl) goes one subject at a time.
 */
public final class SharedGraph extends SubjectGraph {
    /** A resource's {@code lg:possibleDuplicate} of another. */
    private record PossibleDuplicate(String other) {
    }

    /** An earlier IRI's {@code owl:sameAs} to the node's IRI. */
    private record SameAs(String other) {
    }

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

    @Override
    protected void emit(Node n, Object record, TripleSink out) {
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
}
