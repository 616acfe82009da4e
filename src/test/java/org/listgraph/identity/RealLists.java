package org.listgraph.identity;

import org.listgraph.entry.InputLimits;
import org.listgraph.entry.ListDocument;
import org.listgraph.markdown.ListFiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The real lists the tests can read: the quality corpus's lists and the seeds, each read on its own. */
final class RealLists {
    private RealLists() {
    }

    /** Every real list, read one at a time (the quality corpus's lists share an id, so they cannot be read together). */
    static List<ListDocument> read() {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of("src/test/resources/quality"))) {
            files = Stream.concat(walk.filter(p -> p.getFileName().toString().equals("list.md")).sorted(),
                    ListFiles.expand(List.of(Path.of("lists"))).stream()).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<ListDocument> docs = new ArrayList<>();
        for (Path f : files) new ListFiles(InputLimits.DEFAULTS).readEach(List.of(f), 1, docs::add);
        return docs;
    }
}
