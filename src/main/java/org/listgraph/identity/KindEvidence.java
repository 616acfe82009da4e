package org.listgraph.identity;

import org.listgraph.entry.Kind;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/** The kind verdicts of a resource's entries, only those of the strongest tier seen, with a few of their reasons. */
final class KindEvidence {
    private static final int REASONS = 3;
    KindClassifier.Tier tier = KindClassifier.Tier.FALLBACK;
    final Set<Kind> kinds = EnumSet.noneOf(Kind.class);
    final Map<Kind, SortedSet<String>> reasons = new java.util.EnumMap<>(Kind.class);

    void add(KindClassifier.Verdict v) {
        Map<Kind, Set<String>> why = new java.util.EnumMap<>(Kind.class);
        v.reasons().forEach((k, w) -> why.put(k, Set.of(w)));
        add(v.tier(), v.kinds(), why);
    }

    /** Keeps the kinds of the stronger tier (both, at the same tier), with at most three reasons a kind. */
    private void add(KindClassifier.Tier t, Set<Kind> ks, Map<Kind, ? extends Set<String>> why) {
        if (t.compareTo(tier) > 0 && !kinds.isEmpty()) return;
        if (t.compareTo(tier) < 0 || kinds.isEmpty()) {
            tier = t;
            kinds.clear();
            reasons.clear();
        }
        kinds.addAll(ks);
        why.forEach((k, w) -> {
            SortedSet<String> rs = reasons.computeIfAbsent(k, x -> new TreeSet<>());
            rs.addAll(w);
            while (rs.size() > REASONS) rs.remove(rs.last());
        });
    }

    void absorb(KindEvidence o) {
        if (!o.kinds.isEmpty()) add(o.tier, o.kinds, o.reasons);
    }

    /** The reasons for the kinds a resource keeps, sorted. */
    List<String> reasons(Set<Kind> kept) {
        SortedSet<String> out = new TreeSet<>();
        kept.forEach(k -> out.addAll(reasons.getOrDefault(k, new TreeSet<>())));
        return List.copyOf(out);
    }
}
