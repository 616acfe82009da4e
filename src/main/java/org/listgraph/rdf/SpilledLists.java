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
 *
 * <p>Lists are encoded and written on a thread of their own, in the order appended: encoding was a fifth of what the
 * converter's gathering thread did while lists were read, and in a build that takes most lists from its cache that
 * thread is the one the others wait for. At most {@value #PENDING_ENTRIES} entries (or one list, if larger) wait to
 * be written, so the heap holds little more than before; a list is read back only once it is written.
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
    /** Lists written so far (a prefix of those appended), entries waiting to be written, and the writer's failure. */
    private int written;
    private int pendingEntries;
    private Throwable failure;
    private static final int PENDING_ENTRIES = 20_000;
    private final java.util.concurrent.ThreadPoolExecutor writer = new java.util.concurrent.ThreadPoolExecutor(1, 1, 1, java.util.concurrent.TimeUnit.SECONDS,
            new java.util.concurrent.LinkedBlockingQueue<>(), task -> {
                Thread t = new Thread(task, "listgraph-spill");
                t.setDaemon(true);
                return t;
            });

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
        writer.allowCoreThreadTimeOut(true); // no thread is left waiting once the lists are in
        FileChannel f = file;
        CLEANER.register(this, () -> {
            try {
                f.close();
            } catch (IOException e) {
                // nothing to do: the file was unlinked already
            }
        });
    }

    /**
     * Hands the list to the writer; it is read back from the file from now on. Waits while too many entries wait to be
     * written, and fails with the writer's failure (a full disk, say) once the writer has failed.
     */
    void append(ListNode list) {
        int entries = list.entries().size();
        int index;
        synchronized (this) {
            while (pendingEntries > 0 && pendingEntries + entries > PENDING_ENTRIES && failure == null) waitHere();
            rethrowFailure();
            if (size + 1 == graphIris.length) {
                graphIris = Arrays.copyOf(graphIris, graphIris.length * 2);
                headers = Arrays.copyOf(headers, headers.length * 2);
                offsets = Arrays.copyOf(offsets, offsets.length * 2);
            }
            index = size;
            graphIris[index] = list.graphIri();
            headers[index] = new Identified.ListHeader(list.iri(), list.document().info().title());
            pendingEntries += entries;
            size++;
        }
        writer.execute(() -> write(index, list, entries));
    }

    /** On the writer's thread, in the order appended: encodes list {@code index} and writes it after the one before. */
    private void write(int index, ListNode list, int entries) {
        try {
            synchronized (this) {
                if (failure != null) return;
            }
            CompactRecordOutput out = new CompactRecordOutput();
            ListNodeRecords.write(out, list);
            byte[] bytes = out.toByteArray();
            long at;
            synchronized (this) {
                at = offsets[index];
            }
            ByteBuffer b = ByteBuffer.wrap(bytes);
            try {
                while (b.hasRemaining()) at += file.write(b, at);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write list " + list.iri() + " to a temporary file (is the disk full?)", e);
            }
            synchronized (this) {
                offsets[index + 1] = offsets[index] + bytes.length;
                written = index + 1;
                pendingEntries -= entries;
                notifyAll();
            }
        } catch (RuntimeException | Error e) {
            synchronized (this) {
                failure = e;
                notifyAll();
            }
        }
    }

    /** Waits until every list appended is written (or the writer failed, which it then throws). */
    synchronized void awaitWritten() {
        while (written < size && failure == null) waitHere();
        rethrowFailure();
    }

    private void rethrowFailure() {
        if (failure instanceof RuntimeException e) throw e;
        if (failure instanceof Error e) throw e;
    }

    private void waitHere() {
        try {
            wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("interrupted while lists were being written to a temporary file");
        }
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
            while (written <= i && failure == null) waitHere();
            rethrowFailure();
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
