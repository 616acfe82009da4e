package org.listgraph.cli;

import org.listgraph.entry.UsageException;
import org.listgraph.identity.IriMinter;
import org.listgraph.store.DataFiles;
import org.listgraph.store.ShapeValidator;
import org.listgraph.store.TdbStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code validate}: the store, or RDF files, against the SHACL shapes; exit 1 when anything violates them. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check the store (or --data files) against ontology/shapes.ttl with SHACL; print each violation as "
                + "focus — path — message; exit 1 when there is any.")
final class ValidateCommand implements Callable<Integer> {
    @Option(names = "--db", paramLabel = "DIR", description = "Store folder (default: output/tdb2).")
    Path db;
    @Option(names = "--data", paramLabel = "FILE", description = "Validate these RDF files instead of a store (repeatable).")
    List<Path> data;
    @Option(names = "--base", paramLabel = "IRI", defaultValue = IriMinter.DEFAULT_BASE, description = "Base shown as id: (default: ${DEFAULT-VALUE}).")
    String base;
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (db != null && data != null) throw new UsageException("use --db or --data, not both");
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ShapeValidator validator = ShapeValidator.load(Path.of(""));
        List<ShapeValidator.Finding> findings;
        String what;
        if (data != null) {
            findings = validator.validate(DataFiles.load(data), base);
            what = data.size() == 1 ? data.get(0).toString() : data.size() + " files";
        } else {
            Path dir = db == null ? Path.of("output", "tdb2") : db;
            try (TdbStore store = TdbStore.openForReading(dir)) {
                findings = validator.validate(store.dataset(), base);
            }
            what = dir.toString();
        }
        findings.forEach(out::println);
        long violations = findings.stream().filter(ShapeValidator.Finding::violation).count();
        long focus = findings.stream().filter(ShapeValidator.Finding::violation).map(ShapeValidator.Finding::focus).distinct().count();
        out.flush();
        if (violations == 0) {
            err.println("validate: " + what + " conforms to " + validator.source()
                    + (findings.isEmpty() ? "" : " (" + findings.size() + " warnings)"));
            return Main.OK;
        }
        err.println("validate: " + violations + " violation" + (violations == 1 ? "" : "s") + " on " + focus + " node" + (focus == 1 ? "" : "s")
                + " in " + what + " (shapes: " + validator.source() + ")");
        return Main.FINDINGS;
    }
}
