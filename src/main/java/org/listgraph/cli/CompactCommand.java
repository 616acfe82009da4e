package org.listgraph.cli;

import org.listgraph.store.TdbStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code compact}: reclaims the space a TDB2 store keeps from earlier versions of its data. */
@Command(name = "compact", mixinStandardHelpOptions = true, description = "Reclaim the space TDB2 keeps after updates.")
final class CompactCommand implements Callable<Integer> {
    @Option(names = "--db", paramLabel = "DIR", defaultValue = "output/tdb2", description = "Store folder (default: ${DEFAULT-VALUE}).")
    Path db;
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        String before = SizeOf.onDisk(db);
        String from = SizeOf.generation(db);
        try (TdbStore store = TdbStore.open(db, false)) {
            store.compact();
        }
        String after = SizeOf.onDisk(db);
        spec.commandLine().getOut().printf("compacted %s: %s → %s%s%n", db, from, SizeOf.generation(db),
                before.isEmpty() ? "" : " (" + before + " → " + after + ")");
        return Main.OK;
    }
}
