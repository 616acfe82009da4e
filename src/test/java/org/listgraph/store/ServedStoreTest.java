package org.listgraph.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The note a server leaves beside its store is believed only while it is this machine's and its process lives. */
class ServedStoreTest {
    @TempDir
    Path tmp;

    private void note(String dataset, String endpoint, long pid) throws IOException {
        Files.writeString(tmp.resolve("tdb2.serving.json"), "{\"dataset\": \"" + dataset + "\", \"endpoint\": \"" + endpoint + "\", \"pid\": " + pid + "}");
    }

    @Test
    void aServerAdvertisesItselfBesideTheStoreAndTakesItsNoteAway() {
        Path db = tmp.resolve("tdb2");
        ServedStore.advertise(db, "http://127.0.0.1:3030/listgraph", "http://127.0.0.1:3030/listgraph/sparql", 100_000);
        assertTrue(Files.isRegularFile(tmp.resolve("tdb2.serving.json")));
        assertEquals(Optional.of(new ServedStore.Advert("http://127.0.0.1:3030/listgraph", "http://127.0.0.1:3030/listgraph/sparql",
                ProcessHandle.current().pid(), 100_000)), ServedStore.find(db));
        ServedStore.withdraw(db);
        assertFalse(Files.exists(tmp.resolve("tdb2.serving.json")));
    }

    @Test
    void aNoteOfAGoneProcessOrPointingOffThisMachineOrDamagedIsNotBelieved() throws IOException {
        Path db = tmp.resolve("tdb2");
        long alive = ProcessHandle.current().pid();
        note("http://127.0.0.1:3030/listgraph", "http://127.0.0.1:3030/listgraph/sparql", 2_147_483_646L);
        assertEquals(Optional.empty(), ServedStore.find(db), "its process is gone");
        note("http://example.org/listgraph", "http://example.org/listgraph/sparql", alive);
        assertEquals(Optional.empty(), ServedStore.find(db), "another machine");
        note("http://10.0.0.1:3030/listgraph", "http://127.0.0.1:3030/listgraph/sparql", alive);
        assertEquals(Optional.empty(), ServedStore.find(db), "another address");
        note("http://me@127.0.0.1:3030/listgraph", "http://127.0.0.1:3030/listgraph/sparql", alive);
        assertEquals(Optional.empty(), ServedStore.find(db), "a user name in the address");
        note("http://[0:0:0:0:0:0:0:1]:3030/listgraph", "http://127.0.0.2:3030/listgraph/sparql", alive);
        assertTrue(ServedStore.find(db).isPresent(), "loopback in any spelling");
        Files.writeString(tmp.resolve("tdb2.serving.json"), "{\"dataset\": ");
        assertEquals(Optional.empty(), ServedStore.find(db), "cut short");
        ServedStore.withdraw(db);
        assertTrue(Files.exists(tmp.resolve("tdb2.serving.json")), "another process's note (or none believed) stays");
    }
}
