package org.listgraph.markdown;

import org.listgraph.entry.Author;
import org.listgraph.entry.Link;

import java.util.List;

/**
 * What one list line says, before it is placed in the list (index, parent, section).
 *
 * @param shape what the line is: an entry, a label over nested items, or a person over their works
 */
record EntryDraft(Shape shape, int offset, String title, String label, List<Link> links, String description,
                  List<Author> authors, String date, boolean featured, String site, int firstLine, int lastLine, List<String> tags,
                  Attribution attribution, List<Author> tentative, String otherDescription) {

    /**
     * How the authors were named: after "by" or as a link ({@code BYLINE}), as names after a dash ({@code DASH}), or
     * not at all. Names after a dash are authors only where the section or list commonly names authors that way:
     * {@code DASH} drafts carry the authors and, in {@code otherDescription}, the description if they are not taken;
     * {@code TENTATIVE} drafts (a lone word or short phrase, "- WilliamFiset") carry the candidates in {@code tentative}
     * and, in {@code otherDescription}, the description if they are taken.
     */
    enum Attribution { NONE, BYLINE, DASH, TENTATIVE }

    EntryDraft(Shape shape, int offset, String title, String label, List<Link> links, String description,
               List<Author> authors, String date, boolean featured, String site, int firstLine, int lastLine) {
        this(shape, offset, title, label, links, description, authors, date, featured, site, firstLine, lastLine, List.of(),
                authors.isEmpty() ? Attribution.NONE : Attribution.BYLINE, List.of(), null);
    }

    /** The three kinds of line a list holds. */
    enum Shape {
        /** A line that names a resource. */
        ENTRY,
        /** A line with no resource of its own that heads nested items ("Blog post series by Mark Betz:"). */
        LABEL,
        /** A line that names a person ("[Jon Langemak](…) on [github](…)"); the nested items are their works. */
        PERSON
    }

    EntryDraft withAuthors(List<Author> newAuthors) {
        return new EntryDraft(shape, offset, title, label, links, description, newAuthors, date, featured, site, firstLine, lastLine, tags, attribution, tentative, otherDescription);
    }

    EntryDraft withTitle(String newTitle) {
        return new EntryDraft(shape, offset, newTitle, label, links, description, authors, date, featured, site, firstLine, lastLine, tags, attribution, tentative, otherDescription);
    }
}
