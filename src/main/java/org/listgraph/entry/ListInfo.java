package org.listgraph.entry;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the manifest (or, failing that, the file itself) says about a list.
 *
 * @param id         stable identifier, lowercase letters, digits and dashes; part of every IRI of the list
 * @param file       path of the Markdown file as shown to users
 * @param origin     where the list comes from (URL), or null
 * @param license    SPDX licence id, or null when unknown
 * @param revisionOf id of the list this file is a later version of, or null
 * @param lintOff    ids of the lint rules switched off for this list
 * @param kinds      the kinds the manifest declares for the list's entries and sections
 */
public record ListInfo(String id, String title, String file, String origin, String license, String revisionOf, java.util.List<String> lintOff,
                       KindDefaults kinds) {
    /** The form of a list id. */
    public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,79}");
    /** Ids that name the store's own graphs and so cannot name a list. */
    public static final java.util.Set<String> RESERVED_IDS = java.util.Set.of("shared", "meta");

    public ListInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(file, "file");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("list id '" + id + "' must be lowercase letters, digits and dashes");
        }
        if (RESERVED_IDS.contains(id)) throw new IllegalArgumentException("list id '" + id + "' is reserved");
        if (title == null || title.isBlank()) throw new IllegalArgumentException("list " + id + " has no title");
        lintOff = lintOff == null ? java.util.List.of() : java.util.List.copyOf(lintOff);
        kinds = kinds == null ? KindDefaults.NONE : kinds;
    }

    /** A list with no declared kinds. */
    public ListInfo(String id, String title, String file, String origin, String license, String revisionOf, java.util.List<String> lintOff) {
        this(id, title, file, origin, license, revisionOf, lintOff, KindDefaults.NONE);
    }

    /** A list with every lint rule on. */
    public ListInfo(String id, String title, String file, String origin, String license, String revisionOf) {
        this(id, title, file, origin, license, revisionOf, java.util.List.of());
    }

    /** A copy with another title. */
    public ListInfo withTitle(String newTitle) {
        return new ListInfo(id, newTitle, file, origin, license, revisionOf, lintOff, kinds);
    }
}
