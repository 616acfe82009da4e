package org.listgraph.rdf;

import org.listgraph.entry.ListDocument;
import org.listgraph.export.RdfFormat;
import org.listgraph.export.RdfWriter;
import org.listgraph.identity.IriMinter;
import org.listgraph.markdown.ListFiles;
import org.listgraph.testing.Seeds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The same lists give byte-identical output, whatever order they are read in. */
class DeterminismTest {
    @ParameterizedTest
    @EnumSource(RdfFormat.class)
    void convertingTheListsInAnotherOrderGivesIdenticalBytes(RdfFormat format) {
        List<ListDocument> docs = new ArrayList<>();
        new ListFiles().readEach(ListFiles.expand(List.of(Seeds.LISTS)), docs::add);
        List<ListDocument> reversed = new ArrayList<>(docs);
        Collections.reverse(reversed);
        List<ListDocument> rotated = new ArrayList<>(docs);
        Collections.rotate(rotated, 2);

        byte[] first = bytes(docs, format);
        assertTrue(first.length > 10_000);
        assertArrayEquals(first, bytes(reversed, format), "reversed order");
        assertArrayEquals(first, bytes(rotated, format), "rotated order");
        assertArrayEquals(first, bytes(docs, format), "same order again");
    }

    @org.junit.jupiter.api.Test
    void theMergeReportIsTheSameWhateverTheOrder() throws java.io.IOException {
        List<ListDocument> docs = new ArrayList<>();
        new ListFiles().readEach(ListFiles.expand(List.of(Seeds.LISTS)), docs::add);
        List<ListDocument> reversed = new ArrayList<>(docs);
        Collections.reverse(reversed);
        String first = report(docs);
        assertTrue(first.contains("person,merged,"), first);
        org.junit.jupiter.api.Assertions.assertEquals(first, report(reversed));
    }

    private static String report(List<ListDocument> docs) throws java.io.IOException {
        Converter.Result r = new Converter(IriMinter.DEFAULT_BASE).convertDocuments(docs,
                org.listgraph.identity.Overrides.inFolders(List.of(Seeds.LISTS.toAbsolutePath())));
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        org.listgraph.export.MergeReport.csv(r.decisions(), csv);
        ByteArrayOutputStream md = new ByteArrayOutputStream();
        org.listgraph.export.MergeReport.markdown(r.decisions(), md);
        return csv + "\n" + md;
    }

    private static byte[] bytes(List<ListDocument> docs, RdfFormat format) {
        Converter.Result r = new Converter(IriMinter.DEFAULT_BASE).convertDocuments(docs,
                org.listgraph.identity.Overrides.inFolders(List.of(Seeds.LISTS.toAbsolutePath())));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RdfWriter.writeUnion(r.dataset(), format, Vocab.prefixes(IriMinter.DEFAULT_BASE), out);
        return out.toByteArray();
    }
}
