package org.listgraph.bench;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The search lands within its step of the true threshold, from above, takes few probes when the answer is small, and says when even the top fails. */
class MinimumHeapTest {
    @ParameterizedTest(name = "threshold {0} MB")
    @ValueSource(ints = {64, 65, 100, 333, 1000, 4095, 4096})
    void findsTheSmallestHeapThatCompletesWithinItsStep(int threshold) {
        List<Integer> tried = new ArrayList<>();
        MinimumHeap.Result r = MinimumHeap.find(64, 4096, 32, mb -> {
            tried.add(mb);
            return new MinimumHeap.Probe(mb >= threshold, mb / 100.0);
        });
        assertTrue(r.megabytes() >= threshold, r + " completes");
        assertTrue(r.megabytes() - threshold <= Math.max(32, r.megabytes() / 10), r + " is within the step");
        assertEquals(r.megabytes() / 100.0, r.seconds(), 1e-9, "the time of the run at that heap");
        assertEquals(tried.size(), r.probes());
        assertTrue(r.probes() <= 10, tried.toString());
    }

    @org.junit.jupiter.api.Test
    void aSmallAnswerUnderAManyGigabyteTopTakesFourProbes() {
        List<Integer> tried = new ArrayList<>();
        MinimumHeap.Result r = MinimumHeap.find(64, 12_000, 32, mb -> {
            tried.add(mb);
            return new MinimumHeap.Probe(mb >= 80, 1);
        });
        assertEquals(96, r.megabytes());
        assertEquals(List.of(12_000, 64, 128, 96), tried, "the top, then doubling from the bottom, then one bisection");
    }

    @org.junit.jupiter.api.Test
    void noHeapCompletesWhenTheTopFails() {
        MinimumHeap.Result r = MinimumHeap.find(64, 512, 32, mb -> new MinimumHeap.Probe(false, 1));
        assertEquals(0, r.megabytes());
        assertEquals(1, r.probes());
    }
}
