package org.listgraph.rdf;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.graph.GraphFactory;
import org.listgraph.identity.Identified;
import org.listgraph.identity.Identified.AccountNode;
import org.listgraph.identity.Identified.AgentNode;
import org.listgraph.identity.Identified.OrganizationNode;
import org.listgraph.identity.Identified.ResourceNode;
import org.listgraph.identity.Identified.SeriesNode;
import org.listgraph.identity.Identified.TopicNode;

import java.util.List;

/** The triples of the cross-list graph: resources with every list they are in, series, agents, organisations, topics. */
public final class SharedTriples {
    private SharedTriples() {
    }

    public static Graph of(Identified.Shared shared) {
        Graph g = GraphFactory.createGraphMem();
        TripleSink out = new TripleSink(g);
        for (ResourceNode r : shared.resources()) {
            Node n = TripleSink.node(r.iri());
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
        for (SeriesNode s : shared.series()) {
            Node n = TripleSink.node(s.iri());
            out.add(n, Vocab.TYPE, Vocab.SERIES);
            out.add(n, Vocab.TYPE, Vocab.SCHEMA_CREATIVE_WORK_SERIES);
            out.text(n, Vocab.DCT_TITLE, s.title());
            s.partIris().forEach(p -> out.iri(n, Vocab.DCT_HAS_PART, p));
            s.creatorIris().forEach(c -> out.iri(n, Vocab.DCT_CREATOR, c));
        }
        for (AgentNode a : shared.agents()) {
            Node n = TripleSink.node(a.iri());
            out.add(n, Vocab.TYPE, Vocab.FOAF_AGENT);
            if (a.person()) out.add(n, Vocab.TYPE, Vocab.FOAF_PERSON);
            if (a.organization()) out.add(n, Vocab.TYPE, Vocab.FOAF_ORGANIZATION);
            a.names().forEach(v -> out.text(n, Vocab.FOAF_NAME, v));
            a.nicks().forEach(v -> out.text(n, Vocab.FOAF_NICK, v));
            java.util.Set<String> keys = new java.util.TreeSet<>();
            a.names().forEach(v -> keys.addAll(LookupKeys.ofName(v)));
            a.nicks().forEach(v -> keys.addAll(LookupKeys.ofName(v)));
            a.accounts().forEach(acc -> keys.addAll(LookupKeys.ofName(acc.name())));
            keys.forEach(k -> out.text(n, Vocab.LOOKUP_KEY, k));
            for (AccountNode acc : a.accounts()) {
                Node an = TripleSink.node(acc.iri());
                out.add(n, Vocab.FOAF_ACCOUNT, an);
                out.add(an, Vocab.TYPE, Vocab.FOAF_ONLINE_ACCOUNT);
                out.iri(an, Vocab.FOAF_ACCOUNT_SERVICE_HOMEPAGE, acc.serviceHomepage());
                out.text(an, Vocab.FOAF_ACCOUNT_NAME, acc.name());
            }
            a.homepages().forEach(h -> out.iri(n, Vocab.FOAF_HOMEPAGE, h));
            a.affiliationIris().forEach(o -> out.iri(n, Vocab.SCHEMA_AFFILIATION, o));
        }
        for (List<String> pair : shared.possibleDuplicates()) {
            out.iri(TripleSink.node(pair.get(0)), Vocab.POSSIBLE_DUPLICATE, pair.get(1));
            out.iri(TripleSink.node(pair.get(1)), Vocab.POSSIBLE_DUPLICATE, pair.get(0));
        }
        // An IRI a node has when fewer lists are converted stays usable: it is the same as the node's IRI here.
        for (List<String> pair : shared.sameAs()) out.iri(TripleSink.node(pair.get(0)), Vocab.OWL_SAME_AS, pair.get(1));
        for (OrganizationNode o : shared.organizations()) {
            Node n = TripleSink.node(o.iri());
            out.add(n, Vocab.TYPE, Vocab.FOAF_AGENT);
            out.add(n, Vocab.TYPE, Vocab.FOAF_ORGANIZATION);
            out.text(n, Vocab.FOAF_NAME, o.name());
            LookupKeys.ofName(o.name()).forEach(k -> out.text(n, Vocab.LOOKUP_KEY, k));
        }
        for (TopicNode t : shared.topics()) {
            Node n = TripleSink.node(t.iri());
            out.add(n, Vocab.TYPE, Vocab.TOPIC);
            out.text(n, Vocab.SKOS_PREF_LABEL, t.prefLabel());
            t.altLabels().forEach(l -> out.text(n, Vocab.SKOS_ALT_LABEL, l));
            if (t.inScheme()) out.add(n, Vocab.SKOS_IN_SCHEME, Vocab.TOPICS);
            t.broaderIris().forEach(b -> out.iri(n, Vocab.SKOS_BROADER, b));
            java.util.Set<String> keys = new java.util.TreeSet<>(LookupKeys.ofLabel(t.prefLabel()));
            t.altLabels().forEach(l -> keys.addAll(LookupKeys.ofLabel(l)));
            keys.forEach(k -> out.text(n, Vocab.LOOKUP_KEY, k));
        }
        return g;
    }
}
