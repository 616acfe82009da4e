package org.listgraph.entry;

import java.time.Instant;
import java.util.Objects;

/**
 * A commit of the repository that holds the lists, as history records it: its id, when it was made, who made it (a
 * name, and a key made from their e-mail address so the address itself is not published) and the first line of its
 * message.
 */
public record GitCommit(String id, Instant time, String author, String authorKey, String subject) {
    public GitCommit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(authorKey, "authorKey");
        Objects.requireNonNull(subject, "subject");
        if (!id.matches("[0-9a-f]{40}")) throw new IllegalArgumentException("not a commit id: " + id);
    }
}
