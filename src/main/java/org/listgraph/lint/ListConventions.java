package org.listgraph.lint;

import org.listgraph.entry.Entry;
import org.listgraph.entry.LinkRole;
import org.listgraph.entry.ListDocument;
import org.listgraph.entry.Outline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The awesome-lint conventions a list keeps or breaks: items in alphabetical order within a section, a description for
 * every item, a description that says more than the title, and the Awesome badge beside an awesome list's title. The
 * first two hold only where the list follows them already (most sections sorted, most items described), so a list
 * ordered by date or made of bare links is never told to change its own convention.
 */
final class ListConventions {
    /** A section is held to alphabetical order when it has this many items, all but a fifth of them sorted... */
    static final int SORTED_SECTION_AT_LEAST = 5;
    static final double SORTED_SECTION_SHARE = 0.8;
    /** ...and the list sorts its sections: at least this share of those with that many items are sorted so. */
    static final double SORTED_LIST_SHARE = 0.5;
    /** Items without a description are named where the list has this many items and describes this share of them. */
    static final int DESCRIBED_LIST_AT_LEAST = 10;
    static final double DESCRIBED_LIST_SHARE = 0.8;

    private static final Pattern BULLET = Pattern.compile("^\\s*+(?:[-*+]|\\d{1,9}[.)])\\s++");
    /** The longest link text looked for: an item's name is short, and the scan of a line of brackets stays linear. */
    private static final int MAX_LINK_TEXT = 1_000;
    private static final Pattern EMPHASIS = Pattern.compile("\\*\\*|`"); // "__" and "_" stay: go_serialization is a name
    private static final Pattern LETTER_OR_DIGIT = Pattern.compile("[\\p{L}\\p{N}]");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern AWESOME_TITLE = Pattern.compile("(?i)^awesome\\b");
    /** The badge's image as awesome.re serves it, or as sindresorhus/awesome used to. */
    private static final Pattern BADGE = Pattern.compile("(?i)awesome\\.re/badge|sindresorhus/awesome/[^\\s)]{0,200}badge");

    private ListConventions() {
    }

    /**
     * The list's items: entries with a link of their own, not nested under another entry, nor under an item without a
     * link ("The SSA Form lectures:" over "[Part 1]", "[Part 2]"), which is not an entry: what is indented deeper than the
     * shallowest items of its section (by two columns or more, as Markdown nests) belongs to something above it.
     */
    private static List<Entry> items(ListDocument doc) {
        List<Entry> linked = doc.entries().stream().filter(e -> e.parentIndex() < 0 && !e.linksWith(LinkRole.MAIN).isEmpty()).toList();
        Map<List<String>, Integer> shallowest = new java.util.HashMap<>();
        for (Entry e : linked) shallowest.merge(e.sectionPath(), e.position().column(), Math::min);
        return linked.stream().filter(e -> e.position().column() < shallowest.get(e.sectionPath()) + 2).toList();
    }

    /**
     * Items out of alphabetical order in sections that are otherwise sorted, in a list whose sections mostly are. Curators
     * sort by the text as written ("go-json" before "go-web") or by its words ("Blockchain: Foundations" after "Blockchain
     * Essentials") or as a dictionary does (accents aside), and some mix them: an item is named only when it is out of
     * place in every one of those orders.
     */
    static void alphabeticalOrder(ListDocument doc, List<LintFinding> out) {
        Map<List<String>, List<Entry>> bySection = new LinkedHashMap<>();
        for (Entry e : items(doc)) bySection.computeIfAbsent(e.sectionPath(), k -> new ArrayList<>()).add(e);
        List<List<Entry>> sections = bySection.values().stream().filter(s -> s.size() >= SORTED_SECTION_AT_LEAST).toList();
        int items = sections.stream().mapToInt(List::size).sum();
        if (items == 0) return;
        // Per order, each section's items that sorting would leave in place.
        List<List<boolean[]>> byOrder = SORT_KEYS.stream().map(key -> sections.stream()
                .map(s -> longestSortedRun(s.stream().map(key).toList())).toList()).toList();
        boolean[] sorted = new boolean[sections.size()];
        int sortedSections = 0;
        for (int s = 0; s < sections.size(); s++) {
            int index = s;
            int inPlace = byOrder.stream().mapToInt(kept -> count(kept.get(index))).max().orElse(0);
            sorted[s] = inPlace >= SORTED_SECTION_SHARE * sections.get(s).size();
            if (sorted[s]) sortedSections++;
        }
        // A list that sorts few of its sections (by date, by importance) keeps another order: it is told nothing.
        if (sortedSections < SORTED_LIST_SHARE * sections.size()) return;
        for (int s = 0; s < sections.size(); s++) {
            List<Entry> section = sections.get(s);
            int index = s;
            if (!sorted[s]) continue;
            for (int i = 0; i < section.size(); i++) {
                int item = i;
                if (byOrder.stream().anyMatch(kept -> kept.get(index)[item])) continue;
                Entry e = section.get(i);
                out.add(new LintFinding(e.position(), LintRule.ALPHABETICAL_ORDER, "'" + name(e) + "' is out of alphabetical order in a "
                        + "section whose other items are sorted; move it to its place"));
            }
        }
    }

