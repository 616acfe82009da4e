package org.listgraph.export;

import org.listgraph.identity.Identified;
import org.listgraph.rdf.TripleSink;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The figures of {@code report.html}, counted from identity's results (the lists and the shared nodes)
 * rather than by SPARQL aggregation over the graph: the same numbers the graph gives (a test checks
 * each one against SPARQL over the store), at the cost of one pass over the resources.
 */
public record ReportFigures(List<ListRow> lists, Totals totals, SortedMap<String, Integer> overlap,
                            SortedMap<String, SortedMap<String, Integer>> kinds, List<Ranked> authors, List<Ranked> topics,
                            List<SharedRow> shared) {
    /** How many authors and topics the report ranks. */
    public static final int TOP = 15;
    /** A resource is "shared" from this many lists on. */
    public static final int SHARED_FROM = 3;
    private static final int[] NO_COUNTS = new int[0];

    /** A list with its title and the number of resources in it. */
    public record ListRow(String iri, String title, int resources) {
    }

    /** Distinct resources, agents (organisations included), organisations and topics. */
    public record Totals(int resources, int agents, int organizations, int topics) {
    }

    /** An author or topic, the name the report shows, and how many resources have it. */
    public record Ranked(String iri, String name, int resources) {
    }

    /** A resource in {@link #SHARED_FROM} or more lists: its title, smallest URL, list count and the lists' titles. */
    public record SharedRow(String iri, String title, String url, int lists, SortedSet<String> listTitles) {
    }

    public ReportFigures {
        lists = List.copyOf(lists);
        authors = List.copyOf(authors);
        topics = List.copyOf(topics);
        shared = List.copyOf(shared);
    }

    /** "a b" → resources lists a and b share (a = b: resources in the list); 0 when absent. */
    public int overlap(String a, String b) {
        return overlap.getOrDefault(a + " " + b, 0);
    }

    /** The figures of a conversion's lists and shared nodes. */
    public static ReportFigures of(List<Identified.ListNode> listNodes, Identified.Shared shared) {
        return ofHeaders(listNodes.stream().map(l -> new Identified.ListHeader(l.iri(), l.document().info().title())).toList(), shared);
    }

    /** The figures from each list's IRI and title (all the report needs of a list) and the shared nodes. */
    public static ReportFigures ofHeaders(List<Identified.ListHeader> headers, Identified.Shared shared) {
        // Only what has a title in the graph is counted where the graph's figures join on titles (a blank title gets no triple).
        // By IRI: two files may name one list IRI (the graph then holds both titles, as the SPARQL figures did).
        Map<String, SortedSet<String>> listTitles = new HashMap<>();
        for (Identified.ListHeader l : headers) {
            String title = TripleSink.literal(l.title());
            if (title != null) listTitles.computeIfAbsent(l.iri(), x -> new TreeSet<>()).add(title);
        }
        Map<String, Integer> perList = new HashMap<>();
        SortedMap<String, Integer> overlap = new TreeMap<>();
        SortedMap<String, SortedMap<String, Integer>> kinds = new TreeMap<>();
        Map<String, Set<String>> byCreator = new HashMap<>();
        Map<String, Set<String>> byTopic = new HashMap<>();
        Map<String, String> topicLabels = new HashMap<>();
        for (Identified.TopicNode t : shared.topics()) {
            String label = TripleSink.literal(t.prefLabel());
            if (label != null) topicLabels.put(t.iri(), label);
        }
        List<SharedRow> sharedRows = new ArrayList<>();
        Set<String> resourceIris = new HashSet<>();
        // Lists counted by their numbers: a key of two IRIs per pair per resource was most of the report's time, and a
        // map from a boxed pair of numbers still half of it at a million resources. Pairs are longs in one array, counted
        // once sorted; kinds are counted per list number, made into maps by IRI at the end.
        Map<String, Integer> listNumber = new HashMap<>();
        List<String> numbered = new ArrayList<>();
        long[] pairs = new long[1024];
        int pairCount = 0;
        Map<String, int[]> kindsByNumber = new TreeMap<>();
        for (Identified.ResourceNode r : shared.resources()) {
            resourceIris.add(r.iri());
            List<String> in = List.copyOf(new TreeSet<>(r.listIris()));
            int[] numbers = new int[in.size()];
            for (int i = 0; i < numbers.length; i++) {
                String a = in.get(i);
                perList.merge(a, 1, Integer::sum);
                numbers[i] = listNumber.computeIfAbsent(a, x -> {
                    numbered.add(x);
                    return numbered.size() - 1;
                });
            }
            if (pairCount + numbers.length * numbers.length > pairs.length) {
                pairs = java.util.Arrays.copyOf(pairs, Math.max(2 * pairs.length, pairCount + numbers.length * numbers.length));
            }
            for (int a : numbers) {
                for (int b : numbers) pairs[pairCount++] = (long) a << 32 | b;
            }
            for (var k : new TreeSet<>(r.kinds())) {
                int[] row = kindsByNumber.getOrDefault(k.localName(), NO_COUNTS);
                if (row.length < numbered.size()) kindsByNumber.put(k.localName(), row = java.util.Arrays.copyOf(row, 2 * numbered.size()));
                for (int n : numbers) row[n]++;
            }
            r.creatorIris().forEach(c -> byCreator.computeIfAbsent(c, x -> new HashSet<>()).add(r.iri()));
            r.topicIris().stream().filter(topicLabels::containsKey).forEach(t -> byTopic.computeIfAbsent(t, x -> new HashSet<>()).add(r.iri()));
            String title = in.size() >= SHARED_FROM ? TripleSink.literal(r.title()) : null;
            if (title != null) {
                SortedSet<String> titles = new TreeSet<>();
                in.stream().map(listTitles::get).filter(java.util.Objects::nonNull).forEach(titles::addAll);
                String url = r.urls().stream().min(Comparator.naturalOrder()).orElse("");
                sharedRows.add(new SharedRow(r.iri(), title, url, in.size(), titles));
            }
        }
        java.util.Arrays.sort(pairs, 0, pairCount);
        for (int i = 0, run; i < pairCount; i += run) {
            run = 1;
            while (i + run < pairCount && pairs[i + run] == pairs[i]) run++;
            overlap.put(numbered.get((int) (pairs[i] >>> 32)) + " " + numbered.get((int) pairs[i]), run);
        }
        kindsByNumber.forEach((kind, counts) -> {
            SortedMap<String, Integer> row = new TreeMap<>();
            for (int n = 0; n < counts.length; n++) if (counts[n] > 0) row.put(numbered.get(n), counts[n]);
            kinds.put(kind, row);
        });
        for (Identified.SeriesNode s : shared.series()) s.creatorIris().forEach(c -> byCreator.computeIfAbsent(c, x -> new HashSet<>()).add(s.iri()));

        List<ListRow> lists = new ArrayList<>();
        listTitles.forEach((iri, titles) -> titles.forEach(title -> lists.add(new ListRow(iri, title, perList.getOrDefault(iri, 0)))));
        lists.sort(Comparator.comparing(ListRow::title).thenComparing(ListRow::iri));

        Set<String> agents = new HashSet<>(), organizations = new HashSet<>(), topics = new HashSet<>();
        Map<String, String> agentNames = new HashMap<>();
        for (Identified.AgentNode a : shared.agents()) {
            agents.add(a.iri());
            if (a.organization()) organizations.add(a.iri());
            agentNames.put(a.iri(), shownName(a));
        }
        for (Identified.OrganizationNode o : shared.organizations()) {
            agents.add(o.iri());
            organizations.add(o.iri());
            String name = TripleSink.literal(o.name());
            agentNames.putIfAbsent(o.iri(), name != null ? name : o.iri());
        }
        shared.topics().forEach(t -> topics.add(t.iri()));

        sharedRows.sort(Comparator.comparingInt(SharedRow::lists).reversed()
                .thenComparing(r -> r.title().toLowerCase(Locale.ROOT)).thenComparing(SharedRow::iri));
        return new ReportFigures(lists, new Totals(resourceIris.size(), agents.size(), organizations.size(), topics.size()), overlap, kinds,
                top(byCreator, c -> agentNames.getOrDefault(c, c)), top(byTopic, topicLabels::get), sharedRows);
    }

    /** The name shown for an agent: its first name in sort order, else its first handle, else its IRI. */
    private static String shownName(Identified.AgentNode a) {
        for (List<String> labels : List.of(a.names(), a.nicks())) {
            String first = labels.stream().map(TripleSink::literal).filter(java.util.Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
            if (first != null) return first;
        }
        return a.iri();
    }

    /** The {@link #TOP} nodes with the most resources; ties by name, then IRI. */
    private static List<Ranked> top(Map<String, Set<String>> resourcesOf, java.util.function.Function<String, String> name) {
        return resourcesOf.entrySet().stream().map(e -> new Ranked(e.getKey(), name.apply(e.getKey()), e.getValue().size()))
                .sorted(Comparator.comparingInt(Ranked::resources).reversed().thenComparing(Ranked::name).thenComparing(Ranked::iri))
                .limit(TOP).toList();
    }
}
