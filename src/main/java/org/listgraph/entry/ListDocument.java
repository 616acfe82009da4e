package org.listgraph.entry;

import java.util.List;
import java.util.Objects;

/** One list file read: its description, its sections, entries and prose in document order, and the problems met. */
public record ListDocument(ListInfo info, String sha256, List<Section> sections, List<Entry> entries, List<Problem> problems,
                           List<Prose> prose) {
    /** A list without prose paragraphs. */
    public ListDocument(ListInfo info, String sha256, List<Section> sections, List<Entry> entries, List<Problem> problems) {
        this(info, sha256, sections, entries, problems, List.of());
    }

    public ListDocument {
        prose = List.copyOf(prose);
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
