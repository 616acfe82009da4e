package org.listgraph.cli;

import org.listgraph.export.AtomicFile;
import org.listgraph.export.RdfFormat;
import org.listgraph.store.StoreExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code export}: the store's graphs in any registered format, to a file or stdout. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write the store's graphs in a registered format: named graphs for trig/nq, their union otherwise.")
final class ExportCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;
    @Option(names = "--db", paramLabel = "DIR", defaultValue = "output/tdb2", description = "Store folder (default: ${DEFAULT-VALUE}).")
    Path db;
    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", description = "ttl, nt, jsonld, rdfxml, trig or nq (default: from -o's extension, else ttl).")
    String format;
    @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = "-", description = "Output file, or - for stdout (default).")
    String output;
    @Option(names = "--graph", paramLabel = "LIST-ID", description = "Only the graph of this list (its id in lists.json).")
    String graph;
    @picocli.CommandLine.ParentCommand
    Main main;

    @Override
    public Integer call() {
        RdfFormat fmt = Formats.rdf(format, output);
        StoreExport export = new StoreExport(db, common.base, graph);
        if (output.equals("-")) {
            export.write(fmt, main.stdout);
            main.stdout.flush();
        } else {
            AtomicFile.write(Path.of(output), o -> export.write(fmt, o));
        }
        return Main.OK;
    }
}
