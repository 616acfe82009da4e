package org.listgraph.entry;

import java.util.Objects;

/** Something in an input that was recovered or skipped, with where it is and what to do about it. */
public record Problem(SourcePosition position, Severity severity, String message) implements Comparable<Problem> {
    public Problem {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(severity, "severity");
        if (message == null || message.isBlank()) throw new IllegalArgumentException("message is empty");
        message = oneLine(message);
    }

    /**
     * The message on one line: line breaks and other control characters that a quoted title or URL
     * brought in become spaces, so a report stays one line per problem and no escape code reaches a terminal.
     */
    public static String oneLine(String message) {
        StringBuilder sb = null;
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                if (sb == null) sb = new StringBuilder(message);
                sb.setCharAt(i, ' ');
            }
        }
        return sb == null ? message : sb.toString();
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
