package org.listgraph.markdown;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeVisitor;
import com.vladsch.flexmark.util.ast.VisitHandler;
import org.listgraph.entry.SourcePosition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a file's Markdown looks like beyond its entries, for lint: every heading with the anchor
 * GitHub gives it, every link and image target as written, and the HTML anchors it declares.
 */
public record MarkdownOutline(List<HeadingAt> headings, List<TargetAt> targets, Set<String> anchors) {
    private static final Pattern HTML_ANCHOR = Pattern.compile("(?i)<[a-z][a-z0-9]*\\s[^>]*\\b(?:name|id)\\s*=\\s*([\"'])([^\"']+)\\1");
    private static final Pattern SHORTCODE = Pattern.compile(":[a-z0-9_+-]+:");

    public MarkdownOutline {
        headings = List.copyOf(headings);
        targets = List.copyOf(targets);
        anchors = Set.copyOf(anchors);
    }

    /** A heading: its level, its plain text, the anchor GitHub renders for it, and where it is. */
    public record HeadingAt(int level, String text, String anchor, SourcePosition position) {
    }

    /** A link or image: its target as written, its text, and where it is. */
    public record TargetAt(String target, String text, boolean image, SourcePosition position) {
    }

    /** Reads the outline of {@code text}, the content of {@code file}. */
    public static MarkdownOutline of(String file, String text) {
        Document doc = ListReader.newParser().parse(text);
        LineIndex lines = new LineIndex(text);
        List<HeadingAt> headings = new ArrayList<>();
        List<TargetAt> targets = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        Set<String> anchors = new TreeSet<>();
        NodeVisitor visitor = new NodeVisitor(
                new VisitHandler<>(Heading.class, h -> {
                    String plain = InlineTokens.plainText(h).strip();
                    String anchor = slug(plain);
                    int n = seen.merge(anchor, 1, Integer::sum);
                    if (n > 1) anchor = anchor + "-" + (n - 1);
                    anchors.add(anchor);
                    headings.add(new HeadingAt(h.getLevel(), plain, anchor, at(file, lines, h)));
                }),
                new VisitHandler<>(Link.class, l -> targets.add(new TargetAt(l.getUrl().toString(), l.getText().toString(), false, at(file, lines, l)))),
                new VisitHandler<>(Image.class, i -> targets.add(new TargetAt(i.getUrl().toString(), i.getText().toString(), true, at(file, lines, i)))));
        visitor.visit(doc);
        Matcher html = HTML_ANCHOR.matcher(text);
        while (html.find()) anchors.add(html.group(2));
        return new MarkdownOutline(headings, targets, anchors);
    }

    private static SourcePosition at(String file, LineIndex lines, Node n) {
        int offset = n.getStartOffset();
        return new SourcePosition(file, lines.line(offset), lines.column(offset));
    }

    /** GitHub's heading anchor: emoji shortcodes dropped, lower case, punctuation and symbols dropped, spaces as dashes. */
    public static String slug(String heading) {
        String text = SHORTCODE.matcher(heading).replaceAll("");
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}\\p{M} _-]", "").replace(' ', '-');
    }
}
