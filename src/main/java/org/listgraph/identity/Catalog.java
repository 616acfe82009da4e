package org.listgraph.identity;

import org.listgraph.entry.Author;
import org.listgraph.entry.Entry;
import org.listgraph.entry.Kind;
import org.listgraph.entry.ListDocument;
import org.listgraph.entry.Section;
import org.listgraph.identity.Clustering.Edge;
import org.listgraph.identity.Identified.Decision;
import org.listgraph.identity.Identified.EntryNode;
import org.listgraph.identity.Identified.ListNode;
import org.listgraph.identity.Identified.OrganizationNode;
import org.listgraph.identity.Identified.ResourceNode;
import org.listgraph.identity.Identified.SectionNode;
import org.listgraph.identity.Identified.SeriesNode;
import org.listgraph.identity.PeopleResolver.People;
import org.listgraph.identity.TopicResolver.Topics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.listgraph.identity.Clustering.join;
import static org.listgraph.identity.Clustering.pick;
import static org.listgraph.identity.Clustering.show;

/**
 * Gives every entry, resource, author and topic its identity across lists. Lists are added one at
 * a time; {@link #resolve()} then clusters people (accounts, handles, names on the same work),
 * topics and works (canonical URL, then title with corroborating evidence) and explains every
 * decision. Nothing it returns depends on the order in which lists were added.
 */
public final class Catalog {
    /** Host families: hosts that serve one site's content. */
    private static final Map<String, String> SITE_FAMILY = Map.of(
            "speakerd.s3.amazonaws.com", "speakerdeck.com", "youtu.be", "youtube.com", "de.slideshare.net", "slideshare.net");
    private static final int BLOCK_LIMIT = 50;
    private static final int AUTHOR_WORKS_LIMIT = 200;

    private final IriMinter iris;
    private final UrlCanonicalizer urls = new UrlCanonicalizer();
    private final KindClassifier kinds;
    private final Overrides overrides;
    private final PeopleResolver peopleResolver;
    private final TopicResolver topicResolver;
    private final SortedMap<String, ResourceEvidence> resources = new TreeMap<>();
    /** The loaded lists by the key of their origin URL, so a link to a loaded list can name it. */
    private final SortedMap<String, String> listsByOrigin = new TreeMap<>();
    /** Series named by a line without a link, by IRI: their titles as written, parts and authors. */
    private final SortedMap<String, SeriesAcc> series = new TreeMap<>();

    public Catalog(IriMinter iris, KindRules kindRules, Overrides overrides) {
        this.iris = iris;
        this.kinds = new KindClassifier(kindRules);
        this.overrides = overrides;
        this.peopleResolver = new PeopleResolver(iris, overrides);
        this.topicResolver = new TopicResolver(iris, overrides);
    }

