package org.listgraph.markdown;

import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.parser.core.HeadingParser;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.mappers.SpecialLeadInHandler;

import java.util.Set;

/**
 * flexmark's heading parser, asked only about lines that can be a heading. flexmark 0.64.8 builds
 * the whole open paragraph at every line to see whether it becomes a setext heading: quadratic in
 * the paragraph's lines (25,000 lines of one paragraph took 3.3 s, and four times as many sixteen
 * times as long). A heading line starts with '#', and a setext underline is only '=' or '-'
 * characters; every other line is no heading, so the answer is the same without building anything.
 */
final class HeadingStarts implements CustomBlockParserFactory {
    private final HeadingParser.Factory headings = new HeadingParser.Factory();

    @Override
    public BlockParserFactory apply(DataHolder options) {
        BlockParserFactory parser = headings.apply(options);
        return new BlockParserFactory() {
            @Override
            public BlockStart tryStart(ParserState state, MatchedBlockParser matched) {
                return canStart(state.getLine(), state.getNextNonSpaceIndex()) ? parser.tryStart(state, matched) : BlockStart.none();
            }
        };
    }

    /** Whether the line from {@code at} is an ATX heading's start or could be a setext underline. */
    static boolean canStart(BasedSequence line, int at) {
        if (at >= line.length()) return false;
        char c = line.charAt(at);
        if (c == '#') return true;
        if (c != '=' && c != '-') return false;
        int i = at;
        while (i < line.length() && line.charAt(i) == c) i++;
        while (i < line.length() && Character.isWhitespace(line.charAt(i))) i++;
        return i == line.length();
    }

    @Override
    public Set<Class<?>> getAfterDependents() {
        return headings.getAfterDependents();
    }

    @Override
    public Set<Class<?>> getBeforeDependents() {
        return headings.getBeforeDependents();
    }

    @Override
    public boolean affectsGlobalScope() {
        return headings.affectsGlobalScope();
    }

    @Override
    public SpecialLeadInHandler getLeadInHandler(DataHolder options) {
        return headings.getLeadInHandler(options);
    }
}
