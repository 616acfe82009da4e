package org.listgraph.cli;

import org.listgraph.entry.Problem;
import org.listgraph.entry.Severity;

import java.io.PrintWriter;
import java.util.List;

/** Prints problems as {@code file:line:col: severity: message} lines and counts them for summaries. */
final class Reporter {
    private Reporter() {
    }

    static void print(List<Problem> problems, PrintWriter err) {
        problems.forEach(err::println);
        err.flush();
    }

    /** "3 warnings" / "1 error, 2 warnings" / "no problems". */
    static String count(List<Problem> problems) {
        long errors = problems.stream().filter(p -> p.severity() == Severity.ERROR).count();
        long warnings = problems.size() - errors;
        if (problems.isEmpty()) return "no problems";
        String w = warnings + (warnings == 1 ? " warning" : " warnings");
        return errors == 0 ? w : errors + (errors == 1 ? " error, " : " errors, ") + w;
    }
}
