package org.listgraph.cli;

import org.listgraph.export.GraphChunks;
import org.listgraph.rdf.Converter;
import org.listgraph.rdf.ListCache;
import org.listgraph.store.KnownGraphHashes;

import java.nio.file.Path;

/**
 * What a build keeps under output/cache for the next one: each parsed list (lists/), each list graph's content
 * hash by the key of its inputs (graph-hashes.txt) and the digests of the stored shared graph's subjects
 * (graph-subjects.txt), and where each list graph's part of graph.ttl lies
 * (graph-ttl.txt), and each list's lint findings (lint.txt). A rebuild trusts none of them, and leaves them fresh.
 */
final class BuildCaches {
    private final ListCache lists;
    private final KnownGraphHashes hashes;
    private final GraphChunks chunks;
    private final String program;
    /** output/cache, or null for no caches. */
    private final Path dir;
    private final boolean reuse;
    private LintMemo lint;
    /** What the last check-links beside the store found: its redirects are evidence for identity, the rest is for the report. */
    private LinkCache links = new LinkCache();

    private BuildCaches(ListCache lists, KnownGraphHashes hashes, GraphChunks chunks, String program, Path dir, boolean reuse) {
        this.lists = lists;
        this.hashes = hashes;
        this.chunks = chunks;
        this.program = program;
        this.dir = dir;
        this.reuse = reuse;
    }

    /** The caches of a build into {@code output}; with {@code rebuild}, nothing earlier is used. */
    static BuildCaches of(Path output, boolean rebuild, LinkCache links) {
        Path dir = output.resolve("cache");
        String program = BuildInputs.readers();
        Path hashFile = dir.resolve("graph-hashes.txt");
        BuildCaches caches = new BuildCaches(new ListCache(dir.resolve("lists"), program, !rebuild),
                rebuild ? KnownGraphHashes.fresh(hashFile) : KnownGraphHashes.in(hashFile),
                GraphChunks.of(output.resolve("graph.ttl"), dir.resolve("graph-ttl.txt"), !rebuild), program, dir, !rebuild);
        caches.links = links; // kept even by --rebuild: they are what check-links found, not a cache
        return caches;
    }

    /** No caches: every list is read and every graph made (load). */
    static BuildCaches none() {
        return new BuildCaches(null, KnownGraphHashes.none(), GraphChunks.none(), null, null, false);
    }

    /** The converter, taking unchanged lists from the cache and giving list graphs their keys. */
    Converter converter(Converter c) {
        return lists == null ? c.withRedirects(links.redirects()) : c.withCache(lists).withGraphKeys(program).withRedirects(links.redirects());
    }

    /** The last link checks, for the report. */
    java.util.List<org.listgraph.entry.LinkCheck> linkChecks() {
        return java.util.List.copyOf(links.checks.values());
    }

    KnownGraphHashes hashes() {
        return hashes;
    }

    GraphChunks chunks() {
        return chunks;
    }

    /** The lint findings kept for the lists of {@code r} (none without a cache folder). */
    synchronized org.listgraph.lint.KeptFindings lint(Converter.Result r) {
        if (dir == null) return org.listgraph.lint.KeptFindings.none();
        if (lint == null) lint = new LintMemo(r, dir.resolve("lint.txt"), reuse);
        return lint;
    }

    /** A build killed while it wrote the files of output/cache left them under temporary names. */
    private void removeTemporaryFiles() {
        if (dir == null || !java.nio.file.Files.isDirectory(dir)) return;
        try (var files = java.nio.file.Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList()) java.nio.file.Files.deleteIfExists(f);
        } catch (java.io.IOException e) {
            // left for the next build
        }
    }

    /** After a build (its files in place): keeps what it learnt and removes what belongs to lists that are gone or changed. */
    void save() {
        removeTemporaryFiles();
        hashes.save();
        chunks.save();
        synchronized (this) {
            if (lint != null) lint.save();
        }
        if (lists != null) lists.prune();
    }
}
