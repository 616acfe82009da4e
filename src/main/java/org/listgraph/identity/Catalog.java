package org.listgraph.identity;

import org.listgraph.entry.Account;
import org.listgraph.entry.Author;
import org.listgraph.entry.Entry;
import org.listgraph.entry.Kind;
import org.listgraph.entry.LinkRole;
import org.listgraph.entry.ListDocument;
import org.listgraph.entry.Section;
import org.listgraph.identity.Identified.AccountNode;
import org.listgraph.identity.Identified.AgentNode;
import org.listgraph.identity.Identified.EntryNode;
import org.listgraph.identity.Identified.ListNode;
import org.listgraph.identity.Identified.OrganizationNode;
import org.listgraph.identity.Identified.ResourceNode;
import org.listgraph.identity.Identified.SectionNode;
import org.listgraph.identity.Identified.TopicNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Gives every entry, resource, author and topic its identity across lists. Lists are added one at a
 * time (only the cross-list facts are kept, not the lists); {@link #shared()} is independent of the
 * order in which lists were added.
 */
public final class Catalog {
    /** Services in the order their handle is preferred as an agent's key. */
    private static final List<String> SERVICE_PRIORITY = List.of("github", "gitlab", "twitter", "speakerdeck", "slideshare", "medium", "linkedin");

    private final IriMinter iris;
    private final UrlCanonicalizer urls = new UrlCanonicalizer();
    private final KindClassifier kinds;
    private final TopicNames topicNames = new TopicNames();
    private final SortedMap<String, ResourceAcc> resources = new TreeMap<>();
    private final SortedMap<String, AgentAcc> agents = new TreeMap<>();
    private final SortedMap<String, Map<String, Integer>> organizations = new TreeMap<>();
    private final SortedMap<String, Map<String, Integer>> topics = new TreeMap<>();

    public Catalog(IriMinter iris, KindRules kindRules) {
        this.iris = iris;
        this.kinds = new KindClassifier(kindRules);
    }

    /** Identifies one list's nodes and records its contribution to the cross-list facts. */
    public ListNode add(ListDocument doc) {
        String listId = doc.info().id();
        String listIri = iris.list(listId);
        Map<List<String>, SectionNode> sections = identifySections(doc, listId);
        Map<String, Integer> seen = new HashMap<>();
        List<EntryNode> entries = new ArrayList<>();
        for (Entry e : doc.entries()) {
            String canonical = urls.canonical(e.identifyingLink().url());
            String resourceIri = iris.resource(canonical);
            int n = seen.merge(canonical, 1, Integer::sum);
            String key = IriMinter.hash(canonical, 12) + (n > 1 ? "-" + n : "");
            SectionNode section = sections.get(e.sectionPath());
            String parent = e.parentIndex() >= 0 ? entries.get(e.parentIndex()).iri() : null;
            entries.add(new EntryNode(iris.entry(listId, key), e, resourceIri, section == null ? null : section.iri(), parent));

            ResourceAcc r = resources.computeIfAbsent(resourceIri, k -> new ResourceAcc());
            r.titles.merge(e.title(), 1, Integer::sum);
            r.kindEvidence.addAll(kinds.evidence(e, canonical));
            r.urls.add(UrlCanonicalizer.toIri(e.identifyingLink().url()));
            e.linksWith(LinkRole.RECORDING).forEach(l -> r.recordings.add(UrlCanonicalizer.toIri(l.url())));
            e.linksWith(LinkRole.SLIDES).forEach(l -> r.slides.add(UrlCanonicalizer.toIri(l.url())));
            r.lists.add(listIri);
            for (Author a : e.authors()) r.creators.add(addAgent(a));
            topicOf(e.sectionPath(), sections).ifPresent(r.topics::add);
            if (e.parentIndex() >= 0) {
                String parentResource = entries.get(e.parentIndex()).resourceIri();
                if (!parentResource.equals(resourceIri)) {
                    ResourceAcc p = resources.get(parentResource);
                    if (e.part()) {
                        p.parts.add(resourceIri);
                        r.partOf.add(parentResource);
                    } else {
                        p.related.add(resourceIri);
                    }
                }
            }
        }
        String revisionOf = doc.info().revisionOf() == null ? null : iris.list(doc.info().revisionOf());
        return new ListNode(doc, listIri, iris.listGraph(listId), revisionOf,
                sections.values().stream().sorted(Comparator.comparing(SectionNode::iri)).toList(), entries);
    }

    private Map<List<String>, SectionNode> identifySections(ListDocument doc, String listId) {
        Map<String, java.util.Set<List<String>>> byKey = new HashMap<>();
        for (Section s : doc.sections()) byKey.computeIfAbsent(IriMinter.pathKey(s.path()), k -> new java.util.HashSet<>()).add(s.path());
        Map<List<String>, String> keys = new HashMap<>();
        byKey.forEach((key, paths) -> {
            // Headings that slug alike ("C" and "C++") all take a hash of their exact text, whatever their order.
            for (List<String> p : paths) keys.put(p, paths.size() == 1 ? key : key + "-" + IriMinter.hash(String.join("\n", p), 6));
        });
        Map<List<String>, SectionNode> nodes = new HashMap<>();
        for (Section s : doc.sections()) {
            if (nodes.containsKey(s.path())) continue;
            String topicIri = topicNames.key(s.label()).map(k -> {
                topics.computeIfAbsent(k, x -> new TreeMap<>()).merge(s.label(), 1, Integer::sum);
                return iris.topic(k);
            }).orElse(null);
            String broader = s.path().size() > 1 && keys.containsKey(s.parentPath()) ? iris.section(listId, keys.get(s.parentPath())) : null;
            nodes.put(s.path(), new SectionNode(iris.section(listId, keys.get(s.path())), s, broader, topicIri));
        }
        return nodes;
    }

    /** The topic of the innermost heading above an entry that names one. */
    private static Optional<String> topicOf(List<String> path, Map<List<String>, SectionNode> sections) {
        for (int i = path.size(); i > 0; i--) {
            SectionNode s = sections.get(path.subList(0, i));
            if (s != null && s.topicIri() != null) return Optional.of(s.topicIri());
        }
        return Optional.empty();
    }

    private String addAgent(Author author) {
        Optional<Account> primary = author.accounts().stream()
                .min(Comparator.comparingInt((Account a) -> {
                    int i = SERVICE_PRIORITY.indexOf(a.service());
                    return i < 0 ? SERVICE_PRIORITY.size() : i;
                }).thenComparing(Account::service).thenComparing(Account::name));
        String key = primary.map(a -> a.service() + "/" + a.name().toLowerCase(Locale.ROOT))
                .orElseGet(() -> author.name() != null ? "name/" + IriMinter.slug(author.name())
                        : "web/" + IriMinter.hash(author.homepage(), 12));
        String iri = iris.agent(key);
        AgentAcc a = agents.computeIfAbsent(iri, k -> new AgentAcc());
        if (author.name() != null) a.names.add(author.name());
        for (Account acc : author.accounts()) {
            a.nicks.add(acc.name());
            String accountIri = iris.account(acc.service(), acc.name());
            a.accountHomepages.put(accountIri, acc.serviceHomepage());
            a.accountNames.computeIfAbsent(accountIri, k -> new TreeMap<>()).merge(acc.name(), 1, Integer::sum);
        }
        if (author.homepage() != null) a.homepages.add(UrlCanonicalizer.toIri(author.homepage()));
        for (String affiliation : author.affiliations()) {
            String org = iris.organization(affiliation);
            organizations.computeIfAbsent(org, k -> new TreeMap<>()).merge(affiliation, 1, Integer::sum);
            a.affiliations.add(org);
        }
        return iri;
    }

    /** The cross-list facts of every list added so far. */
    public Identified.Shared shared() {
        List<ResourceNode> rs = new ArrayList<>();
        resources.forEach((iri, r) -> rs.add(new ResourceNode(iri, pick(r.titles), List.copyOf(kinds.resolve(r.kindEvidence)), List.copyOf(r.urls),
                List.copyOf(r.recordings), List.copyOf(r.slides), List.copyOf(r.creators), List.copyOf(r.topics), List.copyOf(r.lists),
                List.copyOf(r.parts), List.copyOf(r.partOf), List.copyOf(r.related))));
        List<AgentNode> as = new ArrayList<>();
        agents.forEach((iri, a) -> {
            List<AccountNode> accounts = new ArrayList<>();
            a.accountNames.forEach((acc, names) -> accounts.add(new AccountNode(acc, a.accountHomepages.get(acc), pick(names))));
            as.add(new AgentNode(iri, List.copyOf(a.names), List.copyOf(a.nicks), accounts, List.copyOf(a.homepages),
                    List.copyOf(a.affiliations)));
        });
        List<OrganizationNode> os = new ArrayList<>();
        organizations.forEach((iri, names) -> os.add(new OrganizationNode(iri, pick(names))));
        List<TopicNode> ts = new ArrayList<>();
        topics.forEach((key, labels) -> {
            String pref = pick(labels);
            ts.add(new TopicNode(iris.topic(key), pref, labels.keySet().stream().filter(l -> !l.equals(pref)).toList()));
        });
        return new Identified.Shared(rs, as, os, ts);
    }

    /** The most frequent text; ties go to the alphabetically first, so the choice does not depend on order. */
    private static String pick(Map<String, Integer> counts) {
        return counts.entrySet().stream()
                .min(Comparator.comparing((Map.Entry<String, Integer> e) -> -e.getValue()).thenComparing(Map.Entry::getKey))
                .orElseThrow().getKey();
    }

    private static final class ResourceAcc {
        final Map<String, Integer> titles = new TreeMap<>();
        final java.util.Set<Kind> kindEvidence = java.util.EnumSet.noneOf(Kind.class);
        final SortedSet<String> urls = new TreeSet<>();
        final SortedSet<String> recordings = new TreeSet<>();
        final SortedSet<String> slides = new TreeSet<>();
        final SortedSet<String> creators = new TreeSet<>();
        final SortedSet<String> topics = new TreeSet<>();
        final SortedSet<String> lists = new TreeSet<>();
        final SortedSet<String> parts = new TreeSet<>();
        final SortedSet<String> partOf = new TreeSet<>();
        final SortedSet<String> related = new TreeSet<>();
    }

    private static final class AgentAcc {
        final SortedSet<String> names = new TreeSet<>();
        final SortedSet<String> nicks = new TreeSet<>();
        final SortedMap<String, SortedMap<String, Integer>> accountNames = new TreeMap<>();
        final Map<String, String> accountHomepages = new HashMap<>();
        final SortedSet<String> homepages = new TreeSet<>();
        final SortedSet<String> affiliations = new TreeSet<>();
    }
}
