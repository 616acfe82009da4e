package org.listgraph.entry;

import java.util.List;
import java.util.Objects;

/** A heading of a list; {@code path} holds the labels from the outermost heading down to this one. */
public record Section(List<String> path, int level, SourcePosition position) {
    public Section {
        path = List.copyOf(Objects.requireNonNull(path, "path"));
        Objects.requireNonNull(position, "position");
        if (path.isEmpty()) throw new IllegalArgumentException("a section has a label");
        if (level < 1 || level > 6) throw new IllegalArgumentException("heading level " + level);
    }

    /** The heading text of this section. */
    public String label() {
        return path.get(path.size() - 1);
    }

    /** The enclosing section's path, empty for a top-level section. */
    public List<String> parentPath() {
        return path.subList(0, path.size() - 1);
    }
}
