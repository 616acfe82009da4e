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
        // 20k entries completed in 48 MB once parsed lists were spilled to disk; 24 MB still cannot hold them.
        new org.listgraph.bench.CorpusGenerator(20, 20_000, 3).write(project.resolve("big"));
        Result r = javaWith(List.of("-Xmx24m"), "build", "--lists", "big", "--output", "out");
        assertEquals(3, r.code(), r.err());
        String last = r.err().lines().reduce((a, b) -> b).orElse("");
        assertTrue(last.startsWith("listgraph: error: out of memory (the JVM may use ") && last.contains("LISTGRAPH_JAVA_OPTS=-Xmx8g"), r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), "no stack trace: " + r.err());
        assertFalse(Files.exists(project.resolve("out/graph.ttl")), "no output file");
    }

    @Test
    void aBuildsHeapDoesNotGrowWithTheTriplesOfItsLargestList() throws Exception {
        // Two lists of 25,000 short entries, 350,000 triples each. Held as in-memory graphs (the current list's and
        // the next, prepared alongside), they ran a build out of memory at 96, 128 and 160 MB (it completed at 192);
        // made subject by subject as they are read, the build completes at 128 MB and, in 26 s, at 160.
        Path lists = project.resolve("long");
        Files.createDirectories(lists);
        for (int f = 0; f < 2; f++) {
            StringBuilder md = new StringBuilder("# Long list " + f + "\n\n");
            for (int i = 0; i < 25_000; i++) {
                int n = f * 25_000 + i;
                md.append("- [Entry ").append(n).append("](https://example.com/e/").append(n).append(")\n");
            }
            Files.writeString(lists.resolve("long-" + f + ".md"), md);
        }
        Result r = javaWith(List.of("-XX:+UseSerialGC", "-Xmx" + HEAP_MB + "m"), "build", "--lists", "long", "--output", "out");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("built 2 lists: 50000 entries, 50000 resources"), r.out());
    }

    /** Between what a build of the two long lists needs now and what it needed when list graphs were held whole. */
    private static final int HEAP_MB = 160;

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
