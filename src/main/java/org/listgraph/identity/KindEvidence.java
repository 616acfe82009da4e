package org.listgraph.identity;

import org.listgraph.entry.Kind;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The kind verdicts of a resource's entries, only those of the strongest tier seen, with a few of their reasons.
 * One per resource, so it is small: the kinds as bits, each kind's reasons as a short sorted array, and the reasons'
 * text shared (a few hundred distinct ones, against an EnumSet, an EnumMap and a TreeSet a resource, 400 bytes).
 */
final class KindEvidence {
    private static final int REASONS = 3;
    private static final Kind[] KINDS = Kind.values();

    static {
        if (KINDS.length > Integer.SIZE) throw new ExceptionInInitializerError("more kinds than bits in an int");
    }
    KindClassifier.Tier tier = KindClassifier.Tier.FALLBACK;
    /** The kinds, a bit per ordinal. */
    private int kinds;
    /** Per kind ordinal, its reasons sorted, at most {@link #REASONS}; null until a kind has one. */
    private String[][] reasons;

    void add(KindClassifier.Verdict v) {
        if (!add(v.tier(), mask(v.kinds()))) return;
        v.reasons().forEach((k, w) -> addReason(k.ordinal(), w));
    }

    /** Takes the tier and kinds: the stronger tier wins, and at the same tier the kinds add up; returns whether they count. */
    private boolean add(KindClassifier.Tier t, int ks) {
        if (t.compareTo(tier) > 0 && kinds != 0) return false;
        if (t.compareTo(tier) < 0 || kinds == 0) {
            tier = t;
            kinds = 0;
            reasons = null;
        }
        kinds |= ks;
        return true;
    }

    /** Adds a reason for a kind this evidence has, keeping the smallest three. */
    private void addReason(int kind, String why) {
        if ((kinds & (1 << kind)) == 0) return;
        if (reasons == null) reasons = new String[KINDS.length][];
        String[] rs = reasons[kind];
        if (rs == null) {
            reasons[kind] = new String[]{why.intern()};
            return;
        }
        int at = Arrays.binarySearch(rs, why);
        if (at >= 0) return;
        int insert = -at - 1;
        if (insert >= REASONS) return;
        String[] more = new String[Math.min(rs.length + 1, REASONS)];
        System.arraycopy(rs, 0, more, 0, insert);
        more[insert] = why.intern();
        System.arraycopy(rs, insert, more, insert + 1, more.length - insert - 1);
        reasons[kind] = more;
    }

    void absorb(KindEvidence o) {
        if (o.kinds == 0 || !add(o.tier, o.kinds) || o.reasons == null) return;
        for (int k = 0; k < o.reasons.length; k++) {
            if (o.reasons[k] != null) for (String why : o.reasons[k]) addReason(k, why);
        }
    }

    /** The kinds, strongest tier only. */
    Set<Kind> kinds() {
        Set<Kind> out = EnumSet.noneOf(Kind.class);
        for (Kind k : KINDS) if ((kinds & (1 << k.ordinal())) != 0) out.add(k);
        return out;
    }

    /** The reasons for the kinds a resource keeps, sorted. */
    List<String> reasons(Set<Kind> kept) {
        SortedSet<String> out = new TreeSet<>();
        if (reasons != null) kept.forEach(k -> {
            if (reasons[k.ordinal()] != null) out.addAll(Arrays.asList(reasons[k.ordinal()]));
        });
        return List.copyOf(out);
    }

    private static int mask(Set<Kind> ks) {
        int m = 0;
        for (Kind k : ks) m |= 1 << k.ordinal();
        return m;
    }
}
