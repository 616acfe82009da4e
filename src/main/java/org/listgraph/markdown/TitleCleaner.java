package org.listgraph.markdown;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cleans a title as written in a list: the 🌟 and {@code ==highlight==} marks become "featured",
 * a site prefix ({@code medium.com: Title}, {@code ovh.com - Title}) is split off and kept as
 * evidence, and emoji and leftover markup never stay in the title.
 */
final class TitleCleaner {
    private static final Pattern HIGHLIGHT = Pattern.compile("==(.+?)==");
    private static final Pattern SITE_PREFIX = Pattern.compile("^([\\p{L}\\p{N}][\\p{L}\\p{N}.-]*)\\s*(?::|\\s[-–—]\\s)\\s*(\\S.*)$");
    /** A format or language tag closing a title: "(PDF)", "[video]", "(Chinese)", "(2nd edition)" stays. */
    private static final Pattern FORMAT_TAG = Pattern.compile("(?i)(?:(?<!\\s)|\\G)\\s*+[(\\[](?:pdf|html|epub|mobi|video|audio|slides|podcast|"
            + "chinese|english|spanish|french|german|russian|japanese|portuguese|korean|italian|turkish|persian|arabic)[)\\]]$");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern QUOTED = Pattern.compile("^[\"“„«‘'].*[\"”«»’']$");
    private static final Pattern HAS_QUOTE = Pattern.compile("[\"“”]");
    private static final Pattern SCHEME = Pattern.compile("^[a-z]+://");
    private static final Pattern AFTER_HOST = Pattern.compile("[/?#:].*$");
    private static final Pattern WWW = Pattern.compile("^www\\.");
    /** A lower-case domain with a common top-level domain ("ovh.com"). */
    /** Labels each ending in a dot, possessively (the last dot splits a name from its TLD in one way only), so a name of thousands of labels does not overflow the stack. */
    private static final Pattern COMMON_DOMAIN = Pattern.compile("^(?:[a-z0-9-]++\\.)++(?:com|org|net|io|dev|co|me|sh|info|blog|cloud|app|tech|ai|us|uk|de|ch|fr|nl|eu|cc|xyz|pub)");
    private static final int STAR = 0x1F31F;
    private static final int WHITE_STAR = 0x2B50;

    /** A cleaned title, whether it was marked as featured, and the site prefix that was removed (or null). */
    record Clean(String title, boolean featured, String site) {
    }

    private TitleCleaner() {
    }

    static Clean clean(String raw, String url) {
        boolean featured = raw.codePoints().anyMatch(c -> c == STAR || c == WHITE_STAR);
        Matcher h = HIGHLIGHT.matcher(raw);
        if (h.find()) featured = true;
        String t = HIGHLIGHT.matcher(raw).replaceAll("$1"); // a lone "==" ("a == b") is text
        t = SPACES.matcher(withoutSymbols(t)).replaceAll(" ").strip();
        // A title wholly in quotes ("“The system can’t handle a billion dollars”") is the title without them.
        if (t.length() > 2 && "\"“„«‘'".indexOf(t.charAt(0)) >= 0 && QUOTED.matcher(t).matches() && !HAS_QUOTE.matcher(t.substring(1, t.length() - 1)).find()) {
            t = t.substring(1, t.length() - 1).strip();
        }
        String untagged = FORMAT_TAG.matcher(t).replaceFirst("").strip();
        if (!untagged.isEmpty()) t = untagged;
        String site = null;
        Matcher m = SITE_PREFIX.matcher(t);
        if (m.matches() && isSite(m.group(1), url)) {
            site = m.group(1);
            t = m.group(2).strip();
        }
        return new Clean(t, featured, site);
    }

    /**
     * A prefix names a site when it is the link's own host or a part of it ("kubernetes.io",
     * "technos.medium.com"), a lower-case domain with a common top-level domain ("ovh.com"), or a
     * lower-case label of the link's host ("medium" for medium.com). "Node.js", "ASP.NET" and
     * "Cilium" (a product of cilium.io) stay in the title.
     */
    private static boolean isSite(String prefix, String url) {
        String p = prefix.toLowerCase(Locale.ROOT);
        String host = SCHEME.matcher(url.toLowerCase(Locale.ROOT)).replaceFirst("");
        host = WWW.matcher(AFTER_HOST.matcher(host).replaceFirst("")).replaceFirst("");
        if (p.contains(".") && (host.equals(p) || host.endsWith("." + p) || p.endsWith("." + host))) return true;
        boolean lowerCase = prefix.equals(p);
        if (lowerCase && COMMON_DOMAIN.matcher(p).matches()) return true;
        if (!lowerCase || p.contains(".")) return false;
        for (String label : host.split("\\.")) {
            if (label.equals(p)) return true;
        }
        return false;
    }

    /**
     * Removes emoji and pictographs (with their joiners, variation selectors, keycaps and skin tones);
     * other symbols that belong in titles (° ℃ © ™) stay.
     */
    static String withoutSymbols(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            if (!isPictograph(c)) sb.appendCodePoint(c);
        });
        return sb.toString();
    }

    /** Emoji, dingbats, stars and the characters that only modify them. */
    static boolean isPictograph(int c) {
        return c >= 0x1F000 && c <= 0x1FAFF       // emoji, symbols and pictographs, skin tones, regional indicators
                || c >= 0x2600 && c <= 0x27BF      // miscellaneous symbols and dingbats
                || c >= 0x2B00 && c <= 0x2BFF      // arrows and stars (⭐)
                || c == 0x200D || c == 0x20E3      // zero-width joiner, combining keycap
                || c >= 0xFE00 && c <= 0xFE0F;     // variation selectors
    }
}
