package org.listgraph.markdown;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Recognises a nested line that only points at more of the entry above it: a label such as
 * "Discussions:", "Other editions:" or "Lecture Notes:" before its links, or links whose text names
 * only where they lead ("[YouTube Video Playlist]"). A nested "[github](…)" stays an entry: the code is a
 * work of its own (the seeds list projects' repositories so).
 */
final class RelatedLine {
    /** A label before the links that says they are about the entry above. */
    private static final Pattern LABEL = Pattern.compile("(?i)^\\W*(discussions?|comments|other editions?|editions|lecture notes|"
            + "class notes|notes|related|see also|mirrors?|translations?|reviews?|errata|also on|hn|reddit)\\s*:\\s*$");
    /** Link text made only of words for a place or a medium. */
    private static final Pattern GENERIC = Pattern.compile("(?i)^(?:(?:youtube|vimeo|video|videos|playlist|channel|"
            + "slides|pdf|html|hn|reddit|lobsters|hacker|news|lecture|lectures|notes)\\s*)+$");

    private RelatedLine() {
    }

    /** Whether the nested line made of {@code tokens} only adds links about the entry above it. */
    static boolean is(List<Token> tokens) {
        StringBuilder before = new StringBuilder();
        boolean allGeneric = true;
        boolean anyLink = false;
        for (Token t : tokens) {
            if (t instanceof Token.Link l) {
                anyLink = true;
                allGeneric &= GENERIC.matcher(l.text().strip()).matches();
            } else if (t instanceof Token.Text text) {
                if (!anyLink) before.append(text.text());
                else if (!text.text().matches("[\\s,.;&/|()-]*(and\\s*)?")) allGeneric = false;
            }
        }
        if (!anyLink) return false;
        return LABEL.matcher(before).matches() || before.toString().isBlank() && allGeneric;
    }
}
