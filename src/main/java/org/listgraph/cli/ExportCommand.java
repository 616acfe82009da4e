package org.listgraph.cli;

import org.listgraph.export.AtomicFile;
import org.listgraph.export.RdfFormat;
import org.listgraph.export.GraphFormat;
import org.listgraph.export.GraphPicture;
import org.listgraph.export.PropertyGraph;
import org.listgraph.entry.UsageException;
import org.listgraph.store.StoreExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code export}: the store's graphs in any registered format, to a file or stdout. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write the store's graphs in a registered format (named graphs for trig/nq, their union otherwise), or as a "
                + "property graph for graph tools: graphml, neo4j, dot, svg.")
final class ExportCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;
    @Option(names = "--db", paramLabel = "DIR", defaultValue = "output/tdb2", description = "Store folder (default: ${DEFAULT-VALUE}).")
    Path db;
    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", description = "RDF: ttl, nt, jsonld, rdfxml, trig, nq; property graph: graphml, "
            + "neo4j (a folder, -o DIR), dot (the whole graph, or with --list, --author or --topic a picture of one), svg (a picture: "
            + "--list, --author or --topic). Default: from -o's extension, else ttl.")
    String format;
    @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = "-", description = "Output file, or - for stdout (default).")
    String output;
    @Option(names = "--graph", paramLabel = "LIST-ID", description = "Only the graph of this list (its id in lists.json).")
    String graph;
    @Option(names = "--list", paramLabel = "LIST-ID", description = "dot/svg: draw this list, its resources, their authors and topics.")
    String list;
    @Option(names = "--author", paramLabel = "NAME", description = "dot/svg: draw this author (handle, account or full name) and their works.")
    String author;
    @Option(names = "--topic", paramLabel = "LABEL", description = "dot/svg: draw this topic and its resources.")
    String topic;
    @Option(names = "--max-nodes", paramLabel = "N", description = "dot/svg pictures: draw at most N resources, those in most lists "
            + "first; the picture notes how many it left out (default: " + GraphPicture.DEFAULT_MAX_NODES + ").")
    Integer maxNodes;
    @picocli.CommandLine.ParentCommand
    Main main;
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        var graphFormat = Formats.graph(format, output);
        if (!output.equals("-")) OutputTarget.of(output); // before reading the store: a mistyped folder costs nothing
        if (graphFormat.isPresent()) return writeGraph(graphFormat.get());
        if (list != null || author != null || topic != null || maxNodes != null) {
            throw new UsageException("--list, --author, --topic and --max-nodes go with -f dot or svg");
        }
        RdfFormat fmt = Formats.rdf(format, output);
        StoreExport export = new StoreExport(db, common.base, graph);
        return emit(o -> export.write(fmt, o));
    }

    private int writeGraph(GraphFormat fmt) {
        long chosen = java.util.stream.Stream.of(list, author, topic).filter(java.util.Objects::nonNull).count();
        if (chosen > 1 || (!fmt.whole() && chosen == 0)) {
            throw new UsageException("-f " + fmt.formatName() + " draws one picture: give one of --list ID, --author NAME or --topic LABEL");
        }
        if (!fmt.picture() && (chosen > 0 || maxNodes != null)) throw new UsageException("--list, --author, --topic and --max-nodes go with -f dot or svg");
        if (chosen == 0 && maxNodes != null) throw new UsageException("--max-nodes caps a picture: give it with --list, --author or --topic");
        if (maxNodes != null && maxNodes < 1) throw new UsageException("--max-nodes must be 1 or more, not " + maxNodes);
        if (graph != null) throw new UsageException("--graph selects an RDF graph; for -f " + fmt.formatName() + " use --list with dot or svg");
        if (fmt.folder() && output.equals("-")) throw new UsageException("-f neo4j writes a folder of files: give it with -o DIR");
        StoreExport export = new StoreExport(db, common.base, null);
        if (chosen == 1) {
            GraphPicture picture = export.picture(list, author, topic, maxNodes == null ? GraphPicture.DEFAULT_MAX_NODES : maxNodes);
            return emit(o -> fmt.writePicture(picture, o));
        }
        PropertyGraph pg = export.propertyGraph();
        if (fmt.folder()) {
            fmt.writeFolder(pg, Path.of(output));
            spec.commandLine().getErr().println("wrote " + pg.nodes().size() + " nodes and " + pg.edges().size() + " relationships to "
                    + output + " (see README.txt there for the neo4j-admin command)");
            return Main.OK;
        }
        return emit(o -> fmt.write(pg, o));
    }

    /** Writes to stdout, or to the -o file through a temporary name. */
    private int emit(AtomicFile.Content content) {
        if (output.equals("-")) {
            try {
                content.writeTo(main.stdout);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            main.stdout.flush();
        } else {
            AtomicFile.write(Path.of(output), content);
        }
        return Main.OK;
    }
}
