package org.listgraph.rdf;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.listgraph.identity.Identified.EntryNode;
import org.listgraph.identity.Identified.ListNode;
import org.listgraph.identity.Identified.SectionNode;

/** One list's own graph (the list, its sections and its entries), and the key of what it is made from. */
public final class ListTriples {
    private ListTriples() {
    }

    /** The SPDX ids of the licences lists tag their entries with ({@code `MIT`}, {@code `GPL-3.0`}), as SPDX spells them. */
    static final java.util.regex.Pattern SPDX = java.util.regex.Pattern.compile("MIT|MIT-0|ISC|0BSD|BSD-[234]-Clause(-[A-Za-z]+)?"
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
    static java.util.List<String> topicsOf(SectionNode s, org.listgraph.identity.Identified.Resolution resolution,
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
        return new ListGraph(list, resolution, topicNodes);
    }

    /** The list's type and title (what a report over all lists needs of each); returns the list's node. */
    static Node header(ListNode list, TripleSink out) {
        Node l = TripleSink.node(list.iri());
        out.add(l, Vocab.TYPE, Vocab.LIST);
        out.text(l, Vocab.DCT_TITLE, list.document().info().title());
        return l;
    }
}
