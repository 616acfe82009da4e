package org.listgraph.cli;

import org.listgraph.entry.Problem;
import org.listgraph.entry.Severity;

import java.io.PrintWriter;
import java.util.List;

/** Prints problems as {@code file:line:col: severity: message} lines and counts them for summaries. */
final class Reporter {
    private Reporter() {
    }

    /** Control characters other than tab: a list's ESC sequence echoed in a warning would drive the user's terminal. */
    private static final java.util.regex.Pattern CONTROL = java.util.regex.Pattern.compile("[\\x00-\\x08\\x0A-\\x1F\\x7F-\\x9F]");

    static void print(List<Problem> problems, PrintWriter err) {
        problems.forEach(p -> err.println(visible(p.toString())));
        err.flush();
    }

    /** The line with each control character written as a backslash-u escape, so it prints as text. */
    static String visible(String line) {
        return CONTROL.matcher(line).replaceAll(m -> String.format("\\\\u%04X", (int) m.group().charAt(0)));
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
