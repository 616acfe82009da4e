package org.listgraph.lint;

import org.listgraph.entry.Entry;
import org.listgraph.entry.Link;
import org.listgraph.entry.LinkRole;
import org.listgraph.entry.ListDocument;
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
import org.listgraph.markdown.MarkdownOutline;

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
    private static final Pattern DOMAIN_WITHOUT_SCHEME = Pattern.compile("(?i)^(?:www\\.)?[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.[a-z]{2,}(?:[/:?#].*)?$");
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");
    private static final Pattern AWESOME_ITEM = Pattern.compile("^\\s*[-*+]\\s+\\[[^\\]]+\\]\\([^)]+\\)\\s+-\\s+(.+?)\\s*$");
    private static final Pattern TOC_HEADING = Pattern.compile("(?i)^(table of )?contents?$");
    private static final Set<String> SMALL_WORDS = Set.of("a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor", "of",
            "on", "or", "over", "per", "the", "to", "vs", "via", "with");

    private final UrlCanonicalizer urls = new UrlCanonicalizer();

    /** Lints the given list files (already expanded); findings come sorted, with the rules each list switched off left out. */
    public List<LintFinding> lint(List<Path> files) {
        List<ListDocument> docs = new ArrayList<>();
        new ListFiles().readEach(files, docs::add);
        Set<Path> folders = new TreeSet<>();
        files.forEach(f -> folders.add(f.toAbsolutePath().normalize().getParent()));
        Catalog catalog = new Catalog(new IriMinter(IriMinter.DEFAULT_BASE), KindRules.load(Path.of("")), Overrides.inFolders(folders));
        List<Identified.ListNode> nodes = docs.stream().map(catalog::add).toList();
        return lint(nodes, catalog.resolve(), files);
    }

    /**
     * Lints lists that were already read and identified (as {@code build} has them); {@code files}
     * holds each list's file, in the same order.
     */
    public List<LintFinding> lint(List<Identified.ListNode> lists, Identified.Resolution resolution, List<Path> files) {
        if (lists.size() != files.size()) throw new IllegalArgumentException(lists.size() + " lists but " + files.size() + " files");
        List<LintFinding> all = new ArrayList<>();
        for (int i = 0; i < lists.size(); i++) {
            ListDocument doc = lists.get(i).document();
            Path file = files.get(i);
            List<LintFinding> found = new ArrayList<>();
            converterProblems(doc, found);
            duplicates(lists.get(i), resolution, found);
            emptySections(doc, found);
            MarkdownOutline outline = MarkdownOutline.of(file.toString(), ListFiles.text(file));
            targets(file, outline, found);
            titleCase(outline, found);
            tableOfContents(outline, found);
            listItems(doc, found);
            Set<String> off = new TreeSet<>(doc.info().lintOff());
            for (String id : off) {
                if (LintRule.byId(id).isEmpty()) {
                    Path manifest = file.getParent() == null ? Path.of(Manifest.FILE_NAME) : file.getParent().resolve(Manifest.FILE_NAME);
                    all.add(new LintFinding(new SourcePosition(manifest.toString(), 1, 1), LintRule.MANIFEST, "list '" + doc.info().id()
                            + "' switches off '" + id + "', which is no rule; known: " + LintRule.ids()));
                }
            }
            found.stream().filter(f -> !off.contains(f.rule().id())).forEach(all::add);
        }
        return all.stream().distinct().sorted().toList();
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
            if (TOC_HEADING.matcher(name.strip()).matches()) continue;
            boolean used = doc.entries().stream().anyMatch(e -> e.sectionPath().size() >= s.path().size()
                    && e.sectionPath().subList(0, s.path().size()).equals(s.path()));
            if (!used) out.add(new LintFinding(s.position(), LintRule.EMPTY_SECTION, "section '" + name + "' has no entries; fill it or remove it"));
        }
    }

    /** Relative links to missing files, anchors that match no heading, and web addresses written without a scheme. */
    private static void targets(Path file, MarkdownOutline outline, List<LintFinding> out) {
        for (MarkdownOutline.TargetAt t : outline.targets()) {
            String target = t.target().strip();
            // (A URL mangled across lines is the broken-url rule's, not a relative link.)
            if (target.isEmpty() || target.contains("://")) continue;
            if (target.startsWith("#")) {
                String anchor = java.net.URLDecoder.decode(target.substring(1), java.nio.charset.StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
                if (!outline.anchors().contains(anchor)) {
                    out.add(new LintFinding(t.position(), LintRule.MISSING_ANCHOR, "'" + target + "' matches no heading of this file; "
                            + "fix the anchor or the heading"));
                }
            } else if (SCHEME.matcher(target).find() || target.startsWith("//")) {
                continue;
            } else {
                String path = target.replaceAll("[?#].*$", "");
                Path resolved = path.startsWith("/") ? null : file.toAbsolutePath().normalize().getParent().resolve(
                        java.net.URLDecoder.decode(path, java.nio.charset.StandardCharsets.UTF_8)).normalize();
                if (resolved == null || Files.exists(resolved)) continue;
                // A missing file whose name reads like a web address was meant to be one (example.com/x, www.x.org).
                if (DOMAIN_WITHOUT_SCHEME.matcher(target).matches()) {
                    out.add(new LintFinding(t.position(), LintRule.MISSING_SCHEME, "'" + target + "' has no scheme, so it is a relative link; write https://"
                            + target));
                } else {
                    out.add(new LintFinding(t.position(), LintRule.BROKEN_RELATIVE_LINK, "'" + target + "' points to a file that does not exist "
                            + "next to this list; fix the path or use a full URL"));
                }
            }
        }
    }

    /** awesome-lint: the main (first top-level) heading in Title Case. */
    private static void titleCase(MarkdownOutline outline, List<LintFinding> out) {
        outline.headings().stream().filter(h -> h.level() == 1).findFirst().ifPresent(h -> {
            String[] words = h.text().split("\\s+");
            List<String> lower = new ArrayList<>();
            for (int i = 0; i < words.length; i++) {
                String w = words[i].replaceAll("^[^\\p{L}\\p{N}]+", "");
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

    /** awesome-lint: when a list has a table of contents, every second-level heading is in it. */
    private static void tableOfContents(MarkdownOutline outline, List<LintFinding> out) {
        var toc = outline.headings().stream().filter(h -> TOC_HEADING.matcher(h.text()).matches()).findFirst();
        if (toc.isEmpty()) return;
        int tocLine = toc.get().position().line();
        int nextHeading = outline.headings().stream().mapToInt(h -> h.position().line()).filter(l -> l > tocLine).min().orElse(Integer.MAX_VALUE);
        Set<String> listed = new TreeSet<>();
        outline.targets().stream().filter(t -> t.position().line() > tocLine && t.position().line() < nextHeading && t.target().startsWith("#"))
                .forEach(t -> listed.add(t.target().substring(1).toLowerCase(Locale.ROOT)));
        for (MarkdownOutline.HeadingAt h : outline.headings()) {
            if (h.level() == 2 && h != toc.get() && !listed.contains(h.anchor())) {
                out.add(new LintFinding(h.position(), LintRule.TOC, "heading '" + h.text() + "' is not in the table of contents (line " + tocLine
                        + "); add '- [" + h.text() + "](#" + h.anchor() + ")'"));
            }
        }
    }

    /** awesome-lint: {@code - [Name](url) - Description.} with a capitalised description that ends in punctuation. */
    private static void listItems(ListDocument doc, List<LintFinding> out) {
        for (Entry e : doc.entries()) {
            String first = e.markdown().lines().findFirst().orElse("");
            Matcher m = AWESOME_ITEM.matcher(first);
            if (!m.matches()) continue;
            String description = m.group(1);
            boolean capital = !Character.isLetter(description.codePointAt(0)) || Character.isUpperCase(description.codePointAt(0));
            boolean ends = description.matches(".*[.!?…)]$");
            if (!capital || !ends) {
                out.add(new LintFinding(e.position(), LintRule.LIST_ITEM, "description '" + (description.length() > 40
                        ? description.substring(0, 40) + "…" : description) + "' should " + (!capital ? "start with a capital letter" : "")
                        + (!capital && !ends ? " and " : "") + (!ends ? "end with punctuation" : "")));
            }
        }
    }
}
