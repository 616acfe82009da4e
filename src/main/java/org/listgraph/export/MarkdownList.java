package org.listgraph.export;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.listgraph.entry.Kind;
import org.listgraph.markdown.HeadingAnchors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes the graph back as a Markdown list: every resource of the chosen lists once, under the topic it is filed under
 * and a heading naming its kind, or a cleaned copy of one list (its own sections and order, each resource once). The
 * lines are written as lists write them ({@code - [Title](url) by Author - Description}), so listgraph reads the result
 * back to the same resources, kinds and authors, and its lint finds no error in it (RenderTest: the seeds and every list graph copied).
 */
public final class MarkdownList {
    /** What a line shows beyond its title and link; each can be left out. */
    public enum Field {
        AUTHORS, KIND, DESCRIPTION, LISTS
    }

    /** What becomes of a resource whose every URL the last {@code check-links} found dead. */
    public enum DeadLinks {
        /** Listed as any other. */
        KEEP,
        /** Listed, with a {@code `dead link`} tag. */
        MARK,
        /** Left out. */
        DROP
    }

    /** Headings a reader, and listgraph's kind rules, take for each kind. */
    private static final Map<Kind, String> KIND_HEADINGS = new EnumMap<>(Map.ofEntries(
            Map.entry(Kind.TALK, "Talks"), Map.entry(Kind.PODCAST, "Podcasts"), Map.entry(Kind.SOCIAL_POST, "Social"),
            Map.entry(Kind.DISCUSSION, "Discussions"), Map.entry(Kind.SPECIFICATION, "Specifications"), Map.entry(Kind.BOOK, "Books"),
            Map.entry(Kind.COURSE, "Courses"), Map.entry(Kind.PAPER, "Papers"), Map.entry(Kind.CURATED_LIST, "Lists"),
            Map.entry(Kind.VIDEO, "Videos"), Map.entry(Kind.SOFTWARE, "Software"), Map.entry(Kind.DOCUMENTATION, "Documentation"),
            Map.entry(Kind.ARTICLE, "Articles"), Map.entry(Kind.WEBSITE, "Websites")));

    private final String title;
    private final List<String> intro;
    private final Set<Field> fields;
    private final Heading root;

    private MarkdownList(String title, List<String> intro, Set<Field> fields, Heading root) {
        this.title = title;
        this.intro = intro;
        this.fields = fields;
        this.root = root;
    }

    /**
     * A heading of the output, its items (lines, already written) and the headings under it; {@code indent}: how much
     * deeper than its heading level the contents show it (a narrower topic under a broader one of the same level).
     */
    private record Heading(String text, int indent, boolean ofKind, List<Item> items, List<Heading> children) {
        Heading(String text) {
            this(text, 0, false, new ArrayList<>(), new ArrayList<>());
        }

        Heading indented(int by) {
            return new Heading(text, by, ofKind, items, children);
        }

        boolean empty() {
            return items.isEmpty() && children.stream().allMatch(Heading::empty);
        }
    }

    /** A line and the lines nested under it. */
    private record Item(String line, List<Item> nested) {
    }

    /**
     * All resources of {@code lists} (list nodes; empty for all), grouped by topic (the most specific of each resource's
     * topics, under its broader topics as the scheme has them), then by kind, sorted by title.
     */
    public static MarkdownList merged(Graph graph, Set<Node> lists, String title, Set<Field> fields, DeadLinks dead) {
        RenderedWorks read = new RenderedWorks(graph, lists);
        List<RenderedWorks.Work> works = read.works().stream().filter(w -> !(w.dead() && dead == DeadLinks.DROP)).toList();
        boolean marksDead = dead == DeadLinks.MARK;
        Topics topics = new Topics(read);
        Map<Node, List<RenderedWorks.Work>> filed = new HashMap<>();
        List<RenderedWorks.Work> unfiled = new ArrayList<>();
        for (RenderedWorks.Work w : works) {
            Node t = topics.mostSpecific(w.topics());
            if (t == null) unfiled.add(w);
            else filed.computeIfAbsent(t, k -> new ArrayList<>()).add(w);
        }
        Heading root = new Heading("");
        Map<Node, Set<Node>> tree = topics.tree(filed.keySet());
        for (Node top : topics.roots(filed.keySet())) root.children().add(topicHeading(top, topics, tree, filed, fields, marksDead));
        if (!unfiled.isEmpty()) root.children().add(worksHeading("Other", unfiled, fields, marksDead));
        List<String> names = read.lists().stream().map(read::listTitle).sorted(COLLATED).toList();
        String intro = "Every resource of " + (names.size() == 1 ? "the list " : names.size() + " lists: ") + String.join("; ", names)
                + "; each once, filed under its most specific topic and its kind"
                + (fields.contains(Field.LISTS) ? ". A resource found in several of these lists says in how many" : "")
                + ". Written by listgraph from its graph.";
        return new MarkdownList(title, List.of(MarkdownText.paragraph(intro)), fields, root);
    }

