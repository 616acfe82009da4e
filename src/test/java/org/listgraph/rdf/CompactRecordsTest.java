package org.listgraph.rdf;

import org.junit.jupiter.api.Test;
import org.listgraph.entry.CompactRecordInput;
import org.listgraph.entry.CompactRecordOutput;
import org.listgraph.identity.Catalog;
import org.listgraph.identity.Identified.ListNode;
import org.listgraph.identity.IriMinter;
import org.listgraph.identity.KindRules;
import org.listgraph.identity.ListNodeRecords;
import org.listgraph.identity.Overrides;
import org.listgraph.markdown.ListFiles;
import org.listgraph.testing.Seeds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The compact form lists are spilled and cached in gives back exactly what was written, for real lists of every
 * genre the project has, and turns damaged bytes into an exception, never into a different list or an error.
 */
class CompactRecordsTest {
    private static final Path QUALITY = Path.of("src/test/resources/quality");

    /** The seeds and every list of the quality corpus, converted. */
    private static List<ListNode> realLists() throws IOException {
        List<ListNode> all = new ArrayList<>(Seeds.convert().lists());
        try (Stream<Path> dirs = Files.list(QUALITY)) {
            for (Path d : dirs.filter(Files::isDirectory).sorted().toList()) {
                all.addAll(new Converter(IriMinter.DEFAULT_BASE).convert(ListFiles.expand(List.of(d.resolve("list.md")))).lists());
            }
        }
        assertTrue(all.size() >= 15, "seeds and quality lists: " + all.size());
        return all;
    }

    private static byte[] bytesOf(ListNode list) {
        CompactRecordOutput out = new CompactRecordOutput();
        ListNodeRecords.write(out, list);
        return out.toByteArray();
    }

    @Test
    void everyRealListComesBackEqualWithEachEntryNodeSharingItsDocumentsEntry() throws IOException {
        for (ListNode list : realLists()) {
            byte[] bytes = bytesOf(list);
            CompactRecordInput in = new CompactRecordInput(bytes, 0, bytes.length);
            ListNode back = ListNodeRecords.read(in);
            assertTrue(in.atEnd(), list.iri());
            // toString: records all the way down, and a section kind's Pattern shows its source there
            assertEquals(list.toString(), back.toString(), list.iri());
            for (int i = 0; i < back.entries().size(); i++) {
                assertSame(back.document().entries().get(i), back.entries().get(i).entry());
            }
        }
    }

    @Test
    void aPreparedListWrittenTwiceGivesTheSameBytes() throws IOException {
        Catalog catalog = new Catalog(new IriMinter(IriMinter.DEFAULT_BASE), KindRules.load(Path.of(".")), Overrides.inFolders(List.of()));
        for (ListNode list : realLists()) {
            CompactRecordOutput first = new CompactRecordOutput();
            catalog.prepare(list.document()).write(first);
            byte[] bytes = first.toByteArray();
            CompactRecordInput in = new CompactRecordInput(bytes, 0, bytes.length);
            Catalog.Prepared back = Catalog.Prepared.read(in);
            assertTrue(in.atEnd());
            assertEquals(list.document().toString(), back.document().toString());
            CompactRecordOutput again = new CompactRecordOutput();
            back.write(again);
            assertArrayEquals(bytes, again.toByteArray(), list.iri());
        }
    }

    @Test
    void anyCharSequenceComesBackAsItWasAndARepeatedStringIsOneObject() {
        String longOne = "é".repeat(40_000) + "x"; // more than 64 KiB in UTF-8
        List<String> odd = Arrays.asList("", "plain", "\0", "a\uD83C\uDF1Fb", "half \uD800 a pair", "\uDC00", "Ünïcødé ✓", longOne, null);
        CompactRecordOutput out = new CompactRecordOutput();
        for (String s : odd) out.string(s);
        out.string("plain");
        byte[] bytes = out.toByteArray();
        CompactRecordInput in = new CompactRecordInput(bytes, 0, bytes.length);
        List<String> back = new ArrayList<>();
        for (int i = 0; i < odd.size(); i++) back.add(in.string());
        assertEquals(odd, back);
        assertSame(back.get(1), in.string());
        assertNull(back.get(odd.size() - 1));
        assertTrue(in.atEnd());
    }

    @Test
    void aSectionKindPatternWithAFlagInsideItMatchesAsBeforeWhenReadBack() {
        // Pattern.flags() reports a flag set inside the pattern; compiled again with it, "a(?i)b" would also match "Ab".
        var kinds = new org.listgraph.entry.KindDefaults(org.listgraph.entry.Kind.TALK,
                List.of(new org.listgraph.entry.KindDefaults.SectionKind(java.util.regex.Pattern.compile("a(?i)b"), org.listgraph.entry.Kind.VIDEO)));
        var info = new org.listgraph.entry.ListInfo("l", "L", "lists/l.md", null, null, null, List.of(), kinds);
        CompactRecordOutput out = new CompactRecordOutput();
        out.document(new org.listgraph.entry.ListDocument(info, "0".repeat(64), List.of(), List.of(), List.of()));
        byte[] bytes = out.toByteArray();
        var back = new CompactRecordInput(bytes, 0, bytes.length).document().info().kinds();
        assertEquals(org.listgraph.entry.Kind.TALK, back.list());
        var heading = back.sections().get(0).heading();
        assertEquals("a(?i)b", heading.pattern());
        assertTrue(heading.matcher("aB").find());
        assertFalse(heading.matcher("Ab").find(), "the flag applies only after where it is written");
    }

    @Test
    void cutOrGarbledBytesGiveAnExceptionNeverAnotherListOrAnError() throws IOException {
        ListNode list = Seeds.convert().lists().get(0);
        byte[] bytes = bytesOf(list);
        for (int cut = 0; cut < bytes.length; cut += Math.max(1, bytes.length / 500)) {
            int n = cut;
            assertThrows(RuntimeException.class, () -> ListNodeRecords.read(new CompactRecordInput(bytes, 0, n)), "cut at " + n);
        }
        Random random = new Random(17);
        int failures = 0;
        for (int i = 0; i < 300; i++) {
            byte[] garbled = bytes.clone();
            for (int k = 0; k < 3; k++) garbled[random.nextInt(garbled.length)] = (byte) random.nextInt(256);
            try {
                // A changed letter of a title may still read; what comes back is then made through the records' checks.
                ListNodeRecords.read(new CompactRecordInput(garbled, 0, garbled.length));
            } catch (RuntimeException expected) { // an Error (out of memory, a stack overflow) fails the test
                failures++;
            }
        }
        assertTrue(failures > 0, "some garbled bytes are refused");
    }
}
