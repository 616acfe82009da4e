package org.listgraph.markdown;

import org.listgraph.entry.BadInputException;
import org.listgraph.entry.InsideFolder;
import org.listgraph.entry.InputLimits;
import org.listgraph.entry.ListDocument;
import org.listgraph.entry.ListInfo;
import org.listgraph.entry.Problems;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Finds list files (directories expand to their {@code .md} files), checks that each is readable
 * Markdown text, and reads it with what the nearest manifest says about it.
 */
public final class ListFiles {
    /** A reader per thread: flexmark's parser is not documented as safe to share. */
    private final ThreadLocal<ListReader> readers = ThreadLocal.withInitial(ListReader::new);
    private final InputLimits limits;

    /** Reads with the default {@link InputLimits}. */
    public ListFiles() {
        this(InputLimits.DEFAULTS);
    }

    /** Reads with {@code limits}: a file over one is bad input, found before it is parsed. */
    public ListFiles(InputLimits limits) {
        this.limits = java.util.Objects.requireNonNull(limits, "limits");
    }

    /**
     * The list files named by {@code paths}, sorted by path so the result does not depend on the
     * order they were given in. Every file is checked up front, so nothing is written when one is bad.
     */
    public static List<Path> expand(List<Path> paths) {
        TreeMap<String, Path> files = new TreeMap<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                int before = files.size();
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".md") && Files.isRegularFile(f))
                            .filter(f -> !f.getFileName().toString().equalsIgnoreCase("README.md"))
                            .forEach(f -> {
                                InsideFolder.check(p, f);
                                files.put(f.normalize().toString(), f.normalize());
                            });
                } catch (IOException e) {
                    throw new BadInputException(p + ": error: cannot list the folder (" + e.getMessage() + ")");
                }
                if (files.size() == before) {
                    throw new BadInputException(p + ": error: the folder has no .md list files; add lists or pass another folder");
                }
            } else if (!Files.exists(p)) {
                throw new BadInputException(p + ": error: no such file or folder; check the path (lists live in lists/)");
            } else if (!Files.isRegularFile(p)) {
                throw new BadInputException(p + ": error: not a regular file; pass a Markdown file or a folder of them");
            } else {
                files.put(p.normalize().toString(), p.normalize());
            }
        }
        return List.copyOf(files.values());
    }

    /**
     * The file's text as the reader sees it: decoded as UTF-8 (a BOM dropped) and with mojibake
     * repaired. For a file {@link #read} has accepted (its limits are not checked again).
     */
    public static String text(Path file) {
        byte[] bytes = readBytes(file, Long.MAX_VALUE);
        String text = decode(bytes, file.toString(), new Problems(file.toString()));
        return MojibakeRepair.repair(text).text();
    }

    /** Reads one list file; the manifest of its folder supplies id and title when it names the file. */
    public ListDocument read(Path file, Manifest manifest) {
        return parse(source(file, manifest));
    }

    /** What the manifest (or the file's name) says of a list file: its id and title, without reading it. */
    public ListInfo info(Path file, Manifest manifest) {
        return manifest.find(file).map(i -> new ListInfo(i.id(), i.title(), sourcePath(file), i.origin(), i.license(), i.revisionOf(),
                i.lintOff(), i.kinds())).orElseGet(() -> new ListInfo(idFromFileName(file), fileStem(file), sourcePath(file), null, null, null));
    }

    /**
     * An earlier version of a list file, {@code bytes} as git kept them, read as the file is read today (its id and
     * title from today's manifest); what it would say of problems is not kept: that version is history.
     */
    public ListDocument readVersion(Path file, Manifest manifest, byte[] bytes) {
        LimitCheck.checkSize(file.toString(), bytes.length, limits.fileSize());
        ListInfo info = info(file, manifest);
        return parse(new Source(file, bytes, sha256(bytes), info, manifest.find(file).isPresent()));
    }

    /** A list file's bytes and what the manifest says of it: all that reading it depends on, besides the limits. */
    private record Source(Path file, byte[] bytes, String sha256, ListInfo info, boolean inManifest) {
        /**
         * The key of this reading: the bytes, what the manifest says, the path as shown in problems, and the limits
         * (a list read under other limits could have been refused).
         */
        String key(InputLimits limits) {
            return ListFiles.sha256(("listgraph read 3\nbytes " + sha256 + "\nfile " + file + "\nabsolute " + file.toAbsolutePath().normalize()
                    + "\ninfo " + info + "\nin manifest " + inManifest + "\nlimits " + limits + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    private Source source(Path file, Manifest manifest) {
        byte[] bytes = readBytes(file, limits.fileSize());
        return new Source(file, bytes, sha256(bytes), info(file, manifest), manifest.find(file).isPresent());
    }

    private ListDocument parse(Source source) {
        String display = source.file().toString();
        Problems problems = new Problems(display);
        String text = decode(source.bytes(), display, problems);
        LimitCheck.check(display, text, limits);
        if (text.isBlank()) problems.warn(1, 1, "file is empty: the list has no entries");
        MojibakeRepair.Result fixed = MojibakeRepair.repair(text);
        if (fixed.repaired() > 0) {
            LineIndex at = new LineIndex(text);
            problems.warn(at.line(fixed.firstOffset()), at.column(fixed.firstOffset()), fixed.repaired()
                    + " string(s) were UTF-8 read as Windows-1252 and have been repaired (first: " + fixed.firstExample() + "); save the file as UTF-8");
            text = fixed.text();
        }
        return readers.get().read(source.info(), source.sha256(), text, !source.inManifest(), problems, limits);
    }

    /** The file's bytes; a file over {@code maxBytes} is refused before they are read. */
    private static byte[] readBytes(Path file, long maxBytes) {
        try {
            LimitCheck.checkSize(file.toString(), Files.size(file), maxBytes);
            byte[] bytes;
            // At most one byte past the limit is read, so a file that grows while it is read is never held whole.
            try (java.io.InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes(maxBytes >= Integer.MAX_VALUE - 8 ? Integer.MAX_VALUE - 8 : (int) maxBytes + 1); // no overflow for 'no limit'
            }
            LimitCheck.checkSize(file.toString(), bytes.length, maxBytes);
            return bytes;
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": error: no such file; check the path");
        } catch (AccessDeniedException e) {
            throw new BadInputException(file + ": error: permission denied; make the file readable");
        } catch (IOException e) {
            throw new BadInputException(file + ": error: cannot read (" + e.getMessage() + ")");
        }
    }

    private static String decode(byte[] bytes, String display, Problems problems) {
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        for (int i = start; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                int line = 1;
                for (int j = 0; j < i; j++) if (bytes[j] == '\n') line++;
                throw new BadInputException(display + ":" + line + ": error: binary file (NUL byte), not Markdown text; "
                        + "remove it from the lists or pass a .md file");
            }
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(buf).toString();
        } catch (CharacterCodingException e) {
            String text = new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
            int at = text.indexOf('\uFFFD');
            int line = 1;
            int col = 1;
            for (int i = 0; i < Math.max(0, at); i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                    col = 1;
                } else {
                    col++;
                }
            }
            problems.warn(line, col, "file is not valid UTF-8; invalid bytes were replaced with U+FFFD (save the file as UTF-8)");
            return text;
        }
    }

    /** The path recorded in the graph: folder and file name, the same whatever the working directory. */
    static String sourcePath(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        return parent == null || parent.getFileName() == null ? abs.getFileName().toString()
                : parent.getFileName() + "/" + abs.getFileName();
    }

    static String idFromFileName(Path file) {
        String id = fileStem(file).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (id.length() > 80) id = id.substring(0, 80).replaceAll("-+$", "");
        if (id.isEmpty() || ListInfo.RESERVED_IDS.contains(id)) id = "list-" + id;
        return id.replaceAll("-+$", "");
    }

    private static String fileStem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Reads the files in path order, one thread per core (see {@link #readEach(List, int, java.util.function.Consumer)}). */
    public void readEach(List<Path> files, java.util.function.Consumer<ListDocument> sink) {
        readEach(files, Runtime.getRuntime().availableProcessors(), sink);
    }

    /**
     * Reads the files with up to {@code threads} parsing at once, and hands each list to {@code sink}
     * in path order, on the calling thread, whatever order the parsing finished in: the result is the
     * same for any thread count. At most {@code 2 × threads} lists are held at a time. The first bad
     * file in path order stops the reading with its own error.
     */
    public void readEach(List<Path> files, int threads, java.util.function.Consumer<ListDocument> sink) {
        readEach(files, threads, doc -> doc, (doc, same) -> sink.accept(doc));
    }

    /**
     * As {@link #readEach(List, int, java.util.function.Consumer)}, with {@code prepare} applied to each list on the
     * reading thread that parsed it: work that needs one list alone (and is safe to run on several threads at once)
     * runs on every core, not on the thread that gathers the lists. {@code sink} gets each list with what it prepared.
     */
    public <R> void readEach(List<Path> files, int threads, java.util.function.Function<ListDocument, R> prepare,
                             java.util.function.BiConsumer<ListDocument, R> sink) {
        readEach(files, threads, prepare, sink, ReadCache.none());
    }

    /**
     * As {@link #readEach(List, int, java.util.function.Function, java.util.function.BiConsumer)}, taking from
     * {@code cache} each list whose bytes, manifest entry and limits are as when it was kept, and keeping each list it
     * reads: the file's bytes are still read and hashed, but an unchanged list is neither parsed nor prepared again.
     */
    public <R> void readEach(List<Path> files, int threads, java.util.function.Function<ListDocument, R> prepare,
                             java.util.function.BiConsumer<ListDocument, R> sink, ReadCache<R> cache) {
        // Each folder's manifest is read when its first file is, so a broken one is reported in path order too.
        var manifests = new java.util.concurrent.ConcurrentHashMap<Path, Manifest>();
        var ids = new java.util.HashMap<String, Path>();
        java.util.function.BiConsumer<Path, Prepared<R>> checked = (f, read) -> {
            Path before = ids.putIfAbsent(read.doc().info().id(), f);
            if (before != null) {
                throw new BadInputException(f + ": error: list id '" + read.doc().info().id() + "' is also the id of " + before
                        + "; give one of them another id in " + Manifest.FILE_NAME + " or rename it");
            }
            sink.accept(read.doc(), read.prepared());
        };
        java.util.function.Function<Path, Prepared<R>> parse = f -> {
            Source source = source(f, manifests.computeIfAbsent(f.toAbsolutePath().normalize().getParent(), Manifest::inFolder));
            String key = source.key(limits);
            var kept = cache.find(key);
            if (kept.isPresent()) return new Prepared<>(kept.get().doc(), kept.get().prepared());
            ListDocument doc = parse(source);
            R prepared = prepare.apply(doc);
            cache.keep(key, doc, prepared);
            return new Prepared<>(doc, prepared);
        };
        if (threads <= 1 || files.size() <= 1) {
            files.forEach(f -> checked.accept(f, parse.apply(f)));
            return;
        }
        new OrderedPool<Path, Prepared<R>>(threads).map(files, parse, checked);
    }

    /** A list and what was prepared from it on its reading thread. */
    private record Prepared<R>(ListDocument doc, R prepared) {
    }
}
