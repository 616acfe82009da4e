package org.listgraph.identity;

import org.listgraph.identity.Identified.Decision;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Joins keys into clusters along pieces of evidence, and names what a cluster holds, in the same
 * way for people, topics and works so that none of them depends on the order lists were added.
 */
final class Clustering {
    private Clustering() {
    }

    /** One piece of evidence that two keys are the same node. */
    record Edge(String a, String b, String evidence) {
    }

    /**
     * Joins keys along the edges in a fixed order (so the outcome does not depend on reading order),
     * except where a curator's "keep apart" pair would end up in one cluster. Returns the evidence
     * per cluster name (the smallest member under natural order is only used for lookup later).
     */
    static Map<String, List<String>> join(UnionFind uf, List<Edge> edges, List<Overrides.Pair> apart, String what,
                                          List<Decision> decisions) {
        return join(uf, edges, apart, what, decisions, (x, y) -> null);
    }

    /**
     * As above, and {@code conflict} may refuse a join given the members of both clusters (it returns
     * the reason, or null): evidence for one pair never outweighs evidence that the clusters differ.
     */
    static Map<String, List<String>> join(UnionFind uf, List<Edge> edges, List<Overrides.Pair> apart, String what,
                                          List<Decision> decisions, java.util.function.BiFunction<Set<String>, Set<String>, String> conflict) {
        List<Edge> sorted = new ArrayList<>(edges);
        sorted.sort(Comparator.comparing(Edge::a).thenComparing(Edge::b).thenComparing(Edge::evidence));
        List<Edge> used = new ArrayList<>();
        Map<String, Set<String>> membersOf = new HashMap<>();
        for (Edge e : sorted) {
            uf.add(e.a());
            uf.add(e.b());
            if (uf.same(e.a(), e.b())) {
                used.add(e);
                continue;
            }
            Set<String> ma = membersOf.getOrDefault(uf.find(e.a()), Set.of(e.a()));
            Set<String> mb = membersOf.getOrDefault(uf.find(e.b()), Set.of(e.b()));
            String why = e.evidence().startsWith("merged by ") ? null : conflict.apply(ma, mb);
            if (why != null) {
                decisions.add(new Decision(what, "kept apart", e.a(), List.of(show(e.a()), show(e.b())),
                        List.of(e.evidence(), "but " + why), List.of(), List.of()));
                continue;
            }
            Optional<Overrides.Pair> blocked = apart.stream().filter(p ->
                    (uf.same(p.a(), e.a()) && uf.same(p.b(), e.b())) || (uf.same(p.a(), e.b()) && uf.same(p.b(), e.a()))).findFirst();
            if (blocked.isPresent()) {
                decisions.add(new Decision(what, "kept apart", e.a(), List.of(e.a(), e.b()),
                        List.of(e.evidence(), "kept apart by " + blocked.get().source()), List.of(), List.of()));
                continue;
            }
            Set<String> joined = new TreeSet<>(ma);
            joined.addAll(mb);
            uf.union(e.a(), e.b());
            membersOf.put(uf.find(e.a()), joined);
            used.add(e);
        }
        Map<String, List<String>> byRoot = new TreeMap<>();
        for (Edge e : used) byRoot.computeIfAbsent(uf.find(e.a()), k -> new ArrayList<>()).add(e.evidence());
        // Re-key by the cluster's display name later: callers look up by their own cluster naming.
        Map<String, List<String>> byMember = new HashMap<>();
        for (Edge e : used) {
            List<String> ev = byRoot.get(uf.find(e.a()));
            byMember.put(e.a(), ev);
            byMember.put(e.b(), ev);
        }
        return new EvidenceByMember(byMember);
    }

    /** Evidence found under any member of a cluster. */
    private static final class EvidenceByMember extends HashMap<String, List<String>> {
        EvidenceByMember(Map<String, List<String>> byMember) {
            super(byMember);
        }

        @Override
        public List<String> getOrDefault(Object key, List<String> fallback) {
            List<String> ev = get(key);
            return ev == null ? fallback : ev.stream().distinct().sorted().toList();
        }
    }

    /** The most frequent text; ties go to the alphabetically first, so the choice does not depend on order. */
    static String pick(Map<String, Integer> counts) {
        return counts.entrySet().stream()
                .min(Comparator.comparing((Map.Entry<String, Integer> e) -> -e.getValue()).thenComparing(Map.Entry::getKey))
                .orElseThrow().getKey();
    }

    /** "github:thockin", "name:tim-hockin": keys as people write them in overrides. */
    static String show(String key) {
        return key.replaceFirst("/", ":");
    }
}
