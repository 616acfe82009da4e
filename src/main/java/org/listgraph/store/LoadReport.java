package org.listgraph.store;

import java.util.List;

/** What a load changed: the graphs it wrote, the ones it left as they were, and the ones it removed. */
public record LoadReport(List<String> written, List<String> unchanged, List<String> removed) {
    public LoadReport {
        written = List.copyOf(written);
        unchanged = List.copyOf(unchanged);
        removed = List.copyOf(removed);
    }
}
