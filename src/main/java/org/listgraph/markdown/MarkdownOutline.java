package org.listgraph.markdown;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeVisitor;
import com.vladsch.flexmark.util.ast.VisitHandler;
import org.listgraph.entry.Outline;
import org.listgraph.entry.Outline.HeadingAt;
import org.listgraph.entry.Outline.TargetAt;
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

/** Reads a list file's {@link Outline} from its parsed Markdown: the headings with their GitHub anchors, the targets lint checks, the HTML anchors. */
public final class MarkdownOutline {
    private static final Pattern HTML_ANCHOR = Pattern.compile("(?i)<[a-z][a-z0-9]*\\s[^>]*\\b(?:name|id)\\s*=\\s*([\"'])([^\"']+)\\1");
    private static final Pattern SHORTCODE = Pattern.compile(":[a-z0-9_+-]+:");

    private MarkdownOutline() {
    }

    /** Reads the outline of {@code text}, the content of {@code file}. */
    public static Outline of(String file, String text) {
        return of(file, text, ListReader.newParser().parse(text), new LineIndex(text));
    }

    /** The outline of {@code text} (the content of {@code file}) from {@code doc}, its parse, and {@code lines}, its line index. */
    static Outline of(String file, String text, Document doc, LineIndex lines) {
        List<HeadingAt> headings = new ArrayList<>();
        List<TargetAt> targets = new ArrayList<>();
        HeadingAnchors seen = new HeadingAnchors();
        Set<String> anchors = new TreeSet<>();
        NodeVisitor[] self = new NodeVisitor[1]; // a handled node's children are visited only when asked: a link may hold an image (a badge)
        NodeVisitor visitor = new NodeVisitor(
                new VisitHandler<>(Heading.class, h -> {
                    String plain = InlineTokens.plainText(h).strip();
                    String anchor = seen.next(plain);
                    anchors.add(anchor);
                    headings.add(new HeadingAt(h.getLevel(), plain, anchor, at(file, lines, h)));
                    self[0].visitChildren(h);
                }),
                new VisitHandler<>(Link.class, l -> {
                    target(l.getUrl().toString(), l.getText().toString(), false, at(file, lines, l), targets);
                    self[0].visitChildren(l);
                }),
                new VisitHandler<>(Image.class, i -> target(i.getUrl().toString(), i.getText().toString(), true, at(file, lines, i), targets)));
        self[0] = visitor;
        visitor.visit(doc);
        Matcher html = HTML_ANCHOR.matcher(text);
        while (html.find()) anchors.add(html.group(2));
        return new Outline(headings, targets, anchors);
    }

    private static void target(String target, String text, boolean image, SourcePosition at, List<TargetAt> out) {
        if (Outline.kept(target, image)) out.add(new TargetAt(target, text, image, at));
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
