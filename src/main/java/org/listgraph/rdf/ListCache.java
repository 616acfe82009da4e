package org.listgraph.rdf;

import org.listgraph.entry.CompactRecordInput;
import org.listgraph.entry.CompactRecordOutput;
import org.listgraph.entry.ListDocument;
import org.listgraph.identity.Catalog;
import org.listgraph.markdown.ReadCache;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The lists a build read, each parsed and prepared list kept in a file of its own (under output/cache/lists) named
 * by the hash of everything it depended on: the list's bytes, its manifest entry and the limits (the reader's key),
 * and the program and the kind rules and topic scheme in force (this cache's salt). A file is trusted only when its
 * header, its key and the SHA-256 of its content all agree; anything else is a miss, the list is read again and the
 * file rewritten. Reading the lists was most of a build that changed one list of many.
 */
public final class ListCache implements ReadCache<Catalog.Prepared> {
    private static final byte[] MAGIC = "listgraph list cache 2\n".getBytes(StandardCharsets.UTF_8);
    private static final int DIGEST = 32;

    private final Path dir;
    private final String salt;
    private final boolean trusted;
    /** The files this build looked for: the others belong to lists or versions that are gone. */
    private final Set<String> used = ConcurrentHashMap.newKeySet();

    /**
     * A cache in {@code dir} whose keys also cover {@code salt}; when {@code reuse} is false it finds nothing but still
     * keeps what is read (a rebuild trusts no earlier result, and leaves a fresh cache).
     */
    public ListCache(Path dir, String salt, boolean reuse) {
        this.dir = dir;
        this.salt = salt;
        this.trusted = reuse;
    }

    @Override
    public Optional<Hit<Catalog.Prepared>> find(String key) {
        String name = fileName(key);
        used.add(name);
        Path file = dir.resolve(name);
        if (!trusted || !Files.isRegularFile(file)) return Optional.empty();
        try {
            byte[] all = Files.readAllBytes(file);
            byte[] id = name.getBytes(StandardCharsets.UTF_8);
            int body = MAGIC.length + id.length + 1 + DIGEST;
            if (all.length < body || !Arrays.equals(all, 0, MAGIC.length, MAGIC, 0, MAGIC.length)
                    || !Arrays.equals(all, MAGIC.length, MAGIC.length + id.length, id, 0, id.length)
                    || !Arrays.equals(all, body - DIGEST, body, sha256(all, body), 0, DIGEST)) {
                return forget(file);
            }
            CompactRecordInput in = new CompactRecordInput(all, body, all.length - body);
            Catalog.Prepared prepared = Catalog.Prepared.read(in);
            if (!in.atEnd()) return forget(file);
            return Optional.of(new Hit<>(prepared.document(), prepared));
        } catch (IOException | RuntimeException | StackOverflowError e) {
            // damaged, from another version, or unreadable (a crafted heading pattern can overflow the stack when compiled)
            return forget(file);
        }
    }

    @Override
    public void keep(String key, ListDocument doc, Catalog.Prepared prepared) {
        String name = fileName(key);
        used.add(name);
        try {
            CompactRecordOutput content = new CompactRecordOutput();
            prepared.write(content);
            byte[] payload = content.toByteArray();
            ByteArrayOutputStream file = new ByteArrayOutputStream(payload.length + 128);
            file.write(MAGIC);
            file.write(name.getBytes(StandardCharsets.UTF_8));
            file.write('\n');
            MessageDigest d = digest();
            d.update(payload);
            file.write(d.digest());
            file.write(payload);
            Files.createDirectories(dir);
            // Written whole under a temporary name, then renamed: a killed build leaves no half file under a real name.
            Path tmp = Files.createTempFile(dir, name, ".tmp");
            try {
                Files.write(tmp, file.toByteArray());
                Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | RuntimeException e) {
            // A cache that cannot be written (a full disk, a read-only folder) costs the next build time, nothing else.
        }
    }

    /** Removes the files this build did not use (lists gone or changed since) and any a killed build left half written. */
    public void prune() {
        if (!Files.isDirectory(dir)) return;
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(f -> !used.contains(f.getFileName().toString())).forEach(f -> {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException e) {
                    // left for the next build to try again
                }
            });
        } catch (IOException e) {
            // an unreadable cache folder is only a slower next build
        }
    }

    private String fileName(String key) {
        return org.listgraph.identity.IriMinter.sha256((salt + "\n" + key).getBytes(StandardCharsets.UTF_8)) + ".bin";
    }

    /** The SHA-256 of everything after the first {@code from} bytes. */
    private static byte[] sha256(byte[] all, int from) {
        MessageDigest d = digest();
        d.update(all, from, all.length - from);
        return d.digest();
    }

    private static Optional<Hit<Catalog.Prepared>> forget(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // it is rewritten when the list is kept again
        }
        return Optional.empty();
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