    /**
     * The orders curators keep, of an item's name as a reader sees it (its line up to the end of its first link, the
     * link as its text, without emphasis marks: "Compilers Theory, Stanford - [YouTube](…)" sorts by its first words, not
     * by its link): as written, in lower case; and by its words, punctuation read as a space.
     */
    private static final List<java.util.function.Function<Entry, String>> SORT_KEYS = List.of(
            e -> shownText(e),
            e -> NOT_WORD.matcher(shownText(e)).replaceAll(" ").strip(),
            ListConventions::collated);

    /** A collator per thread (one is not safe to share), at primary strength: letters alone decide. */
    private static final ThreadLocal<java.text.Collator> COLLATOR = ThreadLocal.withInitial(() -> {
        java.text.Collator c = java.text.Collator.getInstance(Locale.ROOT);
        c.setStrength(java.text.Collator.PRIMARY);
        return c;
    });

    /** The order a dictionary keeps: accents and case aside ("Éclair" before "Zola"), as a string that compares so. */
    private static String collated(Entry e) {
        byte[] key = COLLATOR.get().getCollationKey(shownText(e)).toByteArray();
        char[] chars = new char[key.length];
        for (int i = 0; i < key.length; i++) chars[i] = (char) (key[i] & 0xff);
        return new String(chars);
    }

    private static String shownText(Entry e) {
        String first = BULLET.matcher(e.markdown().lines().findFirst().orElse("")).replaceFirst("");
        int[] link = firstLink(first);
        String name = link != null ? first.substring(0, link[0]) + first.substring(link[2], link[3]) : name(e);
        return EMPHASIS.matcher(name).replaceAll("").strip().toLowerCase(Locale.ROOT);
    }

    /**
     * The first Markdown link or image of {@code line}, as {start, end, text start, text end}, or null: its text may hold
     * one level of brackets ("[[Introductory] Ballerina](…)"). A hand scan, not a regular expression: a line of
     * brackets made every pattern that did this take time growing with the square of the line.
     */
    static int[] firstLink(String line) {
        int n = line.length();
        for (int i = line.indexOf('['); i >= 0; i = line.indexOf('[', i + 1)) {
            int depth = 0, j = i + 1, limit = Math.min(n, i + 1 + MAX_LINK_TEXT);
            for (; j < limit; j++) {
                char c = line.charAt(j);
                if (c == '[' && ++depth > 1) break;
                if (c == ']' && depth-- == 0) break;
            }
            if (j >= limit || line.charAt(j) != ']' || j + 1 >= n || line.charAt(j + 1) != '(') continue;
            int close = line.indexOf(')', j + 2);
            if (close < 0) continue; // a link inside this one's text may still be whole ("[a [b](c) d](e")
            return new int[]{i > 0 && line.charAt(i - 1) == '!' ? i - 1 : i, close + 1, i + 1, j};
        }
        return null;
    }

    private static int count(boolean[] kept) {
        int n = 0;
        for (boolean k : kept) if (k) n++;
        return n;
    }

    /**
     * Which keys belong to one longest non-decreasing subsequence (the items that are where sorting would leave them;
     * the others are the ones to move). Patience sorting, O(n log n); the same keys always mark the same items.
     */
    static boolean[] longestSortedRun(List<String> keys) {
        int n = keys.size();
        int[] tails = new int[n];
        int[] previous = new int[n];
        int length = 0;
        for (int i = 0; i < n; i++) {
            int lo = 0, hi = length;
            while (lo < hi) { // the first tail greater than this key: equal keys extend a run
                int mid = (lo + hi) >>> 1;
                if (keys.get(tails[mid]).compareTo(keys.get(i)) <= 0) lo = mid + 1;
                else hi = mid;
            }
            previous[i] = lo > 0 ? tails[lo - 1] : -1;
            tails[lo] = i;
            if (lo == length) length++;
        }
        boolean[] kept = new boolean[n];
        for (int i = length == 0 ? -1 : tails[length - 1]; i >= 0; i = previous[i]) kept[i] = true;
        return kept;
    }

