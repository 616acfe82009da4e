package org.listgraph.export;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the next run finds after a build was killed between its store commit and its last rename (real files). */
class CommitJournalTest {
    @TempDir
    Path dir;

    private Path journal() {
        return dir.resolve(".tdb2.commit");
    }

    /** Two files in place with old content, new content staged for both, the journal written for state "S2". */
    private List<AtomicFile.Staged> stagedBuild() throws IOException {
        Files.writeString(dir.resolve("graph.ttl"), "old graph");
        Files.writeString(dir.resolve("report.html"), "old report");
        List<AtomicFile.Staged> staged = List.of(
                AtomicFile.stage(dir.resolve("graph.ttl"), o -> o.write("new graph".getBytes(StandardCharsets.UTF_8))),
                AtomicFile.stage(dir.resolve("report.html"), o -> o.write("new report".getBytes(StandardCharsets.UTF_8))));
        CommitJournal.write(journal(), "https://example.org/graph/meta S2", staged);
        return staged;
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aKillAfterTheCommitAndTheFirstRenameIsFinishedByTheNextRunSoAllFilesAreNew() throws IOException {
        List<AtomicFile.Staged> staged = stagedBuild();
        staged.get(0).commit(); // killed here: graph.ttl new, report.html still old
        assertEquals("old report", Files.readString(dir.resolve("report.html")));

        assertTrue(CommitJournal.recover(journal(), "https://example.org/graph/meta S2"::equals));
        assertEquals("new graph", Files.readString(dir.resolve("graph.ttl")));
        assertEquals("new report", Files.readString(dir.resolve("report.html")));
        assertEquals(List.of("graph.ttl", "report.html"), names(), "no journal, no temporary file");
    }

    @Test
    void aKillBeforeTheStoreCommittedDropsTheStagedFilesAndKeepsTheOldOnes() throws IOException {
        stagedBuild();
        assertFalse(CommitJournal.recover(journal(), "https://example.org/graph/meta S1"::equals));
        assertEquals("old graph", Files.readString(dir.resolve("graph.ttl")));
        assertEquals("old report", Files.readString(dir.resolve("report.html")));
        assertEquals(List.of("graph.ttl", "report.html"), names());
    }

    @Test
    void recoveringTwiceOrWithoutAJournalChangesNothing() throws IOException {
        stagedBuild();
        assertTrue(CommitJournal.recover(journal(), s -> true));
        assertFalse(CommitJournal.recover(journal(), s -> {
            throw new AssertionError("no journal, nothing to ask");
        }));
        assertEquals("new graph", Files.readString(dir.resolve("graph.ttl")));
    }

    @Test
    void aDamagedJournalIsOneLineSayingWhatToDo() throws IOException {
        Files.writeString(journal(), "something else\n");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> CommitJournal.recover(journal(), s -> true));
        assertEquals(journal() + " is not a listgraph commit journal; move it away and run 'build' again", e.getMessage());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"../victim.txt\tgraph.ttl", ".graph.ttl.1.2.tmp\t../victim.txt",
            "/tmp/victim.txt\tgraph.ttl", "victim.txt\tgraph.ttl", ".graph.ttl.1.2.tmp\treport.html", ".graph.ttl.1.2.tmp"})
    void aJournalNamingAnyOtherFileIsRefusedBeforeAnythingIsMovedOrDeleted(String line) throws IOException {
        Path outside = Files.createDirectories(dir.resolve("output"));
        Path victim = Files.writeString(dir.resolve("victim.txt"), "keep me");
        Files.writeString(outside.resolve("victim.txt"), "keep me too");
        Files.writeString(outside.resolve(".graph.ttl.1.2.tmp"), "staged");
        Path journal = outside.resolve(".tdb2.commit");
        Files.writeString(journal, "listgraph commit journal 1\nhttps://example.org/graph/meta S2\n" + line + "\n");
        for (boolean reached : new boolean[]{true, false}) {
            UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> CommitJournal.recover(journal, s -> reached));
            assertTrue(e.getMessage().startsWith(journal + " names a file it cannot have written ("), e.getMessage());
        }
        assertEquals("keep me", Files.readString(victim));
        assertEquals("keep me too", Files.readString(outside.resolve("victim.txt")));
        assertEquals("staged", Files.readString(outside.resolve(".graph.ttl.1.2.tmp")));
    }
}
