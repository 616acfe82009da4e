package org.listgraph.identity;

import org.listgraph.entry.Entry;
import org.listgraph.entry.Kind;
import org.listgraph.entry.ListDocument;
import org.listgraph.entry.Section;

import java.util.List;
import java.util.Objects;

/** The records the identity stage hands to the RDF stage: every node with its IRI. */
public final class Identified {
    private Identified() {
    }

    /** One list with the IRIs of its list node, graph, sections and entries. */
    /** A list's IRI and title: what a report over all lists needs of each. */
    public record ListHeader(String iri, String title) {
        public ListHeader {
            Objects.requireNonNull(iri);
        }
    }

    public record ListNode(ListDocument document, String iri, String graphIri, String revisionOfIri,
                           List<SectionNode> sections, List<EntryNode> entries) {
        public ListNode {
            Objects.requireNonNull(document);
            Objects.requireNonNull(iri);
            Objects.requireNonNull(graphIri);
            sections = List.copyOf(sections);
            entries = List.copyOf(entries);
        }
    }

    /** A heading, its broader heading (may be null) and the shared topics it names (none for a generic heading). */
    public record SectionNode(String iri, Section section, String broaderIri, List<String> topicIris) {
        public SectionNode {
            Objects.requireNonNull(iri);
            Objects.requireNonNull(section);
            topicIris = List.copyOf(topicIris);
        }
    }

    /** An entry with the IRIs of itself, its resource, section and parent entry (the last two may be null). */
    public record EntryNode(String iri, Entry entry, String resourceIri, String sectionIri, String parentIri) {
        public EntryNode {
            Objects.requireNonNull(iri);
            Objects.requireNonNull(entry);
            Objects.requireNonNull(resourceIri);
        }
    }

    /** A work, one node however many lists and URLs name it; lists are sorted. */
    public record ResourceNode(String iri, String title, List<Kind> kinds, List<String> kindEvidence, List<String> describedByIris,
                               List<String> urls, List<String> recordings,
                               List<String> slides, List<String> creatorIris, List<String> topicIris, List<String> derivedTopicIris,
                               List<String> listIris, List<String> partIris, List<String> partOfIris, List<String> relatedIris) {
        public ResourceNode {
            Objects.requireNonNull(iri);
            Objects.requireNonNull(title);
            kinds = List.copyOf(kinds);
            kindEvidence = List.copyOf(kindEvidence);
            describedByIris = List.copyOf(describedByIris);
            if (kinds.isEmpty()) throw new IllegalArgumentException("resource " + iri + " without a kind");
            urls = List.copyOf(urls);
            recordings = List.copyOf(recordings);
            slides = List.copyOf(slides);
            creatorIris = List.copyOf(creatorIris);
            topicIris = List.copyOf(topicIris);
            derivedTopicIris = List.copyOf(derivedTopicIris);
            listIris = List.copyOf(listIris);
            partIris = List.copyOf(partIris);
            partOfIris = List.copyOf(partOfIris);
            relatedIris = List.copyOf(relatedIris);
            if (urls.isEmpty() || listIris.isEmpty()) throw new IllegalArgumentException("resource " + iri + " without URL or list");
        }
    }

    /** A series a list names on a line of its own, without a URL: its title, parts and authors, sorted. */
    public record SeriesNode(String iri, String title, List<String> partIris, List<String> creatorIris) {
        public SeriesNode {
            Objects.requireNonNull(iri);
            Objects.requireNonNull(title);
            partIris = List.copyOf(partIris);
            creatorIris = List.copyOf(creatorIris);
            if (partIris.isEmpty()) throw new IllegalArgumentException("series " + iri + " without parts");
        }
    }

    /** An online account of an agent. */
    public record AccountNode(String iri, String serviceHomepage, String name) {
    }

    /** An author: names, handles, accounts, homepages and affiliations, all sorted; {@code person}/{@code organization} when known. */
    public record AgentNode(String iri, List<String> names, List<String> nicks, List<AccountNode> accounts,
                            List<String> homepages, List<String> affiliationIris, boolean person, boolean organization) {
        public AgentNode {
            names = List.copyOf(names);
            nicks = List.copyOf(nicks);
            accounts = List.copyOf(accounts);
            homepages = List.copyOf(homepages);
            affiliationIris = List.copyOf(affiliationIris);
            if (names.isEmpty() && nicks.isEmpty()) throw new IllegalArgumentException("agent " + iri + " without name or nick");
        }
    }

    /** An organisation named as an affiliation ("of Google"). */
    public record OrganizationNode(String iri, String name) {
    }

    /** A subject shared across lists: its labels, broader topics, and whether it is a concept of the topic scheme. */
    public record TopicNode(String iri, String prefLabel, List<String> altLabels, List<String> broaderIris, boolean inScheme) {
        public TopicNode {
            altLabels = List.copyOf(altLabels);
            broaderIris = List.copyOf(broaderIris);
        }
    }

    /**
     * Everything that spans lists, sorted by IRI; {@code possibleDuplicates} holds pairs of resource IRIs, and
     * {@code sameAs} pairs (an IRI a node has when fewer lists are converted, the IRI it has here).
     */
    public record Shared(List<ResourceNode> resources, List<SeriesNode> series, List<AgentNode> agents, List<OrganizationNode> organizations,
                         List<TopicNode> topics, List<List<String>> possibleDuplicates, List<List<String>> sameAs) {
        public Shared {
            sameAs = List.copyOf(sameAs);
            resources = List.copyOf(resources);
            series = List.copyOf(series);
            agents = List.copyOf(agents);
            organizations = List.copyOf(organizations);
            topics = List.copyOf(topics);
            possibleDuplicates = List.copyOf(possibleDuplicates);
        }
    }

    /**
     * One identity decision for the merge report: what kind of node ({@code work}, {@code person},
     * {@code topic}), the node it resulted in, its members, the evidence, the URLs and lists involved,
     * and whether the members were merged, kept apart or only marked as possible duplicates.
     */
    public record Decision(String what, String outcome, String into, List<String> members, List<String> evidence,
                           List<String> urls, List<String> lists) {
        public Decision {
            members = List.copyOf(members);
            evidence = List.copyOf(evidence);
            urls = List.copyOf(urls);
            lists = List.copyOf(lists);
        }
    }

    /** What identity resolution decided: the shared nodes, how raw IRIs map to them, and why. */
    public record Resolution(Shared shared, java.util.Map<String, String> aliases, List<Decision> decisions) {
        public Resolution {
            aliases = java.util.Map.copyOf(aliases);
            decisions = List.copyOf(decisions);
        }

        /** The IRI a raw resource or topic IRI resolved to (itself when it was not merged). */
        public String resolve(String iri) {
            return iri == null ? null : aliases.getOrDefault(iri, iri);
        }
    }
}
