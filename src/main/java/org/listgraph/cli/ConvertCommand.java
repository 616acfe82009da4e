package org.listgraph.cli;

import org.listgraph.export.AtomicFile;
import org.listgraph.export.RdfFormat;
import org.listgraph.export.RdfWriter;
import org.listgraph.markdown.ListFiles;
import org.listgraph.rdf.Converter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code convert}: lists to RDF on stdout or in a file, without a store (for build scripts). */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Convert lists (files or folders of .md files) to RDF without a store.")
final class ConvertCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;
    @Mixin
    ThreadsOption threads;
    @Mixin
    LimitsOption limits;
    @Parameters(paramLabel = "PATH", description = "List files or folders (default: lists/).")
    List<Path> paths;
    @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = "-", description = "Output file, or - for stdout (default).")
    String output;
    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", description = "ttl, nt, jsonld, rdfxml, trig or nq (default: from -o's extension, else ttl).")
    String format;
    @Option(names = {"-q", "--quiet"}, description = "Do not print problems.")
    boolean quiet;
    @picocli.CommandLine.ParentCommand
    Main main;
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        RdfFormat fmt = Formats.rdf(format, output);
        Path target = output.equals("-") ? null : OutputTarget.of(output);
        List<Path> files = ListFiles.expand(CommonOptions.orDefault(paths));
        ProgressLine progress = new ProgressLine(spec.commandLine().getErr(), main.env);
        Converter.Result r;
        try {
            r = new Converter(common.base).withThreads(threads.count()).withLimits(limits.limits()).convert(files, progress);
            progress.accept("writing " + (target == null ? "the graph" : target));
            if (target == null) {
                RdfWriter.writeUnion(r, fmt, common.base, main.stdout);
                main.stdout.flush();
            } else {
                AtomicFile.write(target, o -> RdfWriter.writeUnion(r, fmt, common.base, o));
            }
        } finally {
            progress.done(); // an error's line starts clean
        }
        if (!quiet) Reporter.print(r.problems(), spec.commandLine().getErr());
        return Main.OK;
    }
}
