package org.listgraph.cli;

import org.listgraph.entry.BadInputException;
import org.listgraph.entry.UsageException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.util.Map;

/** The {@code listgraph} command: parses arguments, runs one subcommand, maps failures to exit codes. */
@Command(name = "listgraph", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Turns curated Markdown link lists into an RDF knowledge graph.",
        subcommands = {BuildCommand.class, ConvertCommand.class, LoadCommand.class, QueryCommand.class, ExportCommand.class, RenderCommand.class, HistoryCommand.class, CheckLinksCommand.class,
                StatsCommand.class, CompactCommand.class, ServeCommand.class, ValidateCommand.class, LintCommand.class, BenchCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "1:findings (lint, validate)", "2:usage error", "3:bad input", "4:internal error"})
public final class Main implements Runnable {
    /** Exit codes of DESIGN.md. */
    public static final int OK = 0, FINDINGS = 1, USAGE = 2, BAD_INPUT = 3, INTERNAL = 4;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Where commands write their main output (RDF, query results): a byte stream, not a writer. */
    final PrintStream stdout;
    /** The environment (credentials for remote endpoints); a parameter so tests can give their own. */
    final Map<String, String> env;

    /**
     * Whether the process exits once the command is done (the command line's own, not a test's or a server's command):
     * a build then leaves its store for the exit to close (see {@link org.listgraph.store.TdbStore#closeForExit}).
     */
    final boolean exitsAfterCommand;

    Main(PrintStream stdout, Map<String, String> env) {
        this(stdout, env, false);
    }

    private Main(PrintStream stdout, Map<String, String> env, boolean exitsAfterCommand) {
        this.stdout = stdout;
        this.env = Map.copyOf(env);
        this.exitsAfterCommand = exitsAfterCommand;
    }

    public static void main(String[] args) {
        System.exit(run(new Main(System.out, System.getenv(), true), System.err, args));
    }

    /** Runs the command line with the given streams and returns the exit code (for tests). */
    public static int run(PrintStream out, PrintStream err, String... args) {
        return run(out, err, System.getenv(), args);
    }

    /** Runs the command line with the given streams and environment and returns the exit code. */
    public static int run(PrintStream out, PrintStream err, Map<String, String> env, String... args) {
        return run(new Main(out, env), err, args);
    }

    /** Runs the command line, writing to {@code main}'s standard output and to {@code err}. */
    private static int run(Main main, PrintStream err, String... args) {
        return run(main, new PrintWriter(new OutputStreamWriter(main.stdout, StandardCharsets.UTF_8), true),
                new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true), args);
    }

    /**
     * Runs another command inside a running one (a watching server's build), writing where {@code out} and {@code err} do,
     * with {@code more} added to the environment.
     */
    int runInside(PrintWriter out, PrintWriter err, Map<String, String> more, String... args) {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.putAll(more);
        return run(new Main(stdout, all), out, err, args);
    }

    private static int run(Main main, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(main);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(Main::handle);
        cli.setParameterExceptionHandler((ex, a) -> {
            PrintWriter w = ex.getCommandLine().getErr();
            w.println("listgraph: " + ex.getMessage());
            w.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            w.flush();
            return USAGE;
        });
        try {
            return cli.execute(args);
        } catch (InternalError e) {
            // A fault in a memory-mapped file (TDB2's indexes) that was not a full disk: a bug or a broken disk, not a stack trace.
            err.println(Reporter.visible("listgraph: internal error: " + e + " (please report it; check the disk under the store)"));
            return INTERNAL;
        } catch (OutOfMemoryError e) {
            // Not a bug and not the user's typing: the lists need more heap than this JVM may take.
            err.printf("listgraph: error: out of memory (the JVM may use %d MB); give it more with LISTGRAPH_JAVA_OPTS=-Xmx8g "
                    + "(a build of a million entries needs about 1.5 GB), or build fewer lists at once%n", Runtime.getRuntime().maxMemory() >> 20);
            return BAD_INPUT;
        } catch (StackOverflowError e) {
            // A bug (some input nests or repeats deeper than the code allows): one line and exit 4, never lint's findings code.
            err.println("listgraph: internal error: stack overflow (please report it with the list that caused it; "
                    + "set LISTGRAPH_DEBUG=1 for the stack trace)");
            if (System.getenv("LISTGRAPH_DEBUG") != null) e.printStackTrace(err);
            return INTERNAL;
        } catch (Error e) {
            // Any other crash (a linkage error, an assertion): one line and exit 4, never the findings code 1 the JVM would give.
            err.println(Reporter.visible("listgraph: internal error: " + e + " (please report it; set LISTGRAPH_DEBUG=1 for the stack trace)"));
            if (System.getenv("LISTGRAPH_DEBUG") != null) e.printStackTrace(err);
            return INTERNAL;
        }
    }

    private static int handle(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        if (e instanceof BadInputException bad) {
            for (String line : bad.lines()) err.println(Reporter.visible(line)); // a file name may hold an escape sequence
            return BAD_INPUT;
        }
        if (e instanceof UsageException) {
            err.println(Reporter.visible("listgraph: " + e.getMessage()));
            return USAGE;
        }
        if (e instanceof UncheckedIOException io) {
            cmd.getOut().flush();
            err.println(Reporter.visible("listgraph: error: " + io.getMessage()));
            return BAD_INPUT;
        }
        err.println(Reporter.visible("listgraph: internal error: " + e + " (please report it; set LISTGRAPH_DEBUG=1 for the stack trace)"));
        if (System.getenv("LISTGRAPH_DEBUG") != null) e.printStackTrace(err);
        return INTERNAL;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }


    /** This build's version ("0.1.0-SNAPSHOT"), or "development" when run from classes. */
    static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }

    /** Reads the version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[]{"listgraph " + (v == null ? "(development build)" : v)};
        }
    }
}
