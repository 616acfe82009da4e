package org.listgraph.store;

import org.listgraph.rdf.LookupKeys;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Close values for a saved query's parameter that found nothing ("did you mean …?"): names, handles and
 * account names of agents, or labels of topics, that contain the value's words or are a few edits away.
 */
public final class Suggestions {
    /** The query that lists the values of each kind of lookup. */
    private static final Map<String, String> CANDIDATES = Map.of(
            "agents", "SELECT DISTINCT ?v WHERE { ?a a foaf:Agent . { ?a foaf:name ?v } UNION { ?a foaf:nick ?v } "
                    + "UNION { ?a foaf:account/foaf:accountName ?v } }",
            "topics", "SELECT DISTINCT ?v WHERE { ?t a lg:Topic ; skos:prefLabel|skos:altLabel ?v }",
            // The ids (as in lists.json) of the lists that are a later version of another.
            "versions", "SELECT DISTINCT ?v WHERE { ?l a lg:List ; prov:wasRevisionOf ?o . BIND(STRAFTER(STR(?l), \"/list/\") AS ?v) }");
    private static final int MAX = 5;

    private Suggestions() {
    }

    /** The lookup kinds a saved query's {@code # lookup:} header may name. */
    public static java.util.Set<String> kinds() {
        return CANDIDATES.keySet();
    }

    /** The SPARQL that lists the candidates for a lookup kind ({@code agents}, {@code topics} or {@code versions}). */
    public static String candidatesQuery(String lookup) {
        String q = CANDIDATES.get(lookup);
        if (q == null) throw new IllegalArgumentException("unknown lookup " + lookup);
        return q;
    }

    /** Up to five candidates closest to {@code value}, best first; empty when none is close. */
    public static List<String> closest(String value, List<String> candidates) {
        String v = key(value);
        if (v.isEmpty()) return List.of();
        Map<String, Integer> score = new LinkedHashMap<>();
        for (String c : new TreeSet<>(candidates)) {
            String k = key(c);
            if (k.isEmpty() || k.equals(v)) continue;
            int d = distance(v, k);
            int allowed = Math.max(1, Math.min(v.length(), k.length()) / 4);
            if (d <= allowed) {
                score.merge(c, d, Math::min);
            } else if (sharesAWord(v, k)) {
                score.merge(c, allowed + 1 + Math.abs(k.length() - v.length()), Math::min);
            }
        }
        List<String> out = new ArrayList<>(score.keySet());
        out.sort(Comparator.comparingInt((String c) -> score.get(c)).thenComparing(c -> c.toLowerCase(Locale.ROOT)).thenComparing(c -> c));
        return out.subList(0, Math.min(MAX, out.size()));
    }

    private static String key(String s) {
        return LookupKeys.unaccented(s.strip().toLowerCase(Locale.ROOT)).replaceAll("\\s+", " ");
    }

    /** "hockin" in "tim hockin", "tim" in "tim hockin": a word of three letters or more that both have. */
    private static boolean sharesAWord(String a, String b) {
        for (String w : a.split("[^\\p{L}\\p{N}]+")) {
            if (w.length() < 3) continue;
            for (String x : b.split("[^\\p{L}\\p{N}]+")) if (x.equals(w) || x.length() >= 3 && distance(x, w) <= (w.length() >= 6 ? 1 : 0)) return true;
        }
        return false;
    }

    /** Edit distance counting a swap of two neighbouring letters as one edit ("Calcio" is one from "Calico"). */
    static int distance(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 8) return Integer.MAX_VALUE / 2;
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i][j - 1] + 1, d[i - 1][j] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