    /** Identifies one list's nodes (resource IRIs by canonical URL, before clustering) and records its evidence. */
    public ListNode add(ListDocument doc) {
        String listId = doc.info().id();
        String listIri = iris.list(listId);
        Map<List<String>, SectionNode> sections = identifySections(doc, listId);
        Map<String, Integer> seen = new HashMap<>();
        List<EntryNode> entries = new ArrayList<>();
        List<String> canonicals = doc.entries().stream().map(e -> urls.canonical(e.identifyingLink().url())).toList();
        List<KindClassifier.Verdict> verdicts = kinds.classify(doc.entries(), canonicals, doc.info());
        for (Entry e : doc.entries()) {
            String canonical = canonicals.get(e.index());
            String resourceIri = iris.resource(canonical);
            int n = seen.merge(canonical, 1, Integer::sum);
            String key = IriMinter.hash(canonical, 12) + (n > 1 ? "-" + n : "");
            SectionNode section = sections.get(e.sectionPath());
            String parent = e.parentIndex() >= 0 ? entries.get(e.parentIndex()).iri() : null;
            entries.add(new EntryNode(iris.entry(listId, key), e, resourceIri, section == null ? null : section.iri(), parent));

            ResourceEvidence r = resources.computeIfAbsent(resourceIri, k -> new ResourceEvidence());
            r.add(e, canonical, verdicts.get(e.index()), listIri, urls);
            for (Author a : e.authors()) r.creators.add(peopleResolver.add(a));
            topicOf(e.sectionPath(), sections).ifPresent(r.topics::add);
            if (e.series() != null) {
                String seriesIri = iris.series(e.series().title());
                SeriesAcc acc = series.computeIfAbsent(seriesIri, k -> new SeriesAcc());
                acc.titles.merge(e.series().title(), 1, Integer::sum);
                acc.parts.add(resourceIri);
                for (Author a : e.series().authors()) acc.creators.add(peopleResolver.add(a));
                r.partOf.add(seriesIri);
            }
            if (e.parentIndex() >= 0) {
                String parentResource = entries.get(e.parentIndex()).resourceIri();
                if (!parentResource.equals(resourceIri)) {
                    ResourceEvidence p = resources.get(parentResource);
                    if (e.part()) {
                        p.parts.add(resourceIri);
                        r.partOf.add(parentResource);
                    } else {
                        p.related.add(resourceIri);
                    }
                }
            }
        }
        if (doc.info().origin() != null) listsByOrigin.merge(listKey(urls.canonical(doc.info().origin())), listIri, (a, b) -> a.compareTo(b) <= 0 ? a : b);
        String revisionOf = doc.info().revisionOf() == null ? null : iris.list(doc.info().revisionOf());
        return new ListNode(doc, listIri, iris.listGraph(listId), revisionOf,
                sections.values().stream().sorted(Comparator.comparing(SectionNode::iri)).toList(), entries);
    }