    /**
     * Items that are a bare link where the list and the item's section describe nearly all of their items (a section of
     * bare links, such as podcasts by name, keeps its own convention), and descriptions that only repeat the title.
     */
    static void descriptions(ListDocument doc, List<LintFinding> out) {
        List<Entry> items = items(doc);
        Map<List<String>, int[]> bySection = new java.util.HashMap<>(); // described, all
        for (Entry e : items) {
            int[] n = bySection.computeIfAbsent(e.sectionPath(), k -> new int[2]);
            if (described(e)) n[0]++;
            n[1]++;
        }
        java.util.Set<Integer> parents = new java.util.HashSet<>(); // an item with items under it is described by them
        for (Entry e : doc.entries()) if (e.parentIndex() >= 0) parents.add(e.parentIndex());
        long described = items.stream().filter(ListConventions::described).count();
        boolean describes = items.size() >= DESCRIBED_LIST_AT_LEAST && described >= DESCRIBED_LIST_SHARE * items.size();
        for (Entry e : items) {
            String d = e.description();
            if (!described(e)) {
                int[] section = bySection.get(e.sectionPath());
                if (describes && section[0] >= DESCRIBED_LIST_SHARE * section[1] && bareLink(e) && !parents.contains(e.index())) {
                    out.add(new LintFinding(e.position(), LintRule.NO_DESCRIPTION, "'" + name(e) + "' has no description, unlike "
                            + Math.round(100.0 * described / items.size()) + "% of this list's items; add ' - ' and what it is"));
                }
            } else if (d != null && e.authors().isEmpty() && (words(d).equals(words(e.title())) || words(d).equals(words(e.label())))) {
                out.add(new LintFinding(e.position(), LintRule.DESCRIPTION_REPEATS_TITLE, "the description '" + d.strip()
                        + "' only repeats the title; say what it is, or leave it out"));
            }
        }
    }

    /** Whether the item says more than its title: a description, or who made it ("Title by Jane Doe", as talks lists write). */
    private static boolean described(Entry e) {
        return e.description() != null && !words(e.description()).isEmpty() || !e.authors().isEmpty();
    }

    /** Whether the item's line says nothing but its link (no byline, quote or note the reader could not parse as a description). */
    private static boolean bareLink(Entry e) {
        String first = BULLET.matcher(e.markdown().lines().findFirst().orElse("")).replaceFirst("");
        int[] link = firstLink(first);
        String rest = link == null ? first : first.substring(0, link[0]) + first.substring(link[1]);
        return e.authors().isEmpty() && !LETTER_OR_DIGIT.matcher(rest).find();
    }

    /** What an item is called: its link's text, or its title when it has no link text (a bare URL after a title). */
    private static String name(Entry e) {
        return e.label() != null ? e.label() : e.title();
    }

    /** Text as the words it says: lower case, without punctuation, symbols or spacing. */
    private static String words(String s) {
        return s == null ? "" : NOT_WORD.matcher(s.toLowerCase(Locale.ROOT)).replaceAll("");
    }

    /** A list titled "Awesome …" without the Awesome badge between its title and its first section. */
    static void awesomeBadge(Outline outline, List<LintFinding> out) {
        var title = outline.headings().stream().filter(h -> h.level() == 1).findFirst();
        if (title.isEmpty() || !AWESOME_TITLE.matcher(title.get().text()).find()) return;
        int titleLine = title.get().position().line();
        int firstSection = outline.headings().stream().filter(h -> h.level() == 2 && h.position().line() > titleLine)
                .mapToInt(h -> h.position().line()).min().orElse(Integer.MAX_VALUE);
        boolean badge = outline.targets().stream().anyMatch(t -> t.image() && t.position().line() < firstSection
                && BADGE.matcher(t.target()).find());
        if (!badge) {
            out.add(new LintFinding(title.get().position(), LintRule.AWESOME_BADGE, "an awesome list shows the Awesome badge beside its "
                    + "title: add [![Awesome](https://awesome.re/badge.svg)](https://awesome.re) to the heading"));
        }
    }
}
