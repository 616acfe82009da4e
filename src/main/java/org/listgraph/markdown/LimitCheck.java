package org.listgraph.markdown;

import org.listgraph.entry.BadInputException;
import org.listgraph.entry.InputLimits;
import org.listgraph.entry.SourcePosition;

/**
 * One cheap pass over a file's text before flexmark sees it: stops a line or a nesting that is over
 * its {@link InputLimits} with one error line saying where, by how much, and how to raise the limit.
 * flexmark recurses once per nesting level (a stack overflow at about 1,000 levels) and its
 * autolink pass unescapes a line's text in time quadratic in its backslash escapes (a 64 KB line
 * of them took 5 s), so both are stopped here, not found out by a crash or a hang.
 */
final class LimitCheck {
    private final String file;
    private final InputLimits limits;

    private LimitCheck(String file, InputLimits limits) {
        this.file = file;
        this.limits = limits;
    }

    /** Throws a {@link BadInputException} at the first place in {@code text} that is over a limit. */
    static void check(String file, String text, InputLimits limits) {
        new LimitCheck(file, limits).scan(text);
    }

    /** Before the file is read: its size against the file-size limit. */
    static void checkSize(String file, long bytes, long maxBytes) {
        if (bytes > maxBytes) {
            throw new BadInputException(file + ":1:1: error: the file is " + bytes + " bytes, over the file-size limit of "
                    + InputLimits.size(maxBytes) + "; split the list, or raise the limit with --limit file-size="
                    + suggestion(bytes) + "MB");
        }
    }

    /** After an entry is read: the count against the entries limit. */
    static void checkEntries(SourcePosition at, int count, int max) {
        if (count > max) {
            throw new BadInputException(at + ": error: entry " + count + " is over the limit of " + max
                    + " entries per file; split the list, or raise the limit with --limit entries=" + (long) max * 2);
        }
    }

    private static long suggestion(long bytes) {
        return Math.max(1, (bytes >> 20) * 2 + 1);
    }

    private void scan(String text) {
        int line = 1;
        for (int start = 0; start <= text.length(); ) {
            int end = start;
            while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') end++;
            int length = end - start;
            if (length > limits.lineLength()) {
                fail(line, limits.lineLength() + 1, "line is " + length + " characters long, over the line-length limit of "
                        + limits.lineLength(), "break it into lines", "line-length=" + length * 2);
            }
            // Leading indentation, then the block quote and list markers that open a container each.
            int i = start;
            int indent = 0;
            while (i < end && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                indent += text.charAt(i) == '\t' ? 4 - indent % 4 : 1;
                i++;
            }
            int depth = 0;
            int firstMarker = i;
            while (i < end) {
                int next = marker(text, i, end);
                if (next < 0) break;
                depth++;
                i = skipBlanks(text, next, end);
            }
            // Lists nest by indentation too: every level needs at least two columns. Code blocks are not told
            // apart: a container that ends closes its code block, so any line can open containers.
            if (depth > 0) depth += indent / 2;
            if (depth > limits.nestingDepth()) {
                // Point at the marker that went over the limit.
                int at = firstMarker;
                for (int k = 1 + indent / 2; k <= limits.nestingDepth(); k++) at = skipBlanks(text, marker(text, at, end), end);
                boolean most = limits.nestingDepth() == InputLimits.MAX_NESTING_DEPTH;
                fail(line, at - start + 1, "lists and quotes nest " + depth + " deep here, over the nesting-depth limit of "
                        + limits.nestingDepth(), most ? "flatten the nesting (deeper is not read safely)" : "flatten the nesting",
                        most ? null : "nesting-depth=" + Math.min(InputLimits.MAX_NESTING_DEPTH, depth * 2));
            }
            if (end < text.length() && text.charAt(end) == '\r' && end + 1 < text.length() && text.charAt(end + 1) == '\n') end++;
            if (end < text.length() && text.charAt(end) == '\n') line++;
            start = end + 1;
        }
    }

    /** Where the text after a container marker at {@code i} starts, or -1 when none is there. */
    private static int marker(String text, int i, int end) {
        char c = text.charAt(i);
        if (c == '>') return i + 1;
        if (c == '-' || c == '+' || c == '*') return i + 1 == end || isBlank(text.charAt(i + 1)) ? i + 1 : -1;
        int j = i;
        while (j < end && j - i < 9 && text.charAt(j) >= '0' && text.charAt(j) <= '9') j++;
        if (j == i || j == end || (text.charAt(j) != '.' && text.charAt(j) != ')')) return -1;
        return j + 1 == end || isBlank(text.charAt(j + 1)) ? j + 1 : -1;
    }

    private static int skipBlanks(String text, int i, int end) {
        while (i < end && isBlank(text.charAt(i))) i++;
        return i;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    private void fail(int line, int column, String what, String fix, String raised) {
        throw new BadInputException(file + ":" + line + ":" + column + ": error: " + what + "; " + fix
                + (raised == null ? "" : ", or raise the limit with --limit " + raised));
    }
}
