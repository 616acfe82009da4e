package org.listgraph.entry;

import java.util.ArrayList;
import java.util.List;

/** Collects the problems of one file while it is read, so they are reported together. */
public final class Problems {
    private final String file;
    private final List<Problem> list = new ArrayList<>();

    public Problems(String file) {
        this.file = file;
    }

    /** The file as the user named it. */
    public String file() {
        return file;
    }

    public void warn(int line, int column, String message) {
        list.add(new Problem(new SourcePosition(file, line, Math.max(1, column)), Severity.WARNING, message));
    }

    public void error(int line, int column, String message) {
        list.add(new Problem(new SourcePosition(file, line, Math.max(1, column)), Severity.ERROR, message));
    }

    /** The problems so far, sorted by position. */
    public List<Problem> sorted() {
        return list.stream().sorted().toList();
    }
}
