package org.listgraph.export;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.listgraph.entry.Kind;
import org.listgraph.rdf.Vocab;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What {@link MarkdownList} needs of the graph, read once: each resource of the chosen lists with its title, the URL to
 * show, kinds, authors as a list writes them, topics and description, and each list's entries in their order.
 */
final class RenderedWorks {
    /** One resource as a line shows it. */
    record Work(Node node, String title, String url, boolean dead, Kind kind, String recording, String slides, List<Link> related,
                List<String> authors, String description, int listCount, Set<Node> topics) {
    }

    /** Another link an entry of the resource has beside its own ({@code [code](…)}, {@code [demo](…)}), with its text. */
    record Link(String text, String url) {
    }

    /** One entry of a list: its resource, section, line, parent entry (for nested items) and date, if it has one. */
    record ListEntry(Node entry, Node resource, Node section, int line, Node parent, String date) {
    }

    private static final Node DEAD = NodeFactory.createLiteralString(org.listgraph.entry.LinkCheck.State.DEAD.id());
    private final Graph graph;
    private final Set<Node> lists;

    /** {@code lists}: the list nodes to render; empty for every list of the graph. */
    RenderedWorks(Graph graph, Set<Node> lists) {
        this.graph = graph;
        Set<Node> chosen = new TreeSet<>(BY_TEXT);
        chosen.addAll(lists.isEmpty() ? subjects(Vocab.TYPE, Vocab.LIST) : lists);
        this.lists = chosen;
    }

    /** Nodes compare by their text (IRIs, literals' lexical forms): a stable order, whatever the store returned first. */
    static final Comparator<Node> BY_TEXT = Comparator.comparing(Node::toString);

    Set<Node> lists() {
        return lists;
    }

    /** Every resource listed in one of the chosen lists, in IRI order. */
    List<Work> works() {
        Set<Node> resources = new TreeSet<>(BY_TEXT);
        for (Node list : lists) resources.addAll(subjects(Vocab.LISTED_IN, list));
        List<Work> out = new ArrayList<>(resources.size());
        for (Node r : resources) {
            Optional<Work> w = work(r);
            w.ifPresent(out::add);
        }
        return out;
    }

