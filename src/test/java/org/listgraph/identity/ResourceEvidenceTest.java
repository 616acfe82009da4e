package org.listgraph.identity;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A resource's title is the one most entries give, ties to the first in order, however its evidence was gathered. */
class ResourceEvidenceTest {
    @Property(tries = 300)
    void theTitleIsTheMostGivenAsClusteringPicksItAfterMergingEvidence(@ForAll @Size(min = 1, max = 30) List<@StringLength(min = 1, max = 2) String> first,
                                                                         @ForAll @Size(max = 30) List<@StringLength(min = 1, max = 2) String> second) {
        Map<String, Integer> counts = new TreeMap<>();
        ResourceEvidence a = new ResourceEvidence();
        for (String t : first) {
            a.addTitle(t, 1);
            counts.merge(t, 1, Integer::sum);
        }
        assertEquals(Clustering.pick(counts), a.title());
        ResourceEvidence b = new ResourceEvidence();
        for (String t : second) {
            b.addTitle(t, 1);
            counts.merge(t, 1, Integer::sum);
        }
        ResourceEvidence all = new ResourceEvidence();
        all.absorb(b);
        all.absorb(a);
        assertEquals(Clustering.pick(counts), all.title());
    }
}
