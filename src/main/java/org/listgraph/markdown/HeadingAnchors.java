package org.listgraph.markdown;

import java.util.HashMap;
import java.util.Map;

/**
 * GitHub's anchors for the headings of one document, given in order: a heading's slug, or for a repeat the slug with
 * "-1", "-2"… appended, skipping any that an earlier heading already has ("Tools", "Tools", "Tools 1" give tools,
 * tools-1, tools-1-1), as GitHub's slugger does.
 */
public final class HeadingAnchors {
    private final Map<String, Integer> occurrences = new HashMap<>();

    /** The anchor of the next heading, whose text (as shown) is {@code heading}. */
    public String next(String heading) {
        String original = MarkdownOutline.slug(heading);
        String anchor = original;
        while (occurrences.containsKey(anchor)) {
            int n = occurrences.merge(original, 1, Integer::sum);
            anchor = original + "-" + n;
        }
        occurrences.put(anchor, 0);
        return anchor;
    }
}
