package org.listgraph.cli;

import org.listgraph.entry.InputLimits;
import picocli.CommandLine.Option;

import java.util.List;

/** {@code --limit NAME=VALUE}: raises or lowers one of the caps on list files, for every command that reads lists. */
final class LimitsOption {
    @Option(names = "--limit", paramLabel = "NAME=VALUE", description = "Change a cap on each list file (repeatable): file-size (default "
            + (InputLimits.DEFAULT_FILE_SIZE >> 20) + "MB), line-length (" + InputLimits.DEFAULT_LINE_LENGTH + " characters), nesting-depth ("
            + InputLimits.DEFAULT_NESTING_DEPTH + ", at most " + InputLimits.MAX_NESTING_DEPTH + "), entries (" + InputLimits.DEFAULT_ENTRIES
            + "). E.g. --limit line-length=200000 --limit file-size=32MB.")
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
