package org.listgraph.markdown;

import org.listgraph.entry.ListDocument;

import java.util.Optional;

/**
 * Keeps what reading a list (and preparing it for the next stage) gave, under a key of everything the reading
 * depended on, so a build reads again only the lists that changed. {@link ListFiles} makes the key; a cache may
 * add its own part (the program, the rules in force) before it looks.
 *
 * @param <R> what is prepared from each list on its reading thread
 */
public interface ReadCache<R> {
    /** A list read earlier and what was prepared from it. */
    record Hit<R>(ListDocument doc, R prepared) {
    }

    /** What was kept under {@code key}, if it is there and intact; anything doubtful is a miss. */
    Optional<Hit<R>> find(String key);

    /** Keeps a list just read under {@code key}; a cache that cannot write simply does not keep it. */
    void keep(String key, ListDocument doc, R prepared);

    /** A cache that keeps nothing. */
    static <R> ReadCache<R> none() {
        return new ReadCache<>() {
            @Override
            public Optional<Hit<R>> find(String key) {
                return Optional.empty();
            }

            @Override
            public void keep(String key, ListDocument doc, R prepared) {
            }
        };
    }
}
