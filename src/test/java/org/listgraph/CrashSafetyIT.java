package org.listgraph;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.listgraph.bench.CorpusGenerator;
import org.listgraph.cli.Main;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Kills real {@code java -jar listgraph.jar build} and {@code load} processes with {@code kill -9} at
 * moments found by watching their progress line, fills and write-protects the disks they write to, and
 * runs two loads on one store at once; after each, the store and every output file must be exactly the
 * state before or the complete state after, and the next run must succeed with the unkilled result.
 * The checks and re-runs go through {@link Main} in this JVM (the same code as the jar, without a JVM
 * start each); every run uses the same absolute paths, so outputs compare byte for byte.
 */
class CrashSafetyIT {
    private static final Path JAR = Path.of(System.getProperty("listgraph.jar", "target/listgraph.jar")).toAbsolutePath();
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final List<String> FILES = List.of("graph.ttl", "merges.csv", "merges.md", "problems.txt", "report.html");
    /** What each kill found, printed at the end (in the failsafe report) for the record. */
    private static final List<String> RECORD = new ArrayList<>();

    @TempDir
    Path tmp;
    /** Where every run happens: restored from a snapshot before each kill. */
    private Path work;

    record Run(int code, String out, String err) {
    }

    /** Where a kill lands: on the first progress line that starts with {@code marker}, or (AFTER_COMMIT) once the store has committed. */
    enum Moment {
        READING_LISTS("reading lists"),
        RESOLVING_IDENTITY("resolving identity"),
        IN_STORE_TRANSACTION("writing the store: graph "),
        // Problems are printed only after the commit: the child blocks on its full stderr pipe before renaming any file.
        AFTER_COMMIT(": warning: ");

        final String marker;

        Moment(String marker) {
            this.marker = marker;
        }
    }

    @BeforeEach
    void setUp() {
        work = tmp.resolve("work");
    }

    @AfterAll
    static void printRecord() {
        System.out.println("CrashSafetyIT record:");
        RECORD.forEach(l -> System.out.println("  " + l));
    }

    // ---- kills -------------------------------------------------------------------------------------------------

    @Test
    void aFirstBuildKilledAtAnyMomentLeavesNoOutputOrTheWholeNewOne() throws Exception {
        writeListsA(work.resolve("lists"));
        Path empty = snapshot("first");
        killAndCheck("first build", empty, List.of("build", "--lists", lists(), "--output", output()), true,
                Moment.READING_LISTS, Moment.IN_STORE_TRANSACTION, Moment.AFTER_COMMIT);
    }

    @Test
    void anIncrementalBuildKilledAtAnyMomentLeavesTheStoreAndOutputAsBeforeOrAsTheCompletedBuild() throws Exception {
        writeListsA(work.resolve("lists"));
        assertEquals(0, cli("build", "--lists", lists(), "--output", output()).code());
        changeListsToB(work.resolve("lists"));
        Path built = snapshot("built");
        killAndCheck("incremental build (one list edited, one added, one removed)", built,
                List.of("build", "--lists", lists(), "--output", output()), true,
                Moment.RESOLVING_IDENTITY, Moment.IN_STORE_TRANSACTION, Moment.AFTER_COMMIT);
    }

    @Test
    void aLoadIntoAStoreKilledAtAnyMomentLeavesItAsBeforeOrAsTheCompletedLoad() throws Exception {
        writeListsA(work.resolve("lists"));
        assertEquals(0, cli("load", lists(), "--db", db()).code());
        changeListsToB(work.resolve("lists"));
        Path loaded = snapshot("loaded");
        killAndCheck("load into a store", loaded, List.of("load", lists(), "--db", db()), false,
                Moment.READING_LISTS, Moment.IN_STORE_TRANSACTION, Moment.AFTER_COMMIT);
    }