    /**
     * A cleaned copy of one list: its sections and its order, each resource once (where it first appears), each line
     * written afresh from the graph (the title identity chose, the authors as one byline).
     */
    public static MarkdownList copyOf(Graph graph, Node list, Set<Field> fields, DeadLinks dead) {
        RenderedWorks read = new RenderedWorks(graph, Set.of(list));
        Map<Node, RenderedWorks.Work> works = new HashMap<>();
        for (RenderedWorks.Work w : read.works()) if (!(w.dead() && dead == DeadLinks.DROP)) works.put(w.node(), w);
        boolean marksDead = dead == DeadLinks.MARK;
        Heading root = new Heading("");
        Map<Node, Heading> sections = new HashMap<>();
        Map<Node, Item> items = new HashMap<>();
        Set<Node> seen = new HashSet<>();
        for (RenderedWorks.ListEntry e : read.entries(list)) {
            RenderedWorks.Work w = works.get(e.resource());
            if (w == null || !seen.add(e.resource())) continue; // a duplicate: the first place it has in the list keeps it
            // A dated list ("2017-06-01: [Title](…)") keeps its dates: they are the entry's, not the resource's.
            String line = line(w, fields, marksDead);
            if (e.date() != null) line = "- " + e.date() + ": " + line.substring(2);
            Item item = new Item(line, new ArrayList<>());
            items.put(e.entry(), item);
            Item parent = e.parent() == null ? null : items.get(e.parent());
            if (parent != null) parent.nested().add(item);
            else section(e.section(), read, sections, root).items().add(item);
        }
        String about = read.listDescription(list);
        return new MarkdownList(read.listTitle(list), about == null ? List.of() : List.of(MarkdownText.paragraph(about)), fields, root);
    }

    /** The heading of a section, made (with the headings above it) the first time an entry of it comes, in the list's order. */
    private static Heading section(Node section, RenderedWorks read, Map<Node, Heading> made, Heading root) {
        if (section == null) return root;
        Heading h = made.get(section);
        if (h != null) return h;
        Set<Node> broader = read.broader(section);
        Heading parent = broader.isEmpty() ? root : section(broader.iterator().next(), read, made, root);
        h = new Heading(read.label(section));
        parent.children().add(h);
        made.put(section, h);
        return h;
    }

    /**
     * A top topic's heading: its own works, then every topic below it that has works, one heading each, in the scheme's
     * order (a narrower topic right after its broader one), so the headings go two deep however deep the scheme is.
     */
    private static Heading topicHeading(Node top, Topics topics, Map<Node, Set<Node>> tree, Map<Node, List<RenderedWorks.Work>> filed,
                                        Set<Field> fields, boolean marksDead) {
        List<RenderedWorks.Work> own = filed.getOrDefault(top, List.of());
        Heading h = own.isEmpty() ? new Heading(topics.label(top)) : worksHeading(topics.label(top), own, fields, marksDead);
        List<Node> below = new ArrayList<>();
        topics.below(top, tree, below);
        for (Node t : below) {
            List<RenderedWorks.Work> works = filed.get(t);
            if (works != null) h.children().add(worksHeading(topics.label(t), works, fields, marksDead).indented(topics.shownBetween(t, top, filed.keySet())));
        }
        return h;
    }

    /** A heading over works: by kind (each kind a heading of its own) when kinds are shown, else one list. */
    private static Heading worksHeading(String text, List<RenderedWorks.Work> works, Set<Field> fields, boolean marksDead) {
        Heading h = new Heading(text);
        List<RenderedWorks.Work> sorted = byTitle(works);
        if (!fields.contains(Field.KIND)) {
            sorted.forEach(w -> h.items().add(new Item(line(w, fields, marksDead), List.of())));
            return h;
        }
        Map<Kind, Heading> byKind = new TreeMap<>(Comparator.comparing(KIND_HEADINGS::get));
        for (RenderedWorks.Work w : sorted) {
            byKind.computeIfAbsent(w.kind(), k -> new Heading(KIND_HEADINGS.get(k), 0, true, new ArrayList<>(), new ArrayList<>()))
                    .items().add(new Item(line(w, fields, marksDead), List.of()));
        }
        h.children().addAll(byKind.values());
        return h;
    }

