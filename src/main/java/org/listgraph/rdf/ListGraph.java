package org.listgraph.rdf;

import org.apache.jena.graph.Node;
import org.listgraph.entry.Entry;
import org.listgraph.entry.Link;
import org.listgraph.entry.LinkRole;
import org.listgraph.entry.ListInfo;
import org.listgraph.identity.Identified.EntryNode;
import org.listgraph.identity.Identified.ListNode;
import org.listgraph.identity.Identified.Resolution;
import org.listgraph.identity.Identified.SectionNode;
import org.listgraph.identity.UrlCanonicalizer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One list's own graph (the list, its sections and its entries), made subject by subject from the list as read
 * and identity's decisions each time it is read, never held whole: a list of 200,000 entries is 2.8 million
 * triples, which as a Jena in-memory graph took more heap than the rest of a build.
 */
final class ListGraph extends SubjectGraph {
    /** The running text of a section (or of the list, before any heading): its description. */
    private record Description(String text) {
    }

    /** A link in running text: the section's (or list's) {@code rdfs:seeAlso}. */
    private record SeeAlso(String iri) {
    }

    private final ListNode list;
    private final Resolution resolution;
    private final Set<String> topicNodes;

    ListGraph(ListNode list, Resolution resolution, Set<String> topicNodes) {
        this.list = list;
        this.resolution = resolution;
        this.topicNodes = topicNodes;
        index(list.iri(), list);
        for (SectionNode s : list.sections()) index(s.iri(), s);
        Map<List<String>, String> sectionIris = new java.util.HashMap<>();
        for (SectionNode s : list.sections()) sectionIris.put(s.section().path(), s.iri());
        Map<String, StringBuilder> described = new LinkedHashMap<>();
        for (org.listgraph.entry.Prose p : list.document().prose()) {
            // Running text is its section's description (the list's, before any heading); its links are seeAlso.
            String subject = sectionIris.getOrDefault(p.sectionPath(), list.iri());
            if (!p.text().isBlank()) {
                StringBuilder d = described.computeIfAbsent(subject, k -> new StringBuilder());
                d.append(d.length() > 0 ? "\n\n" : "").append(p.text());
            }
            p.links().forEach(u -> index(subject, new SeeAlso(UrlCanonicalizer.toIri(u))));
        }
        described.forEach((subject, d) -> index(subject, new Description(d.toString())));
        for (EntryNode en : list.entries()) index(en.iri(), en);
    }

    @Override
    protected void emit(Node n, Object record, TripleSink out) {
        if (record instanceof EntryNode en) {
            entry(n, en, out);
        } else if (record instanceof SectionNode s) {
            out.add(n, Vocab.TYPE, Vocab.SECTION);
            out.text(n, Vocab.SKOS_PREF_LABEL, s.section().label());
            out.add(n, Vocab.SKOS_IN_SCHEME, TripleSink.node(list.iri()));
            out.iri(n, Vocab.SKOS_BROADER, s.broaderIri());
            ListTriples.topicsOf(s, resolution, topicNodes).forEach(t -> out.iri(n, Vocab.TOPIC_P, t));
        } else if (record instanceof ListNode l) {
            ListInfo info = l.document().info();
            ListTriples.header(l, out);
            out.text(n, Vocab.SOURCE_PATH, info.file());
            out.text(n, Vocab.SHA256, l.document().sha256());
            out.iri(n, Vocab.DCT_SOURCE, info.origin() == null ? null : UrlCanonicalizer.toIri(info.origin()));
            out.iri(n, Vocab.DCT_LICENSE, info.license() == null ? null : "http://spdx.org/licenses/" + info.license());
            out.iri(n, Vocab.PROV_WAS_REVISION_OF, l.revisionOfIri());
            out.integer(n, Vocab.SCHEMA_NUMBER_OF_ITEMS, l.entries().size());
        } else if (record instanceof Description d) {
            out.text(n, Vocab.DCT_DESCRIPTION, d.text());
        } else if (record instanceof SeeAlso see) {
            out.iri(n, Vocab.SEE_ALSO, see.iri());
        } else {
            throw new IllegalStateException("no triples for " + record);
        }
    }

    private void entry(Node n, EntryNode en, TripleSink out) {
        Entry e = en.entry();
        out.add(n, Vocab.TYPE, Vocab.ENTRY);
        out.add(n, Vocab.IN_LIST, TripleSink.node(list.iri()));
        out.iri(n, Vocab.SCHEMA_ITEM, resolution.resolve(en.resourceIri()));
        out.integer(n, Vocab.SCHEMA_POSITION, e.index() + 1L);
        out.integer(n, Vocab.LINE, e.position().line());
        out.iri(n, Vocab.SECTION_P, en.sectionIri());
        out.text(n, Vocab.LABEL, e.label());
        out.text(n, Vocab.DCT_DESCRIPTION, e.description());
        out.text(n, Vocab.MARKDOWN, e.markdown());
        out.date(n, Vocab.DCT_DATE, e.date());
        if (e.featured()) out.bool(n, Vocab.FEATURED, true);
        out.iri(n, Vocab.PARENT_ENTRY, en.parentIri());
        for (Link link : e.linksWith(LinkRole.RELATED)) {
            out.iri(n, Vocab.SEE_ALSO, UrlCanonicalizer.toIri(link.url()));
        }
        for (String tag : e.tags()) {
            out.text(n, Vocab.TAG, tag);
            if (ListTriples.SPDX.matcher(tag).matches()) out.iri(n, Vocab.DCT_LICENSE, "http://spdx.org/licenses/" + tag);
        }
    }
}
