package org.listgraph.entry;

/** A request that cannot be carried out as asked (unknown format, missing parameter): exit code 2. */
public class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
