package org.listgraph.entry;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a list's Markdown looks like beyond its entries, as lint checks it: every heading with the anchor GitHub gives
 * it, every image and every link target that is not an absolute URL (anchors, relative paths, addresses without a scheme),
 * and the anchors the file declares. Read with the list, so lint need not parse the file again.
 */
public record Outline(List<HeadingAt> headings, List<TargetAt> targets, Set<String> anchors) {
    /** The outline of a list that was not read from Markdown. */
    public static final Outline EMPTY = new Outline(List.of(), List.of(), Set.of());

    public Outline {
        headings = List.copyOf(headings);
        targets = List.copyOf(targets);
        anchors = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(anchors)); // sorted: the same text every time
    }

    /** A heading: its level, its plain text, the anchor GitHub renders for it, and where it is. */
    public record HeadingAt(int level, String text, String anchor, SourcePosition position) {
        public HeadingAt {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(anchor, "anchor");
            Objects.requireNonNull(position, "position");
        }
    }

    /** A link or image: its target as written, its text, and where it is. */
    public record TargetAt(String target, String text, boolean image, SourcePosition position) {
        public TargetAt {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(position, "position");
        }
    }

    /**
     * Whether lint looks at a target: every image (the Awesome badge is one), and every link but those to absolute URLs
     * ({@code scheme://…}), which are the entries' business.
     */
    public static boolean kept(String target, boolean image) {
        return image || target.startsWith("#") || !target.contains("://");
    }
}
