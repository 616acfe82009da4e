package org.listgraph.entry;

/** How serious a problem found in an input is. */
public enum Severity {
    WARNING, ERROR;

    /** The word printed in {@code file:line:col: warning: …}. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
