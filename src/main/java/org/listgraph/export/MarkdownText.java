package org.listgraph.export;

import java.util.regex.Pattern;

/** Escapes text for the places of a Markdown line it goes into, so that what the graph holds reads back as itself. */
final class MarkdownText {
    /** Characters that would open a link, code, emphasis or HTML, or end a link's text; a backslash escapes each. */
    private static final Pattern INLINE = Pattern.compile("([\\\\`*\\[\\]<])");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private MarkdownText() {
    }

    /** Text of a line, on one line, with nothing in it read as markup. */
    static String plain(String s) {
        return INLINE.matcher(SPACE.matcher(s).replaceAll(" ").strip()).replaceAll("\\\\$1");
    }

    /** A link's text: as {@link #plain}, since brackets are the only thing that could end it early. */
    static String linkText(String s) {
        return plain(s);
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
