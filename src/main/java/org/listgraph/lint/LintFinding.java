package org.listgraph.lint;

import org.listgraph.entry.SourcePosition;

import java.util.Comparator;
import java.util.Objects;

/** One lint finding: where, which rule (and so how severe), and what to do. */
public record LintFinding(SourcePosition position, LintRule rule, String message) implements Comparable<LintFinding> {
    private static final Comparator<LintFinding> ORDER = Comparator.comparing(LintFinding::position)
            .thenComparing(f -> f.rule().id()).thenComparing(LintFinding::message);

    public LintFinding {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(rule, "rule");
        if (message == null || message.isBlank()) throw new IllegalArgumentException("message is empty");
        message = org.listgraph.entry.Problem.oneLine(message);
    }

    @Override
    public int compareTo(LintFinding o) {
        return ORDER.compare(this, o);
    }

    /** {@code file:line:col: severity: rule: message}, the form editors and CI annotators read. */
    @Override
    public String toString() {
        return position + ": " + rule.severity().word() + ": " + rule.id() + ": " + message;
    }
}
