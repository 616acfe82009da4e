package org.listgraph.store;

import org.junit.jupiter.api.Test;
import org.listgraph.rdf.LookupKeys;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SuggestionsTest {
    private static final List<String> PEOPLE = List.of("Tim Hockin", "thockin", "Thomas Graf", "tgraf", "Julia Evans", "jvns", "Bryan Boreham");

    @Test
    void aMisspeltNameSuggestsTheNamesAFewEditsAway() {
        assertEquals(List.of("Tim Hockin"), Suggestions.closest("Tim Hokin", PEOPLE));
    }

    @Test
    void aFamilyNameAloneSuggestsTheFullName() {
        assertEquals(List.of("Julia Evans"), Suggestions.closest("Evans", PEOPLE));
    }

    @Test
    void nothingCloseSuggestsNothing() {
        assertTrue(Suggestions.closest("Rich Hickey", PEOPLE).isEmpty());
    }

    @Test
    void lookupKeysIgnoreCaseAndAccentsAndTopicKeysAlsoSpacing() {
        assertEquals(Set.of("mazières", "mazieres"), LookupKeys.ofName("Mazières"));
        assertEquals(Set.of("thockin"), LookupKeys.ofName("THOCKIN"));
        assertTrue(LookupKeys.ofLabel("Network Policy").contains("networkpolicy"));
    }
}
