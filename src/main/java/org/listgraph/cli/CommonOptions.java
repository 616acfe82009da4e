package org.listgraph.cli;

import org.listgraph.identity.IriMinter;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;

/** Options shared by the commands that read lists. */
final class CommonOptions {
    @Option(names = "--base", paramLabel = "IRI", description = "Base of instance IRIs (default: ${DEFAULT-VALUE}).",
            defaultValue = IriMinter.DEFAULT_BASE)
    String base;

    /** The given paths, or {@code lists/} when none were given. */
    static List<Path> orDefault(List<Path> paths) {
        return paths == null || paths.isEmpty() ? List.of(Path.of("lists")) : paths;
    }
}
