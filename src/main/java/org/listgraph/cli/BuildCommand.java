package org.listgraph.cli;

import org.listgraph.markdown.ListFiles;
import org.listgraph.store.LoadReport;
import org.listgraph.store.RemoteEndpoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code build}: the main job, lists/ → output/graph.ttl, output/tdb2, output/problems.txt and output/report.html, with a summary. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Read every list in lists/, write output/graph.ttl, load output/tdb2, report problems, write output/report.html.")
final class BuildCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;
    @Mixin
    ThreadsOption threads;
    @Mixin
    LimitsOption limits;
    @Option(names = "--lists", paramLabel = "DIR", defaultValue = "lists", description = "Folder of lists (default: ${DEFAULT-VALUE}).")
    Path lists;
    @Option(names = "--output", paramLabel = "DIR", defaultValue = "output", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path output;
    @Option(names = "--endpoint", paramLabel = "URL", description = "Load the graphs into this SPARQL Graph Store Protocol endpoint instead of "
            + "output/tdb2 (credentials from " + RemoteEndpoint.USER_VAR + "/" + RemoteEndpoint.PASSWORD_VAR + " or " + RemoteEndpoint.TOKEN_VAR + ").")
    String endpoint;
    @Option(names = "--rebuild", description = "Rewrite every graph of the store, changed or not.")
    boolean rebuild;
    @Option(names = "--timings", description = "Print the time each step took (convert, store, files, lint, report) on stderr.")
    boolean timings;
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;
    @picocli.CommandLine.ParentCommand
    Main main;

    @Override
    public Integer call() {
        long start = System.nanoTime();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RemoteEndpoint remote = Endpoints.of(endpoint, spec, main.env);
        Path db = output.resolve("tdb2");
        Timings steps = new Timings();
        LinkCache links = LinkCache.read(output); // read once: the fingerprint, identity's redirects and the report's section
        String inputs = BuildInputs.of(ListFiles.expand(List.of(lists)), common.base, limits.limits(), links.fingerprint());
        if (!rebuild && remote == null && unchanged(inputs, db, start, out, err, steps)) return Main.OK;
        ProgressLine progress = new ProgressLine(err, main.env);
        // graph.ttl, merges, problems, lint and the report are written alongside the store on a second core, and
        // renamed into place only once the store has committed: a store locked by a server, or a failed load, changes no file.
        // Lists read before, and graphs made before, are taken from output/cache unless they changed; --rebuild trusts none.
        BuildCaches caches = BuildCaches.of(output, rebuild, links);
        StoreLoad.Outcome<BuildFiles> done = StoreLoad.run(List.of(lists), common.base, threads.count(), limits.limits(), db, remote, rebuild, out, err, steps,
                progress, caches, r -> new BuildFiles(r, common.base, output, inputs, caches), main.exitsAfterCommand);
        caches.save();
        LoadReport loaded = done.loaded();
        BuildFiles files = done.alongside();
        if (timings) err.println(steps + "; alongside the store: " + files.timings());
        summary(out, files.summary(), start, remote != null ? remote.url() : db.toString(), loaded.written().size(), loaded.unchanged().size(),
                loaded.removed().size());
        return Main.OK;
    }

    /**
     * When the inputs, the store and the output files are all as the last build left them, says what that build
     * said (its problems, then its summary, every graph unchanged) and returns true: there is nothing to do.
     */
    private boolean unchanged(String inputs, Path db, long start, PrintWriter out, PrintWriter err, Timings steps) {
        var state = UnchangedBuild.find(output, db, common.base, inputs);
        var problems = state.flatMap(s -> UnchangedBuild.problems(output, s));
        if (problems.isEmpty()) return false;
        problems.get().forEach(line -> err.println(Reporter.visible(line)));
        steps.lap("unchanged (inputs, store and files checked)");
        if (timings) err.println(steps);
        err.flush();
        summary(out, state.get().summary(), start, db.toString(), 0, state.get().summary().graphs(), 0);
        return true;
    }

    private void summary(PrintWriter out, BuildState.Summary s, long start, String target, int written, int unchanged, int removed) {
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "built %d lists: %d entries, %d resources, %d agents, %d triples in %.1f s; %s -> %s, %s%n",
                s.lists(), s.entries(), s.resources(), s.agents(), s.triples(), seconds, s.problems(), output.resolve("graph.ttl"), target);
        out.println("kinds: " + s.kinds());
        out.printf(Locale.ROOT, "store: %d graphs written, %d unchanged, %d removed%n", written, unchanged, removed);
        out.printf(Locale.ROOT, "lint: %d errors, %d warnings (./listgraph lint lists them) -> %s%n", s.lintErrors(), s.lintWarnings(),
                output.resolve("report.html"));
    }
}
