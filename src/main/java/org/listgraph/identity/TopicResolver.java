package org.listgraph.identity;

import org.listgraph.identity.Clustering.Edge;
import org.listgraph.identity.Identified.Decision;
import org.listgraph.identity.Identified.TopicNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.listgraph.identity.Clustering.join;
import static org.listgraph.identity.Clustering.pick;

/**
 * Gives the headings of all lists that mean the same subject one shared topic: the concepts of the
 * {@link TopicScheme} that a heading names ({@link TopicAligner}), a topic of its own for a heading the
 * scheme does not know (joined with the same heading with "Kubernetes" in front), and curators'
 * overrides. Only topics some resource is on become nodes, with the broader concepts above them.
 */
final class TopicResolver {
    private final IriMinter iris;
    private final Overrides overrides;
    private final TopicAligner aligner;
    private final TopicMentions mentions;
    /** Raw topic keys with the headings that named them, as written, and how often. */
    private final SortedMap<String, Map<String, Integer>> topics = new TreeMap<>();
    /** Raw keys of topics of their own → the scheme's concepts their words name, their broader topics. */
    private final Map<String, Set<String>> ownBroader = new HashMap<>();
    /** One IRI string per raw topic key: every resource's evidence names its topics, a million times at scale. */
    private final Map<String, String> iriOfKey = new HashMap<>();

    TopicResolver(IriMinter iris, Overrides overrides, TopicScheme scheme) {
        this.iris = iris;
        this.overrides = overrides;
        this.aligner = new TopicAligner(scheme);
        this.mentions = new TopicMentions(scheme);
    }

    /** Records a heading and returns the IRIs of the topics it names before clustering; none for a generic heading ("Other"). */
    List<String> add(String heading) {
        List<String> out = new ArrayList<>();
        for (TopicAligner.Topic t : aligner.topics(heading)) {
            topics.computeIfAbsent(t.key(), x -> new TreeMap<>()).merge(t.label(), 1, Integer::sum);
            if (t.concept() == null && !t.broader().isEmpty()) {
                t.broader().forEach(c -> ownBroader.computeIfAbsent(t.key(), x -> new TreeSet<>()).add(c.key()));
            }
            out.add(topicIri(t.key()));
        }
        return out;
    }

    private String topicIri(String key) {
        return iriOfKey.computeIfAbsent(key, iris::topic);
    }

    /** Whether a heading names any topic, without recording it. */
    boolean namesTopic(String heading) {
        return !aligner.topics(heading).isEmpty();
    }

    /** The keys of the scheme's concepts that a title or description names; reads only the scheme, so any thread may call it. */
    Set<String> mentionKeys(String text) {
        return mentions.in(text);
    }

    /** Records the concepts of {@link #mentionKeys(String)} as topics and returns their IRIs. */
    Set<String> mentioned(Set<String> keys) {
        Set<String> out = new TreeSet<>();
        for (String key : keys) {
            topics.computeIfAbsent(key, x -> new TreeMap<>());
            out.add(topicIri(key));
        }
        return out;
    }

    /**
     * The IRIs of the concepts broader than a topic, transitively, short of the scheme's top concepts (that two
     * people write on "Computer Science" says little); for a topic of its own, those of the concepts its words name.
     */
    Set<String> broaderIris(String topicIri) {
        String prefix = iris.topic("");
        if (!topicIri.startsWith(prefix)) return Set.of();
        String key = topicIri.substring(prefix.length());
        Set<String> out = new TreeSet<>();
        for (String k : ownBroader.getOrDefault(key, Set.of(key))) {
            aligner.scheme().withAncestors(k).values().stream().filter(c -> !c.broader().isEmpty())
                    .forEach(c -> out.add(iris.topic(c.key())));
        }
        out.remove(topicIri);
        return out;
    }

    /** Topic clusters: each raw topic IRI that was merged → the IRI it resolved to. */
    record Topics(Map<String, String> aliases, Map<String, String> keys) {
    }

    /** Clusters the topics named so far. */
    Topics resolve(List<Decision> decisions) {
        Map<String, String> topicKeys = keys(decisions);
        Map<String, String> aliases = new HashMap<>();
        topicKeys.forEach((raw, key) -> {
            if (!raw.equals(key)) aliases.put(iris.topic(raw), iris.topic(key));
        });
        return new Topics(aliases, topicKeys);
    }

