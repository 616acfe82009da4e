package org.listgraph.identity;

import org.listgraph.identity.Clustering.Edge;
import org.listgraph.identity.Identified.Decision;
import org.listgraph.identity.PeopleResolver.People;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.listgraph.identity.Clustering.join;
import static org.listgraph.identity.Clustering.show;

/**
 * Decides which resources (one canonical URL each) are one work across lists: the same or a
 * near-identical title with corroborating evidence, or a curator's override, and explains each choice.
 */
final class WorkResolver {
    /** Host families: hosts that serve one site's content. */
    private static final Map<String, String> SITE_FAMILY = Map.of(
            "speakerd.s3.amazonaws.com", "speakerdeck.com", "youtu.be", "youtube.com", "de.slideshare.net", "slideshare.net");
    private static final int BLOCK_LIMIT = 50;
    private static final int AUTHOR_WORKS_LIMIT = 200;

    private final IriMinter iris;
    /** For the URLs of curators' overrides, canonical as the lists' URLs are. */
    private final UrlCanonicalizer urls = new UrlCanonicalizer();
    private final Overrides overrides;

    WorkResolver(IriMinter iris, Overrides overrides) {
        this.iris = iris;
        this.overrides = overrides;
    }

    /** Work clusters: cluster IRI → its raw resource IRIs (every resource, merged or not), and pairs that may be one work. */
    record Works(Map<String, List<String>> clusters, List<List<String>> possible) {
    }

    /** The set, or the one shared empty set when it has nothing (most of these sets are empty). */
    private static Set<String> orNone(Set<String> set) {
        return set.isEmpty() ? Set.of() : set;
    }