    private static final Collator COLLATOR = collator();
    private static final Comparator<String> COLLATED = (a, b) -> {
        synchronized (COLLATOR) {
            int c = COLLATOR.compare(a, b);
            return c != 0 ? c : a.compareTo(b);
        }
    };
    /**
     * Works as a reader looks for them: by title, as a dictionary sorts (case and accents aside), then as written, then by
     * URL. Each title's collation key is made once: comparing titles through the collator normalised each one again at
     * every comparison, most of a 200k-entry render's time.
     */
    private static List<RenderedWorks.Work> byTitle(List<RenderedWorks.Work> works) {
        record Keyed(java.text.CollationKey key, RenderedWorks.Work work) {
        }
        List<Keyed> keyed = new ArrayList<>(works.size());
        synchronized (COLLATOR) {
            for (RenderedWorks.Work w : works) keyed.add(new Keyed(COLLATOR.getCollationKey(w.title()), w));
        }
        keyed.sort(Comparator.comparing(Keyed::key).thenComparing(k -> k.work().title()).thenComparing(k -> k.work().url()));
        return keyed.stream().map(Keyed::work).toList();
    }

    private static Collator collator() {
        Collator c = Collator.getInstance(Locale.ROOT);
        c.setStrength(Collator.PRIMARY);
        return c;
    }

    /** One resource's line: {@code - [Title](url), [recording](…), [slides](…) by A, B, and C - Description `in 3 lists`}. */
    private static String line(RenderedWorks.Work w, Set<Field> fields, boolean marksDead) {
        StringBuilder b = new StringBuilder("- [").append(MarkdownText.inline(w.title())).append("](")
                .append(MarkdownText.destination(w.url())).append(')');
        if (w.recording() != null && !w.recording().equals(w.url())) b.append(", [recording](").append(MarkdownText.destination(w.recording())).append(')');
        if (w.slides() != null && !w.slides().equals(w.url())) b.append(", [slides](").append(MarkdownText.destination(w.slides())).append(')');
        for (RenderedWorks.Link l : w.related()) {
            if (l.url().equals(w.url()) || l.url().equals(w.recording()) || l.url().equals(w.slides())) continue;
            b.append(", [").append(MarkdownText.inline(l.text())).append("](").append(MarkdownText.destination(l.url())).append(')');
        }
        if (fields.contains(Field.AUTHORS) && !w.authors().isEmpty()) b.append(" by ").append(byline(w.authors()));
        if (fields.contains(Field.DESCRIPTION) && w.description() != null) {
            String d = MarkdownText.inline(w.description());
            if (!d.isEmpty()) b.append(" - ").append(d); // as the list wrote it: a description is the curator's words
        }
        // A tag, as lists mark an item ("`MIT`"): read back as one, where words in parentheses would become its description.
        if (fields.contains(Field.LISTS) && w.listCount() > 1) b.append(" `in ").append(w.listCount()).append(" lists`");
        if (w.dead() && marksDead) b.append(" `dead link`");
        return b.toString();
    }

    /** "A", "A and B", "A, B, and C". */
    private static String byline(List<String> authors) {
        if (authors.size() == 1) return authors.get(0);
        if (authors.size() == 2) return authors.get(0) + " and " + authors.get(1);
        return String.join(", ", authors.subList(0, authors.size() - 1)) + ", and " + authors.get(authors.size() - 1);
    }

