package org.listgraph.identity;

import org.listgraph.entry.Entry;
import org.listgraph.entry.Kind;
import org.listgraph.entry.KindDefaults;
import org.listgraph.entry.Link;
import org.listgraph.entry.LinkRole;
import org.listgraph.entry.ListInfo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides what kind of work an entry links to from all the evidence a person would use, strongest
 * first: a URL or other link that leaves no doubt, a kind the manifest declares for the section, a
 * heading that names a kind, the list's declared kind, what the host, path and words usually mean,
 * and last what the other entries of the section (or list) are. Every verdict says why.
 */
public final class KindClassifier {
    /** How much a verdict weighs, strongest first; a resource takes the kinds of its strongest verdicts. */
    public enum Tier { STRONG, DECLARED_SECTION, HEADING, DECLARED_LIST, WEAK, HINT, NEIGHBOURS, FALLBACK }

    /** An entry's kinds, from which tier, and why (one reason per kind, for {@code lg:kindEvidence}). */
    public record Verdict(Set<Kind> kinds, Tier tier, Map<Kind, String> reasons) {
        public Verdict {
            kinds = Set.copyOf(kinds);
            reasons = Map.copyOf(reasons);
        }
    }

    /** A Wayback Machine URL, with the archived URL's host and path (no scheme, no {@code www.}) as group 1. */
    private static final Pattern ARCHIVED = Pattern.compile("^web\\.archive\\.org/web/\\d+[a-z_]*/(?:https?:/+)?(?:www\\.)?(.+)$",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern QUERY = Pattern.compile("[?#].*$");
    private static final int RULE_INPUT = 2_000;

    /** Neighbours decide only when at least this many agree and make this share of the decided ones. */
    private static final int NEIGHBOURS_AT_LEAST = 3;
    private static final double NEIGHBOURS_SHARE = 0.6;
    /** ...and only when the entries that decided make at least this share of all the section's (or list's) entries. */
    private static final double NEIGHBOURS_COVER = 0.4;

    /** Kinds whose works are often a whole site, so a home page can take them from its neighbours. */
    private static final Set<Kind> WHOLE_SITES = EnumSet.of(Kind.SOFTWARE, Kind.PODCAST, Kind.COURSE, Kind.BOOK, Kind.CURATED_LIST);

    private final KindRules rules;
    /** One matcher per rule and condition, reset for each entry: a classifier serves one conversion's thread. */
    private final Matcher[][] matchers;

    /** Per condition, the last text tested and its {@link RequiredLiterals#asciiLower} form. */
    private final String[] lastInput = new String[12];
    private final String[] lastLowered = new String[12];

    public KindClassifier(KindRules rules) {
        this.rules = rules;
        this.matchers = new Matcher[rules.rules().size()][12];
    }

    /**
     * The verdicts for a whole list's entries, in order; {@code canonical} holds each entry's canonical
     * URL. Entries with no evidence of their own take the kind most of their section's (else list's)
     * entries have, when that kind clearly dominates.
     */
    public List<Verdict> classify(List<Entry> entries, List<String> canonical, ListInfo list) {
        List<Verdict> out = new ArrayList<>();
        Map<List<String>, int[]> headingDepths = new java.util.HashMap<>();
        for (int i = 0; i < entries.size(); i++) out.add(own(entries.get(i), canonical.get(i), list, headingDepths));
        Map<List<String>, Map<Kind, Integer>> bySection = new java.util.HashMap<>();
        Map<Kind, Integer> byList = new EnumMap<>(Kind.class);
        Map<List<String>, Integer> sectionSize = new java.util.HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            Verdict v = out.get(i);
            sectionSize.merge(entries.get(i).sectionPath(), 1, Integer::sum);
            if (v.tier() == Tier.FALLBACK) continue;
            for (Kind k : resolve(v.kinds())) {
                bySection.computeIfAbsent(entries.get(i).sectionPath(), p -> new EnumMap<>(Kind.class)).merge(k, 1, Integer::sum);
                byList.merge(k, 1, Integer::sum);
            }
        }
        for (int i = 0; i < entries.size(); i++) {
            if (out.get(i).tier() != Tier.FALLBACK) continue;
            boolean siteRoot = siteRoot(canonical.get(i));
            List<String> path = entries.get(i).sectionPath();
            Verdict v = dominant(bySection.getOrDefault(path, Map.of()), sectionSize.get(path),
                    path.isEmpty() ? "the list" : "section '" + path.get(path.size() - 1) + "'");
            if (v == null) v = dominant(byList, entries.size(), "the list");
            // A site's home page among articles or talks is the site, not one more of them; among tools or podcasts it is one.
            if (v != null && siteRoot && !WHOLE_SITES.containsAll(v.kinds())) v = null;
            if (v != null) out.set(i, v);
        }
        return out;
    }

