package org.listgraph.cli;

import org.listgraph.entry.BadInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.io.UncheckedIOException;

/** The {@code listgraph} command: parses arguments, runs one subcommand, maps failures to exit codes. */
@Command(name = "listgraph", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Turns curated Markdown link lists into an RDF knowledge graph.",
        subcommands = {BuildCommand.class, ConvertCommand.class, LoadCommand.class, QueryCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "1:findings (lint, validate)", "2:usage error", "3:bad input", "4:internal error"})
public final class Main implements Runnable {
    /** Exit codes of DESIGN.md. */
    public static final int OK = 0, FINDINGS = 1, USAGE = 2, BAD_INPUT = 3, INTERNAL = 4;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (for tests and {@link #main}). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler(Main::handle);
        cli.setParameterExceptionHandler((ex, a) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("listgraph: " + ex.getMessage());
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return USAGE;
        });
        return cli.execute(args);
    }

    private static int handle(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        if (e instanceof BadInputException) {
            err.println(e.getMessage());
            return BAD_INPUT;
        }
        if (e instanceof UsageException) {
            err.println("listgraph: " + e.getMessage());
            return USAGE;
        }
        if (e instanceof UncheckedIOException io) {
            err.println("listgraph: error: " + io.getMessage());
            return BAD_INPUT;
        }
        err.println("listgraph: internal error: " + e + " (please report it; set LISTGRAPH_DEBUG=1 for the stack trace)");
        if (System.getenv("LISTGRAPH_DEBUG") != null) e.printStackTrace(err);
        return INTERNAL;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A command line that parses but asks for something impossible (exit 2). */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
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
