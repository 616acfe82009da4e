package org.listgraph.entry;

import java.util.List;
import java.util.Objects;

/**
 * A series that a line of the list names without linking it ("Monitoring and Tuning the Linux Networking
 * Stack:" over its parts), with the authors that line gives.
 */
public record Series(String title, List<Author> authors) {
    public Series {
        Objects.requireNonNull(title, "title");
        if (title.isBlank()) throw new IllegalArgumentException("a series needs a title");
        authors = List.copyOf(Objects.requireNonNull(authors, "authors"));
    }
}
