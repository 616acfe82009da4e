package org.listgraph.identity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the concepts of the topic scheme that a title or description names ("Cilium Network Policies"
 * names Cilium and Network Policy). A one-word label must be written as the scheme writes it ("Calico",
 * "eBPF", not "calico" in running text, which may be a word); longer labels match in any case and
 * number. Concepts marked {@code lg:matchInText false} (common words such as Testing or Go) are never found.
 */
public final class TopicMentions {
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}+#]++(?:\\.[\\p{L}\\p{N}]++)*+");

    /** One label as tokens: as written (for one-word labels) and singular lower case (for longer ones). */
    private record Label(String key, List<String> written, List<String> singular) {
    }

    /** Labels by the singular lower-case form of their first word. */
    private final Map<String, List<Label>> byFirst = new HashMap<>();

    public TopicMentions(TopicScheme scheme) {
        for (TopicScheme.Concept c : scheme.concepts()) {
            if (!c.matchInText()) continue;
            for (String label : c.labels()) {
                List<String> written = tokens(label);
                if (written.isEmpty() || written.size() == 1 && written.get(0).length() < 2) continue;
                List<String> singular = written.stream().map(TopicText::singular).toList();
                byFirst.computeIfAbsent(singular.get(0), k -> new ArrayList<>()).add(new Label(c.key(), written, singular));
            }
        }
        // Longest labels first, so "Kubernetes Network Policy" wins over "Kubernetes".
        byFirst.values().forEach(l -> l.sort((a, b) -> Integer.compare(b.written().size(), a.written().size())));
    }

    /** The keys of the concepts the text names, sorted. */
    public Set<String> in(String text) {
        Set<String> out = new TreeSet<>();
        if (text == null || text.isBlank() || byFirst.isEmpty()) return out;
        List<String> written = tokens(text);
        List<String> singular = written.stream().map(TopicText::singular).toList();
        for (int i = 0; i < written.size(); i++) {
            List<Label> candidates = byFirst.get(singular.get(i));
            if (candidates == null) continue;
            for (Label l : candidates) {
                int n = l.written().size();
                if (i + n > written.size()) continue;
                boolean match = n == 1 ? sameWord(written.get(i), l.written().get(0)) : singular.subList(i, i + n).equals(l.singular());
                if (match) {
                    out.add(l.key());
                    i += n - 1;
                    break;
                }
            }
        }
        return out;
    }

    /** "Calico" = "Calico", "Calicos"; not "calico" (lower case in running text may be a plain word). */
    private static boolean sameWord(String text, String label) {
        return text.equals(label) || text.equals(label + "s") || text.equals(label + "es");
    }

    private static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) out.add(m.group());
        return out;
    }
}
