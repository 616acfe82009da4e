package org.listgraph.identity;

import org.apache.commons.text.similarity.LevenshteinDistance;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides whether two resources with different URLs are one work. Titles must match after
 * normalisation and other evidence must agree (a shared author, the author's handle in the other
 * URL); disagreeing evidence (different authors, "Part 1" against no part) forbids a merge.
 * Weaker matches (the same long title elsewhere, a title a typo away by the same author) are only
 * possible duplicates (Levenshtein distance from commons-text). Every decision carries its reason.
 */
public final class WorkMatcher {
    /** Titles shorter than this many words ("Kubernetes Networking") are too generic to suggest a duplicate on their own. */
    static final int GENERIC_WORDS = 4;
    /** Titles shorter than this ("Introduction", "Learning C++") never merge works on their own, even by one author. */
    static final int MIN_MERGE_WORDS = 3;
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    /** The slash of a creator key ("github/tgraf"), shown as "github:tgraf". */
    private static final Pattern KEY_SLASH = Pattern.compile("/");

    /** What the matcher knows of one resource; the title's key and part are computed once. */
    public record Work(String iri, String title, Set<String> creators, Set<String> creatorHandles, Set<String> urlHandles,
                       Set<String> sites, String key, Optional<String> part, String keyWithoutPart) {
        public Work(String iri, String title, Set<String> creators, Set<String> creatorHandles, Set<String> urlHandles, Set<String> sites) {
            this(iri, title, creators, creatorHandles, urlHandles, sites, TitleKey.of(title), TitleKey.part(title));
        }

        /** A title with no part marker keys the same with or without it: one string for both (one work per resource is held). */
        private Work(String iri, String title, Set<String> creators, Set<String> creatorHandles, Set<String> urlHandles, Set<String> sites,
                     String key, Optional<String> part) {
            this(iri, title, creators, creatorHandles, urlHandles, sites, key, part, part.isEmpty() ? key : TitleKey.withoutPart(title));
        }
    }

    /** The outcome for one pair. */
    public enum Verdict { MERGE, POSSIBLE, DIFFERENT }

    /** A verdict and the evidence behind it, in words for the merge report. */
    public record Decision(Verdict verdict, String evidence) {
    }

    public Decision decide(Work a, Work b) {
        Optional<String> partA = a.part();
        Optional<String> partB = b.part();
        if (!partA.equals(partB)) {
            return new Decision(Verdict.DIFFERENT, "different parts (" + partA.map(p -> "part " + p).orElse("no part") + " / "
                    + partB.map(p -> "part " + p).orElse("no part") + ")");
        }
        Set<String> shared = new HashSet<>(a.creators());
        shared.retainAll(b.creators());
        // A plain name shared by two lists is weak: only an account-backed author is strong evidence.
        Set<String> strong = new java.util.TreeSet<>(shared);
        strong.removeIf(c -> c.startsWith("name/"));
        // The author's account in the URL stands in for an author only where the work names none.
        boolean handleInUrl = (b.creators().isEmpty() && intersects(a.creatorHandles(), b.urlHandles()))
                || (a.creators().isEmpty() && intersects(b.creatorHandles(), a.urlHandles()));
        if (!a.creators().isEmpty() && !b.creators().isEmpty() && shared.isEmpty()) {
            return new Decision(Verdict.DIFFERENT, "different authors");
        }
        String keyA = a.keyWithoutPart();
        String keyB = b.keyWithoutPart();
        if (!keyA.equals(keyB) && DIGITS.matcher(keyA).replaceAll("#").equals(DIGITS.matcher(keyB).replaceAll("#"))) {
            return new Decision(Verdict.DIFFERENT, "titles that differ only in a number (a version, a year, an episode)");
        }
        boolean sameTitle = keyA.equals(keyB) && !keyA.isEmpty();
        boolean distinctive = keyA.split(" ").length >= MIN_MERGE_WORDS;
        if (sameTitle && !strong.isEmpty() && distinctive) {
            return new Decision(Verdict.MERGE, "same title, shared author " + String.join(", ", strong.stream().map(c -> KEY_SLASH.matcher(c).replaceFirst(":")).toList()));
        }
        if (sameTitle && handleInUrl && distinctive) {
            return new Decision(Verdict.MERGE, "same title, and one URL is on the author's own account");
        }
        if (sameTitle && (!shared.isEmpty() || handleInUrl)) {
            return new Decision(Verdict.POSSIBLE, distinctive ? "same title, same author named only by a plain name"
                    : "a short title (" + keyA.split(" ").length + " words) by the same author");
        }
        boolean sameSite = intersects(a.sites(), b.sites());
        if (sameTitle && sameSite) {
            return new Decision(Verdict.POSSIBLE, "same title on the same site, but no shared author");
        }
        if (sameTitle && keyA.split(" ").length >= GENERIC_WORDS) {
            return new Decision(Verdict.POSSIBLE, "same title, but no shared author or site");
        }
        if (sameTitle) {
            return new Decision(Verdict.DIFFERENT, "a short, generic title on different sites, no shared author");
        }
        int allowed = allowedEdits(Math.min(keyA.length(), keyB.length()));
        // The length difference bounds the distance from below: skip the quadratic computation when it cannot pass.
        int edits = Math.abs(keyA.length() - keyB.length()) > allowed || (shared.isEmpty() && !handleInUrl)
                ? Integer.MAX_VALUE : new LevenshteinDistance(allowed + 1).apply(keyA, keyB);
        if (edits >= 0 && edits <= allowed) {
            return new Decision(Verdict.POSSIBLE, "nearly the same title (" + edits + (edits == 1 ? " edit" : " edits") + "), shared author");
        }
        return new Decision(Verdict.DIFFERENT, "different titles");
    }

    /** How many edits two titles may differ by and still count as nearly the same, given the shorter one's length. */
    static int allowedEdits(int shorterLength) {
        return Math.max(2, shorterLength / 20);
    }

    private static boolean intersects(Set<String> a, Set<String> b) {
        for (String x : a) if (b.contains(x)) return true;
        return false;
    }
}
