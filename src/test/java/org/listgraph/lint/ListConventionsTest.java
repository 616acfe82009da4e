package org.listgraph.lint;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The two pieces the list conventions stand on: which items sorting would leave in place, and an item's first link. */
class ListConventionsTest {
    @Test
    void theItemsToMoveAreTheFewestThatLeaveTheRestSorted() {
        assertArrayEquals(new boolean[]{true, true, true, false, true, true}, ListConventions.longestSortedRun(List.of("a", "b", "c", "z", "d", "e")));
        assertArrayEquals(new boolean[]{true, true, true}, ListConventions.longestSortedRun(List.of("a", "a", "b")), "equal names stay in place");
        assertArrayEquals(new boolean[0], ListConventions.longestSortedRun(List.of()));
    }

    @Test
    void anItemsFirstLinkIsFoundWithOneLevelOfBracketsInItsTextAndAnImageMark() {
        String line = "Compilers Theory - [[Intro] YouTube](https://y.example/a) and [b](https://b.example)";
        int[] at = ListConventions.firstLink(line);
        assertArrayEquals(new int[]{19, 57, 20, 35}, at);
        assertTrue(line.substring(at[2], at[3]).equals("[Intro] YouTube"));
        assertArrayEquals(new int[]{0, 21, 2, 9}, ListConventions.firstLink("![Awesome](badge.svg)"));
        assertNull(ListConventions.firstLink("no link [here] (or here)"));
        assertNull(ListConventions.firstLink("[".repeat(16_384)), "a line of brackets, in linear time");
        assertNull(ListConventions.firstLink("[ ".repeat(8_192)));
    }
}