    /** Whether a canonical URL (host and path, no scheme) is a site's home page. */
    private static boolean siteRoot(String url) {
        int slash = url.indexOf('/');
        return slash < 0 || slash == url.length() - 1;
    }

    /**
     * The kind that clearly dominates {@code counts} (the decided entries among {@code size}), or null: a few
     * repositories among a section of data feeds and organisations' sites do not make the sites software.
     */
    private static Verdict dominant(Map<Kind, Integer> counts, int size, String where) {
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        if (total < NEIGHBOURS_COVER * size) return null;
        Kind best = null;
        int most = 0;
        for (Map.Entry<Kind, Integer> c : counts.entrySet()) {
            if (c.getValue() > most) {
                best = c.getKey();
                most = c.getValue();
            }
        }
        if (best == null || best == Kind.WEBSITE || most < NEIGHBOURS_AT_LEAST || most < NEIGHBOURS_SHARE * total) return null;
        return new Verdict(EnumSet.of(best), Tier.NEIGHBOURS, Map.of(best, best.localName() + ": " + most + " of the " + total
                + " other entries of " + where + " are " + best.localName()));
    }

    /**
     * One entry's verdict from its own evidence, its section and its list's declarations. {@code headingDepths}
     * keeps, per section (and series line), how deep each rule's heading pattern matched, as its entries share it.
     */
    Verdict own(Entry entry, String canonicalUrl, ListInfo list, Map<List<String>, int[]> headingDepths) {
        // An archived copy is what it archives: web.archive.org/web/2023…/https://stackoverflow.com/questions/… is a Q&A.
        Matcher archived = ARCHIVED.matcher(canonicalUrl);
        String url = archived.matches() ? archived.group(1) : canonicalUrl;
        int slash = url.indexOf('/');
        String host = slash < 0 ? url : url.substring(0, slash);
        String path = slash < 0 ? "" : QUERY.matcher(url.substring(slash)).replaceFirst("");
        String description = entry.description() == null ? "" : entry.description();
        String text = entry.title() + (description.isEmpty() ? "" : "\n" + description);
        String sectionPath = String.join(" / ", entry.sectionPath());
        List<String> otherLinks = entry.links().stream().filter(l -> l.role() != LinkRole.MAIN).map(Link::text).toList();
        // The list's title is the outermost heading: "Awesome Podcasts" names the kind of every entry it has, and
        // a series line is the innermost ("Video Lectures from NPTEL's Compilers Course:" over "Part 1", "Part 2").
        List<String> headings = new ArrayList<>(entry.sectionPath().size() + 2);
        headings.add(list.title());
        headings.addAll(entry.sectionPath());
        if (entry.series() != null) headings.add(entry.series().line());
        int seriesDepth = entry.series() != null ? headings.size() - 1 : -1;
        int[] depths = headingDepths.computeIfAbsent(headings, p -> {
            int[] d = new int[rules.rules().size()];
            for (int i = 0; i < d.length; i++) {
                KindRules.Rule r = rules.rules().get(i);
                d[i] = r.tier() == KindRules.Tier.HEADING ? deepestMatch(r.section(), headings) : -1;
            }
            return d;
        });
        Map<KindRules.Tier, Map<Kind, String>> found = new EnumMap<>(KindRules.Tier.class);
        int headingDepth = -1;
        Map<Kind, Set<Kind>> firm = new EnumMap<>(Kind.class);
        List<HeadingMatch> outer = new ArrayList<>();
        for (int ri = 0; ri < rules.rules().size(); ri++) {
            KindRules.Rule r = rules.rules().get(ri);
            if (r.tier() == KindRules.Tier.HEADING && depths[ri] < 0) continue;
            boolean heading = r.tier() == KindRules.Tier.HEADING;
            Matcher[] m = matchers[ri];
            if (!(matches(m, 0, r.host(), host) && matches(m, 1, r.path(), path) && matches(m, 2, r.url(), url)
                    && matches(m, 3, r.text(), text) && matches(m, 4, r.title(), entry.title())
                    && matches(m, 5, r.description(), description) && matches(m, 6, r.list(), list.title())
                    && (heading || matches(m, 7, r.section(), sectionPath))
                    && (r.links() == null || otherLinks.stream().anyMatch(t -> matches(m, 8, r.links(), t)))
                    && (r.authors() == null || matches(m, 9, r.authors(), authors(entry)))
                    && matches(m, 10, r.written(), entry.identifyingLink().url())
                    && (r.role() == null || entry.links().stream().map(Link::role)
                    .anyMatch(role -> matches(m, 11, r.role(), role.name().toLowerCase(Locale.ROOT)))))) {
                continue;
            }
            String why = r.kind().localName() + ": " + (r.why().isEmpty() ? "kinds.json rule " + r.number() : r.why());
            if (heading) {
                int depth = depths[ri];
                outer.add(new HeadingMatch(r.kind(), depth, headingWhy(r.kind(), depth, seriesDepth, headings)));
                // Only the deepest heading that names a kind counts ("Books / Videos" is about videos).
                if (depth < headingDepth) continue;
                if (depth > headingDepth) found.remove(KindRules.Tier.HEADING);
                headingDepth = depth;
                why = headingWhy(r.kind(), depth, seriesDepth, headings);
            }
            found.computeIfAbsent(r.tier(), t -> new EnumMap<>(Kind.class)).putIfAbsent(r.kind(), why);
            if (r.yieldsTo() != null) firm.put(r.kind(), r.yieldsTo());
        }
        if (found.containsKey(KindRules.Tier.HEADING)) narrowByOuterHeading(found, outer, headingDepth);
        if (found.containsKey(KindRules.Tier.STRONG)) return verdict(found.get(KindRules.Tier.STRONG), Tier.STRONG);
        KindDefaults declared = list.kinds();
        var section = declared.forSection(entry.sectionPath());
        if (section.isPresent()) {
            Kind k = section.get().kind();
            return new Verdict(EnumSet.of(k), Tier.DECLARED_SECTION, Map.of(k, k.localName() + ": lists.json sectionKinds '"
                    + section.get().heading().pattern() + "'"));
        }
        // A heading of papers or talks names single works; a site's home page under it is the site, as with neighbours.
        if (found.containsKey(KindRules.Tier.HEADING) && siteRoot(url)
                && found.get(KindRules.Tier.HEADING).keySet().stream().noneMatch(k -> k == Kind.WEBSITE || WHOLE_SITES.contains(k))) {
            found.remove(KindRules.Tier.HEADING);
        }
        if (found.containsKey(KindRules.Tier.HEADING)) {
            Set<Kind> named = found.get(KindRules.Tier.HEADING).keySet();
            Map<Kind, String> weak = found.getOrDefault(KindRules.Tier.WEAK, Map.of());
            boolean cannotBe = weak.keySet().stream().anyMatch(k -> firm.containsKey(k) && java.util.Collections.disjoint(firm.get(k), named));
            // A heading names what most of its entries are; a URL that cannot be that kind keeps what the URL says,
            // and evidence that reads the entry more narrowly than the heading does ("Videos": a video by a named
            // speaker is a talk) refines it. A heading of websites is the catch-all it names, never refined.
            boolean refines = !named.contains(Kind.WEBSITE) && weak.keySet().stream().filter(k -> k != Kind.SOFTWARE)
                    .anyMatch(k -> named.stream().anyMatch(h -> rules.overriddenBy(k).contains(h)));
            if (cannotBe || refines) return verdict(weak, Tier.HEADING);
            // "Videos and Lectures" names two kinds: what the URL says picks one of them (a YouTube video is a video).
            Map<Kind, String> heading = found.get(KindRules.Tier.HEADING);
            if (heading.size() > 1) {
                Map<Kind, String> picked = new EnumMap<>(Kind.class);
                heading.forEach((k, why) -> {
                    if (weak.containsKey(k)) picked.put(k, why);
                });
                if (!picked.isEmpty()) return verdict(picked, Tier.HEADING);
            }
            return verdict(heading, Tier.HEADING);
        }
        if (declared.list() != null) {
            Kind k = declared.list();
            return new Verdict(EnumSet.of(k), Tier.DECLARED_LIST, Map.of(k, k.localName() + ": lists.json kind of "
                    + list.id()));
        }
        if (found.containsKey(KindRules.Tier.WEAK)) return verdict(found.get(KindRules.Tier.WEAK), Tier.WEAK);
        if (found.containsKey(KindRules.Tier.HINT)) return verdict(found.get(KindRules.Tier.HINT), Tier.HINT);
        return new Verdict(EnumSet.of(Kind.WEBSITE), Tier.FALLBACK, Map.of(Kind.WEBSITE, "Website: no other evidence"));
    }

