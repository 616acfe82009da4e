package org.listgraph.lint;

import org.listgraph.entry.Severity;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The registry of lint rules: an id (what the manifest's {@code lintOff} names), a severity and what it checks. */
public enum LintRule {
    DUPLICATE_URL("duplicate-url", Severity.ERROR, "the same URL (after canonicalisation) twice in one list; both positions are reported"),
    DUPLICATE_WORK("duplicate-work", Severity.WARNING, "one work under two URLs in one list (identity merged them); both positions"),
    DOUBLE_BULLET("double-bullet", Severity.WARNING, "a list item that starts with a second bullet ('- - ')"),
    LINK_WITHOUT_BULLET("link-without-bullet", Severity.WARNING, "a link on its own line inside a list, without a bullet"),
    BROKEN_URL("broken-url", Severity.WARNING, "a URL broken across lines or by a stray '- '"),
    UNBALANCED_BRACKETS("unbalanced-brackets", Severity.WARNING, "brackets that do not pair up around a link"),
    BAD_DATE("bad-date", Severity.WARNING, "a date prefix that is not a real YYYY-MM-DD date"),
    ENCODING("encoding", Severity.WARNING, "text that is not clean UTF-8 (mojibake was repaired, or bytes replaced)"),
    OUTSIDE_LIST("outside-list", Severity.WARNING, "links in running text or HTML blocks, not in list items"),
    MALFORMED_ENTRY("malformed-entry", Severity.WARNING, "any other item the converter had to skip or recover"),
    EMPTY_SECTION("empty-section", Severity.WARNING, "a heading with no entries under it"),
    BROKEN_RELATIVE_LINK("broken-relative-link", Severity.ERROR, "a relative link to a file that does not exist"),
    MISSING_ANCHOR("missing-anchor", Severity.ERROR, "a #anchor link that matches no heading of the file"),
    MISSING_SCHEME("missing-scheme", Severity.ERROR, "a link like www.example.com/x without http:// or https://"),
    TITLE_CASE("title-case", Severity.WARNING, "the main heading is not in Title Case (awesome-lint)"),
    TOC("toc", Severity.WARNING, "a table of contents that leaves out a second-level heading (awesome-lint)"),
    LIST_ITEM("list-item", Severity.WARNING, "a '- [Name](url) - Description' item whose description does not start with a capital "
            + "or end with punctuation (awesome-lint)"),
    ALPHABETICAL_ORDER("alphabetical-order", Severity.WARNING, "an item out of alphabetical order in a section whose other items are "
            + "sorted, in a list that sorts most of its sections (awesome-lint)"),
    NO_DESCRIPTION("no-description", Severity.WARNING, "an item that is a bare link where its list and its section describe at least "
            + "80% of their items (awesome-lint)"),
    DESCRIPTION_REPEATS_TITLE("description-repeats-title", Severity.WARNING, "a description that only repeats the item's title (awesome-lint)"),
    AWESOME_BADGE("awesome-badge", Severity.WARNING, "a list titled 'Awesome …' without the Awesome badge before its first section "
            + "(awesome-lint)"),
    DEAD_LINK("dead-link", Severity.WARNING, "a link that the last check-links found dead: 404, 410, no such host, a refused connection or "
            + "a redirect loop (read from output/cache/links.json)"),
    MOVED_LINK("moved-link", Severity.WARNING, "a link that the last check-links found redirecting to another URL; the new URL is given"),
    MANIFEST("manifest", Severity.ERROR, "a lintOff entry in lists.json that names no rule");

    private final String id;
    private final Severity severity;
    private final String description;

    LintRule(String id, Severity severity, String description) {
        this.id = id;
        this.severity = severity;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public Severity severity() {
        return severity;
    }

    public String description() {
        return description;
    }

    public static Optional<LintRule> byId(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
    }

    public static String ids() {
        return Arrays.stream(values()).map(LintRule::id).collect(Collectors.joining(", "));
    }
}
