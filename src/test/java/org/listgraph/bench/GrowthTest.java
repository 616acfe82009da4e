package org.listgraph.bench;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Growth exponents: 1 for a measure that grows as the corpus does, 2 for one that grows as its square. */
class GrowthTest {
    @Test
    void linearQuadraticAndFlatMeasuresGiveTheirExponents() {
        assertEquals(1.0, Growth.exponent(50_000, 20, 1_000_000, 400), 1e-12);
        assertEquals(2.0, Growth.exponent(50_000, 20, 1_000_000, 8000), 1e-12);
        assertEquals(0.0, Growth.exponent(50_000, 3, 1_000_000, 3), 1e-12);
        assertTrue(Double.isNaN(Growth.exponent(50_000, 0, 1_000_000, 3)), "no exponent from a zero");
    }

    @Test
    void growthIsFromTheSmallestCorpusToEachLargerOneWithTheSmallestHeapWhereBothHaveOne() {
        Benchmark.Report big = report(1_000_000, 400, 4000);
        Benchmark.Report small = report(50_000, 20, 200);
        Benchmark.Report mid = report(200_000, 100, 800);
        List<Growth> g = Growth.of(List.of(big, small, mid), List.of(1600, 80, 0));
        assertEquals(2, g.size());
        assertEquals(200_000, g.get(0).toEntries());
        assertEquals(1_000_000, g.get(1).toEntries());
        assertEquals(1.0, g.get(1).exponents().get("build seconds"), 1e-12);
        assertEquals(1.0, g.get(1).exponents().get("build peak heap"), 1e-12);
        assertEquals(1.0, g.get(1).exponents().get("smallest heap"), 1e-12);
        assertFalse(g.get(0).exponents().containsKey("smallest heap"), "the 200k run found none");
        assertEquals(Math.log(5) / Math.log(4), g.get(0).exponents().get("build seconds"), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Growth.of(List.of(big), List.of()));
    }

    private static Benchmark.Report report(int entries, double buildSeconds, long heapMegabytes) {
        Map<String, Benchmark.Phase> phases = new LinkedHashMap<>();
        phases.put("build", new Benchmark.Phase("build", buildSeconds, heapMegabytes << 20));
        return new Benchmark.Report(10, entries, entries * 100L, entries * 17L, phases);
    }
}
