package org.listgraph.markdown;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.util.ast.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Flattens a paragraph's inline nodes into {@link Token}s; images and link-wrapped images (badges) are left out. */
final class InlineTokens {
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private InlineTokens() {
    }

    static List<Token> of(Node paragraph) {
        List<Token> out = new ArrayList<>();
        collect(paragraph, out);
        return merge(out);
    }

    private static void collect(Node parent, List<Token> out) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Link link) {
                if (isBadge(link)) continue;
                out.add(new Token.Link(plainText(link), link.getText().toString(), link.getUrl().unescape().trim(),
                        link.getStartOffset()));
            } else if (n instanceof AutoLink auto) {
                out.add(new Token.Link(auto.getText().toString(), auto.getText().toString(), auto.getUrl().toString().trim(),
                        auto.getStartOffset()));
            } else if (n instanceof MailLink mail) {
                out.add(new Token.Text(mail.getText().toString(), mail.getStartOffset()));
            } else if (n instanceof LinkRef ref && !ref.isDefined()) {
                out.add(new Token.Text(ref.getChars().unescape(), ref.getStartOffset())); // "[text]" with no definition is plain text
            } else if (n instanceof Image || n instanceof ImageRef) {
                // images are decoration, not resources
            } else if (n instanceof Code code) {
                out.add(new Token.Code(code.getText().toString(), n.getStartOffset()));
            } else if (n instanceof Text || n instanceof HtmlEntity) {
                out.add(new Token.Text(textOf(n), n.getStartOffset()));
            } else if (n instanceof SoftLineBreak || n instanceof HardLineBreak) {
                out.add(new Token.Break(n.getStartOffset()));
            } else if (n instanceof HtmlInline) {
                // inline tags carry no text of their own
            } else {
                collect(n, out); // emphasis, strikethrough, TextBase (text + autolinks), …
            }
        }
    }

    /** A link whose only visible content is an image: a badge or logo. */
    private static boolean isBadge(Link link) {
        boolean image = false;
        for (Node c = link.getFirstChild(); c != null; c = c.getNext()) {
            if (c instanceof Image || c instanceof ImageRef) image = true;
            else if (!c.getChars().isBlank()) return false;
        }
        return image;
    }

    /** The visible text of a node and its descendants. */
    static String plainText(Node node) {
        StringBuilder sb = new StringBuilder();
        appendText(node, sb);
        return SPACES.matcher(sb.toString()).replaceAll(" ").trim();
    }

    private static void appendText(Node node, StringBuilder sb) {
        for (Node c = node.getFirstChild(); c != null; c = c.getNext()) {
            if (c instanceof Text || c instanceof Code || c instanceof HtmlEntity) sb.append(textOf(c));
            else if (c instanceof AutoLink auto) sb.append(auto.getText());
            else if (c instanceof SoftLineBreak || c instanceof HardLineBreak) sb.append(' ');
            else if (!(c instanceof Image || c instanceof ImageRef || c instanceof HtmlInline)) appendText(c, sb);
        }
    }

    private static String textOf(Node n) {
        if (n instanceof Code code) return code.getText().toString();
        return n.getChars().unescape();
    }

    /** Joins neighbouring text tokens so that later stages see whole phrases. */
    private static List<Token> merge(List<Token> in) {
        List<Token> out = new ArrayList<>();
        for (Token t : in) {
            if (t instanceof Token.Text text && !out.isEmpty() && out.get(out.size() - 1) instanceof Token.Text prev) {
                out.set(out.size() - 1, new Token.Text(prev.text() + text.text(), prev.offset()));
            } else {
                out.add(t);
            }
        }
        return out;
    }
}
