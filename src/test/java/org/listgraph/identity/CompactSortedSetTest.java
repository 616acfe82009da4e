package org.listgraph.identity;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The array-backed sorted sets behave as a TreeSet of the same strings, whatever the order of adds and removes. */
class CompactSortedSetTest {
    @Property(tries = 300)
    void addsRemovesAndIterationMatchATreeSet(@ForAll @Size(max = 60) List<@StringLength(max = 3) String> adds,
                                              @ForAll @Size(max = 30) List<@StringLength(max = 3) String> removes,
                                              @ForAll @IntRange(max = 5) int dropEvery) {
        TreeSet<String> expected = new TreeSet<>();
        CompactSortedSet actual = new CompactSortedSet();
        for (String s : adds) assertEquals(expected.add(s), actual.add(s), "add " + s);
        for (String s : removes) assertEquals(expected.remove(s), actual.remove(s), "remove " + s);
        assertEquals(new ArrayList<>(expected), new ArrayList<>(actual));
        assertEquals(expected.size(), actual.size());
        if (!expected.isEmpty()) assertEquals(expected.first(), actual.first());
        for (String s : adds) assertEquals(expected.contains(s), actual.contains(s));
        if (dropEvery > 0) {
            int i = 0;
            for (Iterator<String> e = expected.iterator(), a = actual.iterator(); e.hasNext(); i++) {
                assertEquals(e.next(), a.next());
                if (i % dropEvery == 0) {
                    e.remove();
                    a.remove();
                }
            }
            assertEquals(new ArrayList<>(expected), new ArrayList<>(actual), "after removing through the iterator");
        }
        CompactSortedSet copy = new CompactSortedSet();
        copy.addAll(actual);
        copy.addAll(expected);
        assertEquals(expected, copy, "equal as sets");
    }

    @Property(tries = 300)
    void bareArraySetsAddUniteAndViewAsATreeSetDoes(@ForAll @Size(max = 40) List<@StringLength(max = 3) String> a,
                                                     @ForAll @Size(max = 40) List<@StringLength(max = 3) String> b) {
        String[] x = SortedStrings.withAll(SortedStrings.NONE, a);
        String[] y = SortedStrings.NONE;
        for (String s : b) y = SortedStrings.with(y, s);
        TreeSet<String> union = new TreeSet<>(a);
        union.addAll(b);
        List<String> actual = SortedStrings.view(SortedStrings.union(x, y));
        assertEquals(new ArrayList<>(union), actual);
        assertEquals(new ArrayList<>(new TreeSet<>(a)), SortedStrings.view(x));
        for (String s : b) {
            assertEquals(union.contains(s), actual.contains(s));
            assertEquals(new ArrayList<>(union).indexOf(s), actual.indexOf(s));
            assertEquals(new TreeSet<>(a).contains(s), SortedStrings.contains(x, s));
        }
        assertEquals(x, SortedStrings.union(x, SortedStrings.NONE), "nothing to add: the same array");
    }
}
