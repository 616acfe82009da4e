package org.listgraph.export;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Escapes text for the place of a Markdown document it goes into, so that what the graph holds reads back as itself:
 * inside a line, at the start of a paragraph, as a heading, as a link's destination.
 */
final class MarkdownText {
    /** Characters that open a link, code, emphasis, strikethrough or HTML, or end a link's text, anywhere in a line. */
    private static final Pattern INLINE = Pattern.compile("[\\\\`*\\[\\]<~]");
    /** An underscore that can open or close emphasis: one not between two letters or digits ("go_test" stays). */
    private static final Pattern EMPHASIS_UNDERSCORE = Pattern.compile("(?<![\\p{L}\\p{N}])_|_(?![\\p{L}\\p{N}])");
    /** What would read as a character reference ("&amp;", "&#169;"). */
    private static final Pattern ENTITY = Pattern.compile("&(?=#?[A-Za-z0-9]{1,32};)");
    /** What makes a line a heading, quote, list item or rule when it starts one ("# ", "> ", "+ ", "1986. "). */
    private static final Pattern BLOCK_START = Pattern.compile("^(?:([#>+=-])|(\\d{1,9})([.)]))");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private MarkdownText() {
    }

    /** Text inside a line (a link's text, a description): on one line, with nothing in it read as markup. */
    static String inline(String s) {
        String one = SPACE.matcher(s).replaceAll(" ").strip();
        one = INLINE.matcher(one).replaceAll(m -> Matcher.quoteReplacement("\\" + m.group()));
        one = EMPHASIS_UNDERSCORE.matcher(one).replaceAll(Matcher.quoteReplacement("\\_"));
        return ENTITY.matcher(one).replaceAll(Matcher.quoteReplacement("\\&"));
    }

    /** A paragraph of one line: as {@link #inline}, and not starting a heading, quote or list item. */
    static String paragraph(String s) {
        String one = inline(s);
        Matcher m = BLOCK_START.matcher(one);
        if (!m.find()) return one;
        return m.group(1) != null ? "\\" + one : m.group(2) + "\\" + one.substring(m.group(2).length());
    }

    /** A heading's text: as {@link #paragraph}, and not ending in '#' (a closing sequence Markdown drops). */
    static String heading(String s) {
        String one = paragraph(s);
        return one.endsWith("#") ? one.substring(0, one.length() - 1) + "\\#" : one;
    }

    /**
     * A link's destination, so the link ends where it should: spaces and angle brackets percent-encoded; parentheses
     * kept when they pair up (Wikipedia's "Foo_(bar)"), as CommonMark allows, else each escaped with a backslash.
     */
    static String destination(String url) {
        boolean paired = true;
        int depth = 0;
        for (char c : url.toCharArray()) {
            if (c == '(') depth++;
            if (c == ')' && --depth < 0) paired = false;
        }
        paired &= depth == 0;
        StringBuilder b = new StringBuilder(url.length());
        for (char c : url.toCharArray()) {
            switch (c) {
                case ' ' -> b.append("%20");
                case '<' -> b.append("%3C");
                case '>' -> b.append("%3E");
                case '(', ')' -> b.append(paired ? "" : "\\").append(c);
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
