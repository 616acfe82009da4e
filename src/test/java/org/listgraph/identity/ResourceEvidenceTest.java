package org.listgraph.identity;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A resource's title is the one most entries give, ties to the first in order, and its URLs are those written, however its evidence was gathered. */
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

    @Property(tries = 300)
    void urlsReadBackAsWrittenWhetherOrNotOneIsLeftImplicit(@ForAll @Size(max = 12) List<@IntRange(max = 11) Integer> first,
                                                           @ForAll @Size(max = 12) List<@IntRange(max = 11) Integer> second) {
        // Two canonical URLs (as two with one IRI hash would be), each written over https, over http or with a path.
        String[] canonicals = {"example.org/a", "example.org/b"};
        java.util.function.IntFunction<String> url = i -> (i % 3 == 0 ? "https://" : i % 3 == 1 ? "http://" : "https://www.")
                + canonicals[i / 6] + (i % 6 >= 3 ? "/" : "");
        ResourceEvidence a = new ResourceEvidence();
        ResourceEvidence b = new ResourceEvidence();
        java.util.TreeSet<String> urlsA = new java.util.TreeSet<>();
        java.util.TreeSet<String> all = new java.util.TreeSet<>();
        java.util.TreeSet<String> canonicalsAll = new java.util.TreeSet<>();
        for (int i : first) {
            a.addUrl(canonicals[i / 6], url.apply(i));
            urlsA.add(url.apply(i));
            canonicalsAll.add(canonicals[i / 6]);
        }
        assertEquals(List.copyOf(urlsA), a.urls());
        for (int i : second) {
            b.addUrl(canonicals[i / 6], url.apply(i));
            canonicalsAll.add(canonicals[i / 6]);
        }
        all.addAll(urlsA);
        all.addAll(b.urls());
        ResourceEvidence merged = new ResourceEvidence();
        merged.absorb(a);
        merged.absorb(b);
        assertEquals(List.copyOf(all), merged.urls());
        assertEquals(List.copyOf(canonicalsAll), merged.canonicals());
    }
}
