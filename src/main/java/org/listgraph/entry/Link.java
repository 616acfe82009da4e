package org.listgraph.entry;

import java.util.Objects;

/** One URL of an entry as written, with its link text, role and place. */
public record Link(String url, String text, LinkRole role, SourcePosition position) {
    public Link {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(position, "position");
        if (url.isBlank()) throw new IllegalArgumentException("url is empty at " + position);
    }
}
