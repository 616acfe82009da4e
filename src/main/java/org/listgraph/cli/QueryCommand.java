package org.listgraph.cli;

import org.listgraph.entry.BadInputException;
import org.listgraph.entry.UsageException;
import org.listgraph.identity.IriMinter;
import org.listgraph.store.DataFiles;
import org.listgraph.store.QueryRequest;
import org.listgraph.store.QueryRunner;
import org.listgraph.store.RemoteEndpoint;
import org.listgraph.store.SavedQueries;
import org.listgraph.store.SavedQuery;
import org.listgraph.store.Suggestions;
import org.listgraph.store.TdbStore;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code query}: SPARQL over the store or over RDF files, from text, a file or a saved query. */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = "Run a SPARQL query (text, -q file or --saved name) over the store or --data files.")
final class QueryCommand implements Callable<Integer> {
    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Source source;

    static final class Source {
        @Parameters(paramLabel = "SPARQL", description = "The query text.")
        String text;
        @Option(names = {"-q", "--query-file"}, paramLabel = "FILE", description = "Read the query from a file.")
        Path file;
        @Option(names = "--saved", paramLabel = "NAME", description = "Run a saved query (see --list-saved).")
        String saved;
        @Option(names = "--list-saved", description = "List the saved queries and their parameters.")
        boolean list;
    }