    /** Writes the list: title, introduction, contents (each heading, linked by GitHub's anchor), sections. */
    public void write(Writer out) {
        try {
            out.write("# " + MarkdownText.heading(title) + "\n\n");
            for (String p : intro) out.write(p + "\n\n");
            List<Heading> shown = root.children().stream().filter(h -> !h.empty()).toList();
            if (shown.size() > 1) {
                out.write("## Contents\n\n");
                HeadingAnchors anchors = new HeadingAnchors();
                anchors.next(title);
                anchors.next("Contents");
                Map<Heading, String> planned = new java.util.IdentityHashMap<>();
                for (Heading h : shown) plan(h, anchors, planned);
                writeContents(shown, planned, 0, out);
                out.write("\n");
            }
            writeItems(root.items(), 0, out);
            if (!root.items().isEmpty()) out.write("\n");
            for (Heading h : shown) writeHeading(h, 2, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The anchors GitHub gives the headings, in the order they are written. */
    private static void plan(Heading h, HeadingAnchors anchors, Map<Heading, String> planned) {
        planned.put(h, anchors.next(h.text()));
        for (Heading c : h.children()) if (!c.empty()) plan(c, anchors, planned);
    }

    /** The contents: the topics and the headings under them that are not kind headings (those repeat under every topic). */
    private void writeContents(List<Heading> headings, Map<Heading, String> anchors, int depth, Writer out) throws IOException {
        for (Heading h : headings) {
            if (h.ofKind()) continue;
            out.write("  ".repeat(depth + h.indent()) + "- [" + MarkdownText.inline(h.text()) + "](#" + anchors.get(h) + ")\n");
            writeContents(h.children().stream().filter(c -> !c.empty()).toList(), anchors, depth + 1, out);
        }
    }

    private static void writeHeading(Heading h, int level, Writer out) throws IOException {
        out.write("#".repeat(level) + " " + MarkdownText.heading(h.text()) + "\n\n");
        writeItems(h.items(), 0, out);
        if (!h.items().isEmpty()) out.write("\n");
        for (Heading c : h.children()) if (!c.empty()) writeHeading(c, Math.min(level + 1, 6), out);
    }

    private static void writeItems(List<Item> items, int depth, Writer out) throws IOException {
        for (Item i : items) {
            out.write("  ".repeat(depth) + i.line() + "\n");
            writeItems(i.nested(), depth + 1, out);
        }
    }

    /** The topic scheme as far as the rendered resources need it: labels, depth, and one broader topic per topic. */
    private static final class Topics {
        private final RenderedWorks read;
        private final Map<Node, Integer> depth = new HashMap<>();
        private final Map<Node, Node> parent = new HashMap<>();

        Topics(RenderedWorks read) {
            this.read = read;
        }

        String label(Node topic) {
            return read.label(topic);
        }

        /** How far below a topic without a broader one this one is (the longest way up; a cycle counts as the top). */
        int depth(Node topic) {
            return depthOf(topic, new HashSet<>());
        }

        private int depthOf(Node topic, Set<Node> path) {
            Integer known = depth.get(topic);
            if (known != null) return known;
            if (!path.add(topic)) return 0;
            int d = 0;
            for (Node b : read.broader(topic)) d = Math.max(d, depthOf(b, path) + 1);
            path.remove(topic);
            depth.put(topic, d);
            return d;
        }

        /** The deepest of a resource's topics; among equals, the first by label. */
        Node mostSpecific(Set<Node> topics) {
            return topics.stream().max(Comparator.comparingInt((Node n) -> depth(n))
                    .thenComparing(Comparator.<Node, String>comparing(this::label, COLLATED).reversed())
                    .thenComparing(RenderedWorks.BY_TEXT.reversed())).orElse(null);
        }

        /** The broader topic a topic is filed under: the first by label of the deepest of its broader ones; none at the top. */
        Node parent(Node topic) {
            return parent.computeIfAbsent(topic, t -> read.broader(t).stream()
                    .filter(b -> depth(b) < depth(t))
                    .max(Comparator.comparingInt((Node n) -> depth(n)).thenComparing(Comparator.<Node, String>comparing(this::label, COLLATED).reversed())
                            .thenComparing(RenderedWorks.BY_TEXT.reversed()))
                    .orElse(t)); // itself: a top topic
        }

        /** How many of the topics between {@code topic} and {@code top} (both left out) have a heading. */
        int shownBetween(Node topic, Node top, Set<Node> shown) {
            int n = 0;
            for (Node t = parent(topic); !t.equals(top) && !parent(t).equals(t); t = parent(t)) if (shown.contains(t)) n++;
            return n;
        }

        /** The top topics over the used ones, by label. */
        List<Node> roots(Set<Node> used) {
            Set<Node> tops = new TreeSet<>(RenderedWorks.BY_TEXT);
            for (Node t : used) tops.add(top(t));
            return tops.stream().sorted(Comparator.comparing(this::label, COLLATED).thenComparing(RenderedWorks.BY_TEXT)).toList();
        }

        private Node top(Node t) {
            for (Node p = parent(t); !p.equals(t); p = parent(t)) t = p;
            return t;
        }

        /** Each topic on the way up from a used one, with the topics filed directly under it (made once: a walk per topic). */
        Map<Node, Set<Node>> tree(Set<Node> used) {
            Map<Node, Set<Node>> children = new HashMap<>();
            for (Node t : used) {
                for (Node c = t, p = parent(c); !p.equals(c); c = p, p = parent(c)) {
                    if (!children.computeIfAbsent(p, k -> new TreeSet<>(RenderedWorks.BY_TEXT)).add(c)) break; // the rest is known
                }
            }
            return children;
        }

        /** The topics under {@code topic} in {@code tree}, depth first, each level by label. */
        void below(Node topic, Map<Node, Set<Node>> tree, List<Node> out) {
            for (Node c : tree.getOrDefault(topic, Set.of()).stream()
                    .sorted(Comparator.comparing(this::label, COLLATED).thenComparing(RenderedWorks.BY_TEXT)).toList()) {
                out.add(c);
                below(c, tree, out);
            }
        }
    }
}