    private Map<List<String>, SectionNode> identifySections(ListDocument doc, String listId) {
        Map<String, Set<List<String>>> byKey = new HashMap<>();
        for (Section s : doc.sections()) byKey.computeIfAbsent(IriMinter.pathKey(s.path()), k -> new HashSet<>()).add(s.path());
        Map<List<String>, String> keys = new HashMap<>();
        byKey.forEach((key, paths) -> {
            // Headings that slug alike ("C" and "C++") all take a hash of their exact text, whatever their order.
            for (List<String> p : paths) keys.put(p, paths.size() == 1 ? key : key + "-" + IriMinter.hash(String.join("\n", p), 6));
        });
        Map<List<String>, SectionNode> nodes = new HashMap<>();
        for (Section s : doc.sections()) {
            if (nodes.containsKey(s.path())) continue;
            String topicIri = topicResolver.add(s.label());
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

    /** Clusters people, topics and works, and builds the shared nodes with the reasons for every merge. */
    public Identified.Resolution resolve() {
        List<Decision> decisions = new ArrayList<>();
        Map<String, String> aliases = new HashMap<>();
        People people = peopleResolver.resolve(resources, decisions);
        Topics topics = topicResolver.resolve(decisions);
        aliases.putAll(topics.aliases());
        Works works = resolveWorks(people, aliases, decisions);

        List<ResourceNode> rs = new ArrayList<>();
        works.clusters.forEach((iri, members) -> {
            ResourceEvidence all = new ResourceEvidence();
            for (String m : members) all.absorb(resources.get(m));
            List<String> describedBy = all.canonicals.stream().map(c -> listsByOrigin.get(listKey(c))).filter(Objects::nonNull)
                    .distinct().sorted().toList();
            Set<Kind> resolved = kinds.resolve(all.kind.kinds);
            List<String> reasons = all.kind.reasons(resolved);
            if (!describedBy.isEmpty() && !resolved.contains(Kind.CURATED_LIST)) {
                // A link to a list that is loaded too is that list, whatever its URL alone suggested.
                resolved = EnumSet.of(Kind.CURATED_LIST);
                reasons = List.of("CuratedList: the origin of a loaded list");
            }
            rs.add(new ResourceNode(iri, pick(all.titles), List.copyOf(resolved), reasons, describedBy, List.copyOf(all.urls),
                    List.copyOf(all.recordings), List.copyOf(all.slides), agentIris(all.creators, people),
                    remap(all.topics, aliases), List.copyOf(all.lists), without(remap(all.parts, aliases), iri),
                    without(remap(all.partOf, aliases), iri), without(remap(all.related, aliases), iri)));
        });
        rs.sort(Comparator.comparing(ResourceNode::iri));

        List<SeriesNode> ss = new ArrayList<>();
        series.forEach((iri, acc) -> ss.add(new SeriesNode(iri, pick(acc.titles), remap(acc.parts, aliases),
                agentIris(acc.creators, people))));

        List<OrganizationNode> os = peopleResolver.organizations();
        return new Identified.Resolution(new Identified.Shared(rs, ss, people.nodes(), os, topics.nodes(), works.possible), aliases, decisions);
    }

    /** The IRIs of the people that raw agent keys resolved to, sorted, each once. */
    private List<String> agentIris(Set<String> keys, People people) {
        return keys.stream().map(people.alias()::get).distinct().sorted().map(iris::agent).toList();
    }

    private static List<String> remap(Set<String> iris, Map<String, String> aliases) {
        return iris.stream().map(i -> aliases.getOrDefault(i, i)).distinct().sorted().toList();
    }

    private static List<String> without(List<String> list, String iri) {
        return list.stream().filter(x -> !x.equals(iri)).toList();
    }

    // ---- works ----

    private record Works(Map<String, List<String>> clusters, List<List<String>> possible) {
    }

    private Works resolveWorks(People people, Map<String, String> aliases, List<Decision> decisions) {
        WorkMatcher matcher = new WorkMatcher();
        Map<String, WorkMatcher.Work> works = new TreeMap<>();
        resources.forEach((iri, r) -> {
            Set<String> creators = new TreeSet<>();
            Set<String> creatorHandles = new TreeSet<>();
            for (String c : r.creators) {
                String cluster = people.alias().get(c);
                creators.add(cluster);
                creatorHandles.addAll(people.handles().getOrDefault(cluster, Set.of()));
            }
            Set<String> urlHandles = new TreeSet<>();
            r.urlAccounts().forEach(a -> urlHandles.add(a.substring(a.indexOf('/') + 1, a.indexOf('|'))));
            Set<String> sites = new TreeSet<>();
            r.canonicals.forEach(c -> sites.add(site(c)));
            works.put(iri, new WorkMatcher.Work(iri, pick(r.titles), creators, creatorHandles, urlHandles, sites));
        });

        // Candidate pairs: equal normalised titles, and works by the same author (for similar titles).
        Set<List<String>> pairs = new TreeSet<>(Comparator.comparing((List<String> l) -> l.get(0)).thenComparing(l -> l.get(1)));
        Map<String, List<String>> byTitle = new TreeMap<>();
        Map<String, List<String>> byAuthor = new TreeMap<>();
        works.forEach((iri, w) -> {
            byTitle.computeIfAbsent(w.keyWithoutPart(), k -> new ArrayList<>()).add(iri);
            w.creators().forEach(c -> byAuthor.computeIfAbsent(c, k -> new ArrayList<>()).add(iri));
        });
        byTitle.forEach((title, group) -> {
            addPairs(group, BLOCK_LIMIT, pairs);
            if (group.size() > BLOCK_LIMIT) decisions.add(new Decision("work", "not compared", title, List.of(title),
                    List.of(group.size() + " works share this title, more than the " + BLOCK_LIMIT + " compared by title"), List.of(), List.of()));
        });
        byAuthor.forEach((author, group) -> {
            addNearTitlePairs(group, works, AUTHOR_WORKS_LIMIT, pairs);
            if (group.size() > AUTHOR_WORKS_LIMIT) decisions.add(new Decision("work", "not compared", iris.agent(author), List.of(show(author)),
                    List.of(group.size() + " works by this author, more than the " + AUTHOR_WORKS_LIMIT + " compared for near-identical titles"),
                    List.of(), List.of()));
        });

        List<Edge> edges = new ArrayList<>();
        List<List<String>> possibleRaw = new ArrayList<>();
        Map<List<String>, String> possibleWhy = new HashMap<>();
        for (List<String> pair : pairs) {
            WorkMatcher.Work w0 = works.get(pair.get(0));
            WorkMatcher.Work w1 = works.get(pair.get(1));
            WorkMatcher.Decision d = matcher.decide(w0, w1);
            boolean sameTitle = w0.key().equals(w1.key());
            switch (d.verdict()) {
                case MERGE -> edges.add(new Edge(pair.get(0), pair.get(1), d.evidence()));
                case POSSIBLE -> {
                    possibleRaw.add(pair);
                    possibleWhy.put(pair, d.evidence());
                }
                case DIFFERENT -> {
                    // Worth explaining: alike titles kept apart; not the sibling parts of one series.
                    boolean siblings = w0.part().isPresent() && w1.part().isPresent();
                    boolean alike = w0.keyWithoutPart().equals(w1.keyWithoutPart());
                    if ((sameTitle || alike) && !siblings) {
                        decisions.add(new Decision("work", "kept apart", pair.get(0), describe(pair, works), List.of(d.evidence()),
                                urlsOf(pair), listsOf(pair)));
                    }
                }
            }
        }
        for (Overrides.Pair p : overrides.mergeWorks()) {
            String a = iris.resource(urls.canonical(p.a()));
            String b = iris.resource(urls.canonical(p.b()));
            if (resources.containsKey(a) && resources.containsKey(b)) edges.add(new Edge(a, b, "merged by " + p.source()));
            else decisions.add(new Decision("work", "override not applied", a, List.of(p.a(), p.b()),
                    List.of(p.source() + " names a URL that no list has"), List.of(p.a(), p.b()), List.of()));
        }
        List<Overrides.Pair> apart = new ArrayList<>();
        for (Overrides.Pair p : overrides.apartWorks()) {
            String a = iris.resource(urls.canonical(p.a()));
            String b = iris.resource(urls.canonical(p.b()));
            if (a.equals(b)) {
                decisions.add(new Decision("work", "override not applied", a, List.of(p.a(), p.b()),
                        List.of(p.source() + ": both URLs are one address after canonicalisation, so they are one resource"), List.of(p.a(), p.b()), List.of()));
            } else {
                apart.add(new Overrides.Pair(a, b, p.source()));
            }
        }

        UnionFind uf = new UnionFind();
        resources.keySet().forEach(uf::add);
        Map<String, List<String>> evidence = join(uf, edges, apart, "work", decisions);
        Map<String, List<String>> multi = uf.clusters(Comparator.naturalOrder());
        Map<String, String> nameOf = new HashMap<>();
        multi.forEach((name, members) -> members.forEach(m -> nameOf.put(m, name)));
        Map<String, List<String>> clusters = new TreeMap<>();
        for (String iri : resources.keySet()) {
            String name = nameOf.getOrDefault(iri, iri);
            clusters.computeIfAbsent(name, k -> new ArrayList<>()).add(iri);
            if (!name.equals(iri)) aliases.put(iri, name);
        }
        multi.forEach((name, members) -> decisions.add(new Decision("work", "merged", name, describe(members, works),
                evidence.getOrDefault(name, List.of()), urlsOf(members), listsOf(members))));

        Set<List<String>> possible = new TreeSet<>(Comparator.comparing((List<String> l) -> l.get(0)).thenComparing(l -> l.get(1)));
        for (List<String> pair : possibleRaw) {
            String a = aliases.getOrDefault(pair.get(0), pair.get(0));
            String b = aliases.getOrDefault(pair.get(1), pair.get(1));
            if (a.equals(b)) continue;
            List<String> sorted = a.compareTo(b) < 0 ? List.of(a, b) : List.of(b, a);
            if (possible.add(sorted)) {
                decisions.add(new Decision("work", "possible duplicate", sorted.get(0), describe(pair, works), List.of(possibleWhy.get(pair)),
                        urlsOf(pair), listsOf(pair)));
            }
        }
        return new Works(clusters, List.copyOf(possible));
    }

    /** "resource/… «Title» <url> <url>": a member as people can check it. */
    private List<String> describe(List<String> members, Map<String, WorkMatcher.Work> works) {
        return members.stream().map(m -> m + " «" + works.get(m).title() + "» " + String.join(" ", resources.get(m).urls)).toList();
    }

    /**
     * Pairs of one author's works that could have near-identical titles: the matcher allows at most
     * max(2, length / 20) edits, and two titles whose lengths differ by more cannot be that close, so
     * sorting by length and pairing within that window drops no pair the matcher would accept. (Equal
     * titles, with or without a part number, are paired by the title blocks.)
     */
    private static void addNearTitlePairs(List<String> group, Map<String, WorkMatcher.Work> works, int limit, Set<List<String>> pairs) {
        if (group.size() < 2 || group.size() > limit) return;
        List<String> byLength = new ArrayList<>(group);
        byLength.sort(Comparator.comparingInt((String iri) -> works.get(iri).keyWithoutPart().length()).thenComparing(Comparator.naturalOrder()));
        for (int i = 0; i < byLength.size(); i++) {
            int length = works.get(byLength.get(i)).keyWithoutPart().length();
            int allowed = WorkMatcher.allowedEdits(length);
            for (int j = i + 1; j < byLength.size() && works.get(byLength.get(j)).keyWithoutPart().length() - length <= allowed; j++) {
                String a = byLength.get(i);
                String b = byLength.get(j);
                pairs.add(a.compareTo(b) < 0 ? List.of(a, b) : List.of(b, a));
            }
        }
    }

    private static void addPairs(List<String> group, int limit, Set<List<String>> pairs) {
        if (group.size() < 2 || group.size() > limit) return;
        for (int i = 0; i < group.size(); i++) {
            for (int j = i + 1; j < group.size(); j++) {
                String a = group.get(i);
                String b = group.get(j);
                pairs.add(a.compareTo(b) < 0 ? List.of(a, b) : List.of(b, a));
            }
        }
    }

    private List<String> urlsOf(List<String> resourceIris) {
        return resourceIris.stream().flatMap(i -> resources.get(i).urls.stream()).distinct().sorted().toList();
    }

    private List<String> listsOf(List<String> resourceIris) {
        return resourceIris.stream().flatMap(i -> resources.get(i).lists.stream()).distinct().sorted().toList();
    }

    /** The site of a canonical URL: its host, with hosts of one family named alike. */
    private static String site(String canonical) {
        String host = canonical.contains("/") ? canonical.substring(0, canonical.indexOf('/')) : canonical;
        host = SITE_FAMILY.getOrDefault(host, host);
        String[] labels = host.split("\\.");
        return labels.length >= 2 ? labels[labels.length - 2] + "." + labels[labels.length - 1] : host;
    }

    /** What the lists say of one series: its titles with counts, its parts and authors. */
    private static final class SeriesAcc {
        final Map<String, Integer> titles = new TreeMap<>();
        final SortedSet<String> parts = new TreeSet<>();
        final SortedSet<String> creators = new TreeSet<>();
    }

    /** A list's URL without what only points into it: its README file, a {@code #readme} anchor, a trailing slash. */
    private static String listKey(String canonical) {
        return canonical.replaceFirst("(?i)/(blob|tree)/[^/]+/readme(\\.(md|markdown|rst|txt))?$", "")
                .replaceFirst("(?i)/(blob|tree)/[^/]+/?$", "").replaceFirst("(?i)#readme$", "").replaceFirst("/+$", "")
                .toLowerCase(Locale.ROOT);
    }
}
