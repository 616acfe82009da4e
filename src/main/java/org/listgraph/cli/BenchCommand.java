package org.listgraph.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.listgraph.bench.Benchmark;
import org.listgraph.bench.CorpusGenerator;
import org.listgraph.bench.Growth;
import org.listgraph.bench.MinimumHeap;
import org.listgraph.bench.QueryBench;
import org.listgraph.entry.UsageException;
import org.listgraph.export.AtomicFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code bench}: make a synthetic corpus, or measure a build against its baselines on one. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks: 'bench corpus' writes a synthetic corpus; 'bench run' measures flexmark parsing, conversion, Jena's "
                + "sequential loader and a whole build on it, prints a table and writes JSON; 'bench query' measures the saved talks-by "
                + "query on a warm server and as a CLI run against a bare JVM; 'bench quality' compares the graph of real lists with "
                + "hand-checked answers.",
        subcommands = {BenchCommand.Corpus.class, BenchCommand.Run.class, BenchCommand.Query.class, BenchCommand.Quality.class,
                BenchCommand.Soak.class, BenchCommand.Training.class})
final class BenchCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code bench corpus}: lists shaped like the seeds, deterministic for a seed. */
    @Command(name = "corpus", mixinStandardHelpOptions = true, description = "Write a synthetic corpus of lists (and lists.json) into a folder.")
    static final class Corpus implements Callable<Integer> {
        @Option(names = "--lists", paramLabel = "N", defaultValue = "100", description = "Number of lists (default: ${DEFAULT-VALUE}).")
        int lists;
        @Option(names = "--entries", paramLabel = "M", defaultValue = "50000", description = "Entries in all (default: ${DEFAULT-VALUE}).")
        int entries;
        @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
        long seed;
        @Option(names = {"-o", "--output"}, paramLabel = "DIR", required = true, description = "Folder to write (must be empty or new).")
        Path output;
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            if (lists < 1 || entries < lists) throw new UsageException("--entries must be at least --lists, and --lists at least 1");
            if (Files.isDirectory(output)) {
                try (var children = Files.list(output)) {
                    if (children.findAny().isPresent()) throw new UsageException(output + " is not empty; give a new folder");
                }
            }
            int written = new CorpusGenerator(lists, entries, seed).write(output);
            spec.commandLine().getOut().printf("wrote %d lists with %d entries to %s%n", lists, written, output);
            return Main.OK;
        }
    }

    /** {@code bench run}: the measurements and their ratios. */
    @Command(name = "run", mixinStandardHelpOptions = true, description = "Measure parse, convert, sequential load and build on a corpus; "
            + "given corpora of several sizes, also how each measure grows with the entries.")
    static final class Run implements Callable<Integer> {
        @Option(names = "--corpus", paramLabel = "DIR", required = true, description = "Folder of lists (from 'bench corpus'). Repeat it "
                + "for corpora of several sizes: each is measured in turn, then the growth of each measure from the smallest to each "
                + "larger one is printed as an exponent (time ∝ entries^k; 1 is linear).")
        List<Path> corpora;
        @Option(names = "--json", paramLabel = "FILE", defaultValue = "output/bench.json", description = "Where the JSON goes (default: ${DEFAULT-VALUE}).")
        Path json;
        @Option(names = "--scratch", paramLabel = "DIR", description = "Folder for the stores it writes (default: a temporary folder, removed after).")
        Path scratch;
        @picocli.CommandLine.Mixin
        LimitsOption limits;
        @Option(names = "--min-heap", description = "Also find the smallest -Xmx at which a build of the corpus completes: whole builds in "
                + "child JVMs: this JVM's maximum heap first, then 64 MB doubling until a build completes, then bisection (to 32 MB or "
                + "a tenth); a probe that takes over ten times "
                + "the in-process build counts as not completing.")
        boolean minHeap;
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            var caps = limits.limits(); // a bad --limit is a usage error before anything is measured
            for (Path corpus : corpora) {
                if (!Files.isDirectory(corpus)) {
                    throw new org.listgraph.entry.BadInputException(corpus + ": error: no such folder; give the folder 'bench corpus' wrote");
                }
            }
            PrintWriter out = spec.commandLine().getOut();
            List<Benchmark.Report> reports = new java.util.ArrayList<>();
            List<MinimumHeap.Result> heaps = new java.util.ArrayList<>();
            for (Path corpus : corpora) {
                Path work = scratch != null ? Files.createDirectories(scratch.resolve("corpus-" + reports.size()))
                        : Files.createTempDirectory("listgraph-bench");
                try {
                    reports.add(measure(corpus, work, caps, out));
                    heaps.add(minHeap ? smallestHeap(reports.get(reports.size() - 1), work, out) : null);
                } finally {
                    if (scratch == null) delete(work);
                }
            }
            List<Growth> growth = reports.size() > 1
                    ? Growth.of(reports, heaps.stream().map(h -> h == null ? 0 : h.megabytes()).toList()) : List.of();
            growth.forEach(g -> print(g, out));
            byte[] bytes = reports.size() == 1 ? json(reports.get(0), heaps.get(0)) : json(reports, heaps, growth);
            AtomicFile.write(json, o -> o.write(bytes));
            out.println("json: " + json);
            return Main.OK;
        }

        /** The phases on one corpus, its table printed. */
        private Benchmark.Report measure(Path corpus, Path work, org.listgraph.entry.InputLimits caps, PrintWriter out) throws IOException {
            Path buildOutput = work.resolve("build-output");
            // The reload phases edit a list: they work on a copy, never on the user's corpus.
            Path lists = copy(corpus, work.resolve("lists"));
            Benchmark.Report report = Benchmark.run(lists, work, caps, () -> {
                PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
                int code = Main.run(quiet, quiet, buildArgs(lists, buildOutput).toArray(String[]::new));
                if (code != Main.OK) throw new IllegalStateException("build failed with exit code " + code);
                return code;
            });
            print(report, out);
            return report;
        }

        private List<String> buildArgs(Path lists, Path output) {
            List<String> build = new java.util.ArrayList<>(List.of("build", "--lists", lists.toString(), "--output", output.toString()));
            if (limits.limits != null) limits.limits.forEach(l -> build.addAll(List.of("--limit", l)));
            return build;
        }

        /** The smallest -Xmx at which a build of the corpus (copied in {@code work}) completes, printed. */
        private MinimumHeap.Result smallestHeap(Benchmark.Report report, Path work, PrintWriter out) {
            Path probeOutput = work.resolve("heap-probe");
            List<String> args = buildArgs(work.resolve("lists"), probeOutput);
            // A probe is a cold JVM: start-up and class loading, absent from the warm in-process build, take seconds on
            // their own, so a deadline of 10 builds alone rejected every heap for a small corpus.
            long deadline = Math.max(120, (long) Math.ceil(10 * report.phase("build").seconds()));
            MinimumHeap.Result heap = MinimumHeap.find(64, (int) (Runtime.getRuntime().maxMemory() >> 20), 32,
                    mb -> ChildBuild.run(mb, args, probeOutput, work.resolve("heap-probe.log"), deadline));
            out.printf(Locale.ROOT, "smallest -Xmx that completes a build: %s%n", heap.megabytes() == 0 ? "none up to this JVM's heap"
                    : String.format(Locale.ROOT, "%d MB (the build took %.1f s there; %d builds tried)", heap.megabytes(), heap.seconds(), heap.probes()));
            out.flush();
            return heap;
        }

        private static void print(Growth g, PrintWriter out) {
            out.printf(Locale.ROOT, "growth from %d to %d entries, as k in measure ∝ entries^k (1 is linear):%n", g.fromEntries(), g.toEntries());
            g.exponents().forEach((what, k) -> out.printf(Locale.ROOT, "  %-40s %6.2f%n", what, k));
            out.flush();
        }

        private static void print(Benchmark.Report r, PrintWriter out) {
            out.printf(Locale.ROOT, "corpus: %d lists, %d entries, %.1f MB, %d quads; java %s, %d cores, max heap %d MB%n", r.lists(), r.entries(),
                    r.bytes() / 1e6, r.quads(), System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() >> 20);
            out.printf(Locale.ROOT, "%-45s %10s %14s%n", "phase", "seconds", "peak heap MB");
            r.phases().values().forEach(p -> out.printf(Locale.ROOT, "%-45s %10.2f %14d%n", p.name(), p.seconds(), p.peakHeapBytes() >> 20));
            out.printf(Locale.ROOT, "build ÷ (parse + sequential load) = %.2f (target ≤ 1.25)%n", r.buildRatio());
            out.printf(Locale.ROOT, "convert ÷ parse = %.2f%n", r.convertRatio());
            out.printf(Locale.ROOT, "nothing changed ÷ build = %.1f%% (target ≤ 1%%); one entry changed ÷ build = %.1f%% (target ≤ 2%%)%n",
                    100 * r.unchangedRatio(), 100 * r.oneListRatio());
            out.flush();
        }

        private static byte[] json(Benchmark.Report r, MinimumHeap.Result heap) throws IOException {
            ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            return (m.writeValueAsString(json(m, r, heap)) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }

        /** Several corpora: {"corpora": [one object as for a single corpus, …], "growth": [{from, to, exponents}, …]}. */
        private static byte[] json(List<Benchmark.Report> reports, List<MinimumHeap.Result> heaps, List<Growth> growth) throws IOException {
            ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ObjectNode root = m.createObjectNode();
            var corpora = root.putArray("corpora");
            for (int i = 0; i < reports.size(); i++) corpora.add(json(m, reports.get(i), heaps.get(i)));
            var grows = root.putArray("growth");
            for (Growth g : growth) {
                ObjectNode n = grows.addObject().put("fromEntries", g.fromEntries()).put("toEntries", g.toEntries());
                ObjectNode e = n.putObject("exponents");
                g.exponents().forEach((what, k) -> {
                    if (k.isNaN()) e.putNull(what);
                    else e.put(what, k);
                });
            }
            return (m.writeValueAsString(root) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }

        private static ObjectNode json(ObjectMapper m, Benchmark.Report r, MinimumHeap.Result heap) {
            ObjectNode root = m.createObjectNode();
            root.put("lists", r.lists()).put("entries", r.entries()).put("bytes", r.bytes()).put("quads", r.quads())
                    .put("java", System.getProperty("java.version")).put("cores", Runtime.getRuntime().availableProcessors())
                    .put("maxHeapBytes", Runtime.getRuntime().maxMemory());
            ObjectNode phases = root.putObject("phases");
            r.phases().forEach((k, p) -> phases.putObject(k).put("name", p.name()).put("seconds", p.seconds()).put("peakHeapBytes", p.peakHeapBytes()));
            root.put("buildOverParsePlusLoad", r.buildRatio()).put("convertOverParse", r.convertRatio())
                    .put("unchangedOverBuild", r.unchangedRatio()).put("oneListOverBuild", r.oneListRatio());
            if (heap != null) root.put("minHeapMegabytes", heap.megabytes()).put("minHeapBuildSeconds", heap.seconds());
            return root;
        }

        /** Copies the lists (and lists.json, overrides.json) of {@code from} into the new folder {@code to}. */
        private static Path copy(Path from, Path to) throws IOException {
            Files.createDirectories(to);
            try (var files = Files.list(from)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) Files.copy(f, to.resolve(f.getFileName()));
            }
            return to;
        }

        static void delete(Path dir) {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                    try {
                        Files.deleteIfExists(p);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** {@code bench query}: the saved query's latency, served warm and as a whole CLI run. */
    @Command(name = "query", mixinStandardHelpOptions = true, description = "Measure the saved talks-by query on a built store: a warm server "
            + "over loopback HTTP, and 'listgraph query' against a bare JVM that opens TDB2 and runs the same query.")
    static final class Query implements Callable<Integer> {
        /** The options the launcher starts short commands with (see ./listgraph). */
        static final String LAUNCHER_OPTS = "-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto";
        @Option(names = "--db", paramLabel = "DIR", defaultValue = "output/tdb2", description = "Store folder (default: ${DEFAULT-VALUE}).")
        Path db;
        @Option(names = "--author", paramLabel = "NAME", description = "The author parameter (default: the account with the most talks).")
        String author;
        @Option(names = "--requests", paramLabel = "N", defaultValue = "200", description = "Timed server requests, after as many warm-up ones (default: ${DEFAULT-VALUE}).")
        int requests;
        @Option(names = "--runs", paramLabel = "N", defaultValue = "7", description = "CLI and bare JVM runs each, interleaved; 0 skips them (default: ${DEFAULT-VALUE}).")
        int runs;
        @Option(names = "--java-opts", paramLabel = "OPTS", defaultValue = LAUNCHER_OPTS, description = "JVM options of both processes (default: the launcher's, ${DEFAULT-VALUE}).")
        String javaOpts;
        @Option(names = "--json", paramLabel = "FILE", defaultValue = "output/bench-query.json", description = "Where the JSON goes (default: ${DEFAULT-VALUE}).")
        Path json;
        @picocli.CommandLine.Mixin
        CommonOptions common;
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            if (requests < 1 || runs < 0) throw new UsageException("--requests must be at least 1 and --runs at least 0");
            java.util.List<String> command = new java.util.ArrayList<>();
            command.add(ProcessHandle.current().info().command().orElse("java"));
            for (String opt : javaOpts.trim().split("\\s+")) if (!opt.isEmpty()) command.add(opt);
            QueryBench.Result r = QueryBench.run(db, author, common.base, requests, runs, command);
            PrintWriter out = spec.commandLine().getOut();
            ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ObjectNode root = m.createObjectNode();
            root.put("query", QueryBench.QUERY).put("requests", r.requests()).put("askMedianMs", r.askMedianMs()).put("runs", r.runs())
                    .put("javaOpts", javaOpts);
            var served = root.putArray("served");
            for (QueryBench.Served s : r.served()) {
                out.printf(Locale.ROOT, "server, warm, %s author=%s (%d rows): median %.2f ms, p95 %.2f ms over %d requests (target ≤ %d ms)%n",
                        s.which(), s.author(), s.rows(), s.medianMs(), s.p95Ms(), r.requests(), s.which().startsWith("busiest") ? 10 : 5);
                served.addObject().put("which", s.which()).put("author", s.author()).put("rows", s.rows()).put("medianMs", s.medianMs())
                        .put("p95Ms", s.p95Ms());
            }
            out.printf(Locale.ROOT, "server floor: ASK {} takes %.2f ms%n", r.askMedianMs());
            if (runs > 0) {
                out.printf(Locale.ROOT, "CLI query %.3f s, bare JVM open + query %.3f s (medians of %d runs, %s): ratio %.2f (target ≤ 1.3)%n",
                        r.cliMedianSeconds(), r.bareMedianSeconds(), r.runs(), r.served().get(0).which(), r.cliRatio());
                root.put("cliMedianSeconds", r.cliMedianSeconds()).put("bareMedianSeconds", r.bareMedianSeconds()).put("cliOverBare", r.cliRatio());
            }
            AtomicFile.write(json, o -> o.write((m.writeValueAsString(root) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            out.println("json: " + json);
            return Main.OK;
        }
    }

    /** {@code bench soak}: the server under normal and hostile clients at once. */
    @Command(name = "soak", mixinStandardHelpOptions = true, description = "Serve a built store to normal clients (saved queries, titles, "
            + "counts) and hostile ones (OFFSET, ORDER BY, GROUP BY, DISTINCT over cross products, paths, MINUS, CONSTRUCT) at once; report "
            + "wrong answers, latency, how late hostile queries end, resident memory and CPU after.")
    static final class Soak implements Callable<Integer> {
        @Option(names = "--db", paramLabel = "DIR", defaultValue = "output/tdb2", description = "Store folder (default: ${DEFAULT-VALUE}).")
        Path db;
        @Option(names = "--clients", paramLabel = "N", defaultValue = "100", description = "Clients in all (default: ${DEFAULT-VALUE}).")
        int clients;
        @Option(names = "--hostile", paramLabel = "N", defaultValue = "10", description = "How many of them are hostile (default: ${DEFAULT-VALUE}).")
        int hostile;
        @Option(names = "--seconds", paramLabel = "S", defaultValue = "60", description = "Length of the soak (default: ${DEFAULT-VALUE}).")
        int seconds;
        @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30s", converter = DurationConverter.class,
                description = "The server's query timeout (default: ${DEFAULT-VALUE}, serve's default).")
        java.time.Duration timeout;
        @Option(names = "--think", paramLabel = "DURATION", defaultValue = "500ms", converter = DurationConverter.class,
                description = "A normal client's pause between requests, as a person or tool pauses (default: ${DEFAULT-VALUE}); "
                        + "hostile clients never pause.")
        java.time.Duration think;
        @picocli.CommandLine.Mixin
        CommonOptions common;
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (clients < 1 || hostile < 0 || hostile > clients || seconds < 1) {
                throw new UsageException("need --clients >= 1, 0 <= --hostile <= --clients and --seconds >= 1");
            }
            var r = org.listgraph.bench.SoakBench.run(db, common.base, clients - hostile, hostile, java.time.Duration.ofSeconds(seconds), timeout,
                    think);
            spec.commandLine().getOut().print(org.listgraph.bench.SoakBench.describe(r));
            boolean held = r.wrongAnswers() == 0 && r.hostileLate() == 0 && r.normalP99Ms() < 1000 && r.peakResidentMb() < 2048;
            spec.commandLine().getOut().println(held ? "soak: every target held" : "soak: a target was missed");
            return held ? Main.OK : Main.FINDINGS;
        }
    }

    /** {@code bench quality}: precision and recall of kinds, authors, titles and entries on real lists with hand-checked answers. */
    @Command(name = "quality", mixinStandardHelpOptions = true, description = "Convert each real list of a quality corpus on its own and "
            + "compare kinds, authors, titles and entries with the hand-checked answers; print precision and recall per list.")
    static final class Quality implements Callable<Integer> {
        @Option(names = "--corpus", paramLabel = "DIR", description = "Folder of <id>/list.md with <id>/answers.tsv "
                + "(default: the corpus in the sources, src/test/resources/quality).")
        Path corpus = org.listgraph.bench.QualityBench.DEFAULT_CORPUS;
        @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON (the form --check reads).")
        Path json;
        @Option(names = "--check", paramLabel = "FILE", description = "Exit 1 if any figure of a list is worse than in this JSON (an earlier --json).")
        Path check;
        @Option(names = "--misses", description = "Print every disagreement with the answers (list:line: field: expected, found).")
        boolean misses;
        @Option(names = "--alignments", paramLabel = "FILE", description = "Write every heading's topics (list, heading, topics; "
                + "'-' for none) as TSV, the form topics-sample.tsv is checked in.")
        Path alignments;
        @Option(names = "--base", paramLabel = "IRI", defaultValue = org.listgraph.identity.IriMinter.DEFAULT_BASE, hidden = true)
        String base;
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            var report = org.listgraph.bench.QualityBench.run(corpus, new org.listgraph.rdf.Converter(base).withThreads(1));
            PrintWriter out = spec.commandLine().getOut();
            if (misses) {
                for (var m : report.misses()) {
                    out.printf("%s:%d: %s: expected '%s', found '%s'%n", m.list(), m.line(), m.field(), m.expected(), m.found());
                }
            }
            out.print(org.listgraph.bench.QualityBench.table(report));
            if (alignments != null) {
                String tsv = org.listgraph.bench.TopicReport.alignments(report.topics());
                AtomicFile.write(alignments, o -> o.write(tsv.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                out.println("alignments: " + alignments);
            }
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ObjectNode root = mapper.createObjectNode();
            for (var s : report.lists()) org.listgraph.bench.QualityBench.figures(s).forEach(root.putObject(s.list())::put);
            org.listgraph.bench.QualityBench.figures(report.total()).forEach(root.putObject("all")::put);
            // Alignments checked by hand: the share right of those still aligned as when checked, and how many changed since.
            var sample = report.sample();
            if (sample.checked() > 0) {
                root.putObject("topics").put("alignmentsRight", sample.accuracy()).put("alignmentsToRecheck", (double) sample.changed().size());
            }
            if (json != null) {
                AtomicFile.write(json, o -> o.write((mapper.writeValueAsString(root) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                out.println("json: " + json);
            }
            out.flush();
            if (check == null) return Main.OK;
            return worse(mapper.readTree(check.toFile()), root, out) ? Main.FINDINGS : Main.OK;
        }

        /** Prints each figure that fell below the baseline's; true if any did. */
        private boolean worse(com.fasterxml.jackson.databind.JsonNode baseline, ObjectNode now, PrintWriter out) {
            boolean fell = false;
            for (var lists = baseline.fields(); lists.hasNext(); ) {
                var list = lists.next();
                for (var figures = list.getValue().fields(); figures.hasNext(); ) {
                    var f = figures.next();
                    var current = now.path(list.getKey()).path(f.getKey());
                    double was = f.getValue().asDouble();
                    boolean lower = org.listgraph.bench.QualityBench.lowerIsBetter(f.getKey());
                    if (current.isMissingNode() || (lower ? current.asDouble() > was : current.asDouble() < was - 1e-9)) {
                        out.printf(Locale.ROOT, "%s: %s fell from %.4f to %s%n", list.getKey(), f.getKey(), was,
                                current.isMissingNode() ? "nothing" : String.format(Locale.ROOT, "%.4f", current.asDouble()));
                        fell = true;
                    }
                }
            }
            out.flush();
            return fell;
        }
    }

    /**
     * {@code bench training} (hidden): the launcher runs it once per jar under
     * {@code -XX:ArchiveClassesAtExit}, so the classes a query and a build need are in a class-data-sharing archive:
     * {@code listgraph query} starts about as fast as a bare JVM, and a build with nothing changed takes half the time.
     */
    @Command(name = "training", hidden = true, description = "Build, load and query a tiny store, for the launcher's class-data-sharing archive.")
    static final class Training implements Callable<Integer> {
        @Override
        public Integer call() throws IOException {
            Path work = Files.createTempDirectory("listgraph-training");
            try {
                Path list = work.resolve("training.md");
                Files.writeString(list, "# Training\n\n## Talks\n\n- [A talk](https://speakerdeck.com/someone/a-talk) by someone\n");
                String db = work.resolve("tdb2").toString();
                PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
                int code = Main.run(quiet, quiet, "load", list.toString(), "--db", db);
                for (String format : new String[]{"table", "csv", "json"}) {
                    code |= Main.run(quiet, quiet, "query", "--db", db, "--saved", "talks-by", "--param", "author=someone", "-f", format);
                }
                code |= Main.run(quiet, quiet, "stats", "--db", db);
                // A build, then the same build with nothing changed: what a build script runs most.
                Path lists = Files.createDirectories(work.resolve("lists"));
                Files.copy(list, lists.resolve("training.md"));
                for (int i = 0; i < 2; i++) {
                    code |= Main.run(quiet, quiet, "build", "--lists", lists.toString(), "--output", work.resolve("output").toString());
                }
                return code == 0 ? Main.OK : Main.INTERNAL;
            } finally {
                Run.delete(work);
            }
        }
    }
}
