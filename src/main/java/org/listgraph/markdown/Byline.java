package org.listgraph.markdown;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells a "by" that introduces a work's authors ("Title by Jane Doe", "a talk given by …") from one
 * that does not ("inspired by Erlang", "powered by Django", "used by [fzf]", "step by step").
 */
final class Byline {
    /** The word just before "by". */
    private static final Pattern WORD_BEFORE = Pattern.compile("([\\p{L}'’-]+)\\s*$");
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
            "learn", "learning", "teaching", "explain", "examples");

    private Byline() {
    }

    /** Whether the "by" at {@code byIndex} of {@code text} can start an author list. */
    static boolean introducesAuthors(String text, int byIndex) {
        Matcher m = WORD_BEFORE.matcher(text.substring(0, byIndex));
        if (!m.find()) return true; // right after the link or punctuation: "[Title](…) by Jane"
        String word = m.group(1).toLowerCase(Locale.ROOT);
        if (CREATING.contains(word)) return true;
        if (NEVER.contains(word)) return false;
        // "deployed by", "certified by", "written by": a participle names a creator only when it is a creating one.
        return !(word.endsWith("ed") || word.endsWith("en"));
    }
}
