package org.listgraph.testing;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.util.IsoMatcher;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.fail;

/** Compares graphs as isomorphic; on failure shows a sorted N-Triples diff a person can read. */
public final class GraphAssert {
    private GraphAssert() {
    }

    public static void assertIsomorphic(Graph expected, Graph actual, String what) {
        if (IsoMatcher.isomorphic(expected, actual)) return;
        TreeSet<String> exp = new TreeSet<>(ntriples(expected));
        TreeSet<String> act = new TreeSet<>(ntriples(actual));
        List<String> diff = new ArrayList<>();
        for (String l : exp) if (!act.contains(l)) diff.add("- " + l);
        for (String l : act) if (!exp.contains(l)) diff.add("+ " + l);
        diff.sort((a, b) -> a.substring(2).compareTo(b.substring(2)));
        fail(what + ": graphs differ (- expected only, + actual only):\n" + String.join("\n", diff));
    }

    /** The graph as sorted N-Triples lines. */
    public static List<String> ntriples(Graph g) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFDataMgr.write(out, g, RDFFormat.NTRIPLES_UTF8);
        return Arrays.stream(out.toString(StandardCharsets.UTF_8).split("\n")).filter(s -> !s.isBlank()).sorted().toList();
    }
}
