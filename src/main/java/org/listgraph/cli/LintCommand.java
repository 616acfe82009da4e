package org.listgraph.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.listgraph.entry.Severity;
import org.listgraph.entry.UsageException;
import org.listgraph.lint.LintFinding;
import org.listgraph.lint.LintRule;
import org.listgraph.lint.Linter;
import org.listgraph.markdown.ListFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code lint}: check lists before merging them; one finding per line, exit 1 when there are errors. */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = "Check lists: findings as file:line:col: severity: rule: message (sorted), or -f json; exit 1 when any is an error. "
                + "Switch rules off per list with \"lintOff\": [\"rule\", …] in lists.json.")
final class LintCommand implements Callable<Integer> {
    @Parameters(paramLabel = "PATH", description = "List files or folders (default: lists/).")
    List<Path> paths;
    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text", description = "text (default) or json.")
    String format;
    @picocli.CommandLine.Mixin
    LimitsOption limits;
    @Option(names = "--link-checks", paramLabel = "FILE", defaultValue = "output/cache/links.json",
            description = "The results of the last check-links, for dead-link and moved-link (used when the file is there; default: ${DEFAULT-VALUE}).")
    Path linkChecks;
    @Option(names = "--rules", description = "List the rules, their severity and what they check.")
    boolean rules;
    @picocli.CommandLine.ParentCommand
    Main main;
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (!format.equals("text") && !format.equals("json")) throw new UsageException("lint writes -f text or -f json, not '" + format + "'");
        var out = spec.commandLine().getOut();
        if (rules) {
            for (LintRule r : LintRule.values()) out.printf("%-22s %-7s %s%n", r.id(), r.severity().word(), r.description());
            out.flush();
            return Main.OK;
        }
        List<Path> files = ListFiles.expand(CommonOptions.orDefault(paths));
        LinkCache checks = LinkCache.readFile(linkChecks);
        java.util.Map<String, org.listgraph.entry.LinkCheck> byUrl = new java.util.HashMap<>();
        checks.checks.values().forEach(c -> byUrl.put(org.listgraph.identity.UrlCanonicalizer.toIri(c.url()), c));
        List<LintFinding> findings = new Linter().withLinkChecks(byUrl).lint(files, limits.limits());
        if (format.equals("json")) {
            writeJson(findings);
        } else {
            findings.forEach(f -> out.println(Reporter.visible(f.toString())));
            out.flush();
        }
        long errors = findings.stream().filter(f -> f.rule().severity() == Severity.ERROR).count();
        spec.commandLine().getErr().printf("lint: %d error%s, %d warning%s in %d list%s%n", errors, errors == 1 ? "" : "s",
                findings.size() - errors, findings.size() - errors == 1 ? "" : "s", files.size(), files.size() == 1 ? "" : "s");
        return errors > 0 ? Main.FINDINGS : Main.OK;
    }

    private void writeJson(List<LintFinding> findings) {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ArrayNode array = json.createArrayNode();
        for (LintFinding f : findings) {
            array.addObject().put("file", f.position().file()).put("line", f.position().line()).put("column", f.position().column())
                    .put("severity", f.rule().severity().word()).put("rule", f.rule().id()).put("message", f.message());
        }
        try {
            main.stdout.print(json.writeValueAsString(array) + "\n");
            main.stdout.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
