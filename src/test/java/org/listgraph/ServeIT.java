package org.listgraph;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.listgraph.testing.Http;
import org.listgraph.testing.ServedJar;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code serve} from the shaded jar: its start line, the page from inside the jar, and a clean stop on Ctrl-C. */
class ServeIT {
    static final Path JAR = Path.of(System.getProperty("listgraph.jar", "target/listgraph.jar")).toAbsolutePath();

    @TempDir
    Path project;

    private static Path builtSeeds;

    /**
     * The seeds built once for every integration test that only serves and reads them (each build costs a JVM and
     * several seconds); tests that edit lists or the output folder build their own. Deleted when the JVM ends.
     */
    static synchronized Path builtSeeds() throws IOException, InterruptedException {
        if (builtSeeds == null) {
            Path dir = Files.createTempDirectory("listgraph-seeds-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dir)));
            build(dir);
            builtSeeds = dir;
        }
        return builtSeeds;
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }

    /** Copies lists/ into {@code dir} and runs {@code build} there with the jar. */
    static void build(Path dir) throws IOException, InterruptedException {
        Path target = Files.createDirectories(dir.resolve("lists"));
        try (Stream<Path> files = Files.list(Path.of("lists"))) {
            for (Path f : files.toList()) Files.copy(f, target.resolve(f.getFileName()));
        }
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString(), "build")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
    }

