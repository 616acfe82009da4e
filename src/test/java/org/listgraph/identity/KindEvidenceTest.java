package org.listgraph.identity;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.listgraph.entry.Kind;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A resource keeps the three first reasons of each kind in order, however its entries' verdicts came in or were merged. */
class KindEvidenceTest {
    private static final Kind[] KINDS = Kind.values();

    @Property(tries = 300)
    void eachKindKeepsItsThreeSmallestReasonsAndTheyAreListedSorted(@ForAll @Size(max = 40) List<@IntRange(max = 3) Integer> kinds,
                                                                     @ForAll @Size(max = 40) List<@StringLength(min = 1, max = 2) String> reasons,
                                                                     @ForAll @IntRange(max = 40) int split) {
        Map<Kind, TreeSet<String>> expected = new TreeMap<>();
        KindEvidence first = new KindEvidence();
        KindEvidence second = new KindEvidence();
        int n = Math.min(kinds.size(), reasons.size());
        for (int i = 0; i < n; i++) {
            Kind k = KINDS[kinds.get(i)];
            (i < split ? first : second).add(new KindClassifier.Verdict(Set.of(k), KindClassifier.Tier.WEAK, Map.of(k, reasons.get(i))));
            TreeSet<String> kept = expected.computeIfAbsent(k, x -> new TreeSet<>());
            kept.add(reasons.get(i));
            if (kept.size() > 3) kept.pollLast();
        }
        KindEvidence all = new KindEvidence();
        all.absorb(first);
        all.absorb(second);
        Set<Kind> some = EnumSet.noneOf(Kind.class);
        expected.keySet().stream().limit(2).forEach(some::add);
        TreeSet<String> wanted = new TreeSet<>();
        some.forEach(k -> wanted.addAll(expected.get(k)));
        assertEquals(List.copyOf(wanted), all.reasons(some));
        assertEquals(expected.keySet(), all.kinds());
    }

    @Property(tries = 100)
    void aStrongerTierReplacesTheKindsAndReasonsOfAWeakerOne(@ForAll @StringLength(min = 1, max = 3) String weak,
                                                            @ForAll @StringLength(min = 1, max = 3) String strong) {
        KindEvidence e = new KindEvidence();
        e.add(new KindClassifier.Verdict(Set.of(KINDS[0]), KindClassifier.Tier.WEAK, Map.of(KINDS[0], weak)));
        e.add(new KindClassifier.Verdict(Set.of(KINDS[1]), KindClassifier.Tier.STRONG, Map.of(KINDS[1], strong)));
        e.add(new KindClassifier.Verdict(Set.of(KINDS[2]), KindClassifier.Tier.HINT, Map.of(KINDS[2], weak)));
        assertEquals(Set.of(KINDS[1]), e.kinds());
        assertEquals(List.of(strong), e.reasons(EnumSet.allOf(Kind.class)));
    }
}
