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
import org.listgraph.entry.Author;
import org.listgraph.entry.Entry;
import org.listgraph.entry.InputLimits;
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
        this.parser = newParser();
    }

    /** The flexmark parser every reading of a list uses (entries, lint's outline, the benchmark's baseline). */
    public static Parser newParser() {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(AutolinkExtension.create(), TablesExtension.create(),
                StrikethroughExtension.create()));
        options.set(Parser.SPACE_IN_LINK_URLS, true); // lists do contain [x](https://host/a b); the IRI gets %20
        options.set(Parser.HEADING_PARSER, false); // replaced by HeadingStarts, the same parser without its quadratic case
        return Parser.builder(options).customBlockParserFactory(new HeadingStarts()).customInlineParserFactory(LinearInlineParser::new).build();
    }

    /** Reads a list from already decoded text. {@code info} may be refined (a title from the first heading). */
    public ListDocument read(ListInfo info, String sha256, String text, boolean titleFromHeading, Problems problems) {
        return read(info, sha256, text, titleFromHeading, problems, InputLimits.DEFAULTS);
    }

    /** As above, stopping with a {@link org.listgraph.entry.BadInputException} at the entry over {@code limits.entries()}. */
    public ListDocument read(ListInfo info, String sha256, String text, boolean titleFromHeading, Problems problems, InputLimits limits) {
        Document doc = parser.parse(text);
        LineIndex lines = new LineIndex(text);
        Walk walk = new Walk(problems.file(), lines, problems, limits.entries());
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
        walk.settleDashAuthors();
        walk.settleSeries();
        return new ListDocument(info, sha256, walk.sections, walk.entries, problems.sorted(), walk.prose,
                MarkdownOutline.of(problems.file(), text, doc, lines));
    }

    private static Node firstHeading(Document doc) {
        for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Heading) return n;
        }
        return null;
    }

    /** Titles that only say which part of a series an item is ("Part 1", "Episode 2"). */
    private static final String PART_NUMBER = "(?:part|pt\\.?|episode|ep\\.?|chapter|lesson)\\s*#?\\s*(?:\\d+|[ivx]+|one|two|three|four|five|six|seven|eight|nine|ten)";
    /** "Part 1", "Part 2: Services", "Episode III": titled by the series it belongs to. */
    private static final Pattern PART = Pattern.compile("(?i)^" + PART_NUMBER + "(?:\\s*[:\\-–—.]\\s*\\S.*)?$");
    /** "Overlay networks, part 3": a part whose title already names the series. */
    private static final Pattern TITLED_PART = Pattern.compile("(?i)^.+[,:\\-–—(]\\s*" + PART_NUMBER + "\\)?$");

    /**
     * What nested items inherit: their parent entry, the authors of a label or person line above
     * them (for every item) or of their parent entry (for parts only), and the series title that
     * "Part N" items extend.
     */
    private record Context(int parentIndex, List<Author> authors, boolean authorsForAll, String seriesTitle, int group) {
        static final Context TOP = new Context(-1, List.of(), false, null, -1);

        Context under(int parent) {
            return new Context(parent, authorsForAll ? authors : List.of(), authorsForAll, null, -1);
        }

        /** Items under a line without a link; {@code group} collects the entries directly under it. */
        Context label(String title, List<Author> labelAuthors, int group) {
            // A label without "by" passes on only authors that already applied to every item (a person's).
            List<Author> inherited = labelAuthors.isEmpty() ? (authorsForAll ? authors : List.of()) : labelAuthors;
            return new Context(parentIndex, inherited, true, title, group);
        }

        Context person(List<Author> person) {
            return new Context(parentIndex, person, true, null, -1);
        }

        Context entry(Entry e) {
            return new Context(e.index(), e.authors(), false, e.title(), -1);
        }
    }

    /** A line without a link of its own and the entries directly under it, which may be the parts of a series. */
    private record LabelGroup(String title, String line, List<Author> authors, List<Integer> children) {
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
        final List<org.listgraph.entry.Prose> prose = new ArrayList<>();
        /** Entries whose authors after a dash depend on how the rest of their section and list name authors. */
        final java.util.Map<Integer, EntryDraft> undecided = new java.util.TreeMap<>();
        /** How many entries of each section (and of the list, under the empty path's key "") name authors after a dash. */
        final java.util.Map<List<String>, int[]> dashBySection = new java.util.HashMap<>();
        int dashAttributed;
        final List<LabelGroup> labelGroups = new ArrayList<>();
        final int maxEntries;
        Node titleHeading;

        Walk(String file, LineIndex lines, Problems problems, int maxEntries) {
            this.maxEntries = maxEntries;
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
                    list((ListBlock) n, Context.TOP);
                } else if (n instanceof Paragraph p) {
                    paragraph(p, Context.TOP, false, null, false);
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

        void list(ListBlock list, Context ctx) {
            for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                if (item instanceof ListItem li) item(li, ctx);
            }
        }

        void item(ListItem item, Context ctx) {
            Node first = item.getFirstChild();
            boolean nested = false;
            for (Node c = first == null ? null : first.getNext(); c != null; c = c.getNext()) nested |= c instanceof ListBlock;
            Context children = ctx.under(ctx.parentIndex());
            if (first instanceof Paragraph p) {
                children = paragraph(p, ctx, true, item, nested);
            } else if (first instanceof ListBlock) {
                problems.warn(line(item), col(item), "list item starts with a second bullet ('- - '), read as one item");
                children = ctx;
            } else if (first == null) {
                problems.warn(line(item), col(item), "empty list item, ignored");
            }
            for (Node c = first instanceof Paragraph ? first.getNext() : first; c != null; c = c.getNext()) {
                if (c instanceof ListBlock nestedList) list(nestedList, children);
                else if (c instanceof Paragraph p) paragraph(p, children, false, null, false);
                else if (c instanceof HtmlBlock || c instanceof HtmlCommentBlock) html(c);
                else if (c.hasChildren()) blocks(c);
            }
        }

        /** Reads a paragraph's entries; returns what the items nested under it inherit. */
        Context paragraph(Paragraph p, Context ctx, boolean bulleted, ListItem item, boolean nested) {
            List<Token> tokens = InlineTokens.of(p);
            List<EntryDraft> drafts = reader.read(tokens, bulleted, nested);
            Context children = null;
            for (int i = 0; i < drafts.size(); i++) {
                EntryDraft d = drafts.get(i);
                Context next = switch (d.shape()) {
                    case LABEL -> {
                        String name = SeriesDetector.name(d.title());
                        labelGroups.add(new LabelGroup(name, d.title(), d.authors(), new ArrayList<>()));
                        yield ctx.label(name, d.authors(), labelGroups.size() - 1);
                    }
                    case PERSON -> ctx.person(d.authors());
                    case ENTRY -> {
                        if (bulleted && !nested && ctx.parentIndex() >= 0 && drafts.size() == 1 && RelatedLine.is(tokens)) {
                            // "+ Discussions: [HN](…), [Reddit](…)" under an entry: more about that entry, not an entry.
                            entries.set(ctx.parentIndex(), entries.get(ctx.parentIndex()).withRelated(d.links()));
                            yield ctx.under(ctx.parentIndex());
                        }
                        int index = entry(d, ctx, p, i == 0 ? item : null, drafts.size());
                        yield index < 0 ? ctx.under(ctx.parentIndex()) : ctx.entry(entries.get(index));
                    }
                };
                if (children == null) children = next; // nested items belong to the item's first line
            }
            if (drafts.isEmpty() && bulleted && !nested && ctx.parentIndex() >= 0 && tokens.stream().noneMatch(t -> t instanceof Token.Link)) {
                // A text line under an entry is a note on it ("Problem: …", "dhcp"): it joins the entry's description.
                String note = InlineTokens.plainText(p);
                if (!note.isBlank()) entries.set(ctx.parentIndex(), entries.get(ctx.parentIndex()).withNote(note));
            } else if (drafts.isEmpty()) {
                noEntry(p, tokens, bulleted, item);
                if (!bulleted && ctx.parentIndex() < 0) prose(p, tokens);
            }
            return children != null ? children : ctx.under(ctx.parentIndex());
        }

        /** Adds an entry for a draft in its context; returns its index, or -1 when it could not be built. */
        private int entry(EntryDraft d, Context ctx, Paragraph p, ListItem item, int draftCount) {
            return entry(d, ctx, p, item, draftCount, p);
        }

        /** {@code source}: the block whose lines are the entry's Markdown when it is the block's only entry. */
        private int entry(EntryDraft d, Context ctx, Paragraph p, ListItem item, int draftCount, Node source) {
            String series = ctx.seriesTitle();
            boolean bare = PART.matcher(d.title()).matches();
            boolean part = series != null && !series.isBlank() && (bare || TITLED_PART.matcher(d.title()).matches());
            if (part && bare && !PART.matcher(series).matches()) d = d.withTitle(series + ", " + d.title());
            if (d.authors().isEmpty() && (ctx.authorsForAll() || part) && !ctx.authors().isEmpty()) d = d.withAuthors(ctx.authors());
            SourcePosition pos = item != null
                    ? new SourcePosition(file, line(item), col(item))
                    : new SourcePosition(file, lines.line(d.offset()), lines.column(d.offset()));
            int firstLine = item != null ? pos.line() : d.firstLine();
            int lastLine = draftCount == 1 ? lines.line(Math.max(source.getStartOffset(), source.getEndOffset() - 1)) : d.lastLine();
            String markdown = lines.lines(firstLine, Math.max(firstLine, lastLine)).stripIndent().strip();
            LimitCheck.checkEntries(pos, entries.size() + 1, maxEntries);
            try {
                Entry e = new Entry(pos, entries.size(), ctx.parentIndex(), currentPath(), d.title(), d.label(), d.links(),
                        d.description(), d.authors(), d.date(), d.featured(), d.site(), part && ctx.parentIndex() >= 0, markdown, d.tags());
                entries.add(e);
                if (ctx.group() >= 0) labelGroups.get(ctx.group()).children().add(e.index());
                int[] counts = dashBySection.computeIfAbsent(e.sectionPath(), k -> new int[2]);
                counts[1]++;
                if (d.attribution() == EntryDraft.Attribution.DASH) {
                    dashAttributed++;
                    counts[0]++;
                    undecided.put(e.index(), d);
                }
                if (d.attribution() == EntryDraft.Attribution.TENTATIVE && e.authors().isEmpty()) undecided.put(e.index(), d);
                return e.index();
            } catch (IllegalArgumentException invalid) {
                // A reading this stage cannot turn into a valid entry is reported, never a crash.
                problems.warn(pos.line(), pos.column(), "entry not read: " + invalid.getMessage());
                return -1;
            }
        }

        /**
         * Names after a dash are authors ("- Bob Nystrom (HTML)", "- WilliamFiset") where the entry's section names
         * authors so in at least half its entries (two or more), or the list in a third (three or more); elsewhere,
         * as in a library list's "- Static Site Generator", they stay the description.
         */
        void settleDashAuthors() {
            boolean list = dashAttributed >= 3 && dashAttributed * 3 >= entries.size();
            undecided.forEach((i, d) -> {
                Entry e = entries.get(i);
                int[] section = dashBySection.get(e.sectionPath());
                boolean common = list || section[0] >= 2 && section[0] * 2 >= section[1];
                boolean dash = d.attribution() == EntryDraft.Attribution.DASH;
                if (dash == common) return; // a dash attribution that stands, or a candidate that does not
                List<Author> authors = dash ? e.authors().stream().filter(a -> !d.authors().contains(a)).toList() : d.tentative();
                entries.set(i, new Entry(e.position(), e.index(), e.parentIndex(), e.sectionPath(), e.title(), e.label(), e.links(),
                        d.otherDescription(), authors, e.date(), e.featured(), e.site(), e.part(), e.markdown(), e.tags(), e.series()));
            });
        }

        /** Makes the entries under a line that names a series (and links nothing itself) parts of that series. */
        void settleSeries() {
            for (LabelGroup g : labelGroups) {
                List<Entry> children = g.children().stream().map(entries::get).toList();
                SeriesDetector.title(g.title(), children, t -> PART.matcher(t).matches() || TITLED_PART.matcher(t).matches())
                        .ifPresent(title -> {
                            org.listgraph.entry.Series series = new org.listgraph.entry.Series(title, g.line(), g.authors());
                            for (int i : g.children()) entries.set(i, entries.get(i).withSeries(series));
                        });
            }
        }

        /** Keeps a paragraph of running text as the description of its section, with its web links. */
        private void prose(Paragraph p, List<Token> tokens) {
            String text = InlineTokens.plainText(p);
            List<String> links = tokens.stream().filter(t -> t instanceof Token.Link l && EntryReader.isWebUrl(l.url()))
                    .map(t -> ((Token.Link) t).url()).distinct().toList();
            if (text.isBlank() && links.isEmpty()) return;
            // "⬆ back to top", "Related: [Wikis](#wikis)": text whose links all point inside the list is navigation.
            if (links.isEmpty() && tokens.stream().anyMatch(t -> t instanceof Token.Link l && l.url().startsWith("#"))) return;
            prose.add(new org.listgraph.entry.Prose(currentPath(), text, links, new SourcePosition(file, line(p), col(p))));
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
            if (TweetReader.hasTweets(html)) {
                List<EntryDraft> tweets = TweetReader.read(html, block.getStartOffset(), reader);
                for (EntryDraft d : tweets) entry(d, Context.TOP, null, null, tweets.size(), block);
                return;
            }
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
