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
        // Works by number, in the resources' (sorted) order: a pair of numbers sorts as the pair of IRIs does.
        WorkMatcher.Work[] works = made.toArray(WorkMatcher.Work[]::new);
        made = null;

        // Candidate pairs: equal normalised titles, and works by the same author (for similar titles); each pair is
        // one long (the smaller number in the high half), as a sorted set of IRI pairs cost a dozen long compares per pair.
        Pairs pairs = new Pairs();
        Map<String, List<Integer>> byTitleAll = new HashMap<>();
        Map<String, List<Integer>> byAuthorAll = new HashMap<>();
        for (int i = 0; i < works.length; i++) {
            Integer number = i;
            byTitleAll.computeIfAbsent(works[i].keyWithoutPart(), k -> new ArrayList<>(1)).add(number);
            works[i].creators().forEach(c -> byAuthorAll.computeIfAbsent(c, k -> new ArrayList<>(1)).add(number));
        }
        // Only groups of two or more give pairs or decisions: those are taken in key order, the rest let go.
        Map<String, List<Integer>> byTitle = groupsOfTwoOrMore(byTitleAll);
        Map<String, List<Integer>> byAuthor = groupsOfTwoOrMore(byAuthorAll);
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
        long[] pairList = pairs.sortedDistinct();
        WorkMatcher.Decision[] decided = new WorkMatcher.Decision[pairList.length];
        java.util.stream.IntStream.range(0, pairList.length).parallel()
                .forEach(i -> decided[i] = matcher.decide(works[first(pairList[i])], works[second(pairList[i])]));
        for (int i = 0; i < pairList.length; i++) {
            WorkMatcher.Work w0 = works[first(pairList[i])];
            WorkMatcher.Work w1 = works[second(pairList[i])];
            WorkMatcher.Decision d = decided[i];
            boolean sameTitle = w0.key().equals(w1.key());
            switch (d.verdict()) {
                case MERGE -> edges.add(new Edge(w0.iri(), w1.iri(), d.evidence()));
                case POSSIBLE -> {
                    List<String> pair = List.of(w0.iri(), w1.iri());
                    possibleRaw.add(pair);
                    possibleWhy.put(pair, d.evidence());
                }
                case DIFFERENT -> {
                    // Worth explaining: alike titles kept apart; not the sibling parts of one series.
                    boolean siblings = w0.part().isPresent() && w1.part().isPresent();
                    boolean alike = w0.keyWithoutPart().equals(w1.keyWithoutPart());
                    if ((sameTitle || alike) && !siblings) {
                        List<String> pair = List.of(w0.iri(), w1.iri());
                        decisions.add(new Decision("work", "kept apart", w0.iri(), describe(resources, pair), List.of(d.evidence()),
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
    private static <T> Map<String, List<T>> groupsOfTwoOrMore(Map<String, List<T>> all) {
        Map<String, List<T>> out = new TreeMap<>();
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
    private static void addNearTitlePairs(List<Integer> group, WorkMatcher.Work[] works, int limit, Pairs pairs) {
        if (group.size() < 2 || group.size() > limit) return;
        List<Integer> byLength = new ArrayList<>(group);
        // Numbers follow the IRIs' order, so ties in length fall in IRI order as before.
        byLength.sort(Comparator.comparingInt((Integer w) -> works[w].keyWithoutPart().length()).thenComparingInt(w -> w));
        for (int i = 0; i < byLength.size(); i++) {
            int length = works[byLength.get(i)].keyWithoutPart().length();
            int allowed = WorkMatcher.allowedEdits(length);
            for (int j = i + 1; j < byLength.size() && works[byLength.get(j)].keyWithoutPart().length() - length <= allowed; j++) {
                pairs.add(byLength.get(i), byLength.get(j));
            }
        }
    }

    private static void addPairs(List<Integer> group, int limit, Pairs pairs) {
        if (group.size() < 2 || group.size() > limit) return;
        for (int i = 0; i < group.size(); i++) {
            for (int j = i + 1; j < group.size(); j++) pairs.add(group.get(i), group.get(j));
        }
    }

    private static int first(long pair) {
        return (int) (pair >>> 32);
    }

    private static int second(long pair) {
        return (int) pair;
    }

    /** Pairs of work numbers as longs (smaller number in the high half), sorted and made distinct once all are in. */
    private static final class Pairs {
        private long[] items = new long[1024];
        private int size;

        void add(int a, int b) {
            if (size == items.length) items = java.util.Arrays.copyOf(items, size * 2);
            items[size++] = a < b ? (long) a << 32 | b : (long) b << 32 | a;
        }

        long[] sortedDistinct() {
            long[] sorted = java.util.Arrays.copyOf(items, size);
            items = null;
            java.util.Arrays.sort(sorted);
            int n = 0;
            for (int i = 0; i < sorted.length; i++) {
                if (n == 0 || sorted[n - 1] != sorted[i]) sorted[n++] = sorted[i];
            }
            return java.util.Arrays.copyOf(sorted, n);
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
