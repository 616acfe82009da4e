package org.listgraph.markdown;

import java.util.Locale;
import java.util.Set;

/**
 * Tells a "by" that introduces a work's authors ("Title by Jane Doe", "a talk given by …") from one
 * that does not ("inspired by Erlang", "powered by Django", "used by [fzf]", "step by step").
 */
final class Byline {
    /** Participles that do name a creator when "by" follows them. */
    private static final Set<String> CREATING = Set.of("written", "created", "authored", "presented", "given", "made", "hosted",
            "developed", "designed", "produced", "edited", "compiled", "curated", "translated", "recorded", "taught", "narrated",
            "illustrated", "built", "published", "coauthored", "co-authored", "co-written", "delivered", "spoken", "drawn",
            "explained", "started", "founded", "organized", "organised", "run", "led");
    /** Other words before "by" that are never followed by authors. */
    private static final Set<String> NEVER = Set.of("step", "one", "side", "little", "day", "case", "line", "bit", "page", "word",
            "inspired", "powered", "used", "deployed", "certified", "maintained", "backed", "sponsored", "supported", "funded",
            "followed", "replaced", "driven", "based", "caused", "owned", "acquired", "trusted", "loved", "adopted", "endorsed",
            "recommended", "approved", "verified", "managed", "operated", "hosting", "offered", "provided", "sorted", "ordered",
            "grouped", "filtered", "generated", "signed", "protected", "secured", "affected", "influenced", "similar", "go",
            "teaching", "explain", "examples");

    /** Participles after which "by the …" names a place or institution that hosts something, not its authors. */
    private static final Set<String> HOSTING = Set.of("hosted", "organized", "organised", "run", "held", "led", "founded", "started");

    private Byline() {
    }

    /** Whether the "by" at {@code byIndex} of {@code text} can start an author list. */
    static boolean introducesAuthors(String text, int byIndex) {
        // The last word before "by", found from the end: a regex anchored at the end would rescan a long text at every start.
        int end = byIndex;
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) end--;
        int start = end;
        while (start > 0 && (Character.isLetter(text.charAt(start - 1)) || "'’-".indexOf(text.charAt(start - 1)) >= 0)) start--;
        if (start == end) return true; // right after the link or punctuation: "[Title](…) by Jane"
        String word = text.substring(start, end).toLowerCase(Locale.ROOT);
        // "a summer school hosted by the EPFL University": an institution that holds an event is not its author.
        if (HOSTING.contains(word) && text.regionMatches(true, byIndex, "by the ", 0, 7)) return false;
        if (CREATING.contains(word)) return true;
        if (NEVER.contains(word)) return false;
        // "deployed by", "certified by", "written by": a participle names a creator only when it is a creating one.
        return !(word.endsWith("ed") || word.endsWith("en"));
    }
}
