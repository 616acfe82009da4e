package org.listgraph.identity;

import org.listgraph.entry.Kind;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The kind verdicts of a resource's entries, only those of the strongest tier seen, with a few of their reasons.
 * One per resource, so it is small: the kinds as bits, the reasons in one short sorted array, and the reasons'
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
    /**
     * The reasons of the kinds it has, at most {@link #REASONS} a kind: each the kind's ordinal as one char before the
     * reason's text, interned (a few hundred distinct ones), sorted so by kind and then by text. One array of a string
     * or two, against an array per kind ordinal, was 50 bytes less for each of a million resources.
     */
    private String[] reasons = SortedStrings.NONE;

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
            reasons = SortedStrings.NONE;
        }
        kinds |= ks;
        return true;
    }

    /** Adds a reason for a kind this evidence has, keeping the smallest three of each kind. */
    private void addReason(int kind, String why) {
        if ((kinds & (1 << kind)) == 0) return;
        addTagged(((char) kind) + why);
    }

    private void addTagged(String tagged) {
        if (SortedStrings.contains(reasons, tagged)) return;
        char kind = tagged.charAt(0);
        int before = 0;
        int same = 0;
        for (String r : reasons) {
            if (r.charAt(0) == kind) {
                if (r.compareTo(tagged) < 0) before++;
                same++;
            }
        }
        if (before >= REASONS) return;
        String[] more = SortedStrings.with(reasons, tagged.intern());
        // More than three now: the kind's largest goes, the one after the new reason's place.
        if (same >= REASONS) more = SortedStrings.without(more, largestOf(more, kind));
        reasons = more;
    }

    private static String largestOf(String[] tagged, char kind) {
        String last = null;
        for (String r : tagged) if (r.charAt(0) == kind) last = r;
        return last;
    }

    void absorb(KindEvidence o) {
        if (o.kinds == 0 || !add(o.tier, o.kinds)) return;
        for (String tagged : o.reasons) {
            if ((kinds & (1 << tagged.charAt(0))) != 0) addTagged(tagged);
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
        for (String tagged : reasons) {
            if (kept.contains(KINDS[tagged.charAt(0)])) out.add(tagged.substring(1));
        }
        return List.copyOf(out);
    }

    private static int mask(Set<Kind> ks) {
        int m = 0;
        for (Kind k : ks) m |= 1 << k.ordinal();
        return m;
    }
}
