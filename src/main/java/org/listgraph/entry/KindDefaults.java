package org.listgraph.entry;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The kinds a list declares in its manifest entry: a default for every entry ({@code "kind"}) and
 * defaults for the sections whose heading matches a pattern ({@code "sectionKinds"}, in order).
 */
public record KindDefaults(Kind list, List<SectionKind> sections) {
    /** Nothing declared. */
    public static final KindDefaults NONE = new KindDefaults(null, List.of());

    /**
     * The kind of the sections whose heading (any level of the path) matches {@code heading}, found with {@code find()};
     * the pattern is compiled with no flags (inline ones such as {@code (?i)} are part of its source), which is how it is kept.
     */
    public record SectionKind(Pattern heading, Kind kind) {
        public SectionKind {
            Objects.requireNonNull(heading, "heading");
            Objects.requireNonNull(kind, "kind");
        }
    }

    public KindDefaults {
        sections = List.copyOf(Objects.requireNonNull(sections, "sections"));
    }

    /** The declared kind of a section, the deepest heading that a pattern matches deciding, with the pattern that matched. */
    public Optional<SectionKind> forSection(List<String> path) {
        for (int i = path.size() - 1; i >= 0; i--) {
            for (SectionKind s : sections) {
                if (s.heading().matcher(path.get(i)).find()) return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
