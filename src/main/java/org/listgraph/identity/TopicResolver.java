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
import java.util.SortedMap;
import java.util.TreeMap;

import static org.listgraph.identity.Clustering.join;
import static org.listgraph.identity.Clustering.pick;

/**
 * Gives the headings of all lists that mean the same subject one shared topic: by their normalised
 * words ({@link TopicNames}), a heading with "Kubernetes" in front, and curators' overrides.
 */
final class TopicResolver {
    private final IriMinter iris;
    private final Overrides overrides;
    private final TopicNames topicNames = new TopicNames();
    /** Raw topic keys with the headings that named them, as written, and how often. */
    private final SortedMap<String, Map<String, Integer>> topics = new TreeMap<>();

    TopicResolver(IriMinter iris, Overrides overrides) {
        this.iris = iris;
        this.overrides = overrides;
    }

    /** Records a heading and returns the IRI of the topic it names before clustering, or null for a generic heading ("Other"). */
    String add(String heading) {
        return topicNames.key(heading).map(k -> {
            topics.computeIfAbsent(k, x -> new TreeMap<>()).merge(heading, 1, Integer::sum);
            return iris.topic(k);
        }).orElse(null);
    }

    /** Topic clusters: each raw topic IRI that was merged → the IRI it resolved to, and the topic nodes. */
    record Topics(Map<String, String> aliases, List<TopicNode> nodes) {
    }

    /** Clusters the topics named so far and builds their nodes, each labelled by its most frequent heading. */
    Topics resolve(List<Decision> decisions) {
        Map<String, String> topicKeys = keys(decisions);
        Map<String, String> aliases = new HashMap<>();
        topicKeys.forEach((raw, key) -> {
            if (!raw.equals(key)) aliases.put(iris.topic(raw), iris.topic(key));
        });
        List<TopicNode> ts = new ArrayList<>();
        Map<String, Map<String, Integer>> topicLabels = new TreeMap<>();
        topics.forEach((raw, labels) -> labels.forEach((l, c) -> topicLabels.computeIfAbsent(topicKeys.get(raw), k -> new TreeMap<>()).merge(l, c, Integer::sum)));
        topicLabels.forEach((key, labels) -> {
            String pref = pick(labels);
            ts.add(new TopicNode(iris.topic(key), pref, labels.keySet().stream().filter(l -> !l.equals(pref)).toList()));
        });
        return new Topics(aliases, ts);
    }

    /** Raw topic key → the key of its cluster: "kubernetes-networking" joins "networking", overrides join or part others. */
    private Map<String, String> keys(List<Decision> decisions) {
        List<Edge> edges = new ArrayList<>();
        for (String key : topics.keySet()) {
            if (key.startsWith("kubernetes-") && topics.containsKey(key.substring("kubernetes-".length()))) {
                edges.add(new Edge(key, key.substring("kubernetes-".length()), "the same heading with 'Kubernetes' in front"));
            }
        }
        for (Overrides.Pair p : overrides.mergeTopics()) {
            Optional<String> a = topicNames.key(p.a()).filter(topics::containsKey);
            Optional<String> b = topicNames.key(p.b()).filter(topics::containsKey);
            if (a.isPresent() && b.isPresent()) edges.add(new Edge(a.get(), b.get(), "merged by " + p.source()));
            else decisions.add(new Decision("topic", "override not applied", p.a(), List.of(p.a(), p.b()),
                    List.of(p.source() + ": no heading of any list names " + (a.isEmpty() ? p.a() : p.b())), List.of(), List.of()));
        }
        List<Overrides.Pair> apart = overrides.apartTopics().stream()
                .flatMap(p -> topicNames.key(p.a()).flatMap(a -> topicNames.key(p.b()).map(b -> new Overrides.Pair(a, b, p.source()))).stream())
                .toList();
        UnionFind uf = new UnionFind();
        topics.keySet().forEach(uf::add);
        Map<String, List<String>> evidence = join(uf, edges, apart, "topic", decisions);
        Comparator<String> shortestFirst = Comparator.comparingInt(String::length).thenComparing(k -> k);
        Map<String, List<String>> clusters = uf.clusters(shortestFirst);
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
                        List.of("the same words after case, punctuation, plurals, CamelCase and acronyms are normalised"), List.of(), List.of()));
            }
        });
        return keys;
    }
}
