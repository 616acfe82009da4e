package org.listgraph;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the shaded jar with {@code java -jar}, as users do. Without the ServicesResourceTransformer
 * TDB2 never initialises in the jar and the union default graph quietly answers 0 rows: this test catches that.
 */
class JarIT {
    private static final Path JAR = Path.of(System.getProperty("listgraph.jar", "target/listgraph.jar")).toAbsolutePath();

    @TempDir
    Path project;

    record Result(int code, String out, String err) {
    }

    private Result java(String... args) throws IOException, InterruptedException {
        return javaWith(List.of(), args);
    }

    private Result javaWith(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        Path out = project.resolve(".stdout");
        Path err = project.resolve(".stderr");
        Process p = new ProcessBuilder(cmd).directory(project.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "jar finished in time");
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private void copyLists() throws IOException {
        Path target = project.resolve("lists");
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(Path.of("lists"))) {
            for (Path f : files.toList()) Files.copy(f, target.resolve(f.getFileName()));
        }
    }

    @Test
    void theJarBuildsTheSeedsAndAnswersTheThockinQueryFromTdb2() throws Exception {
        copyLists();
        Result build = java("build");
        assertEquals(0, build.code(), build.err());
        assertTrue(build.out().matches("(?s)built 5 lists: 476 entries, \\d+ resources, \\d+ agents, \\d+ triples in .*"), build.out());
        assertTrue(Files.size(project.resolve("output/graph.ttl")) > 100_000);

        Result query = java("query", "--saved", "talks-by", "--param", "author=thockin", "-f", "csv");
        assertEquals(0, query.code(), query.err());
        assertEquals(5, query.out().lines().count(), "header and four talks, not 0 rows: " + query.out());

        // The union default graph must see every named graph through the jar too.
        // (The union is a set: the metadata graph repeats each list's record, so count distinct triples.)
        Result count = java("query", "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o { GRAPH ?g { ?s ?p ?o } } }", "-f", "csv");
        Result union = java("query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "-f", "csv");
        assertEquals(count.out(), union.out());
        assertFalse(union.out().contains("\n0"), union.out());
    }

    @Test
    void aBuildKilledWithSigkillLeavesTheStoreAndOutputExactlyAsBefore() throws Exception {
        copyLists();
        assertEquals(0, java("build").code());
        String before = java("export", "-f", "nq").out();
        byte[] graphBefore = Files.readAllBytes(project.resolve("output/graph.ttl"));
        assertTrue(before.length() > 100_000);
        // A list big enough that the build is still running when it is killed.
        StringBuilder big = new StringBuilder("# Big\n\n");
        for (int i = 0; i < 8_000; i++) {
            big.append("- [Post number ").append(i).append(" about networking](https://big.example/").append(i)
                    .append(") by [author").append(i % 500).append("](https://github.com/author").append(i % 500).append(")\n");
        }
        Files.writeString(project.resolve("lists/big.md"), big.toString());
        // How long a whole build of this input takes here, so the kills land early, midway and late
        // (late is inside the store's write transaction), whatever the machine's speed.
        Path timing = project.resolveSibling(project.getFileName() + "-timing");
        Files.createDirectories(timing.resolve("lists"));
        try (Stream<Path> files = Files.list(project.resolve("lists"))) {
            for (Path f : files.toList()) Files.copy(f, timing.resolve("lists").resolve(f.getFileName()));
        }
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString(), "build");
        long start = System.nanoTime();
        assertEquals(0, new ProcessBuilder(cmd).directory(timing.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor());
        long full = (System.nanoTime() - start) / 1_000_000;
        // What a build that completes leaves: a kill after the store's commit may leave this instead of the old state.
        String after = exportNq(timing);
        byte[] graphAfter = Files.readAllBytes(timing.resolve("output/graph.ttl"));
        for (double fraction : new double[]{0.15, 0.5, 0.85}) {
            long afterMillis = (long) (full * fraction);
            Process p = new ProcessBuilder(cmd).directory(project.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            Thread.sleep(afterMillis);
            if (!p.isAlive()) {
                // This run was faster than the timing run: nothing was killed, so it must have completed cleanly.
                assertEquals(0, p.exitValue(), "a build that was not killed succeeds");
                assertEquals(after, java("export", "-f", "nq").out(), "and leaves the new state");
                continue;
            }
            new ProcessBuilder("kill", "-9", Long.toString(p.pid())).start().waitFor();
            p.waitFor(30, TimeUnit.SECONDS);
            // All or nothing: the store holds exactly the old state or exactly the completed new one, never a mix.
            String now = java("export", "-f", "nq").out();
            assertTrue(now.equals(before) || now.equals(after), "store after a kill at " + afterMillis + " ms is neither the old nor the new state");
            byte[] graphNow = Files.readAllBytes(project.resolve("output/graph.ttl"));
            assertTrue(java.util.Arrays.equals(graphNow, graphBefore) || java.util.Arrays.equals(graphNow, graphAfter),
                    "graph.ttl after a kill at " + afterMillis + " ms is half-written");
        }
        // A killed writer's temporary file (the real file untouched) is removed by the next build.
        assertEquals(0, java("build").code());
        try (Stream<Path> files = Files.list(project.resolve("output"))) {
            assertEquals(List.of(), files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList(), "no leftover file");
        }
        // A first load (empty store, TDB2's sequential loader) killed late leaves no data at all.
        Path first = project.resolveSibling(project.getFileName() + "-first");
        Files.createDirectories(first.resolve("lists"));
        try (Stream<Path> files = Files.list(project.resolve("lists"))) {
            for (Path f : files.toList()) Files.copy(f, first.resolve("lists").resolve(f.getFileName()));
        }
        Process p = new ProcessBuilder(cmd).directory(first.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Thread.sleep((long) (full * 0.85));
        if (p.isAlive()) {
            new ProcessBuilder("kill", "-9", Long.toString(p.pid())).start().waitFor();
        }
        p.waitFor(30, TimeUnit.SECONDS); // (a run faster than the timing run completed: checked as "all of it" below)
        if (Files.exists(first.resolve("output/graph.ttl"))) {
            assertArrayEquals(graphAfter, Files.readAllBytes(first.resolve("output/graph.ttl")), "graph.ttl is complete if it exists");
        }
        if (Files.exists(first.resolve("output/tdb2"))) {
            Process q = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString(),
                    "query", "-f", "csv", "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }").directory(first.toFile()).start();
            String out = new String(q.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            q.waitFor(60, TimeUnit.SECONDS);
            boolean empty = q.exitValue() == 3 || out.lines().skip(1).findFirst().orElse("0").equals("0");
            assertTrue(empty || exportNq(first).equals(after), "a killed first load leaves no data or all of it: " + out);
        }
    }

    private String exportNq(Path dir) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString(),
                "export", "-f", "nq").directory(dir.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return out;
    }

    @Test
    void aStoreLockedByAnotherProcessGivesOneClearLineAboutIt() throws Exception {
        copyLists();
        assertEquals(0, java("build").code());
        try (org.listgraph.store.TdbStore held = org.listgraph.store.TdbStore.open(project.resolve("output/tdb2"), false)) {
            Result r = java("query", "ASK {}");
            assertEquals(3, r.code(), r.out() + r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().contains("is locked by another process") && r.err().contains("query --endpoint"), r.err());
        }
    }

    @Test
    void aUserMistakeThroughTheJarIsOneLineWithExitCode3() throws Exception {
        Files.write(project.resolve("broken.md"), new byte[]{1, 2, 0, 3});
        Result r = java("convert", "broken.md");
        assertEquals(3, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("broken.md:1: error: binary file"), r.err());
    }

    @Test
    void runningOutOfMemoryIsOneLineSayingHowToGiveMoreAndNothingIsWritten() throws Exception {
        new org.listgraph.bench.CorpusGenerator(20, 20_000, 3).write(project.resolve("big"));
        Result r = javaWith(List.of("-Xmx48m"), "build", "--lists", "big", "--output", "out");
        assertEquals(3, r.code(), r.err());
        String last = r.err().lines().reduce((a, b) -> b).orElse("");
        assertTrue(last.startsWith("listgraph: error: out of memory (the JVM may use ") && last.contains("LISTGRAPH_JAVA_OPTS=-Xmx8g"), r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), "no stack trace: " + r.err());
        assertFalse(Files.exists(project.resolve("out/graph.ttl")), "no output file");
    }

    @Test
    void theJarShipsTheOntologyAndSavedQueries() throws Exception {
        Result r = java("query", "--list-saved");
        assertEquals(0, r.code(), r.err());
        for (String name : List.of("talks-by", "resources-in-several-lists", "by-topic")) {
            assertTrue(r.out().contains(name + " — "), r.out());
        }
        assertTrue(r.out().contains("--param author="), r.out());
    }
}
