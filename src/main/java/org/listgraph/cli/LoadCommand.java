package org.listgraph.cli;

import org.listgraph.rdf.Converter;
import org.listgraph.store.LoadReport;
import org.listgraph.store.RemoteEndpoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code load}: lists into a TDB2 store (one named graph per list, in one transaction) or a remote Graph Store. */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Load lists into a TDB2 store (or, with --endpoint, a SPARQL Graph Store): afterwards it holds exactly these lists, "
                + "one named graph each; only changed graphs are rewritten.")
final class LoadCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;
    @Mixin
    ThreadsOption threads;
    @Mixin
    LimitsOption limits;
    @Parameters(paramLabel = "PATH", description = "List files or folders (default: lists/).")
    List<Path> paths;
    @Option(names = "--db", paramLabel = "DIR", defaultValue = "output/tdb2", description = "Store folder (default: ${DEFAULT-VALUE}).")
    Path db;
    @Option(names = "--endpoint", paramLabel = "URL", description = "Load into this SPARQL Graph Store Protocol endpoint instead of "
            + "--db (credentials from " + RemoteEndpoint.USER_VAR + "/" + RemoteEndpoint.PASSWORD_VAR + " or " + RemoteEndpoint.TOKEN_VAR + ").")
    String endpoint;
    @Option(names = "--rebuild", description = "Rewrite every graph of the store, changed or not.")
    boolean rebuild;
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;
    @picocli.CommandLine.ParentCommand
    Main main;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        RemoteEndpoint remote = Endpoints.of(endpoint, spec, main.env);
        StoreLoad.Outcome done = StoreLoad.run(CommonOptions.orDefault(paths), common.base, threads.count(), limits.limits(), db, remote, rebuild, out, spec.commandLine().getErr(),
                new ProgressLine(spec.commandLine().getErr(), main.env));
        Converter.Result r = done.result();
        LoadReport loaded = done.loaded();
        out.printf("loaded %d lists (%d triples) into %s: %d graphs written, %d unchanged, %d removed; %s%n",
                r.stats().lists(), r.stats().triples(), remote != null ? remote.url() : db, loaded.written().size(), loaded.unchanged().size(), loaded.removed().size(),
                Reporter.count(r.problems()));
        return Main.OK;
    }
}