    @Test
    void aBuildHoldsItsStoreUntilItsFilesAreInPlaceSoNoOtherCommandMeetsItsJournal() throws Exception {
        writeListsA(work.resolve("lists"));
        assertEquals(0, cli("build", "--lists", lists(), "--output", output()).code());
        changeListsToB(work.resolve("lists"));
        Path built = snapshot("held");
        assertEquals(0, cli("build", "--lists", lists(), "--output", output()).code());
        Map<String, String> newFiles = outputFiles();
        String newStore = store();
        restore(built);

        ProcessBuilder pb = new ProcessBuilder(JAVA, "-jar", JAR.toString(), "build", "--lists", lists(), "--output", output())
                .directory(work.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("LISTGRAPH_PROGRESS", "always");
        Process build = pb.start();
        try {
            readUntil(build, Moment.AFTER_COMMIT);
            Thread.sleep(500);
            assertTrue(build.isAlive(), "the build waits on its full stderr pipe, after its commit and before its renames");
            // Another command now finds the store locked, not a journal to finish: the files are the build's own to put in place.
            Process query = new ProcessBuilder(JAVA, "-jar", JAR.toString(), "query", "--db", work.resolve("output/tdb2").toString(), "ASK {}")
                    .directory(work.toFile()).redirectErrorStream(true).start();
            String said = new String(query.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(query.waitFor(60, TimeUnit.SECONDS));
            assertEquals(3, query.exitValue(), said);
            assertTrue(said.contains("locked by another process"), said);
            assertTrue(Files.exists(work.resolve("output/.tdb2.commit")), "the build's journal is untouched");

            build.getErrorStream().transferTo(java.io.OutputStream.nullOutputStream());
            assertTrue(build.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, build.exitValue(), "the build finishes its own renames");
        } finally {
            build.destroyForcibly();
        }
        assertEquals(newFiles, outputFiles());
        assertEquals(newStore, store());
        assertFalse(Files.exists(work.resolve("output/.tdb2.commit")), "no journal left");
        RECORD.add("build stalled after its commit: a query meanwhile found the store locked; the build then put its own files in place");
    }

    /**
     * Runs {@code command} once unkilled from {@code before} for the new state, then once per moment from
     * {@code before} again, killed there; checks the state found, then that the next run completes it.
     */
    private void killAndCheck(String what, Path before, List<String> command, boolean files, Moment... moments) throws Exception {
        restore(before);
        Map<String, String> oldFiles = outputFiles();
        String oldStore = store();
        restore(before);
        long start = System.nanoTime();
        Run unkilled = cli(command.toArray(String[]::new));
        long full = (System.nanoTime() - start) / 1_000_000;
        assertEquals(0, unkilled.code(), unkilled.err());
        Map<String, String> newFiles = outputFiles();
        String newStore = store();
        assertFalse(newStore.equals(oldStore), "the run changes the store");
        if (files) assertEquals(Set.copyOf(FILES), newFiles.keySet());
        RECORD.add(what + ": unkilled run (in this JVM) " + full + " ms");

        for (Moment moment : moments) {
            restore(before);
            long killedAt = killAt(moment, command);
            String where = what + ", kill -9 at " + moment + " (" + killedAt + " ms)";
            // Straight after the kill, before anything opens the store: no file is half-written.
            Map<String, String> found = outputFiles();
            boolean journal = Files.exists(work.resolve("output/.tdb2.commit"));
            for (String f : FILES) {
                String now = found.get(f);
                assertTrue(now == null ? !oldFiles.containsKey(f) : now.equals(oldFiles.get(f)) || now.equals(newFiles.get(f)),
                        where + ": " + f + " is neither its previous nor its complete new version");
            }
            // The store: the previous state, or the completed one only if the kill came after the commit.
            String store = store();
            boolean committed = moment == Moment.AFTER_COMMIT;
            assertEquals(committed ? newStore : oldStore, store, where + ": the store is not the " + (committed ? "new" : "previous") + " state");
            // Opening the store (the export above) finished or dropped the files the commit journal named: all follow the store.
            assertEquals(committed ? newFiles : oldFiles, outputFiles(), where + ": the output files do not all match the store");
            // The next run succeeds, gives what an unkilled run gives and leaves no temporary file.
            Run next = cli(command.toArray(String[]::new));
            assertEquals(0, next.code(), where + ": the next run fails: " + next.err());
            assertEquals(newStore, store(), where + ": the next run's store");
            assertEquals(newFiles, outputFiles(), where + ": the next run's files");
            if (files) {
                assertEquals(new TreeSet<>(List.of(".build-state.json", "cache", "graph.ttl", "merges.csv", "merges.md", "problems.txt", "report.html", "tdb2")),
                        names(work.resolve("output")), where + ": stray files after the next run");
                assertCacheHasNoStrayFile(work.resolve("output"), where);
            } else {
                assertEquals(Set.of("tdb2"), names(work.resolve("db")), where + ": stray files after the next run");
            }
            RECORD.add(where + ": store " + (store.equals(oldStore) ? "previous" : "new") + (files ? ", files "
                    + (found.equals(oldFiles) ? "previous" : found.equals(newFiles) ? "new" : "mixed") + (journal ? " with a commit journal" : "")
                    + ", after opening the store: files " + (committed ? "new" : "previous") : "") + "; next run ok");
        }
    }

    /** Starts {@code command} in a child JVM, kills it with {@code kill -9} at {@code moment}; returns the milliseconds it ran. */
    private long killAt(Moment moment, List<String> command) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(JAVA, "-jar", JAR.toString()));
        cmd.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("LISTGRAPH_PROGRESS", "always");
        long start = System.nanoTime();
        Process p = pb.start();
        try {
            readUntil(p, moment);
            if (moment == Moment.AFTER_COMMIT) {
                // Not reading any more: the child fills the pipe with its problem lines and waits, after the commit, before the renames.
                Thread.sleep(500);
                assertTrue(p.isAlive(), "the child waits on its full stderr pipe");
            }
            long ran = (System.nanoTime() - start) / 1_000_000;
            assertEquals(0, new ProcessBuilder("kill", "-9", Long.toString(p.pid())).start().waitFor());
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertEquals(128 + 9, p.exitValue(), "killed by SIGKILL");
            return ran;
        } finally {
            p.destroyForcibly();
        }
    }