    /**
     * The nodes of the topics in {@code used} (resolved IRIs that some resource is on) and of the broader
     * concepts above them: a concept of the scheme is labelled as the scheme labels it (the headings that
     * named it are more alternative labels); a topic of its own by its most frequent heading.
     */
    List<TopicNode> nodes(Topics resolved, Set<String> used) {
        TopicScheme scheme = aligner.scheme();
        Map<String, Map<String, Integer>> headings = new TreeMap<>();
        topics.forEach((raw, labels) -> labels.forEach((l, c) ->
                headings.computeIfAbsent(resolved.keys().get(raw), k -> new TreeMap<>()).merge(l, c, Integer::sum)));
        Map<String, Set<String>> ownBroaderResolved = new TreeMap<>();
        ownBroader.forEach((raw, bs) -> ownBroaderResolved.computeIfAbsent(resolved.keys().get(raw), k -> new TreeSet<>()).addAll(bs));
        SortedMap<String, TopicScheme.Concept> concepts = new TreeMap<>();
        Set<String> keys = new TreeSet<>();
        for (String key : new TreeSet<>(resolved.keys().values())) {
            if (!used.contains(iris.topic(key))) continue;
            keys.add(key);
            scheme.concept(key).ifPresent(c -> concepts.putAll(scheme.withAncestors(c.key())));
            if (scheme.concept(key).isEmpty()) ownBroaderResolved.getOrDefault(key, Set.of()).forEach(b -> concepts.putAll(scheme.withAncestors(b)));
        }
        keys.addAll(concepts.keySet());
        List<TopicNode> out = new ArrayList<>();
        for (String key : keys) {
            Map<String, Integer> named = headings.getOrDefault(key, Map.of());
            Optional<TopicScheme.Concept> c = scheme.concept(key);
            String pref = c.map(TopicScheme.Concept::prefLabel).orElseGet(() -> pick(named));
            Set<String> alt = new TreeSet<>(named.keySet());
            c.ifPresent(x -> alt.addAll(x.altLabels()));
            alt.remove(pref);
            List<String> broader = c.map(x -> x.broader().stream().map(iris::topic).toList())
                    .orElseGet(() -> ownBroaderResolved.getOrDefault(key, Set.of()).stream().map(iris::topic).toList());
            out.add(new TopicNode(iris.topic(key), pref, List.copyOf(alt), broader, c.isPresent()));
        }
        return out;
    }

    /** The key of the first topic a heading as an override writes it names. */
    private Optional<String> keyOf(String heading) {
        return aligner.topics(heading).stream().map(TopicAligner.Topic::key).findFirst();
    }

    /** Raw topic key → the key of its cluster: "kubernetes-sidecar" joins "sidecar", overrides join or part others. */
    private Map<String, String> keys(List<Decision> decisions) {
        List<Edge> edges = new ArrayList<>();
        for (String key : topics.keySet()) {
            // Only for headings the scheme does not know: "Kubernetes Networking" is a concept of its own, not "Networking".
            if (key.startsWith("kubernetes-") && topics.containsKey(key.substring("kubernetes-".length()))
                    && aligner.scheme().concept(key).isEmpty()) {
                edges.add(new Edge(key, key.substring("kubernetes-".length()), "the same heading with 'Kubernetes' in front"));
            }
        }
        for (Overrides.Pair p : overrides.mergeTopics()) {
            Optional<String> a = keyOf(p.a()).filter(topics::containsKey);
            Optional<String> b = keyOf(p.b()).filter(topics::containsKey);
            if (a.isPresent() && b.isPresent()) edges.add(new Edge(a.get(), b.get(), "merged by " + p.source()));
            else decisions.add(new Decision("topic", "override not applied", p.a(), List.of(p.a(), p.b()),
                    List.of(p.source() + ": no heading of any list names " + (a.isEmpty() ? p.a() : p.b())), List.of(), List.of()));
        }
        List<Overrides.Pair> apart = new ArrayList<>();
        for (Overrides.Pair p : overrides.apartTopics()) {
            Optional<String> a = keyOf(p.a());
            Optional<String> b = keyOf(p.b());
            if (a.isEmpty() || b.isEmpty()) continue;
            if (a.get().equals(b.get())) {
                // Both headings name one concept of the scheme: only the scheme can tell them apart.
                decisions.add(new Decision("topic", "override not applied", iris.topic(a.get()), List.of(p.a(), p.b()),
                        List.of(p.source() + ": both headings name the topic " + a.get() + " of the topic scheme; to keep them apart, "
                                + "give them different concepts in " + "ontology/topics.ttl"), List.of(), List.of()));
            } else {
                apart.add(new Overrides.Pair(a.get(), b.get(), p.source()));
            }
        }
        UnionFind uf = new UnionFind();
        topics.keySet().forEach(uf::add);
        Map<String, List<String>> evidence = join(uf, edges, apart, "topic", decisions);
        // A concept of the scheme names its cluster; otherwise the shortest key does.
        Comparator<String> schemeFirst = Comparator.comparing((String k) -> aligner.scheme().concept(k).isEmpty())
                .thenComparingInt(String::length).thenComparing(k -> k);
        Map<String, List<String>> clusters = uf.clusters(schemeFirst);
        Map<String, String> keys = new HashMap<>();
        for (String k : topics.keySet()) keys.put(k, k);
        clusters.forEach((name, members) -> {
            members.forEach(m -> keys.put(m, name));
            List<String> labels = members.stream().flatMap(m -> topics.getOrDefault(m, Map.of()).keySet().stream()).sorted().toList();
            decisions.add(new Decision("topic", "merged", iris.topic(name), labels, evidence.getOrDefault(name, List.of()), List.of(), List.of()));
        });
        topics.forEach((key, labels) -> {
            if (labels.size() > 1 && !clusters.containsKey(key) && keys.get(key).equals(key)) {
                decisions.add(new Decision("topic", "merged", iris.topic(key), List.copyOf(labels.keySet()),
                        List.of(aligner.scheme().concept(key).isPresent() ? "the headings name one concept of the topic scheme"
                                : "the same words after case, punctuation, plurals and qualifiers are set aside"), List.of(), List.of()));
            }
        });
        return keys;
    }
}
