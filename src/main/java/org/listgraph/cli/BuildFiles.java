package org.listgraph.cli;

import org.listgraph.entry.Severity;
import org.listgraph.export.AtomicFile;
import org.listgraph.export.CommitJournal;
import org.listgraph.export.HtmlReport;
import org.listgraph.export.MergeReport;
import org.listgraph.export.RdfFormat;
import org.listgraph.export.RdfWriter;
import org.listgraph.lint.LintFinding;
import org.listgraph.lint.Linter;
import org.listgraph.rdf.Converter;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The files of a build (graph.ttl, merges, problems, lint's report.html), written under temporary
 * names while the store is loaded and renamed into place only after the store committed, so a
 * failed load changes no file.
 */
final class BuildFiles implements StoreLoad.Staged {
    private final List<AtomicFile.Staged> staged = new ArrayList<>();
    private final SortedMap<String, String> hashes = new TreeMap<>();
    private final Timings timings = new Timings();
    private final Path output;
    private final String inputs;
    private final BuildState.Summary summary;
    private Path journal;

    /**
     * Writes every file of {@code r} under its temporary name in {@code output}; {@code inputs} is the build's
     * {@link BuildInputs}; graph.ttl and lint take what {@code caches} kept of unchanged lists.
     */
    BuildFiles(Converter.Result r, String base, Path output, String inputs, BuildCaches caches) {
        this.output = output;
        this.inputs = inputs;
        // graph.ttl, the longest of these files, is written on a thread of its own while the others are made here: in a
        // reload of one list among 1,000 it took as long as the rest together, and the store waits for all of them.
        ExecutorService ttlThread = Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, "listgraph-graph-ttl");
            t.setDaemon(true);
            return t;
        });
        Future<StagedFile> ttl = ttlThread.submit(() -> write(output.resolve("graph.ttl"),
                o -> RdfWriter.writeUnion(r, RdfFormat.TTL, base, o, caches.chunks())));
        ttlThread.shutdown();
        try {
            stage(output.resolve("merges.csv"), o -> MergeReport.csv(r.decisions(), o));
            stage(output.resolve("merges.md"), o -> MergeReport.markdown(r.decisions(), o));
            stage(output.resolve("problems.txt"), o -> {
                for (var p : r.problems()) o.write((p + "\n").getBytes(StandardCharsets.UTF_8));
            });
            timings.lap("merges and problems");
            // Lint reuses this reading of the lists and its identity, so the report costs no second conversion.
            List<LintFinding> findings = new Linter().lint(r.lists(), r.resolution(), r.files(), caches.lint(r));
            timings.lap("lint");
            stage(output.resolve("report.html"), o -> HtmlReport.write(r, findings, caches.linkChecks(), o));
            timings.lap("report");
            StagedFile graph = StoreLoad.join(ttl);
            keep(graph);
            timings.lap("waiting for graph.ttl (" + String.format(java.util.Locale.ROOT, "%.2f s", graph.seconds()) + " on its own thread)");
            var s = r.stats(); // after graph.ttl, which noted every graph's size as it wrote or copied it
            long errors = findings.stream().filter(f -> f.rule().severity() == Severity.ERROR).count();
            summary = new BuildState.Summary(s.lists(), s.entries(), s.resources(), s.agents(), s.triples(), s.kindSummary(),
                    Reporter.count(r.problems()), r.problems().size(), r.graphNames().size(), errors, findings.size() - errors);
        } catch (RuntimeException | Error e) {
            // out of memory included: no temporary file outlives a failed build, graph.ttl's once its thread is done
            Throwable failure = e;
            try {
                keep(StoreLoad.join(ttl));
            } catch (RuntimeException | Error ttlFailure) {
                // graph.ttl is the first of the files: when it failed too (a full disk fails every file), its failure is
                // the one reported, whichever thread met the problem first, so the message does not vary from run to run
                if (ttlFailure != e) failure = ttlFailure;
            }
            close();
            if (failure instanceof Error error) throw error;
            throw (RuntimeException) failure;
        }
    }

    /** A file written under its temporary name, the SHA-256 of its bytes, and how long writing it took. */
    private record StagedFile(String name, AtomicFile.Staged file, String sha256, double seconds) {
    }

    /** Writes a file under its temporary name and keeps it, with the SHA-256 of its bytes for the build's state. */
    private void stage(Path target, AtomicFile.Content content) {
        keep(write(target, content));
    }

    private synchronized void keep(StagedFile f) {
        staged.add(f.file());
        hashes.put(f.name(), f.sha256());
    }

    private static StagedFile write(Path target, AtomicFile.Content content) {
        long start = System.nanoTime();
        MessageDigest digest = BuildState.digest();
        AtomicFile.Staged file = AtomicFile.stage(target, o -> {
            DigestOutputStream d = new DigestOutputStream(o, digest);
            content.writeTo(d);
            d.flush();
        });
        return new StagedFile(target.getFileName().toString(), file, HexFormat.of().formatHex(digest.digest()), (System.nanoTime() - start) / 1e9);
    }


    /**
     * Journals the files, with the build's state (inputs, the store's {@code state}, the files' hashes), so that
     * whatever opens the store next can finish their renames if this run is killed.
     */
    @Override
    public void prepare(Path journal, String state) {
        BuildState record = new BuildState(inputs, state, hashes, summary);
        staged.add(AtomicFile.stage(output.resolve(BuildState.FILE), o -> o.write(record.json())));
        CommitJournal.write(journal, state, staged);
        this.journal = journal;
    }

    /** Renames every file into place, then drops the journal. */
    @Override
    public void commit() {
        staged.forEach(AtomicFile.Staged::commit);
        if (journal != null) CommitJournal.done(journal);
        journal = null;
    }

    /** The figures of the summary the build prints (and records for a later build with the same inputs). */
    BuildState.Summary summary() {
        return summary;
    }

    /** "graph.ttl 2.31 s, …": the steps, timed on the thread that ran them (alongside the store). */
    String timings() {
        return timings.steps();
    }

    /**
     * Drops the files not committed, unless a journal names them: then the next command that opens the
     * store puts them in place or drops them, by whether the store committed.
     */
    @Override
    public void close() {
        if (journal == null) staged.forEach(AtomicFile.Staged::close);
    }
}