    /** Reads the child's stderr until it shows {@code moment}; the rest is left unread, so a chatty child then blocks on the pipe. */
    private static void readUntil(Process p, Moment moment) throws IOException, InterruptedException {
        InputStream err = p.getErrorStream();
        StringBuilder seen = new StringBuilder();
        byte[] buffer = new byte[8192];
        while (!reached(moment, seen)) {
            int n = err.read(buffer);
            if (n < 0) fail("the child finished before " + moment + " (exit " + p.waitFor() + "): " + seen);
            seen.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
        }
    }

    private static boolean reached(Moment moment, CharSequence stderr) {
        String text = stderr.toString();
        if (moment != Moment.AFTER_COMMIT) return text.contains(moment.marker);
        int store = text.indexOf(Moment.IN_STORE_TRANSACTION.marker);
        return store >= 0 && text.indexOf(moment.marker, store) >= 0;
    }

    // ---- two loads at once ---------------------------------------------------------------------------------------

    @Test
    void twoLoadsOnOneStoreAtOnceEitherSucceedOrStopWithOneLineAndNeverCorruptIt() throws Exception {
        new CorpusGenerator(3, 300, 5).write(work.resolve("lists"));
        Path clean = tmp.resolve("clean");
        assertEquals(0, cli("load", lists(), "--db", clean.toString()).code());
        String reference = export(clean);
        for (int round = 1; round <= 3; round++) {
            // Round 1 starts with no store at all, so both may try to create it.
            List<String> cmd = List.of(JAVA, "-jar", JAR.toString(), "load", lists(), "--db", db());
            List<Process> both = new ArrayList<>();
            List<Path> errs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Path err = tmp.resolve("round" + round + "-" + i + ".err");
                errs.add(err);
                both.add(new ProcessBuilder(cmd).directory(work.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(err.toFile()).start());
            }
            List<String> outcomes = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                assertTrue(both.get(i).waitFor(120, TimeUnit.SECONDS));
                int code = both.get(i).exitValue();
                String err = Files.readString(errs.get(i));
                if (code == 0) {
                    outcomes.add("loaded");
                    continue;
                }
                assertEquals(3, code, "round " + round + ": " + err);
                assertEquals(1, err.lines().count(), "round " + round + ": one line: " + err);
                assertTrue(err.startsWith(db() + ": error: the store is locked by another process"), "round " + round + ": " + err);
                outcomes.add("stopped: locked");
            }
            assertTrue(outcomes.contains("loaded"), "round " + round + ": one of them loads");
            assertEquals(reference, store(), "round " + round + ": the store is a single clean load");
            RECORD.add("two loads at once, round " + round + (round == 1 ? " (no store yet)" : "") + ": " + outcomes);
        }
    }

    // ---- full and read-only disks --------------------------------------------------------------------------------

    @Test
    void aFullDiskUnderOutputIsOneLineAndLeavesTheFilesAndTheStoreAsBefore() throws Exception {
        requireMounts();
        Path out = Files.createDirectories(tmp.resolve("out"));
        Path small = tmp.resolve("small");
        new CorpusGenerator(1, 100, 3).write(small);
        Path big = tmp.resolve("big");
        new CorpusGenerator(2, 1500, 4).write(big);
        mount(out, "size=1m");
        try {
            // The files' disk is full; the store's (a second tmpfs mounted inside) is not: the store must not move either.
            Files.createDirectories(out.resolve("tdb2"));
            mount(out.resolve("tdb2"), "size=64m");
            try {
                assertEquals(0, cli("build", "--lists", small.toString(), "--output", out.toString()).code());
                Map<String, String> files = files(out);
                String store = export(out.resolve("tdb2"));
                Run full = jar(List.of("build", "--lists", big.toString(), "--output", out.toString()));
                assertEquals(3, full.code(), full.err());
                assertEquals(List.of("listgraph: error: cannot write " + out.resolve("graph.ttl")
                        + " (no space left on device); free space or use --output elsewhere"), full.err().lines().toList());
                assertEquals(files, files(out), "the previous files");
                assertEquals(new TreeSet<>(List.of(".build-state.json", "cache", "graph.ttl", "merges.csv", "merges.md", "problems.txt", "report.html", "tdb2")),
                        names(out), "no temporary file left");
                assertCacheHasNoStrayFile(out, "a build that ran out of space");
                assertEquals(store, export(out.resolve("tdb2")), "the previous store");
                RECORD.add("build with output/ on a 1 MB tmpfs: exit 3, " + full.err().strip() + "; files and store as before");
            } finally {
                umount(out.resolve("tdb2"));
            }
        } finally {
            umount(out);
        }
    }

    @Test
    void aStoreThatRunsOutOfDiskMidTransactionKeepsItsPreviousStateAndWorksOnceThereIsRoom() throws Exception {
        requireMounts();
        Path disk = Files.createDirectories(tmp.resolve("disk"));
        Path dbDir = disk.resolve("tdb2");
        Path small = tmp.resolve("small");
        new CorpusGenerator(1, 100, 3).write(small);
        Path big = tmp.resolve("big");
        new CorpusGenerator(2, 1500, 4).write(big);
        Path clean = tmp.resolve("clean");
        assertEquals(0, cli("load", big.toString(), "--db", clean.toString()).code());
        String bigStore = export(clean);
        mount(disk, "size=2m");
        try {
            assertEquals(0, cli("load", small.toString(), "--db", dbDir.toString()).code());
            String before = export(dbDir);
            // TDB2 writes its indexes through memory-mapped files: the full disk comes as a fault inside the write transaction.
            Run full = jar(List.of("load", big.toString(), "--db", dbDir.toString()));
            assertEquals(3, full.code(), full.err());
            assertEquals(List.of(dbDir + ": error: no space left on device while writing the store (it is left as it was); "
                    + "free space, or put the store elsewhere (--output for build, --db for load)"), full.err().lines().toList());
            assertEquals(before, export(dbDir), "the previous state");
            // With room again, the same store takes the load: the failed transaction left nothing behind that breaks it.
            run(List.of("mount", "-o", "remount,size=64m", disk.toString()));
            Run roomy = cli("load", big.toString(), "--db", dbDir.toString());
            assertEquals(0, roomy.code(), roomy.err());
            assertEquals(bigStore, export(dbDir), "a complete load after the failed one");
            RECORD.add("load --db on a 2 MB tmpfs: exit 3, " + full.err().strip() + "; store as before; after remounting larger the load succeeds");
        } finally {
            umount(disk);
        }
    }

    @Test
    void aBuildIntoAReadOnlyOutputFolderIsOneLineAndChangesNothing() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("out"));
        Path small = tmp.resolve("small");
        new CorpusGenerator(1, 100, 3).write(small);
        boolean root = root();
        if (root) mount(out, "size=32m");
        try {
            assertEquals(0, cli("build", "--lists", small.toString(), "--output", out.toString()).code());
            Map<String, String> files = files(out);
            String store = export(out.resolve("tdb2"));
            // As root, permissions do not stop writes: only a read-only file system does.
            if (root) run(List.of("mount", "-o", "remount,ro", out.toString()));
            else run(List.of("chmod", "-R", "a-w", out.toString()));
            Run ro = jar(List.of("build", "--lists", small.toString(), "--output", out.toString()));
            if (root) run(List.of("mount", "-o", "remount,rw", out.toString()));
            else run(List.of("chmod", "-R", "u+w", out.toString()));
            assertEquals(3, ro.code(), ro.err());
            assertEquals(List.of(out.resolve("tdb2") + ": error: the store folder is not writable ("
                    + (root ? "read-only file system" : "permission denied") + ") and TDB2 writes in it even to read; "
                    + "use a writable folder (--output for build, --db for the other commands)"), ro.err().lines().toList());
            assertEquals(files, files(out));
            assertEquals(store, export(out.resolve("tdb2")));
            RECORD.add("build into a read-only output folder: exit 3, " + ro.err().strip());
        } finally {
            if (root) umount(out);
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private String lists() {
        return work.resolve("lists").toString();
    }

    private String output() {
        return work.resolve("output").toString();
    }

    private String db() {
        return work.resolve("db").resolve("tdb2").toString();
    }

    /** Four generated lists (300 entries) and one of 1,500 link-less items, whose warnings fill a pipe after the commit. */
    private static void writeListsA(Path lists) throws IOException {
        new CorpusGenerator(4, 300, 7).write(lists);
        StringBuilder noise = new StringBuilder("# Notes\n\n");
        for (int i = 0; i < 1500; i++) noise.append("- a note without any link, number ").append(i).append('\n');
        Files.writeString(lists.resolve("notes.md"), noise);
    }

    /** One list edited, one added, one removed (with its manifest line). */
    private static void changeListsToB(Path lists) throws IOException {
        Files.writeString(lists.resolve("list-00001.md"), "\n- [An edited-in post](https://edit.example/post) by [edi](https://github.com/edi)\n",
                java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(lists.resolve("added.md"), "# Added\n\n- [A post of the added list](https://added.example/1)\n"
                + "- [Another](https://added.example/2) by [ada](https://github.com/ada)\n");
        Files.delete(lists.resolve("list-00002.md"));
        String manifest = Files.readString(lists.resolve("lists.json"));
        String without = manifest.lines().filter(l -> !l.contains("\"list-00002\"")).reduce("", (a, b) -> a + b + "\n");
        assertFalse(without.equals(manifest));
        Files.writeString(lists.resolve("lists.json"), without);
    }

    /** Copies the work folder aside. */
    private Path snapshot(String name) throws IOException {
        Path copy = tmp.resolve("snapshot-" + name);
        copyTree(work, copy);
        return copy;
    }

    /** Makes the work folder exactly {@code snapshot} again. */
    private void restore(Path snapshot) throws IOException {
        deleteTree(work);
        copyTree(snapshot, work);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    private Map<String, String> outputFiles() throws IOException {
        return files(work.resolve("output"));
    }

    /** The SHA-256 of each build output file present in {@code dir}. */
    private static Map<String, String> files(Path dir) throws IOException {
        Map<String, String> digests = new TreeMap<>();
        for (String f : FILES) {
            Path p = dir.resolve(f);
            if (Files.exists(p)) digests.put(f, sha256(Files.readAllBytes(p)));
        }
        return digests;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** output/cache holds its files and one file per list under lists/, none of them temporary. */
    private static void assertCacheHasNoStrayFile(Path output, String where) throws IOException {
        Set<String> cache = names(output.resolve("cache"));
        assertTrue(Set.of("lists", "graph-hashes.txt", "graph-subjects.txt", "graph-ttl.txt", "lint.txt").containsAll(cache), where + ": stray files in output/cache: " + cache);
        for (String f : names(output.resolve("cache/lists"))) assertTrue(f.matches("[0-9a-f]{64}\\.bin"), where + ": stray file in output/cache/lists: " + f);
    }

    private static Set<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return new TreeSet<>(files.map(f -> f.getFileName().toString()).toList());
        }
    }

    /** The work folder's store (output/tdb2 or db/tdb2) as N-Quads; "" when there is none. */
    private String store() {
        Path built = work.resolve("output/tdb2");
        return export(Files.exists(built) ? built : work.resolve("db/tdb2"));
    }

    private static String export(Path db) {
        Run r = cli("export", "--db", db.toString(), "-f", "nq");
        if (r.code() == 3 && r.err().contains("no store here")) return "";
        assertEquals(0, r.code(), r.err());
        return r.out();
    }

    /** Runs the CLI in this JVM. */
    private static Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs the jar in a child JVM in the work folder. */
    private Run jar(List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(JAVA, "-jar", JAR.toString()));
        cmd.addAll(args);
        Files.createDirectories(work);
        Path out = tmp.resolve("jar.out");
        Path err = tmp.resolve("jar.err");
        Process p = new ProcessBuilder(cmd).directory(work.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "jar finished in time");
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    /**
     * The disk-full tests mount a small tmpfs, which needs root: skipped with a message elsewhere, but
     * required where {@code LISTGRAPH_REQUIRE_DISK_TESTS} is set (.ci/run sets it when it runs as root).
     */
    private static void requireMounts() throws IOException, InterruptedException {
        boolean root = root();
        if (!root && System.getenv("LISTGRAPH_REQUIRE_DISK_TESTS") != null) {
            org.junit.jupiter.api.Assertions.fail("the disk-full tests mount a small tmpfs and need root; run them as root or unset LISTGRAPH_REQUIRE_DISK_TESTS");
        }
        org.listgraph.testing.Skip.unless(root, "mounting a small tmpfs for the disk-full test needs root; this machine runs tests as another user");
    }

    private static boolean root() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("id", "-u").start();
        String uid = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        return p.waitFor() == 0 && uid.equals("0");
    }

    private static void mount(Path dir, String options) throws IOException, InterruptedException {
        run(List.of("mount", "-t", "tmpfs", "-o", options, "tmpfs", dir.toString()));
    }

    private static void umount(Path dir) throws IOException, InterruptedException {
        if (new ProcessBuilder("umount", dir.toString()).inheritIO().start().waitFor() != 0) {
            new ProcessBuilder("umount", "-l", dir.toString()).inheritIO().start().waitFor();
        }
    }

    private static void run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", cmd) + ": " + out);
    }
}