    private static String headingWhy(Kind kind, int depth, int seriesDepth, List<String> headings) {
        String where = depth == 0 ? ": list title '" : depth == seriesDepth ? ": series line '" : ": heading '";
        return kind.localName() + where + headings.get(depth) + "'";
    }

    /** A heading rule that matched, with how deep its heading sits (0 = the list's title). */
    private record HeadingMatch(Kind kind, int depth, String why) {
    }

    /**
     * "Talks and Conferences / Videos": a heading that names only the medium (videos) inside one that names
     * what is recorded (talks) holds recordings of talks. Only this pair: "Books / Articles" or "Courses /
     * Videos" hold articles and videos, and "Books / Videos" videos.
     */
    private static void narrowByOuterHeading(Map<KindRules.Tier, Map<Kind, String>> found, List<HeadingMatch> matches, int deepest) {
        if (!found.get(KindRules.Tier.HEADING).keySet().equals(Set.of(Kind.VIDEO))) return;
        for (HeadingMatch m : matches) {
            if (m.depth() < deepest && m.kind() == Kind.TALK) {
                Map<Kind, String> narrowed = new EnumMap<>(Kind.class);
                narrowed.put(m.kind(), m.why());
                found.put(KindRules.Tier.HEADING, narrowed);
                return;
            }
        }
    }

