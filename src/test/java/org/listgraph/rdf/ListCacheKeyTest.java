package org.listgraph.rdf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.listgraph.entry.InputLimits;
import org.listgraph.entry.ListDocument;
import org.listgraph.identity.Catalog;
import org.listgraph.identity.IriMinter;
import org.listgraph.markdown.ListFiles;
import org.listgraph.markdown.ReadCache;
import org.listgraph.testing.Seeds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A list is taken from the cache only when everything its reading depended on is as when it was kept: its bytes,
 * its manifest entry, the limits, and the cache's salt (the program, the kind rules, the topic scheme).
 */
class ListCacheKeyTest {
    @TempDir
    Path tmp;

    /** A cache that counts what it found. */
    private static final class Counting implements ReadCache<Catalog.Prepared> {
        final ReadCache<Catalog.Prepared> inner;
        final AtomicInteger hits = new AtomicInteger();

        Counting(ReadCache<Catalog.Prepared> inner) {
            this.inner = inner;
        }

        @Override
        public Optional<Hit<Catalog.Prepared>> find(String key) {
            Optional<Hit<Catalog.Prepared>> found = inner.find(key);
            found.ifPresent(h -> hits.incrementAndGet());
            return found;
        }

        @Override
        public void keep(String key, ListDocument doc, Catalog.Prepared prepared) {
            inner.keep(key, doc, prepared);
        }
    }

    private int hits(Path lists, String salt, InputLimits limits, String expectedGraph) {
        Counting cache = new Counting(new ListCache(tmp.resolve("cache"), salt, true));
        Converter.Result r = new Converter(IriMinter.DEFAULT_BASE).withLimits(limits).withCache(cache).convert(ListFiles.expand(List.of(lists)));
        assertEquals(expectedGraph, String.join("\n", org.listgraph.testing.GraphAssert.ntriples(r.dataset().getUnionGraph())),
                "the same graph as without a cache");
        return cache.hits.get();
    }

    @Test
    void onlyListsWhoseBytesManifestLimitsAndRulesAreUnchangedAreTakenFromTheCache() throws IOException {
        Path lists = Seeds.copyInto(tmp.resolve("lists"));
        String graph = String.join("\n", org.listgraph.testing.GraphAssert.ntriples(
                new Converter(IriMinter.DEFAULT_BASE).convert(ListFiles.expand(List.of(lists))).dataset().getUnionGraph()));
        assertEquals(0, hits(lists, "rules 1", InputLimits.DEFAULTS, graph), "an empty cache");
        assertEquals(5, hits(lists, "rules 1", InputLimits.DEFAULTS, graph), "every list, unchanged");
        assertEquals(0, hits(lists, "rules 2", InputLimits.DEFAULTS, graph), "other kind rules or another program: none");
        assertEquals(0, hits(lists, "rules 1", new InputLimits(InputLimits.DEFAULTS.fileSize() + 1, InputLimits.DEFAULTS.lineLength(),
                InputLimits.DEFAULTS.nestingDepth(), InputLimits.DEFAULTS.entries()), graph), "other limits: none");

        Path list = lists.resolve("cs224-dev-meetup-container-networking.md");
        Files.writeString(list, Files.readString(list) + "\n* [A new post](https://example.org/a-new-post)\n");
        String edited = String.join("\n", org.listgraph.testing.GraphAssert.ntriples(
                new Converter(IriMinter.DEFAULT_BASE).convert(ListFiles.expand(List.of(lists))).dataset().getUnionGraph()));
        assertEquals(4, hits(lists, "rules 1", InputLimits.DEFAULTS, edited), "all but the edited list");

        Path manifest = lists.resolve("lists.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"title\": \"", "\"title\": \"The "));
        String retitled = String.join("\n", org.listgraph.testing.GraphAssert.ntriples(
                new Converter(IriMinter.DEFAULT_BASE).convert(ListFiles.expand(List.of(lists))).dataset().getUnionGraph()));
        assertEquals(0, hits(lists, "rules 1", InputLimits.DEFAULTS, retitled), "a manifest that retitles every list: none");
    }
}
