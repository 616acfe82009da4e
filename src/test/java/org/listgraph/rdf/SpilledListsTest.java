package org.listgraph.rdf;

import org.junit.jupiter.api.Test;
import org.listgraph.identity.Identified.ListNode;
import org.listgraph.testing.Seeds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lists kept on disk during a conversion come back as they went in, and leave no file behind. */
class SpilledListsTest {
    @Test
    void everySeedListComesBackWithEveryEntryAndIriAsItWasAppended() throws IOException {
        List<ListNode> seeds = Seeds.convert().lists();
        assertEquals(5, seeds.size());
        long before = spillFiles();
        SpilledLists spilled = new SpilledLists();
        assertEquals(before, spillFiles(), "the file is unlinked as soon as it is open");
        for (ListNode l : seeds) spilled.append(l);
        assertEquals(seeds.size(), spilled.size());
        for (int i = seeds.size() - 1; i >= 0; i--) { // any order
            ListNode back = spilled.get(i);
            // toString: records all the way down, and a Pattern (a section kind) shows its source there
            assertEquals(seeds.get(i).toString(), back.toString());
            assertEquals(seeds.get(i).graphIri(), spilled.graphIri(i));
            assertTrue(back.entries().size() > 10);
            // an entry node and its document's entry are one object again, as the converter made them
            assertTrue(back.entries().get(0).entry() == back.document().entries().get(0));
        }
        assertThrows(IndexOutOfBoundsException.class, () -> spilled.get(seeds.size()));
    }

    @Test
    void listsAppendedFasterThanTheyAreWrittenAllComeBackInTheirPlaces() {
        List<ListNode> seeds = Seeds.convert().lists();
        SpilledLists spilled = new SpilledLists();
        int rounds = 120; // some 50,000 entries: more than may wait to be written, so appending waits for the writer
        for (int r = 0; r < rounds; r++) seeds.forEach(spilled::append);
        assertEquals(rounds * seeds.size(), spilled.size());
        spilled.awaitWritten();
        for (int i = spilled.size() - 1; i >= 0; i -= 7) {
            assertEquals(seeds.get(i % seeds.size()).toString(), spilled.get(i).toString(), "list " + i);
            assertEquals(seeds.get(i % seeds.size()).graphIri(), spilled.graphIri(i));
        }
    }

    private static long spillFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("listgraph-lists-")).count();
        }
    }
}
