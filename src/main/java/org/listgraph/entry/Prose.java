package org.listgraph.entry;

import java.util.List;
import java.util.Objects;

/**
 * A paragraph of running text outside the list items (a section's introduction, a "Related:" or
 * "See also" line): not an entry, but kept as the description of its section (or of the list, before
 * any heading) with its links.
 *
 * @param sectionPath the section it stands under, empty before the first heading
 * @param text        its plain text
 * @param links       the web links in it, in order
 */
public record Prose(List<String> sectionPath, String text, List<String> links, SourcePosition position) {
    public Prose {
        sectionPath = List.copyOf(Objects.requireNonNull(sectionPath, "sectionPath"));
        Objects.requireNonNull(text, "text");
        links = List.copyOf(Objects.requireNonNull(links, "links"));
        Objects.requireNonNull(position, "position");
        if (text.isBlank() && links.isEmpty()) throw new IllegalArgumentException("empty prose at " + position);
    }
}
