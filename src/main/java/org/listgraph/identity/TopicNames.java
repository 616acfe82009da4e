package org.listgraph.identity;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a section heading into the key of the topic it names, so that the same heading in two
 * lists is one topic. Generic headings ("Other", "Overview", "Tooling", …) name no topic.
 */
public final class TopicNames {
    private static final Set<String> GENERIC = Set.of(
            "other", "others", "overview", "introduction", "intro", "tooling", "tools", "3rd party articles",
            "third party articles", "official documentation", "documentation", "tweets", "table of contents", "contents",
            "toc", "general", "misc", "miscellaneous", "references", "reference", "resources", "links", "more",
            "see also", "license", "contributing", "articles", "videos", "talks", "books", "blogs", "blog posts");

    /** The topic key of a heading (e.g. "ebpf", "linux-namespaces"), or empty for a generic heading. */
    public Optional<String> key(String heading) {
        String words = heading.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}+#]+", " ").strip();
        if (words.isEmpty() || GENERIC.contains(words)) return Optional.empty();
        return Optional.of(IriMinter.slug(words.replace("+", " plus ").replace("#", " sharp ")));
    }
}
