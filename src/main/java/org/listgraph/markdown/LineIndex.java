package org.listgraph.markdown;

import java.util.Arrays;

/**
 * Maps character offsets to 1-based line and column by binary search over line starts.
 * flexmark's own {@code getStartLineNumber()} rescans from the document start (quadratic on big lists).
 */
final class LineIndex {
    private final int[] lineStarts;
    private final CharSequence text;

    LineIndex(CharSequence text) {
        this.text = text;
        int[] starts = new int[64];
        int n = 0;
        starts[n++] = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (n == starts.length) starts = Arrays.copyOf(starts, n * 2);
                starts[n++] = i + 1;
            }
        }
        this.lineStarts = Arrays.copyOf(starts, n);
    }

    /** 1-based line of an offset. */
    int line(int offset) {
        int i = Arrays.binarySearch(lineStarts, offset);
        return (i >= 0 ? i : -i - 2) + 1;
    }

    /** 1-based column (in UTF-16 units) of an offset. */
    int column(int offset) {
        return offset - lineStarts[line(offset) - 1] + 1;
    }

    /** The text of lines {@code first..last} (1-based, inclusive), without the final line break. */
    String lines(int first, int last) {
        int start = lineStarts[first - 1];
        int end = last < lineStarts.length ? lineStarts[last] - 1 : text.length();
        if (end > start && text.charAt(end - 1) == '\r') end--;
        return text.subSequence(start, Math.max(start, end)).toString();
    }
}
