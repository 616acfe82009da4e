package org.listgraph.markdown;

import com.vladsch.flexmark.ast.BulletList;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.ThematicBreak;
import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import org.listgraph.entry.Entry;
import org.listgraph.entry.ListDocument;
import org.listgraph.entry.ListInfo;
import org.listgraph.entry.Problems;
import org.listgraph.entry.Section;
import org.listgraph.entry.SourcePosition;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one Markdown list into a {@link ListDocument}: headings become sections, list items
 * become entries (nested items keep their parent), and everything that is not understood is
 * reported as a problem with its position.
 */
public final class ListReader {
    private static final Pattern HTML_LINK = Pattern.compile("(?i)<a\\s[^>]*href\\s*=");
    private final Parser parser;

    public ListReader() {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(AutolinkExtension.create(), TablesExtension.create(),
                StrikethroughExtension.create()));
        options.set(Parser.SPACE_IN_LINK_URLS, true); // lists do contain [x](https://host/a b); the IRI gets %20
        this.parser = Parser.builder(options).build();
    }

    /** Reads a list from already decoded text. {@code info} may be refined (a title from the first heading). */
    public ListDocument read(ListInfo info, String sha256, String text, boolean titleFromHeading, Problems problems) {
        Document doc = parser.parse(text);
        Walk walk = new Walk(problems.file(), new LineIndex(text), problems);
        Node firstHeading = firstHeading(doc);
        int h1Count = 0;
        for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Heading h && h.getLevel() == 1) h1Count++;
        }
        // A single top-level heading at the top is the list's title, not a section.
        Node titleHeading = firstHeading instanceof Heading h && h.getLevel() == 1 && h1Count == 1 ? firstHeading : null;
        if (titleFromHeading && firstHeading instanceof Heading h) {
            String t = InlineTokens.plainText(h);
            if (!t.isBlank()) info = info.withTitle(t);
        }
        walk.titleHeading = titleHeading;
        walk.blocks(doc);
        return new ListDocument(info, sha256, walk.sections, walk.entries, problems.sorted());
    }

    private static Node firstHeading(Document doc) {
        for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Heading) return n;
        }
        return null;
    }

    /** The state of one pass over a document. */
    private static final class Walk {
        final String file;
        final LineIndex lines;
        final Problems problems;
        final EntryReader reader;
        final List<Section> sections = new ArrayList<>();
        final List<Entry> entries = new ArrayList<>();
        final List<Section> stack = new ArrayList<>();
        Node titleHeading;

        Walk(String file, LineIndex lines, Problems problems) {
            this.file = file;
            this.lines = lines;
            this.problems = problems;
            this.reader = new EntryReader(file, lines, problems);
        }

        void blocks(Node parent) {
            for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
                if (n instanceof Heading h) {
                    if (h != titleHeading) heading(h);
                } else if (n instanceof BulletList || n instanceof OrderedList) {
                    list((ListBlock) n, -1);
                } else if (n instanceof Paragraph p) {
                    paragraph(p, -1, false, null);
                } else if (n instanceof HtmlBlock || n instanceof HtmlCommentBlock) {
                    html(n);
                } else if (n instanceof ThematicBreak) {
                    // a rule is layout
                } else if (n.hasChildren()) {
                    blocks(n); // block quotes, tables, …
                }
            }
        }

        void heading(Heading h) {
            String label = InlineTokens.plainText(h);
            if (label.isBlank()) {
                problems.warn(line(h), col(h), "empty heading, ignored");
                return;
            }
            while (!stack.isEmpty() && stack.get(stack.size() - 1).level() >= h.getLevel()) stack.remove(stack.size() - 1);
            List<String> path = new ArrayList<>();
            for (Section s : stack) path.add(s.label());
            path.add(label);
            Section section = new Section(path, h.getLevel(), new SourcePosition(file, line(h), col(h)));
            stack.add(section);
            sections.add(section);
        }

        void list(ListBlock list, int parentIndex) {
            for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                if (item instanceof ListItem li) item(li, parentIndex);
            }
        }

        void item(ListItem item, int parentIndex) {
            Node first = item.getFirstChild();
            int self = parentIndex;
            if (first instanceof Paragraph p) {
                self = paragraph(p, parentIndex, true, item);
            } else if (first instanceof ListBlock) {
                problems.warn(line(item), col(item), "list item starts with a second bullet ('- - '), read as one item");
            } else if (first == null) {
                problems.warn(line(item), col(item), "empty list item, ignored");
            }
            for (Node c = first instanceof Paragraph ? first.getNext() : first; c != null; c = c.getNext()) {
                if (c instanceof ListBlock nested) list(nested, self);
                else if (c instanceof Paragraph p) paragraph(p, self, false, null);
                else if (c instanceof HtmlBlock || c instanceof HtmlCommentBlock) html(c);
                else if (c.hasChildren()) blocks(c);
            }
        }

        /** Reads a paragraph's entries; returns the index of the last one (the parent of nested items), or {@code parentIndex}. */
        int paragraph(Paragraph p, int parentIndex, boolean bulleted, ListItem item) {
            List<Token> tokens = InlineTokens.of(p);
            List<EntryDraft> drafts = reader.read(tokens, bulleted);
            int last = parentIndex;
            for (int i = 0; i < drafts.size(); i++) {
                EntryDraft d = drafts.get(i);
                boolean itemStart = i == 0 && item != null;
                SourcePosition pos = itemStart
                        ? new SourcePosition(file, line(item), col(item))
                        : new SourcePosition(file, lines.line(d.offset()), lines.column(d.offset()));
                int firstLine = itemStart ? pos.line() : d.firstLine();
                int lastLine = drafts.size() == 1 ? lines.line(Math.max(p.getStartOffset(), p.getEndOffset() - 1)) : d.lastLine();
                String markdown = lines.lines(firstLine, Math.max(firstLine, lastLine)).stripIndent().strip();
                Entry e;
                try {
                    e = new Entry(pos, entries.size(), parentIndex, currentPath(), d.title(), d.label(), d.links(),
                            d.description(), d.authors(), d.date(), d.featured(), d.site(), markdown);
                } catch (IllegalArgumentException invalid) {
                    // A reading this stage cannot turn into a valid entry is reported, never a crash.
                    problems.warn(pos.line(), pos.column(), "entry not read: " + invalid.getMessage());
                    continue;
                }
                entries.add(e);
                last = e.index();
            }
            if (drafts.isEmpty()) noEntry(p, tokens, bulleted, item);
            return last;
        }

        /** Says why a paragraph made no entry, unless the reason is plain (anchors, images, a group label). */
        private void noEntry(Paragraph p, List<Token> tokens, boolean bulleted, ListItem item) {
            boolean anyLink = tokens.stream().anyMatch(t -> t instanceof Token.Link);
            if (anyLink) return; // only anchors or relative links: the link check already said so
            boolean hasChildren = item != null && item.getFirstChild() != null && item.getFirstChild().getNext() != null;
            // A text item with nested items is a group label ("Blog post series by …:"); a text leaf is a note.
            if (bulleted && !hasChildren) {
                problems.warn(line(p), col(p), "list item has no link, not read as a resource");
            }
        }

        void html(Node block) {
            String html = block.getChars().toString();
            Matcher m = HTML_LINK.matcher(html);
            int links = 0;
            while (m.find()) links++;
            if (links > 0) {
                problems.warn(line(block), col(block), "HTML block with " + links + " link(s) not read as entries");
            }
        }

        List<String> currentPath() {
            return stack.isEmpty() ? List.of() : stack.get(stack.size() - 1).path();
        }

        int line(Node n) {
            return lines.line(n.getStartOffset());
        }

        int col(Node n) {
            return lines.column(n.getStartOffset());
        }
    }
}
