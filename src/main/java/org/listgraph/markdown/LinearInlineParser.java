package org.listgraph.markdown;

import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.delimiter.DelimiterProcessor;
import com.vladsch.flexmark.parser.internal.InlineParserImpl;
import com.vladsch.flexmark.parser.internal.LinkRefProcessorData;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;

import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * flexmark's inline parser, except that a regex match no longer copies the whole paragraph.
 * flexmark 0.64.8 calls {@code Matcher.toMatchResult()}, which turns the rest of the paragraph
 * into a String at every entity, HTML tag, autolink and link destination: a 64 KB paragraph of
 * {@code &amp;} took 3.6 s, 128 KB took 8.5 s. Reading the match's bounds from the matcher itself
 * gives the same nodes in linear time.
 */
final class LinearInlineParser extends InlineParserImpl {
    LinearInlineParser(DataHolder options, BitSet specialCharacters, BitSet delimiterCharacters,
                       Map<Character, DelimiterProcessor> delimiterProcessors, LinkRefProcessorData linkRefProcessors,
                       List<InlineParserExtensionFactory> inlineParserExtensions) {
        super(options, specialCharacters, delimiterCharacters, delimiterProcessors, linkRefProcessors, inlineParserExtensions);
    }

    @Override
    public BasedSequence match(Pattern re) {
        Matcher m = found(re);
        return m == null ? null : input.subSequence(m.start(), m.end());
    }

    @Override
    public BasedSequence[] matchWithGroups(Pattern re) {
        Matcher m = found(re);
        if (m == null) return null;
        BasedSequence[] groups = new BasedSequence[m.groupCount() + 1];
        groups[0] = input.subSequence(m.start(), m.end());
        for (int i = 1; i < groups.length; i++) {
            groups[i] = m.start(i) < 0 ? null : input.subSequence(m.start(i), m.end(i));
        }
        return groups;
    }

    /** The matcher after a match from the current index (moved past it), or null when none is there. */
    private Matcher found(Pattern re) {
        if (index >= input.length()) return null;
        Matcher m = re.matcher(input);
        m.region(index, input.length());
        if (!m.find()) return null;
        index = m.end();
        return m;
    }
}
