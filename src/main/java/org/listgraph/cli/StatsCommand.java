package org.listgraph.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.listgraph.entry.UsageException;
import org.listgraph.store.Stats;
import org.listgraph.store.TdbStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code stats}: what the store holds, per list, kind, author and topic, and how the lists overlap. */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Counts per list (entries, resources, unique), per kind, top authors and topics, and the list-overlap matrix.")
final class StatsCommand implements Callable<Integer> {
    @Option(names = "--db", paramLabel = "DIR", defaultValue = "output/tdb2", description = "Store folder (default: ${DEFAULT-VALUE}).")
    Path db;
    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table", description = "table or json (default: ${DEFAULT-VALUE}).")
    String format;
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws JsonProcessingException {
        if (!format.equals("table") && !format.equals("json")) throw new UsageException("stats prints -f table or -f json, not '" + format + "'");
        Stats.Report report;
        try (TdbStore store = TdbStore.openForReading(db)) {
            report = Stats.of(store.dataset());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format.equals("json")) {
            out.println(JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(report));
        } else {
            table(report, out);
        }
        out.flush();
        return Main.OK;
    }

    private static void table(Stats.Report r, PrintWriter out) {
        int w = r.lists().stream().mapToInt(l -> l.id().length()).max().orElse(4) + 5; // room for "[n] "
        out.printf("%-" + w + "s  %7s  %9s  %6s  %s%n", "list", "entries", "resources", "unique", "title");
        for (Stats.ListRow l : r.lists()) {
            out.printf("%-" + w + "s  %7d  %9d  %6d  %s%n", l.id(), l.entries(), l.resources(), l.unique(), l.title());
        }
        out.println();
        out.println("resources shared by each pair of lists (the diagonal: all of the list's resources)");
        out.printf("%-" + w + "s", "");
        for (int i = 0; i < r.lists().size(); i++) out.printf("  %5s", "[" + (i + 1) + "]");
        out.println();
        int i = 0;
        for (var row : r.overlap().entrySet()) {
            out.printf("%-" + w + "s", "[" + (++i) + "] " + row.getKey());
            row.getValue().values().forEach(n -> out.printf("  %5d", n));
            out.println();
        }
        section(out, "kinds", r.kinds());
        section(out, "top authors (works)", r.authors());
        section(out, "top topics (resources)", r.topics());
    }

    private static void section(PrintWriter out, String title, java.util.List<Stats.Count> counts) {
        out.println();
        out.println(title);
        counts.forEach(c -> out.printf("  %5d  %s%n", c.count(), c.label()));
    }
}
