package org.listgraph.entry;

/** A user's input cannot be used at all (missing, unreadable, binary, malformed manifest): exit code 3. */
public class BadInputException extends RuntimeException {
    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