    @Option(names = {"-p", "--param"}, paramLabel = "NAME=VALUE", description = "Bind ?NAME to the string VALUE (repeatable).")
    List<String> paramArgs = new java.util.ArrayList<>();
    @Option(names = "--db", paramLabel = "DIR", description = "Store folder (default: output/tdb2).")
    Path db;
    @Option(names = "--data", paramLabel = "FILE", description = "Query this RDF file instead of a store (repeatable).")
    List<Path> data;
    @Option(names = "--endpoint", paramLabel = "URL", description = "Query this SPARQL endpoint instead of a store, e.g. a running "
            + "'listgraph serve' at http://127.0.0.1:3030/listgraph/sparql (credentials from " + RemoteEndpoint.USER_VAR + "/"
            + RemoteEndpoint.PASSWORD_VAR + " or " + RemoteEndpoint.TOKEN_VAR + ").")
    String endpoint;
    @Option(names = "--connect-timeout", paramLabel = "DURATION", defaultValue = "10s", converter = DurationConverter.class,
            description = "With --endpoint: longest wait to connect (default: ${DEFAULT-VALUE}).")
    java.time.Duration connectTimeout;
    @Option(names = "--read-timeout", paramLabel = "DURATION", defaultValue = "60s", converter = DurationConverter.class,
            description = "With --endpoint: longest wait for the whole answer once connected (default: ${DEFAULT-VALUE}).")
    java.time.Duration readTimeout;
    @Option(names = "--allow-service", description = "Let a query over the store or --data files use SERVICE, which fetches from "
            + "other endpoints (refused by default).")
    boolean allowService;
    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
            description = "table, csv, tsv, json, xml for SELECT/ASK; ttl, nt, jsonld for CONSTRUCT/DESCRIBE.")
    String format;
    @Option(names = "--base", paramLabel = "IRI", defaultValue = IriMinter.DEFAULT_BASE, description = "Base shown as id: in tables.")
    String base;
    @picocli.CommandLine.ParentCommand
    Main main;
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (source == null) throw new UsageException("give a query: SPARQL text, -q FILE, --saved NAME or --list-saved");
        SavedQueries saved = SavedQueries.load(Path.of(""));
        if (source.list) {
            printSaved(saved, spec.commandLine().getOut());
            return Main.OK;
        }
        if (db != null && data != null) throw new UsageException("use --db or --data, not both");
        Map<String, String> params = new LinkedHashMap<>();
        for (String p : paramArgs) {
            int eq = p.indexOf('=');
            if (eq <= 0) throw new UsageException("--param takes NAME=VALUE, got '" + p + "'");
            if (params.put(p.substring(0, eq), p.substring(eq + 1)) != null) {
                throw new UsageException("--param " + p.substring(0, eq) + " is given twice");
            }
        }
        String text;
        String origin;
        SavedQuery savedQuery = null;
        if (source.saved != null) {
            SavedQuery q = saved.find(source.saved).orElseThrow(() -> new UsageException(
                    "no saved query '" + source.saved + "'; known: " + String.join(", ", saved.all().keySet())));
            for (SavedQuery.Parameter p : q.parameters()) {
                if (!params.containsKey(p.name())) {
                    throw new UsageException("saved query '" + q.name() + "' needs --param " + p.name() + "=VALUE ("
                            + p.help() + ")");
                }
            }
            for (String given : params.keySet()) {
                if (q.parameters().stream().noneMatch(p -> p.name().equals(given))) {
                    throw new UsageException("saved query '" + q.name() + "' has no parameter '" + given + "'");
                }
            }
            text = q.text();
            origin = "saved query " + q.name();
            savedQuery = q;
        } else if (source.file != null) {
            text = read(source.file);
            origin = source.file.toString();
        } else {
            text = source.text;
            origin = "query";
        }
        var parsed = spec.commandLine().getParseResult();
        if (endpoint == null && (parsed.hasMatchedOption("--connect-timeout") || parsed.hasMatchedOption("--read-timeout"))) {
            throw new UsageException("--connect-timeout and --read-timeout apply to --endpoint only");
        }
        if (endpoint != null && allowService) {
            throw new UsageException("--allow-service applies to a local query; at --endpoint, SERVICE is the endpoint's business");
        }
        QueryRequest request = new QueryRequest(text, origin, params, format, base, allowService);
        RemoteEndpoint remote = Endpoints.of(endpoint, spec, main.env, connectTimeout, readTimeout);
        if (remote != null) {
            long rows = QueryRunner.run(remote, request, main.stdout);
            main.stdout.flush();
            suggest(savedQuery, params, rows, sparql -> QueryRunner.column(remote, sparql));
        } else if (data != null) {
            var dsg = DataFiles.load(data);
            long rows = QueryRunner.run(dsg, request, main.stdout);
            main.stdout.flush();
            suggest(savedQuery, params, rows, sparql -> QueryRunner.column(dsg, sparql));
        } else {
            Path dir = db == null ? Path.of("output", "tdb2") : db;
            TdbStore store;
            try {
                store = TdbStore.open(dir, false);
            } catch (TdbStore.Locked e) {
                // A running 'listgraph serve' holds the store: the query goes to it, as with --endpoint.
                var served = org.listgraph.store.ServedStore.find(dir).orElseThrow(() -> e);
                RemoteEndpoint server = RemoteEndpoint.of(served.endpoint(), Map.of()); // this machine's own server: no credentials go
                long rows = QueryRunner.run(server, request, main.stdout);
                main.stdout.flush();
                if (served.maxRows() > 0 && rows >= served.maxRows()) {
                    spec.commandLine().getErr().println("query: the running server answers with at most " + served.maxRows() + " rows, and "
                            + "sent that many: the answer may be cut; stop the server (or start it with a larger --max-rows) for all of it");
                }
                suggest(savedQuery, params, rows, sparql -> QueryRunner.column(server, sparql));
                return Main.OK;
            }
            try (store) {
                long rows = QueryRunner.run(store.dataset(), request, main.stdout);
                main.stdout.flush();
                suggest(savedQuery, params, rows, sparql -> QueryRunner.column(store.dataset(), sparql));
            }
        }
        return Main.OK;
    }

    /**
     * A saved query that found nothing for a person or topic says on stderr which values are close
     * ("did you mean …?"); the answer and exit code stay those of an empty result.
     */
    private void suggest(SavedQuery q, Map<String, String> params, long rows, java.util.function.Function<String, List<String>> column) {
        if (q == null || rows != 0) return;
        q.lookups().forEach((param, lookup) -> {
            String value = params.get(param);
            if (value == null) return;
            List<String> candidates = column.apply(Suggestions.candidatesQuery(lookup));
            List<String> close = Suggestions.closest(value, candidates);
            spec.commandLine().getErr().println(q.name() + ": no rows for " + param + "=\"" + value + "\"" + (!close.isEmpty()
                    ? "; did you mean " + String.join(", ", close.stream().map(c -> "\"" + c + "\"").toList()) + "?"
                    : lookup.equals("versions") ? versions(value, candidates)
                    : "; 'query --saved " + (lookup.equals("topics") ? "topics" : "authors") + "' lists them all"));
        });
        spec.commandLine().getErr().flush();
    }

    /** Why a list gave no changes between versions: it is no later version of another, or its versions hold the same works. */
    private static String versions(String value, List<String> laterVersions) {
        if (laterVersions.contains(value)) return "; it and the list it is a version of hold the same resources";
        List<String> sorted = new java.util.TreeSet<>(laterVersions).stream().toList();
        return sorted.isEmpty() ? "; no list is a later version of another (give one a revisionOf in lists.json)"
                : "; it is not a later version of another list (revisionOf in lists.json); these are: " + String.join(", ", sorted);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInputException(file + ": error: cannot read the query file (" + e.getMessage() + ")");
        }
    }

    private static void printSaved(SavedQueries saved, PrintWriter out) {
        for (SavedQuery q : saved.all().values()) {
            out.println(q.name() + " — " + q.title());
            if (!q.description().isEmpty()) out.println("    " + q.description());
            for (SavedQuery.Parameter p : q.parameters()) out.println("    --param " + p.name() + "=…  " + p.help());
        }
        out.flush();
    }
}
