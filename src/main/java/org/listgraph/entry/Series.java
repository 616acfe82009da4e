package org.listgraph.entry;

import java.util.List;
import java.util.Objects;

/**
 * A series that a line of the list names without linking it ("Monitoring and Tuning the Linux Networking
 * Stack:" over its parts), with the authors that line gives.
 *
 * @param title   the series' title
 * @param line    the line's text as written, which may also say what the parts are ("… - Video Lectures from …")
 * @param authors the authors the line names
 */
public record Series(String title, String line, List<Author> authors) {
    public Series {
        Objects.requireNonNull(title, "title");
        if (title.isBlank()) throw new IllegalArgumentException("a series needs a title");
        Objects.requireNonNull(line, "line");
        authors = List.copyOf(Objects.requireNonNull(authors, "authors"));
    }
}
