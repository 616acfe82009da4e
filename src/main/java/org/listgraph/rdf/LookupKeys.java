package org.listgraph.rdf;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The {@code lg:lookupKey} values of a name or label: lower case as written, and without accents, so a
 * saved query that lower-cases its parameter finds "Tim Hockin" from "TIM HOCKIN" and "Mazières" from
 * "Mazieres" with one index lookup. Topic labels also get a form without spaces or punctuation
 * ("NetworkPolicy" = "network policy" = "network-policy").
 */
public final class LookupKeys {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}+#]+");

    private LookupKeys() {
    }

    /** Keys of a person's or organisation's name, handle or account name. */
    public static Set<String> ofName(String name) {
        Set<String> keys = new TreeSet<>();
        String lower = name.strip().toLowerCase(Locale.ROOT);
        if (lower.isEmpty()) return keys;
        keys.add(lower);
        keys.add(unaccented(lower));
        return keys;
    }

    /** Keys of a topic label: as for names, and squashed. */
    public static Set<String> ofLabel(String label) {
        Set<String> keys = ofName(label);
        for (String k : Set.copyOf(keys)) {
            String squashed = NOT_WORD.matcher(k).replaceAll("");
            if (!squashed.isEmpty()) keys.add(squashed);
        }
        return keys;
    }

    /** A text without its accents ("Mazières" → "Mazieres"). */
    public static String unaccented(String s) {
        return MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
    }
}
