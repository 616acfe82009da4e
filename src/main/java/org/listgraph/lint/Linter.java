package org.listgraph.lint;

import org.listgraph.entry.Entry;
import org.listgraph.entry.InputLimits;
import org.listgraph.entry.Link;
import org.listgraph.entry.LinkRole;
import org.listgraph.entry.ListDocument;
import org.listgraph.entry.Outline;
import org.listgraph.entry.Problem;
import org.listgraph.entry.Section;
import org.listgraph.entry.SourcePosition;
import org.listgraph.identity.Catalog;
import org.listgraph.identity.Identified;
import org.listgraph.identity.IriMinter;
import org.listgraph.identity.KindRules;
import org.listgraph.identity.Overrides;
import org.listgraph.identity.UrlCanonicalizer;
import org.listgraph.markdown.ListFiles;
import org.listgraph.markdown.Manifest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks lists before they are merged: the converter's recovered problems under rule ids, plus
 * duplicates within a list, empty sections, links that lead nowhere, and the awesome-lint rules
 * that fit curated link lists. Identity runs over all the given lists, as in a build.
 */
public final class Linter {
    /** A host name (labels each ending in a dot, possessively, then a TLD of letters), then a path or nothing. */
    private static final Pattern DOMAIN_WITHOUT_SCHEME = Pattern.compile("(?i)^(?:[a-z0-9-]++\\.)++[a-z]{2,}+(?:[/:?#].*)?$");
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");
    /** Possessive throughout: Java matches a greedy group once per recursion, so a long URL overflowed the stack. */
    private static final Pattern AWESOME_ITEM = Pattern.compile(
            "^\\s*+[-*+]\\s++\\[[^\\]]++\\]\\((?:[^()\\s]++|\\([^()\\s]*+\\))++\\)\\s++([-–—])\\s++(.+?)\\s*$");
    private static final Pattern TOC_HEADING = Pattern.compile("(?i)^(table of )?contents?$");
    private static final Pattern QUERY_AND_FRAGMENT = Pattern.compile("[?#].*$");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern LEADING_SYMBOLS = Pattern.compile("^[^\\p{L}\\p{N}]+");
    private static final Pattern WORD_SEPARATOR = Pattern.compile("[\\s,;:]+");
    /** A word in lower case, or lower-case words joined by dashes ("open-source"). */
    private static final Pattern LOWER_CASE_WORD = Pattern.compile("\\p{Ll}++(?:-\\p{Ll}++)*+");
    private static final Set<String> SMALL_WORDS = Set.of("a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor", "of",
            "on", "or", "over", "per", "the", "to", "vs", "via", "with");

    private static final Set<String> STANDARD_SECTIONS = Set.of("contents", "table of contents", "contributing", "contribute", "license",
            "licence", "footnotes", "credits", "acknowledgements", "acknowledgments");
    private static final Pattern FILE_EXTENSION = Pattern.compile("(?i)\\.(md|markdown|html?|png|jpe?g|gif|svg|txt|pdf|json|ya?ml|xml|csv|rst|adoc)$");

    private final UrlCanonicalizer urls = new UrlCanonicalizer();
    /** The last link checks, by URL as the graph writes it; none unless {@link #withLinkChecks} gave them. */
    private java.util.Map<String, org.listgraph.entry.LinkCheck> linkChecks = java.util.Map.of();

    /** Lints with the results of the last {@code check-links} too: dead and moved links become findings. */
    public Linter withLinkChecks(java.util.Map<String, org.listgraph.entry.LinkCheck> byUrl) {
        this.linkChecks = java.util.Map.copyOf(byUrl);
        return this;
    }