    /**
     * Clusters the resources: equal titles and works by one author are compared by {@link WorkMatcher},
     * curators' overrides join or part them. Adds each merged resource IRI → its cluster's IRI to
     * {@code aliases}; {@code resources} must be sorted, as blocks and pairs are built in its order.
     */
    Works resolve(SortedMap<String, ResourceEvidence> resources, People people, Map<String, String> aliases, List<Decision> decisions) {
        WorkMatcher matcher = new WorkMatcher();
        // In the resources' (sorted) order, looked up by hash: a tree of long IRIs made every lookup of a pair cost a dozen compares.
        Map<String, String> siteNames = new java.util.concurrent.ConcurrentHashMap<>(); // a few thousand sites, each named by one string
        // Each resource's work on its own: made on every core, then kept in the resources' order; only for resources that
        // share a title or an author with another, as no other is ever compared (at a million resources, works for all
        // of them were a fifth of the heap while identity resolved).
        List<Map.Entry<String, ResourceEvidence>> all = new ArrayList<>(resources.entrySet());
        boolean[] compared = comparable(all, people);
        List<WorkMatcher.Work> made = java.util.stream.IntStream.range(0, all.size()).parallel().filter(i -> compared[i]).mapToObj(i -> {
            String iri = all.get(i).getKey();
            ResourceEvidence r = all.get(i).getValue();
            // Compact sets: these four are held for every resource compared until the works are clustered.
            Set<String> creators = new CompactSortedSet();
            Set<String> creatorHandles = new CompactSortedSet();
            for (String c : r.creators()) {
                String cluster = people.alias().get(c);
                creators.add(cluster);
                creatorHandles.addAll(people.handles().getOrDefault(cluster, Set.of()));
            }
            Set<String> urlHandles = new CompactSortedSet();
            r.urlAccounts().forEach(a -> urlHandles.add(a.substring(a.indexOf('/') + 1, a.indexOf('|'))));
            Set<String> sites = new CompactSortedSet();
            r.canonicals().forEach(c -> sites.add(siteNames.computeIfAbsent(site(c), x -> x)));
            return new WorkMatcher.Work(iri, r.title(), orNone(creators), orNone(creatorHandles), orNone(urlHandles), orNone(sites));
        }).toList();
        Map<String, WorkMatcher.Work> works = new java.util.LinkedHashMap<>();
        for (WorkMatcher.Work w : made) works.put(w.iri(), w);
        made = null;

        // Candidate pairs: equal normalised titles, and works by the same author (for similar titles).
        Set<List<String>> pairs = new TreeSet<>(Comparator.comparing((List<String> l) -> l.get(0)).thenComparing(l -> l.get(1)));
        Map<String, List<String>> byTitleAll = new HashMap<>();
        Map<String, List<String>> byAuthorAll = new HashMap<>();
        works.forEach((iri, w) -> {
            byTitleAll.computeIfAbsent(w.keyWithoutPart(), k -> new ArrayList<>(1)).add(iri);
            w.creators().forEach(c -> byAuthorAll.computeIfAbsent(c, k -> new ArrayList<>(1)).add(iri));
        });
        // Only groups of two or more give pairs or decisions: those are taken in key order, the rest let go.
        Map<String, List<String>> byTitle = groupsOfTwoOrMore(byTitleAll);
        Map<String, List<String>> byAuthor = groupsOfTwoOrMore(byAuthorAll);
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
        // Each pair is decided on its own (on every core), and the decisions taken in the pairs' order.
        List<List<String>> pairList = new ArrayList<>(pairs);
        List<WorkMatcher.Decision> decided = pairList.parallelStream().map(p -> matcher.decide(works.get(p.get(0)), works.get(p.get(1)))).toList();
        for (int i = 0; i < pairList.size(); i++) {
            List<String> pair = pairList.get(i);
            WorkMatcher.Work w0 = works.get(pair.get(0));
            WorkMatcher.Work w1 = works.get(pair.get(1));
            WorkMatcher.Decision d = decided.get(i);
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
                        decisions.add(new Decision("work", "kept apart", pair.get(0), describe(resources, pair), List.of(d.evidence()),
                                urlsOf(resources, pair), listsOf(resources, pair)));
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
        // A URL that redirects to another listed URL is that work moved (a renamed repository): one work. A redirect to a URL
        // no list has says nothing of identity, so it is not a decision to report.
        for (Overrides.Pair p : overrides.redirects()) {
            String a = iris.resource(urls.canonical(p.a()));
            String b = iris.resource(urls.canonical(p.b()));
            if (!a.equals(b) && resources.containsKey(a) && resources.containsKey(b)) edges.add(new Edge(a, b, p.source()));
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
        // In the resources' order each cluster is met first at its smallest member, its name: so in the names' order.
        Map<String, List<String>> clusters = new java.util.LinkedHashMap<>();
        for (String iri : resources.keySet()) {
            String name = nameOf.getOrDefault(iri, iri);
            clusters.computeIfAbsent(name, k -> new ArrayList<>()).add(iri);
            if (!name.equals(iri)) aliases.put(iri, name);
        }
        multi.forEach((name, members) -> decisions.add(new Decision("work", "merged", name, describe(resources, members),
                evidence.getOrDefault(name, List.of()), urlsOf(resources, members), listsOf(resources, members))));

        Set<List<String>> possible = new TreeSet<>(Comparator.comparing((List<String> l) -> l.get(0)).thenComparing(l -> l.get(1)));
        for (List<String> pair : possibleRaw) {
            String a = aliases.getOrDefault(pair.get(0), pair.get(0));
            String b = aliases.getOrDefault(pair.get(1), pair.get(1));
            if (a.equals(b)) continue;
            List<String> sorted = a.compareTo(b) < 0 ? List.of(a, b) : List.of(b, a);
            if (possible.add(sorted)) {
                decisions.add(new Decision("work", "possible duplicate", sorted.get(0), describe(resources, pair), List.of(possibleWhy.get(pair)),
                        urlsOf(resources, pair), listsOf(resources, pair)));
            }
        }
        return new Works(clusters, List.copyOf(possible));
    }

    /**
     * Which resources may be paired: those whose title (without its part marker) another resource may share, and those
     * with an author of another resource. Titles are compared by a 64-bit hash first, so a title no other has is known
     * without holding its key; a collision only makes a resource a candidate that the exact keys then leave alone.
     */
    private static boolean[] comparable(List<Map.Entry<String, ResourceEvidence>> all, PeopleResolver.People people) {
        int n = all.size();
        long[] titleHashes = new long[n];
        java.util.stream.IntStream.range(0, n).parallel().forEach(i -> titleHashes[i] = hash64(TitleKey.withoutPart(all.get(i).getValue().title())));
        long[] sorted = titleHashes.clone();
        java.util.Arrays.sort(sorted);
        Map<String, Integer> worksByAuthor = new HashMap<>();
        Set<String> authors = new HashSet<>();
        for (Map.Entry<String, ResourceEvidence> e : all) {
            authors.clear();
            for (String c : e.getValue().creators()) authors.add(people.alias().get(c));
            for (String a : authors) worksByAuthor.merge(a, 1, Integer::sum);
        }
        boolean[] out = new boolean[n];
        for (int i = 0; i < n; i++) {
            int at = java.util.Arrays.binarySearch(sorted, titleHashes[i]);
            out[i] = at > 0 && sorted[at - 1] == titleHashes[i] || at < n - 1 && sorted[at + 1] == titleHashes[i];
            for (String c : all.get(i).getValue().creators()) out[i] |= worksByAuthor.get(people.alias().get(c)) > 1;
        }
        return out;
    }

    private static long hash64(String s) {
        long h = 1125899906842597L;
        for (int i = 0; i < s.length(); i++) h = 31 * h + s.charAt(i);
        return h ^ (h >>> 29);
    }

    /** The groups of {@code all} with two members or more, in the order of their keys. */
    private static Map<String, List<String>> groupsOfTwoOrMore(Map<String, List<String>> all) {
        Map<String, List<String>> out = new TreeMap<>();
        all.forEach((k, group) -> {
            if (group.size() > 1) out.put(k, group);
        });
        all.clear();
        return out;
    }

    /** "resource/… «Title» <url> <url>": a member as people can check it. */
    private static List<String> describe(Map<String, ResourceEvidence> resources, List<String> members) {
        return members.stream().map(m -> m + " «" + resources.get(m).title() + "» " + String.join(" ", resources.get(m).urls())).toList();
    }

    /**
     * Pairs of one author's works that could have near-identical titles: the matcher allows at most
     * max(2, length / 20) edits, and two titles whose lengths differ by more cannot be that close, so
     * sorting by length and pairing within that window drops no pair the matcher would accept. (Equal
     * titles, with or without a part number, are paired by the title blocks.)
     */
    private static void addNearTitlePairs(List<String> group, Map<String, WorkMatcher.Work> works, int limit, Set<List<String>> pairs) {
        if (group.size() < 2 || group.size() > limit) return;
        List<WorkMatcher.Work> byLength = new ArrayList<>(group.size());
        for (String iri : group) byLength.add(works.get(iri));
        byLength.sort(Comparator.comparingInt((WorkMatcher.Work w) -> w.keyWithoutPart().length()).thenComparing(WorkMatcher.Work::iri));
        for (int i = 0; i < byLength.size(); i++) {
            int length = byLength.get(i).keyWithoutPart().length();
            int allowed = WorkMatcher.allowedEdits(length);
            for (int j = i + 1; j < byLength.size() && byLength.get(j).keyWithoutPart().length() - length <= allowed; j++) {
                String a = byLength.get(i).iri();
                String b = byLength.get(j).iri();
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

    private static List<String> urlsOf(Map<String, ResourceEvidence> resources, List<String> resourceIris) {
        return resourceIris.stream().flatMap(i -> resources.get(i).urls().stream()).distinct().sorted().toList();
    }

    private static List<String> listsOf(Map<String, ResourceEvidence> resources, List<String> resourceIris) {
        return resourceIris.stream().flatMap(i -> resources.get(i).lists().stream()).distinct().sorted().toList();
    }

    /** The site of a canonical URL: its host, with hosts of one family named alike. */
    private static String site(String canonical) {
        String host = canonical.contains("/") ? canonical.substring(0, canonical.indexOf('/')) : canonical;
        host = SITE_FAMILY.getOrDefault(host, host);
        String[] labels = host.split("\\.");
        return labels.length >= 2 ? labels[labels.length - 2] + "." + labels[labels.length - 1] : host;
    }
}
