package org.listgraph.identity;

import org.listgraph.entry.BadInputException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The SKOS concept scheme that headings are aligned to ({@code ontology/topics.ttl}): concepts with
 * their labels and broader concepts, and the words that make a heading name no topic. It is read from
 * Turtle by the RDF stage ({@code org.listgraph.rdf.TopicSchemeReader}); this stage only uses it.
 */
public final class TopicScheme {

    /** One concept: its key (the last part of its IRI), labels, broader concepts and whether text may name it. */
    public record Concept(String key, String prefLabel, List<String> altLabels, List<String> broader, boolean matchInText) {
        public Concept {
            altLabels = List.copyOf(altLabels);
            broader = List.copyOf(broader);
        }

        /** The preferred label first, then the others. */
        public List<String> labels() {
            List<String> all = new ArrayList<>();
            all.add(prefLabel);
            all.addAll(altLabels);
            return all;
        }
    }

    private final SortedMap<String, Concept> concepts;
    /** Every label in its {@link TopicText#squashed} form, to the concept it names. */
    private final Map<String, String> byLabel;
    private final Set<String> genericHeadings;
    private final Set<String> kindWords;
    private final Set<String> qualifierWords;
    private final int longestLabel;

    private TopicScheme(SortedMap<String, Concept> concepts, Map<String, String> byLabel, Set<String> generic, Set<String> kindWords,
                        Set<String> qualifierWords) {
        this.concepts = Collections.unmodifiableSortedMap(concepts);
        this.byLabel = Map.copyOf(byLabel);
        this.genericHeadings = Set.copyOf(generic);
        this.kindWords = Set.copyOf(kindWords);
        this.qualifierWords = Set.copyOf(qualifierWords);
        this.longestLabel = concepts.values().stream().flatMap(c -> c.labels().stream())
                .mapToInt(l -> TopicText.words(l).size()).max().orElse(1);
    }

    /** A scheme with no concepts and no generic words: every heading is a topic of its own. */
    public static TopicScheme empty() {
        return new TopicScheme(new TreeMap<>(), Map.of(), Set.of(), Set.of(), Set.of());
    }

    /**
     * A scheme from its concepts and word lists, checked as a user can fix it ({@code source} names the file):
     * every broader concept exists, no label names two concepts, and no concept is broader than itself.
     */
    public static TopicScheme of(java.util.Collection<Concept> all, java.util.Collection<String> genericHeadings,
                                 java.util.Collection<String> kindWords, java.util.Collection<String> qualifierWords, String source) {
        SortedMap<String, Concept> concepts = new TreeMap<>();
        for (Concept c : all) {
            if (!c.key().matches("[a-z0-9]+(-[a-z0-9]+)*")) {
                throw new BadInputException(source + ": error: topic key '" + c.key() + "' must be lowercase letters and digits joined by '-'");
            }
            if (concepts.put(c.key(), c) != null) throw new BadInputException(source + ": error: topic " + c.key() + " is declared twice");
        }
        Map<String, String> byLabel = new HashMap<>();
        for (Concept c : concepts.values()) {
            for (String b : c.broader()) {
                if (!concepts.containsKey(b)) throw new BadInputException(source + ": error: topic " + c.key() + " has skos:broader " + b
                        + ", which is no skos:Concept of the scheme; declare it or remove the link");
            }
            for (String label : c.labels()) {
                String k = TopicText.squashed(label);
                if (k.isEmpty()) continue;
                String other = byLabel.putIfAbsent(k, c.key());
                if (other != null && !other.equals(c.key())) {
                    throw new BadInputException(source + ": error: the label '" + label + "' names both topic " + other + " and topic "
                            + c.key() + "; keep it on one of them");
                }
            }
        }
        checkNoCycle(concepts, source);
        return new TopicScheme(concepts, byLabel, lowered(genericHeadings), lowered(kindWords), lowered(qualifierWords));
    }

    private static Set<String> lowered(java.util.Collection<String> words) {
        Set<String> out = new HashSet<>();
        for (String w : words) out.add(String.join(" ", TopicText.words(w)));
        return out;
    }

    private static void checkNoCycle(Map<String, Concept> concepts, String source) {
        Map<String, Integer> state = new HashMap<>();
        for (String k : concepts.keySet()) visit(k, concepts, state, new ArrayList<>(), source);
    }

    private static void visit(String k, Map<String, Concept> concepts, Map<String, Integer> state, List<String> path, String source) {
        Integer s = state.get(k);
        if (s != null && s == 2) return;
        path.add(k);
        if (s != null) throw new BadInputException(source + ": error: skos:broader goes round in a circle: " + String.join(" ⊑ ", path));
        state.put(k, 1);
        for (String b : concepts.get(k).broader()) visit(b, concepts, state, path, source);
        state.put(k, 2);
        path.remove(path.size() - 1);
    }

    public Optional<Concept> concept(String key) {
        return Optional.ofNullable(concepts.get(key));
    }

    /** Every concept, in key order. */
    public java.util.Collection<Concept> concepts() {
        return concepts.values();
    }

    /** The concept a label names (in any spelling {@link TopicText#squashed} makes alike), if any. */
    public Optional<Concept> byLabel(String label) {
        return bySquashed(TopicText.squashed(label));
    }

    Optional<Concept> bySquashed(String squashed) {
        String key = byLabel.get(squashed);
        return key == null ? Optional.empty() : Optional.of(concepts.get(key));
    }

    /** The concept and all its broader ones, transitively, sorted. */
    public SortedMap<String, Concept> withAncestors(String key) {
        SortedMap<String, Concept> out = new TreeMap<>();
        List<String> todo = new ArrayList<>(List.of(key));
        while (!todo.isEmpty()) {
            Concept c = concepts.get(todo.remove(todo.size() - 1));
            if (c != null && out.put(c.key(), c) == null) todo.addAll(c.broader());
        }
        return out;
    }

    boolean genericHeading(String words) {
        return genericHeadings.contains(words);
    }

    boolean kindWord(String words) {
        return kindWords.contains(words);
    }

    boolean qualifierWord(String words) {
        return qualifierWords.contains(words);
    }

    int longestLabel() {
        return longestLabel;
    }
}
