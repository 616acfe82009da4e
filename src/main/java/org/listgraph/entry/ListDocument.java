package org.listgraph.entry;

import java.util.List;
import java.util.Objects;

/**
 * One list file read: its description, its sections, entries and prose in document order, the problems met, and the
 * outline of its Markdown that lint checks.
 */
public record ListDocument(ListInfo info, String sha256, List<Section> sections, List<Entry> entries, List<Problem> problems,
                           List<Prose> prose, Outline outline) {
    /** A list without prose paragraphs or outline. */
    public ListDocument(ListInfo info, String sha256, List<Section> sections, List<Entry> entries, List<Problem> problems) {
        this(info, sha256, sections, entries, problems, List.of(), Outline.EMPTY);
    }

    public ListDocument {
        prose = List.copyOf(prose);
        Objects.requireNonNull(outline, "outline");
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(sha256, "sha256");
        sections = List.copyOf(sections);
        entries = List.copyOf(entries);
        problems = List.copyOf(problems);
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).index() != i) throw new IllegalArgumentException("entries out of order in " + info.file());
        }
    }
}
