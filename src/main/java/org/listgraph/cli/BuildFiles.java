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
import java.util.ArrayList;
import java.util.List;

/**
 * The files of a build (graph.ttl, merges, problems, lint's report.html), written under temporary
 * names while the store is loaded and renamed into place only after the store committed, so a
 * failed load changes no file.
 */
final class BuildFiles implements StoreLoad.Staged {
    private final List<AtomicFile.Staged> staged = new ArrayList<>();
    private final Timings timings = new Timings();
    private Path journal;
    final Path graph;
    final Path report;
    final List<LintFinding> findings;

    /** Writes every file of {@code r} under its temporary name in {@code output}. */
    BuildFiles(Converter.Result r, String base, Path output) {
        graph = output.resolve("graph.ttl");
        report = output.resolve("report.html");
        try {
            staged.add(AtomicFile.stage(graph, o -> RdfWriter.writeUnion(r, RdfFormat.TTL, base, o)));
            timings.lap("graph.ttl");
            staged.add(AtomicFile.stage(output.resolve("merges.csv"), o -> MergeReport.csv(r.decisions(), o)));
            staged.add(AtomicFile.stage(output.resolve("merges.md"), o -> MergeReport.markdown(r.decisions(), o)));
            staged.add(AtomicFile.stage(output.resolve("problems.txt"), o -> {
                for (var p : r.problems()) o.write((p + "\n").getBytes(StandardCharsets.UTF_8));
            }));
            timings.lap("merges and problems");
            // Lint reuses this reading of the lists and its identity, so the report costs no second conversion.
            findings = new Linter().lint(r.lists(), r.resolution(), r.files());
            timings.lap("lint");
            staged.add(AtomicFile.stage(report, o -> HtmlReport.write(r, findings, o)));
            timings.lap("report");
        } catch (RuntimeException | Error e) {
            close(); // out of memory included: no temporary file outlives a failed build
            throw e;
        }
    }

    /** Journals the files, so that whatever opens the store next can finish their renames if this run is killed. */
    @Override
    public void prepare(Path journal, String state) {
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

    long lintErrors() {
        return findings.stream().filter(f -> f.rule().severity() == Severity.ERROR).count();
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
