package org.listgraph.cli;

import org.listgraph.entry.InputLimits;
import picocli.CommandLine.Option;

import java.util.List;

/** {@code --limit NAME=VALUE}: raises or lowers one of the caps on list files, for every command that reads lists. */
final class LimitsOption {
    @Option(names = "--limit", paramLabel = "NAME=VALUE", description = "Change a cap on each list file (repeatable): file-size (default 16MB), "
            + "line-length (16384 characters), nesting-depth (100, at most " + InputLimits.MAX_NESTING_DEPTH + "), entries (200000). "
            + "E.g. --limit line-length=200000 --limit file-size=32MB.")
    List<String> limits;

    /** The defaults with every {@code --limit} applied in order; an unknown name or a bad value is a usage error. */
    InputLimits limits() {
        InputLimits l = InputLimits.DEFAULTS;
        if (limits != null) {
            for (String assignment : limits) l = l.with(assignment);
        }
        return l;
    }
}