    /** The entry's authors as one string for the {@code authors} condition: names, else handles, joined by ", ". */
    private static String authors(Entry entry) {
        return String.join(", ", entry.authors().stream()
                .map(a -> a.name() != null ? a.name() : a.accounts().get(0).name()).toList());
    }

    private static Verdict verdict(Map<Kind, String> kinds, Tier tier) {
        return new Verdict(kinds.keySet(), tier, kinds);
    }

    private static int deepestMatch(Pattern p, List<String> path) {
        for (int i = path.size() - 1; i >= 0; i--) if (p.matcher(path.get(i)).find()) return i;
        return -1;
    }

    /**
     * The final kinds of a resource from the verdicts of all its entries: the kinds of its strongest
     * verdicts, less the kinds those override (a talk's recording is a Talk, not also a Video).
     */
    public Set<Kind> resolve(Collection<Verdict> verdicts) {
        Tier best = verdicts.stream().map(Verdict::tier).min(Enum::compareTo).orElse(Tier.FALLBACK);
        Set<Kind> kinds = EnumSet.noneOf(Kind.class);
        verdicts.stream().filter(v -> v.tier() == best).forEach(v -> kinds.addAll(v.kinds()));
        return resolve(kinds);
    }

    /** Kinds less the ones another of them overrides; Website when nothing is left. */
    public Set<Kind> resolve(Set<Kind> evidence) {
        Set<Kind> kinds = EnumSet.copyOf(evidence.isEmpty() ? EnumSet.of(Kind.WEBSITE) : evidence);
        for (Kind k : evidence) kinds.removeAll(rules.overriddenBy(k));
        return kinds.isEmpty() ? EnumSet.of(Kind.WEBSITE) : kinds;
    }

    /**
     * Whether {@code p} (absent: any) finds a match in {@code text}, with the rule's matcher for that condition made
     * once. The regex runs only when the text has one of the literals it cannot match without.
     */
    private boolean matches(Matcher[] m, int condition, Pattern p, String text) {
        if (p == null) return true;
        // Rules see at most the first 2,000 characters of a field: no real URL or title is longer, and a user's
        // pattern must not be able to overflow the stack or run for minutes on a pathological line.
        String s = text.length() > RULE_INPUT ? text.substring(0, RULE_INPUT) : text;
        RequiredLiterals needed = rules.literals(p);
        if (needed.filters()) {
            if (s != lastInput[condition]) { // the same field's string is tested by one rule after another
                lastInput[condition] = s;
                lastLowered[condition] = RequiredLiterals.asciiLower(s);
            }
            if (!needed.mayMatch(lastLowered[condition])) return false;
        }
        if (m[condition] == null) m[condition] = p.matcher(s);
        else m[condition].reset(s);
        return m[condition].find();
    }
}
