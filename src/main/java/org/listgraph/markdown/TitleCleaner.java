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
        String t = HIGHLIGHT.matcher(raw).replaceAll("$1").replace("==", "");
        t = withoutSymbols(t).replaceAll("\\s+", " ").strip();
        String site = null;
        Matcher m = SITE_PREFIX.matcher(t);
        if (m.matches() && isSite(m.group(1), url)) {
            site = m.group(1);
            t = m.group(2).strip();
        }
        return new Clean(t, featured, site);
    }

    /** A prefix names a site when it looks like a domain or is a label of the link's own host ("medium" for medium.com). */
    private static boolean isSite(String prefix, String url) {
        String p = prefix.toLowerCase(Locale.ROOT);
        if (p.matches("[a-z0-9-]+(\\.[a-z0-9-]+)*\\.[a-z]{2,}")) return true;
        String host = url.toLowerCase(Locale.ROOT).replaceFirst("^[a-z]+://", "").replaceFirst("[/?#:].*$", "");
        for (String label : host.split("\\.")) {
            if (label.equals(p)) return true;
        }
        return false;
    }

    /** Removes emoji and other pictographs (Unicode "other symbol"), with their joiners and variation selectors. */
    static String withoutSymbols(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            int type = Character.getType(c);
            boolean drop = type == Character.OTHER_SYMBOL || c == 0x200D || (c >= 0xFE00 && c <= 0xFE0F)
                    || (c >= 0x1F3FB && c <= 0x1F3FF);
            if (!drop) sb.appendCodePoint(c);
        });
        return sb.toString();
    }
}
