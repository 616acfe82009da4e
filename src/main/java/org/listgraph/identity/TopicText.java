package org.listgraph.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spells topic labels and headings alike for comparison: lower case, words only ("C++", "C#" and
 * "Node.js" stay words), one plural ending off each word unless the word is an acronym, a name or a
 * word that only looks plural ("IPVS", "CoreDNS", "Analytics", "Kubernetes" keep theirs).
 */
final class TopicText {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}+#]++(?:\\.[\\p{L}\\p{N}+#]++)*+");
    /** Words that end in s but are not plurals of another word. */
    private static final Set<String> NOT_PLURAL = Set.of("kubernetes", "dns", "ingress", "analysis", "basis", "status", "aws",
            "https", "tls", "ios", "macos", "news", "series", "species", "express", "calico", "linux", "windows", "jenkins",
            "postgres", "rails", "pandas", "redis", "canvas", "atlas", "cors", "less", "sass", "kafka", "prometheus", "istio",
            "helm", "nodejs", "vue.js", "node.js", "react.js", "next.js", "d3.js", "three.js", "chaos", "lens", "axis", "cs",
            "perl", "bayes", "gatsby", "plus", "bus", "mathematics", "physics", "economics");

    private TopicText() {
    }

    /** The words of a text, lower case, in order. */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) out.add(m.group().toLowerCase(Locale.ROOT));
        return out;
    }

    /** The words of a text with each plural made singular where that is safe, lower case. */
    static List<String> singularWords(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) out.add(singular(m.group()));
        return out;
    }

    /** The form labels are compared in: singular words run together ("Network Policies" = "NetworkPolicy"). */
    static String squashed(String text) {
        return String.join("", singularWords(text));
    }

    /** One word as written, singular and lower case unless its ending says it is no plural. */
    static String singular(String written) {
        String w = written.toLowerCase(Locale.ROOT);
        // "IPVS", "CoreDNS", "iOS": a capital S ends an acronym or a name, not a plural.
        if (w.length() < 4 || NOT_PLURAL.contains(w) || !written.endsWith("s") || w.endsWith("ics")) return w;
        if (w.endsWith("ies")) return w.substring(0, w.length() - 3) + "y";
        if (w.endsWith("sses") || w.endsWith("shes") || w.endsWith("ches") || w.endsWith("xes")) return w.substring(0, w.length() - 2);
        if (w.endsWith("ss") || w.endsWith("us") || w.endsWith("is")) return w;
        return w.substring(0, w.length() - 1);
    }
}
