package org.listgraph.identity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Clusters keys; each cluster is named by its smallest member under a given order, so the
 * result does not depend on the order in which keys were joined.
 */
final class UnionFind {
    private final Map<String, String> parent = new HashMap<>();

    void add(String key) {
        parent.putIfAbsent(key, key);
    }

    String find(String key) {
        add(key);
        String root = key;
        while (!parent.get(root).equals(root)) root = parent.get(root);
        String k = key;
        while (!parent.get(k).equals(root)) {
            String next = parent.get(k);
            parent.put(k, root);
            k = next;
        }
        return root;
    }

    /** Joins the clusters of two keys; returns false when they were already one. */
    boolean union(String a, String b) {
        String ra = find(a);
        String rb = find(b);
        if (ra.equals(rb)) return false;
        parent.put(ra.compareTo(rb) < 0 ? rb : ra, ra.compareTo(rb) < 0 ? ra : rb);
        return true;
    }

    boolean same(String a, String b) {
        return find(a).equals(find(b));
    }

    /** Every cluster with more than one member, named by its smallest member under {@code order}. */
    Map<String, List<String>> clusters(Comparator<String> order) {
        Map<String, List<String>> byRoot = new HashMap<>();
        for (String k : parent.keySet()) byRoot.computeIfAbsent(find(k), r -> new ArrayList<>()).add(k);
        Map<String, List<String>> named = new TreeMap<>();
        for (List<String> members : byRoot.values()) {
            if (members.size() < 2) continue;
            members.sort(order);
            named.put(members.get(0), List.copyOf(members));
        }
        return named;
    }
}
