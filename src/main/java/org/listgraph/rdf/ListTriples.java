package org.listgraph.rdf;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.graph.GraphFactory;
import org.listgraph.entry.Entry;
import org.listgraph.entry.Link;
import org.listgraph.entry.LinkRole;
import org.listgraph.entry.ListInfo;
import org.listgraph.identity.Identified.EntryNode;
import org.listgraph.identity.Identified.ListNode;
import org.listgraph.identity.Identified.SectionNode;
import org.listgraph.identity.UrlCanonicalizer;

/** The triples of one list's own graph: the list, its sections and its entries. */
public final class ListTriples {
    private ListTriples() {
    }

    /** The SPDX ids of the licences lists tag their entries with ({@code `MIT`}, {@code `GPL-3.0`}), as SPDX spells them. */
    private static final java.util.regex.Pattern SPDX = java.util.regex.Pattern.compile("MIT|MIT-0|ISC|0BSD|BSD-[234]-Clause(-[A-Za-z]+)?"
            + "|Apache-[12]\\.[01]|MPL-[12]\\.[01]|(A|L)?GPL-[123]\\.0(-only|-or-later)?|EPL-[12]\\.0|EUPL-1\\.[12]|CC0-1\\.0"
            + "|CC-BY(-SA|-NC|-ND|-NC-SA|-NC-ND)?-[1-4]\\.0|Unlicense|WTFPL|Zlib|BSL-1\\.0|Artistic-2\\.0|OFL-1\\.1|PostgreSQL"
            + "|Python-2\\.0|CDDL-1\\.[01]|MS-PL|NCSA|BlueOak-1\\.0\\.0|Elastic-2\\.0|SSPL-1\\.0|ODbL-1\\.0|CECILL-2\\.1");

    /** The list's graph, with resource and topic IRIs as identity resolution decided. */
    public static Graph of(ListNode list, org.listgraph.identity.Identified.Resolution resolution) {
        return of(list, resolution, topicNodes(resolution));
    }

    /** The IRIs of the topics that are nodes of the graph. */
    static java.util.Set<String> topicNodes(org.listgraph.identity.Identified.Resolution resolution) {
        java.util.Set<String> topicNodes = new java.util.HashSet<>();
        resolution.shared().topics().forEach(t -> topicNodes.add(t.iri()));
        return topicNodes;
    }

    /** A section's topics as its graph states them: resolved, only topics that are nodes, sorted. */
    private static java.util.List<String> topicsOf(SectionNode s, org.listgraph.identity.Identified.Resolution resolution,
                                                   java.util.Set<String> topicNodes) {
        // Only topics that are nodes: a heading with no resources under it names no topic of the graph.
        return s.topicIris().stream().map(resolution::resolve).filter(topicNodes::contains).distinct().sorted().toList();
    }

    /**
     * A key for everything {@link #of} reads. The list as read, by its bytes' hash and what the manifest says of it
     * (with {@code program}, which names the code and the rules that read and identified it, that fixes the list's
     * node, its IRIs included), and what identity decided for it: each entry's resource and each section's topics.
     * Equal keys give equal graphs, so a build may reuse what it kept of a graph with the same key instead of making
     * the graph again. Whatever {@link #of} comes to read from the resolution must be added here.
     */
    static String inputsKey(ListNode list, org.listgraph.identity.Identified.Resolution resolution, java.util.Set<String> topicNodes,
                            String program) {
        StringBuilder key = new StringBuilder(64 * (list.entries().size() + list.sections().size() + 4));
        key.append("listgraph list graph 1\n").append(program).append('\n').append(list.iri()).append('\n').append(list.graphIri())
                .append('\n').append(list.revisionOfIri()).append('\n').append(list.document().sha256()).append('\n')
                .append(list.document().info()).append('\n');
        for (SectionNode s : list.sections()) key.append(s.iri()).append(' ').append(topicsOf(s, resolution, topicNodes)).append('\n');
        for (EntryNode en : list.entries()) key.append(en.iri()).append(' ').append(resolution.resolve(en.resourceIri())).append('\n');
        return org.listgraph.identity.IriMinter.hash(key.toString(), 64);
    }

    static Graph of(ListNode list, org.listgraph.identity.Identified.Resolution resolution, java.util.Set<String> topicNodes) {
        Graph g = GraphFactory.createGraphMem();
        TripleSink out = new TripleSink(g);
        ListInfo info = list.document().info();
        Node l = header(list, out);
        out.text(l, Vocab.SOURCE_PATH, info.file());
        out.text(l, Vocab.SHA256, list.document().sha256());
        out.iri(l, Vocab.DCT_SOURCE, info.origin() == null ? null : UrlCanonicalizer.toIri(info.origin()));
        out.iri(l, Vocab.DCT_LICENSE, info.license() == null ? null : "http://spdx.org/licenses/" + info.license());
        out.iri(l, Vocab.PROV_WAS_REVISION_OF, list.revisionOfIri());
        out.integer(l, Vocab.SCHEMA_NUMBER_OF_ITEMS, list.entries().size());

        for (SectionNode s : list.sections()) {
            Node sn = TripleSink.node(s.iri());
            out.add(sn, Vocab.TYPE, Vocab.SECTION);
            out.text(sn, Vocab.SKOS_PREF_LABEL, s.section().label());
            out.add(sn, Vocab.SKOS_IN_SCHEME, l);
            out.iri(sn, Vocab.SKOS_BROADER, s.broaderIri());
            topicsOf(s, resolution, topicNodes).forEach(t -> out.iri(sn, Vocab.TOPIC_P, t));
        }

        java.util.Map<java.util.List<String>, Node> sectionNodes = new java.util.HashMap<>();
        for (SectionNode s : list.sections()) sectionNodes.put(s.section().path(), TripleSink.node(s.iri()));
        java.util.Map<Node, StringBuilder> described = new java.util.LinkedHashMap<>();
        for (org.listgraph.entry.Prose p : list.document().prose()) {
            // Running text is its section's description (the list's, before any heading); its links are seeAlso.
            Node subject = sectionNodes.getOrDefault(p.sectionPath(), l);
            if (!p.text().isBlank()) {
                StringBuilder d = described.computeIfAbsent(subject, k -> new StringBuilder());
                d.append(d.length() > 0 ? "\n\n" : "").append(p.text());
            }
            p.links().forEach(u -> out.iri(subject, Vocab.SEE_ALSO, UrlCanonicalizer.toIri(u)));
        }
        described.forEach((subject, d) -> out.text(subject, Vocab.DCT_DESCRIPTION, d.toString()));

        for (EntryNode en : list.entries()) {
            Entry e = en.entry();
            Node n = TripleSink.node(en.iri());
            out.add(n, Vocab.TYPE, Vocab.ENTRY);
            out.add(n, Vocab.IN_LIST, l);
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
                if (SPDX.matcher(tag).matches()) out.iri(n, Vocab.DCT_LICENSE, "http://spdx.org/licenses/" + tag);
            }
        }
        return g;
    }

    /** The list's type and title (what a report over all lists needs of each); returns the list's node. */
    static Node header(ListNode list, TripleSink out) {
        Node l = TripleSink.node(list.iri());
        out.add(l, Vocab.TYPE, Vocab.LIST);
        out.text(l, Vocab.DCT_TITLE, list.document().info().title());
        return l;
    }
}
