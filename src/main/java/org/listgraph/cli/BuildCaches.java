package org.listgraph.cli;

import org.listgraph.export.GraphChunks;
import org.listgraph.identity.Catalog;
import org.listgraph.markdown.ReadCache;
import org.listgraph.rdf.Converter;
import org.listgraph.rdf.ListCache;
import org.listgraph.store.KnownGraphHashes;

import java.nio.file.Path;

/**
 * What a build keeps under output/cache for the next one: each parsed list (lists/), each list graph's content
 * hash by the key of its inputs (graph-hashes.txt), and where each list graph's part of graph.ttl lies
 * (graph-ttl.txt). A rebuild trusts none of them, and leaves them fresh.
 */
final class BuildCaches {
    private final ListCache lists;
    private final KnownGraphHashes hashes;
    private final GraphChunks chunks;
    private final String program;

    private BuildCaches(ListCache lists, KnownGraphHashes hashes, GraphChunks chunks, String program) {
        this.lists = lists;
        this.hashes = hashes;
        this.chunks = chunks;
        this.program = program;
    }

    /** The caches of a build into {@code output}; with {@code rebuild}, nothing earlier is used. */
    static BuildCaches of(Path output, boolean rebuild) {
        Path dir = output.resolve("cache");
        String program = BuildInputs.readers();
        Path hashFile = dir.resolve("graph-hashes.txt");
        return new BuildCaches(new ListCache(dir.resolve("lists"), program, !rebuild),
                rebuild ? KnownGraphHashes.fresh(hashFile) : KnownGraphHashes.in(hashFile),
                GraphChunks.of(output.resolve("graph.ttl"), dir.resolve("graph-ttl.txt"), !rebuild), program);
    }

    /** No caches: every list is read and every graph made (load, and builds into a remote store). */
    static BuildCaches none() {
        return new BuildCaches(null, KnownGraphHashes.none(), GraphChunks.none(), null);
    }

    /** The converter, taking unchanged lists from the cache and giving list graphs their keys. */
    Converter converter(Converter c) {
        return lists == null ? c : c.withCache(lists).withGraphKeys(program);
    }

    ReadCache<Catalog.Prepared> lists() {
        return lists == null ? ReadCache.none() : lists;
    }

    KnownGraphHashes hashes() {
        return hashes;
    }

    GraphChunks chunks() {
        return chunks;
    }

    /** After a build (its files in place): keeps what it learnt and removes what belongs to lists that are gone or changed. */
    void save() {
        hashes.save();
        chunks.save();
        if (lists != null) lists.prune();
    }
}