    Optional<Work> work(Node r) {
        String title = text(r, Vocab.DCT_TITLE);
        List<String> urls = objects(r, Vocab.SCHEMA_URL).stream().filter(Node::isURI).map(Node::getURI).toList();
        if (title == null || urls.isEmpty()) return Optional.empty();
        Set<Kind> kinds = new TreeSet<>();
        for (Kind k : Kind.values()) {
            if (graph.contains(r, Vocab.TYPE, Vocab.lg(k.localName()))) kinds.add(k);
        }
        Kind kind = kinds.isEmpty() ? Kind.WEBSITE : kinds.iterator().next(); // the enum's order: the most specific first
        List<String> authors = new ArrayList<>();
        for (Node a : objects(r, Vocab.DCT_CREATOR)) authors.add(author(a));
        authors.sort(String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder()));
        int count = (int) objects(r, Vocab.LISTED_IN).stream().filter(lists::contains).count(); // of the lists rendered
        // A URL the last check-links found dead gives way to one that was not; with none left, the resource's link is dead.
        List<String> live = urls.stream().filter(u -> !graph.contains(NodeFactory.createURI(u), Vocab.LINK_STATE, DEAD)).toList();
        return Optional.of(new Work(r, title, shownUrl(live.isEmpty() ? urls : live), live.isEmpty(), kind, first(r, Vocab.RECORDING), first(r, Vocab.SLIDES), related(r),
                List.copyOf(authors), description(r), count, objects(r, Vocab.DCT_SUBJECT)));
    }

    /** The entries of one list in their order (by line), with the section each is under. */
    List<ListEntry> entries(Node list) {
        List<ListEntry> out = new ArrayList<>();
        for (Node e : subjects(Vocab.IN_LIST, list)) {
            Node resource = one(e, Vocab.SCHEMA_ITEM);
            Node line = one(e, Vocab.LINE);
            if (resource == null || line == null) continue;
            out.add(new ListEntry(e, resource, one(e, Vocab.SECTION_P), Integer.parseInt(line.getLiteralLexicalForm()), one(e, Vocab.PARENT_ENTRY),
                    text(e, Vocab.DCT_DATE)));
        }
        out.sort(Comparator.comparingInt(ListEntry::line).thenComparing(ListEntry::entry, BY_TEXT));
        return out;
    }

    /** A list's title (its id's IRI when it has none). */
    String listTitle(Node list) {
        String t = text(list, Vocab.DCT_TITLE);
        return t != null ? t : list.getURI();
    }

    /** A list's description (its prose before the first heading), or null. */
    String listDescription(Node list) {
        return text(list, Vocab.DCT_DESCRIPTION);
    }

    /** A topic's or section's label. */
    String label(Node concept) {
        String l = text(concept, Vocab.SKOS_PREF_LABEL);
        return l != null ? l : concept.toString();
    }

    /** The broader concepts of a topic or section, in IRI order. */
    Set<Node> broader(Node concept) {
        return objects(concept, Vocab.SKOS_BROADER);
    }

    /**
     * The URL a reader should follow: the one the lists used over the ones identity added, https over http, then the
     * shortest, then the first in text order (a resource merged from several URLs shows one, always the same).
     */
    private static String shownUrl(List<String> urls) {
        return urls.stream().min(Comparator.comparing((String u) -> !u.startsWith("https://")).thenComparingInt(String::length)
                .thenComparing(Comparator.naturalOrder())).orElseThrow();
    }

    /**
     * An author as lists write one: their name (a handle where no name is known), linked to their home page or else a
     * profile (GitHub first), followed by one more profile the way lists add one ({@code [Name](home)([github](…))}):
     * listgraph reads back one such link per author, so a third account is left out.
     */
    private String author(Node agent) {
        List<String[]> links = new ArrayList<>(); // {service, url}
        Node home = one(agent, Vocab.FOAF_HOMEPAGE);
        if (home != null && home.isURI()) links.add(new String[]{"home", home.getURI()});
        String handle = null;
        List<String[]> accounts = new ArrayList<>();
        for (Node account : objects(agent, Vocab.FOAF_ACCOUNT)) {
            String accountName = text(account, Vocab.FOAF_ACCOUNT_NAME);
            Node service = one(account, Vocab.FOAF_ACCOUNT_SERVICE_HOMEPAGE);
            if (accountName == null || service == null || !service.isURI()) continue;
            String host = java.net.URI.create(service.getURI()).getHost();
            String name = host == null ? "profile" : host.replaceFirst("^www\\.", "").replaceFirst("\\..*$", "");
            accounts.add(new String[]{name, org.listgraph.markdown.ProfileLinks.profileUrl(service.getURI(), accountName), accountName});
        }
        accounts.sort(Comparator.comparing((String[] a) -> !a[0].equals("github")).thenComparing(a -> a[0]).thenComparing(a -> a[2]));
        if (!accounts.isEmpty()) handle = accounts.get(0)[2];
        links.addAll(accounts);
        String name = text(agent, Vocab.FOAF_NAME);
        if (handle == null) handle = text(agent, Vocab.FOAF_NICK);
        String shown = MarkdownText.inline(name != null ? name : handle != null ? handle : agent.getLocalName());
        if (links.isEmpty()) return shown;
        String written = "[" + shown + "](" + MarkdownText.destination(links.get(0)[1]) + ")";
        return links.size() < 2 ? written : written + "([" + links.get(1)[0] + "](" + MarkdownText.destination(links.get(1)[1]) + "))";
    }

    /**
     * The other links of the resource's entries in the chosen lists, in URL order, each with the text its entry gave it
     * (read from the entry's Markdown; the host where the line has none): "[code]" beside a post says it comes with code.
     */
    private List<Link> related(Node r) {
        Map<String, String> links = new java.util.TreeMap<>();
        for (Node e : subjects(Vocab.SCHEMA_ITEM, r)) {
            Node list = one(e, Vocab.IN_LIST);
            if (list == null || !lists.contains(list)) continue;
            String markdown = text(e, Vocab.MARKDOWN);
            Map<String, String> written = linksOf(markdown);
            for (Node also : objects(e, Vocab.SEE_ALSO)) {
                if (!also.isURI()) continue;
                String text = written.get(also.getURI());
                links.putIfAbsent(also.getURI(), text == null || text.isBlank() ? "link" : text);
            }
        }
        List<Link> out = new ArrayList<>();
        links.forEach((url, text) -> out.add(new Link(text, url)));
        return out;
    }

    private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\*\\*|__|`");
    private static final java.util.regex.Pattern ESCAPED = java.util.regex.Pattern.compile("\\\\(\\p{Punct})");
    /** The longest link text looked back for: a link's text is short, and the scan of a line of brackets stays linear. */
    private static final int MAX_LINK_TEXT = 500;

    /**
     * The links of an entry's line, by their target as the graph writes URLs, each with its text as a reader sees it. A
     * hand scan, each "](" looking back a bounded way and forward to the next ')' (found once for all that share it),
     * so a line of brackets costs time in proportion to its length.
     */
    private static Map<String, String> linksOf(String markdown) {
        Map<String, String> out = new HashMap<>();
        if (markdown == null) return out;
        int close = -1;
        for (int at = markdown.indexOf("]("); at >= 0; at = markdown.indexOf("](", at + 2)) {
            if (close < at) {
                close = markdown.indexOf(')', at + 2);
                if (close < 0) break; // no later link can end either
            }
            int open = -1;
            for (int i = at - 1; i >= Math.max(0, at - MAX_LINK_TEXT); i--) {
                if (markdown.charAt(i) == '[') {
                    open = i;
                    break;
                }
            }
            String target = markdown.substring(at + 2, close).strip();
            if (target.startsWith("<") && target.endsWith(">")) target = target.substring(1, target.length() - 1);
            if (open < 0 || target.isEmpty() || target.chars().anyMatch(Character::isWhitespace)) continue;
            String text = MARKS.matcher(ESCAPED.matcher(markdown.substring(open + 1, at)).replaceAll("$1")).replaceAll("").strip();
            out.putIfAbsent(org.listgraph.identity.UrlCanonicalizer.toIri(target), text);
        }
        return out;
    }

    /** The description of the resource's first entry (by list, then line) in the chosen lists that has one. */
    private String description(Node r) {
        String best = null;
        String bestKey = null;
        for (Node e : subjects(Vocab.SCHEMA_ITEM, r)) {
            Node list = one(e, Vocab.IN_LIST);
            String d = text(e, Vocab.DCT_DESCRIPTION);
            if (list == null || d == null || d.isBlank() || !lists.contains(list)) continue;
            Node line = one(e, Vocab.LINE);
            String key = list + "\u0000" + String.format("%09d", line == null ? 0 : Integer.parseInt(line.getLiteralLexicalForm()));
            if (bestKey == null || key.compareTo(bestKey) < 0) {
                bestKey = key;
                best = d.strip();
            }
        }
        return best;
    }

    private String first(Node s, Node p) {
        return objects(s, p).stream().filter(Node::isURI).map(Node::getURI).sorted().findFirst().orElse(null);
    }

    private String text(Node s, Node p) {
        return objects(s, p).stream().filter(Node::isLiteral).map(Node::getLiteralLexicalForm).sorted().findFirst().orElse(null);
    }

    private Node one(Node s, Node p) {
        Set<Node> all = objects(s, p);
        return all.isEmpty() ? null : all.iterator().next();
    }

    /** The subjects of the triples with this predicate and object, in text order. */
    private Set<Node> subjects(Node p, Node o) {
        return collect(Node.ANY, p, o, Triple::getSubject);
    }

    /** The objects of the triples with this subject and predicate, in text order. */
    private Set<Node> objects(Node s, Node p) {
        return collect(s, p, Node.ANY, Triple::getObject);
    }

    private Set<Node> collect(Node s, Node p, Node o, java.util.function.Function<Triple, Node> part) {
        Set<Node> out = new TreeSet<>(BY_TEXT);
        var it = graph.find(s, p, o);
        try {
            it.forEachRemaining(t -> out.add(part.apply(t)));
        } finally {
            it.close();
        }
        return out;
    }

}