    /**
     * Percent-decodes what is a valid UTF-8 escape and leaves everything else as written (a lone '%'
     * or a '+', which in a path is a plus, not a space).
     */
    static String percentDecode(String s) {
        if (s.indexOf('%') < 0) return s;
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); ) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
                bytes.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 3;
                continue;
            }
            flush(bytes, out);
            out.append(c);
            i++;
        }
        flush(bytes, out);
        return out.toString();
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    private static void flush(java.io.ByteArrayOutputStream bytes, StringBuilder out) {
        if (bytes.size() == 0) return;
        out.append(new String(bytes.toByteArray(), java.nio.charset.StandardCharsets.UTF_8));
        bytes.reset();
    }

    /** Lints the given list files (already expanded); findings come sorted, with the rules each list switched off left out. */
    public List<LintFinding> lint(List<Path> files) {
        return lint(files, InputLimits.DEFAULTS);
    }

    /** As above, refusing files over {@code limits}. */
    public List<LintFinding> lint(List<Path> files, InputLimits limits) {
        List<ListDocument> docs = new ArrayList<>();
        new ListFiles(limits).readEach(files, docs::add);
        Set<Path> folders = new TreeSet<>();
        files.forEach(f -> folders.add(f.toAbsolutePath().normalize().getParent()));
        Catalog catalog = new Catalog(new IriMinter(IriMinter.DEFAULT_BASE), KindRules.load(Path.of("")), Overrides.inFolders(folders));
        List<Identified.ListNode> nodes = docs.stream().map(catalog::add).toList();
        List<LintFinding> found = lint(nodes, catalog.resolve(), files);
        if (linkChecks.isEmpty()) return found;
        List<LintFinding> all = new ArrayList<>(found);
        docs.forEach(d -> all.addAll(linkFindings(d)));
        return all.stream().distinct().sorted().toList();
    }

    /** Each entry's link that the last check found dead or moved, at the entry (its identifying link; rules switched off left out). */
    private List<LintFinding> linkFindings(ListDocument doc) {
        List<LintFinding> out = new ArrayList<>();
        for (var e : doc.entries()) {
            String url = e.identifyingLink().url();
            var check = linkChecks.get(UrlCanonicalizer.toIri(url));
            if (check == null) continue;
            switch (check.state()) {
                case DEAD -> {
                    if (!doc.info().lintOff().contains(LintRule.DEAD_LINK.id())) {
                        out.add(new LintFinding(e.position(), LintRule.DEAD_LINK, url + (check.problem() != null ? " failed: " + check.problem()
                                : " answers " + check.status()) + " (checked " + check.checkedAt().toString().substring(0, 10) + "); remove it, "
                                + "or link where it went"));
                    }
                }
                case MOVED -> {
                    if (!doc.info().lintOff().contains(LintRule.MOVED_LINK.id())) {
                        out.add(new LintFinding(e.position(), LintRule.MOVED_LINK, url + " redirects to " + check.finalUrl() + "; write the new URL"));
                    }
                }
                default -> { }
            }
        }
        return out;
    }

    /**
     * Lints lists that were already read and identified (as {@code build} has them); {@code files}
     * holds each list's file, in the same order.
     */
    public List<LintFinding> lint(List<Identified.ListNode> lists, Identified.Resolution resolution, List<Path> files) {
        return lint(lists, resolution, files, KeptFindings.none());
    }

    /**
     * As above, taking each unchanged list's findings from {@code kept} (such a list is not read back at all) and
     * noting every other list's there. A list that switches off a rule that does not exist is always linted: that
     * finding points into lists.json.
     */
    public List<LintFinding> lint(List<Identified.ListNode> lists, Identified.Resolution resolution, List<Path> files, KeptFindings kept) {
        if (lists.size() != files.size()) throw new IllegalArgumentException(lists.size() + " lists but " + files.size() + " files");
        List<LintFinding> all = new ArrayList<>();
        for (int i = 0; i < lists.size(); i++) {
            var earlier = kept.find(i);
            if (earlier.isPresent()) {
                all.addAll(earlier.get());
                continue;
            }
            Identified.ListNode list = lists.get(i); // read back from disk in a build: once
            ListDocument doc = list.document();
            Path file = files.get(i);
            List<LintFinding> found = new ArrayList<>();
            converterProblems(doc, found);
            duplicates(list, resolution, found);
            emptySections(doc, found);
            Outline outline = doc.outline(); // read with the list: the file is not parsed again
            targets(file, outline, found);
            titleCase(outline, found);
            tableOfContents(outline, found);
            listItems(doc, found);
            ListConventions.alphabeticalOrder(doc, found);
            ListConventions.descriptions(doc, found);
            ListConventions.awesomeBadge(outline, found);
            Set<String> off = new TreeSet<>(doc.info().lintOff());
            boolean unknownOff = false;
            for (String id : off) {
                if (LintRule.byId(id).isEmpty()) {
                    unknownOff = true;
                    Path manifest = file.getParent() == null ? Path.of(Manifest.FILE_NAME) : file.getParent().resolve(Manifest.FILE_NAME);
                    all.add(new LintFinding(positionOf(manifest, "\"" + id + "\""), LintRule.MANIFEST, "list '" + doc.info().id()
                            + "' switches off '" + id + "', which is no rule; known: " + LintRule.ids()));
                }
            }
            List<LintFinding> shown = found.stream().filter(f -> !off.contains(f.rule().id())).toList();
            all.addAll(shown);
            if (!unknownOff) kept.keep(i, shown);
        }
        return all.stream().distinct().sorted().toList();
    }

    /** Where {@code needle} first stands in {@code file} (1:1 when it cannot be found or read). */
    private static SourcePosition positionOf(Path file, String needle) {
        try {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                int col = lines.get(i).indexOf(needle);
                if (col >= 0) return new SourcePosition(file.toString(), i + 1, col + 1);
            }
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            // fall through: the finding still names the file
        }
        return new SourcePosition(file.toString(), 1, 1);
    }

    /** The converter's warnings, named by the rule they break (relative and non-http links are this linter's own rules). */
    private static void converterProblems(ListDocument doc, List<LintFinding> out) {
        for (Problem p : doc.problems()) {
            String m = p.message();
            if (m.startsWith("relative link ") || m.contains("is not http(s)")) continue;
            LintRule rule = m.contains("second bullet") ? LintRule.DOUBLE_BULLET
                    : m.startsWith("link without a list bullet") ? LintRule.LINK_WITHOUT_BULLET
                    : m.contains("has a broken URL") ? LintRule.BROKEN_URL
                    : m.startsWith("unbalanced brackets") ? LintRule.UNBALANCED_BRACKETS
                    : m.contains("is not a real date") ? LintRule.BAD_DATE
                    : m.contains("Windows-1252") || m.contains("not valid UTF-8") ? LintRule.ENCODING
                    : m.contains("outside a list") || m.startsWith("HTML block") ? LintRule.OUTSIDE_LIST
                    : LintRule.MALFORMED_ENTRY;
            out.add(new LintFinding(p.position(), rule, m));
        }
    }

    /** Entries of one list with the same canonical URL, or the same work under different URLs; both positions. */
    private void duplicates(Identified.ListNode list, Identified.Resolution resolution, List<LintFinding> out) {
        Map<String, List<Entry>> byUrl = new LinkedHashMap<>();
        Map<String, List<Entry>> byWork = new LinkedHashMap<>();
        for (Identified.EntryNode en : list.entries()) {
            Entry e = en.entry();
            List<Link> main = e.linksWith(LinkRole.MAIN);
            if (main.isEmpty()) continue;
            byUrl.computeIfAbsent(urls.canonical(main.get(0).url()), k -> new ArrayList<>()).add(e);
            if (en.resourceIri() != null) byWork.computeIfAbsent(resolution.resolve(en.resourceIri()), k -> new ArrayList<>()).add(e);
        }
        byUrl.forEach((url, entries) -> pairs(entries, LintRule.DUPLICATE_URL, other -> "the same URL as line " + other.position().line()
                + " (" + url + "); keep one entry", out));
        byWork.forEach((work, entries) -> {
            Set<String> distinct = new TreeSet<>();
            entries.forEach(e -> distinct.add(urls.canonical(e.linksWith(LinkRole.MAIN).get(0).url())));
            if (distinct.size() > 1) {
                pairs(entries, LintRule.DUPLICATE_WORK, other -> "the same work as line " + other.position().line() + " under another URL ("
                        + urls.canonical(other.linksWith(LinkRole.MAIN).get(0).url()) + "); keep one, or split them in lists/overrides.json", out);
            }
        });
    }

    private static void pairs(List<Entry> entries, LintRule rule, java.util.function.Function<Entry, String> message, List<LintFinding> out) {
        if (entries.size() < 2) return;
        for (Entry e : entries) {
            Entry other = entries.get(entries.get(0) == e ? 1 : 0);
            out.add(new LintFinding(e.position(), rule, message.apply(other)));
        }
    }

    /** Headings under which no entry stands (a table of contents or the list's title heading does not count). */
    private static void emptySections(ListDocument doc, List<LintFinding> out) {
        for (Section s : doc.sections()) {
            String name = s.path().get(s.path().size() - 1);
            if (STANDARD_SECTIONS.contains(name.strip().toLowerCase(Locale.ROOT))) continue;
            boolean used = doc.entries().stream().anyMatch(e -> e.sectionPath().size() >= s.path().size()
                    && e.sectionPath().subList(0, s.path().size()).equals(s.path()));
            if (!used) out.add(new LintFinding(s.position(), LintRule.EMPTY_SECTION, "section '" + name + "' has no entries (web links); fill it or remove it"));
        }
    }

    /** Relative links to missing files, anchors that match no heading, and web addresses written without a scheme. */
    private static void targets(Path file, Outline outline, List<LintFinding> out) {
        for (Outline.TargetAt t : outline.targets()) {
            String target = t.target().strip();
            // (A URL mangled across lines is the broken-url rule's, not a relative link.)
            if (target.isEmpty() || target.contains("://")) continue;
            if (target.startsWith("#")) {
                String anchor = percentDecode(target.substring(1));
                // "#" and "#top" are the top of the page on GitHub.
                if (anchor.isEmpty() || anchor.equalsIgnoreCase("top")) continue;
                if (!outline.anchors().contains(anchor) && !outline.anchors().contains(anchor.toLowerCase(Locale.ROOT))) {
                    out.add(new LintFinding(t.position(), LintRule.MISSING_ANCHOR, "'" + target + "' matches no heading of this file; "
                            + "fix the anchor or the heading"));
                }
            } else if (SCHEME.matcher(target).find() || target.startsWith("//")) {
                continue;
            } else {
                String path = QUERY_AND_FRAGMENT.matcher(target).replaceAll("");
                // (A path from the repository root, "/docs/x.md", cannot be checked from the list's folder alone.)
                if (path.startsWith("/")) continue;
                Path resolved;
                try {
                    resolved = file.toAbsolutePath().normalize().getParent().resolve(percentDecode(path)).normalize();
                } catch (java.nio.file.InvalidPathException e) {
                    resolved = null;
                }
                if (resolved != null && Files.exists(resolved)) continue;
                if (looksLikeWebAddress(target)) {
                    out.add(new LintFinding(t.position(), LintRule.MISSING_SCHEME, "'" + target + "' has no scheme, so it is a relative link; write https://"
                            + target));
                } else {
                    out.add(new LintFinding(t.position(), LintRule.BROKEN_RELATIVE_LINK, "'" + target + "' points to a file that does not exist "
                            + "next to this list; fix the path or use a full URL"));
                }
            }
        }
    }

    /**
     * A missing "file" that reads like a web address was meant to be one: it starts with www., or a
     * host with a dot comes before a slash (example.com/x). README.md alone is a file, not Moldova.
     */
    private static boolean looksLikeWebAddress(String target) {
        if (!DOMAIN_WITHOUT_SCHEME.matcher(target).matches()) return false;
        if (target.regionMatches(true, 0, "www.", 0, 4)) return true;
        int slash = target.indexOf('/');
        return slash > 0 && !FILE_EXTENSION.matcher(target.substring(0, slash)).find();
    }

    /** awesome-lint: the main (first top-level) heading in Title Case. */
    private static void titleCase(Outline outline, List<LintFinding> out) {
        outline.headings().stream().filter(h -> h.level() == 1).findFirst().ifPresent(h -> {
            String[] words = SPACES.split(h.text());
            List<String> lower = new ArrayList<>();
            for (int i = 0; i < words.length; i++) {
                String w = LEADING_SYMBOLS.matcher(words[i]).replaceAll("");
                if (w.isEmpty() || !Character.isLetter(w.codePointAt(0))) continue;
                boolean small = i > 0 && i < words.length - 1 && SMALL_WORDS.contains(w.toLowerCase(Locale.ROOT));
                if (!small && Character.isLowerCase(w.codePointAt(0))) lower.add(w);
            }
            if (!lower.isEmpty()) {
                out.add(new LintFinding(h.position(), LintRule.TITLE_CASE, "main heading '" + h.text() + "' is not in Title Case ("
                        + String.join(", ", lower) + ")"));
            }
        });
    }

    /**
     * awesome-lint: when a list has a table of contents, every second-level heading is in it (but
     * Contributing, Footnotes and the like), and each entry's text matches the heading it links to.
     */
    private static void tableOfContents(Outline outline, List<LintFinding> out) {
        var toc = outline.headings().stream().filter(h -> TOC_HEADING.matcher(h.text()).matches()).findFirst();
        if (toc.isEmpty()) return;
        int tocLine = toc.get().position().line();
        int nextHeading = outline.headings().stream().mapToInt(h -> h.position().line()).filter(l -> l > tocLine).min().orElse(Integer.MAX_VALUE);
        Map<String, Outline.TargetAt> listed = new LinkedHashMap<>();
        outline.targets().stream().filter(t -> t.position().line() > tocLine && t.position().line() < nextHeading && t.target().startsWith("#"))
                .forEach(t -> listed.putIfAbsent(percentDecode(t.target().substring(1)).toLowerCase(Locale.ROOT), t));
        for (Outline.HeadingAt h : outline.headings()) {
            if (h.level() != 2 || h == toc.get() || STANDARD_SECTIONS.contains(h.text().toLowerCase(Locale.ROOT))) continue;
            Outline.TargetAt entry = listed.get(h.anchor());
            if (entry == null) {
                out.add(new LintFinding(h.position(), LintRule.TOC, "heading '" + h.text() + "' is not in the table of contents (line " + tocLine
                        + "); add '- [" + h.text() + "](#" + h.anchor() + ")'"));
            } else if (!entry.text().strip().equalsIgnoreCase(h.text())) {
                out.add(new LintFinding(entry.position(), LintRule.TOC, "contents entry '" + entry.text().strip() + "' does not match its heading '"
                        + h.text() + "' (line " + h.position().line() + ")"));
            }
        }
    }

    /**
     * awesome-lint: {@code - [Name](url) - Description.}: the separator is " - ", the description
     * starts with a capital (a first word with capitals or digits inside, such as eBPF or iOS, is a
     * name and passes) and ends with punctuation, a link or an emoji.
     */
    private static void listItems(ListDocument doc, List<LintFinding> out) {
        for (Entry e : doc.entries()) {
            String first = e.markdown().lines().findFirst().orElse("");
            Matcher m = AWESOME_ITEM.matcher(first);
            if (!m.matches()) continue;
            if (!m.group(1).equals("-")) {
                out.add(new LintFinding(e.position(), LintRule.LIST_ITEM, "separate the link and its description with ' - ', not '" + m.group(1) + "'"));
                continue;
            }
            String description = m.group(2);
            String firstWord = WORD_SEPARATOR.split(description, 2)[0];
            boolean capital = !LOWER_CASE_WORD.matcher(firstWord).matches();
            int last = description.codePointBefore(description.length());
            boolean ends = !Character.isLetterOrDigit(last);
            if (!capital || !ends) {
                out.add(new LintFinding(e.position(), LintRule.LIST_ITEM, "description '" + (description.length() > 40
                        ? description.substring(0, description.offsetByCodePoints(0, Math.min(40, description.codePointCount(0, description.length()))))
                        + "…" : description) + "' should " + (!capital ? "start with a capital letter" : "")
                        + (!capital && !ends ? " and " : "") + (!ends ? "end with punctuation" : "")));
            }
        }
    }
}
