package org.listgraph.entry;

import java.util.Objects;

/**
 * When one entry (a URL, canonical, in one list) first came into its list and, if it is gone from the list's current
 * version, the commit that took it out; {@code url} and {@code label} are as the list last wrote them.
 */
public record EntryHistory(String listId, String canonicalUrl, String url, String label, String addedIn, String removedIn) {
    public EntryHistory {
        Objects.requireNonNull(listId, "listId");
        Objects.requireNonNull(canonicalUrl, "canonicalUrl");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(addedIn, "addedIn");
    }

    /** Whether the entry is gone from the list's current version. */
    public boolean removed() {
        return removedIn != null;
    }
}
