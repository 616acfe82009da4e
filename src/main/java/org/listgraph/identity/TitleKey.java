package org.listgraph.identity;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Normalises titles for comparison: case, accents, punctuation, slug form
 * ({@code linux-networking-explained}) and a leading article; and reads a part marker
 * ("Part 1", "[Part 1]", "Part II"), which is evidence that two similar titles are different works.
 */
public final class TitleKey {
    private static final Pattern PART = Pattern.compile(
            "(?i)\\b(?:part|pt\\.?|episode|ep\\.?|chapter|lesson)\\s*#?\\s*(\\d+|[ivx]+\\b|one|two|three|four|five|six|seven|eight|nine|ten)");
    /** Words one of which every part marker contains, to skip the expression on titles without any. */
    private static final RequiredLiterals PART_WORDS = RequiredLiterals.of(PART);
    private static final Map<String, String> NUMBERS = Map.ofEntries(Map.entry("one", "1"), Map.entry("two", "2"),
            Map.entry("three", "3"), Map.entry("four", "4"), Map.entry("five", "5"), Map.entry("six", "6"), Map.entry("seven", "7"),
            Map.entry("eight", "8"), Map.entry("nine", "9"), Map.entry("ten", "10"), Map.entry("i", "1"), Map.entry("ii", "2"),
            Map.entry("iii", "3"), Map.entry("iv", "4"), Map.entry("v", "5"), Map.entry("vi", "6"), Map.entry("vii", "7"),
            Map.entry("viii", "8"), Map.entry("ix", "9"), Map.entry("x", "10"));

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern ARTICLE = Pattern.compile("^(?:a|an|the) ");
    /** {@link #ARTICLE}'s words as prefixes of a key (no key ends in a space, so a word follows each). */
    private static final List<String> ARTICLES = List.of("a ", "an ", "the ");
    /** Zeros before a part's number ("07" → "7"); a lone "0" stays. */
    private static final Pattern LEADING_ZEROS = Pattern.compile("^0+(?=\\d)");

    private TitleKey() {
    }

    /** "An Illustrated Guide to Kubernetes Networking" and "illustrated-guide-to-kubernetes-networking" share a key. */
    public static String of(String title) {
        return isAscii(title) ? ofAscii(title) : ofText(title);
    }

    /** {@link #of} by its definition, for any text. */
    static String ofText(String title) {
        String s = MARKS.matcher(Normalizer.normalize(title, Normalizer.Form.NFKD)).replaceAll("").toLowerCase(Locale.ROOT);
        s = s.replace("’", "").replace("'", "").replace("+", " plus ").replace("#", " sharp ");
        s = NON_WORD.matcher(s).replaceAll(" ").strip();
        return ARTICLE.matcher(s).replaceFirst("");
    }

    /**
     * {@link #ofText} for ASCII text in one pass: ASCII has no decompositions or marks, and its only letters and
     * digits are a–z, A–Z and 0–9, so the result is the same (a test compares both). Identity computes a key for
     * every listed title, and the regular expressions were most of that.
     */
    static String ofAscii(String title) {
        StringBuilder out = new StringBuilder(title.length() + 8);
        boolean gap = false;
        for (int i = 0; i < title.length(); i++) {
            char c = title.charAt(i);
            if (c >= 'A' && c <= 'Z') c = (char) (c + ('a' - 'A'));
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                if (gap && out.length() > 0) out.append(' ');
                gap = false;
                out.append(c);
            } else if (c == '+' || c == '#') {
                if (out.length() > 0) out.append(' ');
                out.append(c == '+' ? "plus" : "sharp");
                gap = true;
            } else if (c != '\'') {
                gap = true; // an apostrophe joins its neighbours ("don't" → "dont"); anything else separates words
            }
        }
        String key = out.toString();
        for (String article : ARTICLES) if (key.startsWith(article)) return key.substring(article.length());
        return key;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) >= 0x80) return false;
        return true;
    }

    /** The key without its part marker: "…Networking [Part 1]" and "…Networking" share it. */
    public static String withoutPart(String title) {
        return of(mayHavePart(title) ? PART.matcher(title).replaceAll(" ") : title);
    }

    /** False when the title has none of the words a part marker needs ("part", "pt", "ep"…): most titles. */
    private static boolean mayHavePart(String title) {
        return PART_WORDS.mayMatch(RequiredLiterals.asciiLower(title));
    }

    /** The part number a title names ("1" for "Part 1", "[Part I]", "part one"), if any. */
    public static Optional<String> part(String title) {
        if (!mayHavePart(title)) return Optional.empty();
        Matcher m = PART.matcher(title);
        if (!m.find()) return Optional.empty();
        String n = m.group(1).toLowerCase(Locale.ROOT);
        return Optional.of(NUMBERS.getOrDefault(n, LEADING_ZEROS.matcher(n).replaceFirst("")));
    }
}
