package org.listgraph.entry;

import java.util.List;

/** A user's input cannot be used at all (missing, unreadable, binary, malformed manifest): exit code 3. */
public class BadInputException extends RuntimeException {
    private final List<String> lines;

    public BadInputException(String message) {
        super(message);
        this.lines = List.of(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
        this.lines = List.of(message);
    }

    /** Several mistakes found together, one line each, in the order found. */
    public BadInputException(List<String> lines) {
        super(String.join("; ", lines));
        if (lines.isEmpty()) throw new IllegalArgumentException("no mistake to report");
        this.lines = List.copyOf(lines);
    }

    /** The mistakes, one line each (one for most inputs). */
    public List<String> lines() {
        return lines;
    }
}
