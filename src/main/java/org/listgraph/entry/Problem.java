package org.listgraph.entry;

import java.util.Objects;

/** Something in an input that was recovered or skipped, with where it is and what to do about it. */
public record Problem(SourcePosition position, Severity severity, String message) implements Comparable<Problem> {
    public Problem {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(severity, "severity");
        if (message == null || message.isBlank()) throw new IllegalArgumentException("message is empty");
    }

    @Override
    public int compareTo(Problem o) {
        int c = position.compareTo(o.position);
        return c != 0 ? c : message.compareTo(o.message);
    }

    /** The one-line form users and editors understand: {@code file:line:col: warning: message}. */
    @Override
    public String toString() {
        return position + ": " + severity.word() + ": " + message;
    }
}
