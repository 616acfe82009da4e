package org.listgraph.cli;

import org.listgraph.entry.UsageException;
import picocli.CommandLine.Option;

/** {@code --threads}: how many lists are parsed at once by the commands that read lists. */
final class ThreadsOption {
    @Option(names = "--threads", paramLabel = "N", description = "Parse up to N lists at once (default: one per core). "
            + "The output is byte-identical for any N.")
    Integer threads;

    /** The thread count asked for, or one per core. */
    int count() {
        if (threads == null) return Runtime.getRuntime().availableProcessors();
        if (threads < 1 || threads > 256) throw new UsageException("--threads must be between 1 and 256, not " + threads);
        return threads;
    }
}
