package org.listgraph.markdown;

/** A piece of an entry's inline content, flattened from flexmark's inline nodes. */
sealed interface Token {
    /** Offset of the token in the file's text. */
    int offset();

    /** Running text (already unescaped). */
    record Text(String text, int offset) implements Token {
    }

    /** A link: its plain text, the text as written between the brackets, and its URL. */
    record Link(String text, String raw, String url, int offset) implements Token {
    }

    /** A code span ({@code `MIT`}): at the end of an entry a tag, elsewhere text. */
    record Code(String text, int offset) implements Token {
    }

    /** A line break inside a paragraph. */
    record Break(int offset) implements Token {
    }
}
