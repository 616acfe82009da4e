package org.listgraph.rdf;

import org.listgraph.entry.CompactRecordInput;
import org.listgraph.entry.CompactRecordOutput;
import org.listgraph.identity.Identified;
import org.listgraph.identity.Identified.ListNode;
import org.listgraph.identity.ListNodeRecords;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * The identified lists of a conversion, each written to a temporary file as soon as identity has taken what it
 * needs from it, and read back whenever a list's graph, lint or the report asks for it. Held in memory, the entries
 * of a million-entry build were a fifth of its heap until the end, while each is needed only a few times, one list
 * at a time. The file is unlinked as soon as it is opened, so no run, even one killed, leaves it behind; its space
 * is freed when this object is collected or the program ends.
 */
final class SpilledLists extends AbstractList<ListNode> implements RandomAccess {
    private static final Cleaner CLEANER = Cleaner.create();

    private final FileChannel file;
    /** Where list i starts; {@code offsets[size]} is where the next one goes. */
    private long[] offsets = new long[17];
    private String[] graphIris = new String[16];
    /** Each list's IRI and title, kept in memory: the report needs only these of every list. */
    private Identified.ListHeader[] headers = new Identified.ListHeader[16];
    private int size;

    SpilledLists() {
        try {
            Path p = Files.createTempFile("listgraph-lists-", ".bin");
            file = FileChannel.open(p, StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.DELETE_ON_CLOSE);
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // a system that cannot remove an open file removes it on close
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a temporary file for the lists being converted", e);
        }
        FileChannel f = file;
        CLEANER.register(this, () -> {
            try {
                f.close();
            } catch (IOException e) {
                // nothing to do: the file was unlinked already
            }
        });
    }

    /** Writes the list to the file; it is read back from there from now on. */
    synchronized void append(ListNode list) {
        CompactRecordOutput out = new CompactRecordOutput();
        ListNodeRecords.write(out, list);
        byte[] bytes = out.toByteArray();
        if (size + 1 == graphIris.length) {
            graphIris = Arrays.copyOf(graphIris, graphIris.length * 2);
            headers = Arrays.copyOf(headers, headers.length * 2);
            offsets = Arrays.copyOf(offsets, offsets.length * 2);
        }
        try {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            long at = offsets[size];
            while (b.hasRemaining()) at += file.write(b, at);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write list " + list.iri() + " to a temporary file (is the disk full?)", e);
        }
        graphIris[size] = list.graphIri();
        headers[size] = new Identified.ListHeader(list.iri(), list.document().info().title());
        offsets[size + 1] = offsets[size] + bytes.length;
        size++;
    }

    /** The IRI of list i's graph, without reading the list. */
    synchronized String graphIri(int i) {
        java.util.Objects.checkIndex(i, size);
        return graphIris[i];
    }

    /** List i's IRI and title, without reading the list. */
    synchronized Identified.ListHeader header(int i) {
        java.util.Objects.checkIndex(i, size);
        return headers[i];
    }

    @Override
    public ListNode get(int i) {
        long from, to;
        synchronized (this) {
            java.util.Objects.checkIndex(i, size);
            from = offsets[i];
            to = offsets[i + 1];
        }
        ByteBuffer b = ByteBuffer.allocate(Math.toIntExact(to - from));
        try {
            while (b.hasRemaining()) {
                if (file.read(b, from + b.position()) < 0) throw new IOException("the file ends early");
            }
            return ListNodeRecords.read(new CompactRecordInput(b.array(), 0, b.capacity()));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read back list " + graphIris[i] + " from its temporary file", e);
        }
    }

    @Override
    public synchronized int size() {
        return size;
    }
}
