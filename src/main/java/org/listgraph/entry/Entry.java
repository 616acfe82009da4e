package org.listgraph.entry;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One item of a list as written: where it is, what it links to and with which role, its title,
 * description and authors, and the section it stands under.
 *
 * @param index       0-based index among the entries of its list (document order)
 * @param parentIndex index of the entry this one is nested under, or -1
 * @param title       the title as read (link text or plain text before the first link)
 * @param label       the main link's text exactly as written, or null when the title has no link
 * @param date        ISO date ({@code YYYY-MM-DD}) from a date prefix, or null
 * @param featured    marked as recommended in the list (🌟, {@code ==highlight==})
 * @param site        a site prefix removed from the title ("medium.com" in "medium.com: Title"), or null
 * @param part        the entry is a part of its parent entry ("Part 2" under a series)
 * @param markdown    the entry's own source text (without nested items)
 * @param tags        tags written as code spans at the end of the line ({@code `MIT` `Python`}), in order
 * @param series      the series a line without a link of its own names over this entry, or null
 */
public record Entry(
        SourcePosition position,
        int index,
        int parentIndex,
        List<String> sectionPath,
        String title,
        String label,
        List<Link> links,
        String description,
        List<Author> authors,
        String date,
        boolean featured,
        String site,
        boolean part,
        String markdown,
        List<String> tags,
        Series series) {

    public Entry {
        Objects.requireNonNull(position, "position");
        sectionPath = List.copyOf(Objects.requireNonNull(sectionPath, "sectionPath"));
        links = List.copyOf(Objects.requireNonNull(links, "links"));
        authors = List.copyOf(Objects.requireNonNull(authors, "authors"));
        Objects.requireNonNull(markdown, "markdown");
        tags = List.copyOf(Objects.requireNonNull(tags, "tags"));
        if (index < 0) throw new IllegalArgumentException("index " + index);
        if (parentIndex >= index) throw new IllegalArgumentException("a parent comes before its child");
        if (part && parentIndex < 0) throw new IllegalArgumentException("a part needs a parent entry");
        if (title == null || title.isBlank()) throw new IllegalArgumentException("entry at " + position + " has no title");
        if (links.stream().noneMatch(l -> l.role() != LinkRole.RELATED)) {
            throw new IllegalArgumentException("entry at " + position + " has no resource link");
        }
        if (date != null && !date.matches("\\d{4}-\\d{2}-\\d{2}")) {
            throw new IllegalArgumentException("date is not YYYY-MM-DD: " + date);
        }
    }

    /** A copy whose description ends with a note written as a nested item under the entry. */
    public Entry withNote(String note) {
        String d = description == null ? note : description + "\n" + note;
        return new Entry(position, index, parentIndex, sectionPath, title, label, links, d, authors, date, featured, site, part, markdown, tags, series);
    }

    /** A copy with more related links ({@code rdfs:seeAlso}), from a nested line that only points at more of it. */
    public Entry withRelated(List<Link> more) {
        List<Link> all = new java.util.ArrayList<>(links);
        for (Link l : more) all.add(new Link(l.url(), l.text(), LinkRole.RELATED, l.position()));
        return new Entry(position, index, parentIndex, sectionPath, title, label, all, description, authors, date, featured, site, part, markdown, tags, series);
    }

    /** A copy that is part of a series named by a line above it. */
    public Entry withSeries(Series s) {
        return new Entry(position, index, parentIndex, sectionPath, title, label, links, description, authors, date, featured, site, part, markdown, tags, s);
    }

    /** An entry in no series named by a line without a link. */
    public Entry(SourcePosition position, int index, int parentIndex, List<String> sectionPath, String title, String label, List<Link> links,
                 String description, List<Author> authors, String date, boolean featured, String site, boolean part, String markdown,
                 List<String> tags) {
        this(position, index, parentIndex, sectionPath, title, label, links, description, authors, date, featured, site, part, markdown, tags, null);
    }

    /** An entry without tags. */
    public Entry(SourcePosition position, int index, int parentIndex, List<String> sectionPath, String title, String label, List<Link> links,
                 String description, List<Author> authors, String date, boolean featured, String site, boolean part, String markdown) {
        this(position, index, parentIndex, sectionPath, title, label, links, description, authors, date, featured, site, part, markdown, List.of());
    }

    /** The link that identifies the resource: the main link, else the first recording or slides link. */
    public Link identifyingLink() {
        return linkWith(LinkRole.MAIN)
                .or(() -> linkWith(LinkRole.SLIDES))
                .or(() -> linkWith(LinkRole.RECORDING))
                .orElseThrow();
    }

    /** The first link with the given role. */
    public Optional<Link> linkWith(LinkRole role) {
        return links.stream().filter(l -> l.role() == role).findFirst();
    }

    /** All links with the given role, in order. */
    public List<Link> linksWith(LinkRole role) {
        return links.stream().filter(l -> l.role() == role).toList();
    }
}