    @Test
    void ctrlCStopsTheServerCleanlyAndReleasesTheStore() throws Exception {
        Path project = builtSeeds();
        try (ServedJar served = ServedJar.start(JAR, project)) {
            assertTrue(served.startLine().matches("listgraph serve: SPARQL endpoint http://127\\.0\\.0\\.1:\\d+/listgraph/sparql · query page "
                    + "http://127\\.0\\.0\\.1:\\d+/ · read-only, timeout 30s · Ctrl-C stops"), served.startLine());
            HttpResponse<String> page = Http.get(served.page());
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("listgraph"), "the page comes from inside the jar");
            assertEquals(200, Http.get(served.page() + "page/app.js").statusCode());
            HttpResponse<String> ask = Http.get(served.endpoint() + "?query=" + Http.param("ASK { ?s a <https://w3id.org/listgraph/ns#Talk> }"),
                    "Accept", "text/csv");
            assertEquals(200, ask.statusCode());

            int code = served.stop("INT");
            assertEquals(130, code, "the exit code of a process ended by SIGINT");
            assertTrue(served.stderr().contains("listgraph serve: stopped; output/tdb2 is released"), served.stderr());
            assertFalse(served.stderr().contains("Exception"), served.stderr());
        }
        Process q = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString(), "query", "ASK {}")
                .directory(project.toFile()).redirectErrorStream(true).start();
        String out = new String(q.getInputStream().readAllBytes());
        assertTrue(q.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, q.exitValue(), "the store opens again after the server stopped: " + out);
        assertEquals(List.of("yes"), out.lines().toList());
    }

    @Test
    void aServerOnAnotherInterfaceIsAnnouncedWithAWarning() throws Exception {
        Path project = builtSeeds();
        try (ServedJar served = ServedJar.start(JAR, project, "--host", "0.0.0.0")) {
            assertTrue(served.startLine().contains("http://0.0.0.0:"), served.startLine());
            // (The warning is printed before the start line, which start() has already read.)
            assertTrue(served.stderr().contains("warning: listening on 0.0.0.0, reachable from other machines"), served.stderr());
            served.stop("TERM");
        }
    }

    /** One command run in this JVM (a server of the jar is another process): exit code, stdout, stderr. */
    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        var out = new java.io.ByteArrayOutputStream();
        var err = new java.io.ByteArrayOutputStream();
        int code = org.listgraph.cli.Main.run(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8),
                new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8), args);
        return new Run(code, out.toString(java.nio.charset.StandardCharsets.UTF_8), err.toString(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void whileServingQueryExportStatsAndValidateReadThroughTheServerAndABuildSaysToStopIt() throws Exception {
        build(project);
        String db = project.resolve("output/tdb2").toString();
        String[][] reads = {{"query", "--db", db, "--saved", "talks-by", "--param", "author=thockin", "-f", "csv"}, {"export", "--db", db, "-f", "nq"},
                {"stats", "--db", db}, {"validate", "--db", db}};
        List<Run> alone = new java.util.ArrayList<>();
        for (String[] r : reads) alone.add(run(r));
        assertTrue(alone.get(0).out().lines().count() > 3, "thockin's talks: " + alone.get(0).out());
        try (ServedJar served = ServedJar.start(JAR, project)) {
            assertTrue(Files.isRegularFile(project.resolve("output/tdb2.serving.json")), "the server says where it is, beside the store");
            for (int i = 0; i < reads.length; i++) {
                Run through = run(reads[i]);
                assertEquals(0, through.code(), String.join(" ", reads[i]) + ": " + through.err());
                assertEquals(alone.get(i).out(), through.out(), String.join(" ", reads[i]) + " gives the same answer through the server");
            }
            Run build = run("build", "--lists", project.resolve("lists").toString(), "--output", project.resolve("output").toString());
            assertEquals(3, build.code());
            assertEquals(1, build.err().lines().count(), build.err());
            assertTrue(build.err().contains("held by a running 'listgraph serve' (process " + served.pid()) && build.err().contains("stop the server"),
                    build.err());
            served.stop("TERM");
        }
        assertFalse(Files.exists(project.resolve("output/tdb2.serving.json")), "a stopped server takes its note away");
        // A note left by a server that was killed names a process that is gone: it is not believed, and the store opens.
        Files.writeString(project.resolve("output/tdb2.serving.json"), "{\"dataset\": \"http://127.0.0.1:9/listgraph\", "
                + "\"endpoint\": \"http://127.0.0.1:9/listgraph/sparql\", \"pid\": 2147483646}");
        Run after = run(reads[0]);
        assertEquals(0, after.code(), after.err());
        assertEquals(alone.get(0).out(), after.out());
    }
    private static boolean ask(String endpoint, String query) throws IOException, InterruptedException {
        HttpResponse<String> r = Http.get(endpoint + "?query=" + Http.param(query), "Accept", "text/csv");
        assertEquals(200, r.statusCode(), r.body());
        return r.body().strip().endsWith("true");
    }

    /** Waits up to {@code seconds} for {@code condition}, checking every 100 ms; returns whether it came. */
    private static boolean within(double seconds, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        long until = System.nanoTime() + (long) (seconds * 1e9);
        do {
            if (condition.call()) return true;
            Thread.sleep(100);
        } while (System.nanoTime() < until);
        return condition.call();
    }

    @Test
    void aWatchingServerShowsAnEditWithinFiveSecondsKeepsTheLastGoodStateWhenAListBreaksAndSurvivesAKillMidRebuild() throws Exception {
        build(project);
        String watched = "ASK { ?e <https://w3id.org/listgraph/ns#label> \"A watched entry\" }";
        String oldEntry = "ASK { ?e <https://w3id.org/listgraph/ns#label> \"Cilium\" }";
        Path nleiva = project.resolve("lists/nleiva-kubernetes-networking-links.md");
        try (ServedJar served = ServedJar.start(JAR, project, "--watch")) {
            assertTrue(served.startLine().contains("rebuilds when lists changes"), served.startLine());
            assertFalse(ask(served.endpoint(), watched));
            Files.writeString(nleiva, Files.readString(nleiva) + "\n- [A watched entry](https://example.org/watched-entry) - Added while serving.\n");
            assertTrue(within(5, () -> ask(served.endpoint(), watched)), "the new entry is served within 5 s of the edit: " + served.stderr());
            String page = served.page() + "page/watch.json";
            assertTrue(within(5, () -> Http.get(page).body().contains("\"generation\":1,\"state\":\"serving\"")), Http.get(page).body());

            // A list that cannot be read: the rebuild stops with build's one line, and the last good state stays served.
            assertTrue(ask(served.endpoint(), oldEntry));
            Path cs224 = project.resolve("lists/cs224-dev-meetup-container-networking.md");
            byte[] good = Files.readAllBytes(cs224);
            Files.write(cs224, new byte[]{'#', ' ', 'x', 0, 1, 2, '\n'});
            assertTrue(within(30, () -> served.stderr().contains("still serving the last good state")), served.stderr());
            assertTrue(served.stderr().contains("cs224-dev-meetup-container-networking.md:1: error: binary file"), served.stderr());
            String failed = Http.get(page).body();
            assertTrue(failed.contains("\"generation\":1,\"state\":\"failed\"") && failed.contains("md:1: error: binary file"),
                    "the page hears why the rebuild stopped: " + failed);
            assertTrue(ask(served.endpoint(), watched) && ask(served.endpoint(), oldEntry), "the answers before the broken edit");

            // Killed while it rebuilds: the store stays as one of its committed states.
            Files.write(cs224, good);
            assertTrue(within(30, () -> served.stderr().split("rebuilding", -1).length > 3), served.stderr());
            served.stop("KILL");
        }
        Run after = run("query", "--db", project.resolve("output/tdb2").toString(), "-f", "csv", watched);
        assertEquals(0, after.code(), after.err());
        assertEquals(List.of("_askResult", "true"), after.out().lines().toList(), "the store opens and holds the edit");
        Run rebuilt = run("build", "--lists", project.resolve("lists").toString(), "--output", project.resolve("output").toString());
        assertEquals(0, rebuilt.code(), rebuilt.err());
    }
}
