package org.listgraph.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How a measure grows with the corpus between two sizes, as the exponent k of {@code measure ∝ entries^k}: 1 is
 * linear, below 1 better, above 1 worse than linear. Computed from two runs: ln(m2 / m1) ÷ ln(n2 / n1).
 */
public record Growth(int fromEntries, int toEntries, Map<String, Double> exponents) {
    public Growth {
        if (fromEntries <= 0 || toEntries <= fromEntries) {
            throw new IllegalArgumentException("sizes must grow: " + fromEntries + " → " + toEntries);
        }
        exponents = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(exponents));
    }

    /** The exponent of {@code m1 → m2} over {@code n1 → n2} entries; NaN when a measure is not positive. */
    public static double exponent(double n1, double m1, double n2, double m2) {
        if (m1 <= 0 || m2 <= 0 || n1 <= 0 || n2 <= n1) return Double.NaN;
        return Math.log(m2 / m1) / Math.log(n2 / n1);
    }

    /**
     * The growth of every phase's time and peak heap, and of the smallest heap that completes a build where both runs
     * found one, from the smallest corpus to each larger one (reports in any order; needs two sizes at least).
     */
    public static List<Growth> of(List<Benchmark.Report> reports, List<Integer> minHeapMegabytes) {
        if (reports.size() != minHeapMegabytes.size()) throw new IllegalArgumentException("one smallest heap (or 0) per report");
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < reports.size(); i++) order.add(i);
        order.sort(java.util.Comparator.comparingInt(i -> reports.get(i).entries()));
        List<Growth> out = new ArrayList<>();
        int small = order.get(0);
        Benchmark.Report a = reports.get(small);
        for (int k = 1; k < order.size(); k++) {
            int big = order.get(k);
            Benchmark.Report b = reports.get(big);
            if (b.entries() == a.entries()) continue;
            Map<String, Double> e = new java.util.LinkedHashMap<>();
            for (String phase : a.phases().keySet()) {
                if (b.phase(phase) == null) continue;
                e.put(phase + " seconds", exponent(a.entries(), a.phase(phase).seconds(), b.entries(), b.phase(phase).seconds()));
                e.put(phase + " peak heap", exponent(a.entries(), a.phase(phase).peakHeapBytes(), b.entries(), b.phase(phase).peakHeapBytes()));
            }
            if (minHeapMegabytes.get(small) > 0 && minHeapMegabytes.get(big) > 0) {
                e.put("smallest heap", exponent(a.entries(), minHeapMegabytes.get(small), b.entries(), minHeapMegabytes.get(big)));
            }
            out.add(new Growth(a.entries(), b.entries(), e));
        }
        return out;
    }
}
