package org.listgraph.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a section heading into the key of the topic it names, so that headings with the same
 * meaning share one topic: case, punctuation and plurals ("Service Meshes" = "Service Mesh"),
 * CamelCase ("NetworkPolicy" = "Network Policy"), and an acronym with its expansion
 * ("CNI Container Networking Interface" = "CNI"). Generic headings ("Other", "Overview",
 * "Tooling", …) name no topic.
 */
public final class TopicNames {
    private static final Set<String> GENERIC = Set.of(
            "other", "others", "overview", "introduction", "intro", "tooling", "tools", "3rd party articles",
            "third party articles", "official documentation", "documentation", "tweets", "table of contents", "contents",
            "toc", "general", "misc", "miscellaneous", "references", "reference", "resources", "links", "more",
            "see also", "license", "contributing", "articles", "videos", "talks", "books", "blogs", "blog posts");
    private static final Set<String> STOP = Set.of("of", "and", "the", "for", "a", "an", "in", "on", "to");
    /** Words that end in s but are not plurals. */
    private static final Set<String> NOT_PLURAL = Set.of("kubernetes", "dns", "ingress", "analysis", "basis", "status", "aws",
            "https", "tls", "os", "ips", "cgroups", "news", "series", "express", "calico", "linux");
    private static final Pattern ACRONYM_FIRST = Pattern.compile("^([A-Z][A-Za-z]{1,7})\\s+(.+)$");
    private static final Pattern ACRONYM_LAST = Pattern.compile("^(.+?)\\s*\\(([A-Z][A-Za-z]{1,7})\\)$");
    private static final Pattern CAMEL = Pattern.compile("(\\p{Ll}{2,})(\\p{Lu}\\p{Ll})");

    /** The topic key of a heading (e.g. "ebpf", "network-policy", "cni"), or empty for a generic heading. */
    public Optional<String> key(String heading) {
        String h = heading.strip();
        String plain = h.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}+#]+", " ").strip();
        if (plain.isEmpty() || GENERIC.contains(plain)) return Optional.empty();
        Optional<String> acronym = acronym(h);
        if (acronym.isPresent()) return acronym;
        String words = CAMEL.matcher(h).replaceAll("$1 $2").toLowerCase(Locale.ROOT)
                .replace("+", " plus ").replace("#", " sharp ").replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        if (words.isEmpty()) return Optional.empty();
        List<String> list = new ArrayList<>(List.of(words.split(" ")));
        list.set(list.size() - 1, singular(list.get(list.size() - 1)));
        return Optional.of(IriMinter.slug(String.join(" ", list)));
    }

    /** "CNI Container Networking Interface", "Container Network Interface (CNI)" → "cni". */
    private static Optional<String> acronym(String h) {
        Matcher first = ACRONYM_FIRST.matcher(h);
        if (first.matches() && isAcronym(first.group(1)) && initials(first.group(2)).equalsIgnoreCase(first.group(1))) {
            return Optional.of(first.group(1).toLowerCase(Locale.ROOT));
        }
        Matcher last = ACRONYM_LAST.matcher(h);
        if (last.matches() && isAcronym(last.group(2)) && initials(last.group(1)).equalsIgnoreCase(last.group(2))) {
            return Optional.of(last.group(2).toLowerCase(Locale.ROOT));
        }
        return Optional.empty();
    }

    private static boolean isAcronym(String word) {
        long upper = word.chars().filter(Character::isUpperCase).count();
        return upper >= 2 && upper >= word.length() - 1;
    }

    private static String initials(String words) {
        StringBuilder sb = new StringBuilder();
        for (String w : words.split("[\\s-]+")) {
            if (!w.isEmpty() && !STOP.contains(w.toLowerCase(Locale.ROOT))) sb.append(w.charAt(0));
        }
        return sb.toString();
    }

    private static String singular(String w) {
        if (w.length() < 4 || NOT_PLURAL.contains(w)) return w;
        if (w.endsWith("ies")) return w.substring(0, w.length() - 3) + "y";
        if (w.endsWith("sses") || w.endsWith("shes") || w.endsWith("ches") || w.endsWith("xes")) return w.substring(0, w.length() - 2);
        if (w.endsWith("ss") || w.endsWith("us") || w.endsWith("is")) return w;
        if (w.endsWith("s")) return w.substring(0, w.length() - 1);
        return w;
    }
}
