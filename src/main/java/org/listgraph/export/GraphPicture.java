package org.listgraph.export;

import org.listgraph.export.PropertyGraph.PgEdge;
import org.listgraph.export.PropertyGraph.PgNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A Graphviz picture of one list, author or topic that stays readable at list size: its works (at most
 * {@code maxNodes}, the rest named in a note) boxed in one cluster per topic, packed in a near-landscape
 * array by Graphviz's osage layout; authors of several drawn works as nodes linked to them, other authors
 * named in their work's box; parts and related works linked. The centre itself is the picture's title.
 */
public final class GraphPicture {
    /** How many works a picture draws unless told otherwise. */
    public static final int DEFAULT_MAX_NODES = 60;
    /** The width a picture aims at for each unit of height. */
    private static final double ASPECT = 1.4;
    /** A box's size in points, for choosing how clusters are packed (two lines of 28 characters and a kind line at 10 pt). */
    private static final int BOX_WIDTH = 190, BOX_HEIGHT = 56, CLUSTER_MARGIN = 40;
    private static final String OTHER = "Other topics";

    /** What the picture is centred on, and so which edge makes a work part of it. */
    public enum Centre {
        LIST("List", EnumSet.of(EdgeType.LISTED_IN)),
        AUTHOR("Author", EnumSet.of(EdgeType.CREATOR)),
        TOPIC("Topic", EnumSet.of(EdgeType.SUBJECT, EdgeType.DERIVED_SUBJECT));

        private final String title;
        private final Set<EdgeType> joins;

        Centre(String title, Set<EdgeType> joins) {
            this.title = title;
            this.joins = joins;
        }
    }

    private final PropertyGraph graph;
    private final Centre centre;
    private final Set<PgNode> centres;
    private final int maxNodes;
    private final Map<PgNode, List<PgEdge>> out = new HashMap<>();

    public GraphPicture(PropertyGraph graph, Centre centre, Set<String> centreIris, int maxNodes) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.centre = Objects.requireNonNull(centre, "centre");
        if (maxNodes < 1) throw new IllegalArgumentException("maxNodes must be at least 1, not " + maxNodes);
        this.maxNodes = maxNodes;
        this.centres = graph.nodes().stream().filter(n -> centreIris.contains(n.iri())).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        graph.edges().forEach(e -> out.computeIfAbsent(e.source(), k -> new ArrayList<>()).add(e));
    }

    private List<PgEdge> out(PgNode n) {
        return out.getOrDefault(n, List.of());
    }

    private List<PgNode> targets(PgNode n, EdgeType type) {
        return out(n).stream().filter(e -> e.type() == type && !centres.contains(e.target())).map(PgEdge::target).toList();
    }

    /** Every work joined to the centre, those in most lists (then with most links) first, so a cap keeps the best connected. */
    private List<PgNode> works() {
        Comparator<PgNode> order = Comparator.comparingLong((PgNode n) -> -out(n).stream().filter(e -> e.type() == EdgeType.LISTED_IN).count())
                .thenComparingInt(n -> -out(n).size()).thenComparing(PgNode::label, String.CASE_INSENSITIVE_ORDER).thenComparing(PgNode::iri);
        return graph.edges().stream().filter(e -> centre.joins.contains(e.type()) && centres.contains(e.target())).map(PgEdge::source)
                .distinct().sorted(order).toList();
    }

    /** The DOT source of the picture. */
    public String dot() {
        List<PgNode> all = works();
        List<PgNode> drawn = all.subList(0, Math.min(maxNodes, all.size()));
        Map<String, List<PgNode>> clusters = clusters(drawn);
        Map<PgNode, List<PgNode>> authored = new TreeMap<>(Comparator.comparing(PgNode::iri));
        for (PgNode w : drawn) targets(w, EdgeType.CREATOR).forEach(a -> authored.computeIfAbsent(a, k -> new ArrayList<>()).add(w));
        // An author of several drawn works is a node, in the cluster holding most of them; an author of one is named in its box.
        Map<String, List<PgNode>> authorsIn = new HashMap<>();
        authored.forEach((a, ws) -> {
            if (ws.size() < 2) return;
            String home = clusters.entrySet().stream().max(Comparator.comparingLong(c -> ws.stream().filter(c.getValue()::contains).count()))
                    .orElseThrow().getKey();
            authorsIn.computeIfAbsent(home, k -> new ArrayList<>()).add(a);
        });

        StringBuilder dot = new StringBuilder("digraph listgraph {\n");
        dot.append("  layout=osage; outputorder=edgesfirst; pack=16; packmode=\"array_u").append(columns(clusters)).append("\";\n");
        int captionAt = dot.length();
        dot.append("  node [shape=box style=\"rounded,filled\" fillcolor=\"#ffffff\" fontname=\"Helvetica\" fontsize=10];\n");
        dot.append("  edge [arrowsize=0.6];\n");
        int i = 0;
        for (var c : clusters.entrySet()) {
            List<PgNode> members = c.getValue();
            // sortv keeps the clusters in this order (largest first, "Other topics" last); osage would sort them by size.
            dot.append("  subgraph cluster_").append(i).append(" {\n    sortv=").append(i++).append(";\n");
            dot.append("    label=").append(quote(c.getKey())).append("; fontsize=14; style=\"rounded,filled\"; fillcolor=\"")
                    .append(c.getKey().equals(OTHER) ? "#f2f2f2" : "#eaf5e6").append("\"; color=\"#9cc59a\"; packmode=\"array_")
                    .append(clusterColumns(members.size())).append("\";\n");
            for (PgNode w : members) dot.append("    ").append(workNode(w, authored)).append('\n');
            for (PgNode a : authorsIn.getOrDefault(c.getKey(), List.of())) {
                dot.append("    ").append(a.id()).append(" [label=").append(quote(a.label())).append(" tooltip=").append(quote(a.kind() + ": " + a.iri()))
                        .append(" shape=ellipse fillcolor=\"#fde2b8\"];\n");
            }
            dot.append("  }\n");
        }
        Set<PgNode> onPicture = new java.util.HashSet<>(drawn);
        Set<EdgeType> linked = EnumSet.noneOf(EdgeType.class);
        for (PgNode w : drawn) {
            for (PgEdge e : out(w)) {
                boolean author = e.type() == EdgeType.CREATOR && authored.getOrDefault(e.target(), List.of()).size() > 1;
                boolean between = onPicture.contains(e.target()) && EnumSet.of(EdgeType.HAS_PART, EdgeType.RELATION, EdgeType.POSSIBLE_DUPLICATE).contains(e.type());
                if (author || between) {
                    linked.add(e.type() == EdgeType.POSSIBLE_DUPLICATE ? EdgeType.RELATION : e.type());
                    dot.append("  ").append(w.id()).append(" -> ").append(e.target().id()).append(" [tooltip=").append(quote(e.type().typeName()))
                            .append(switch (e.type()) {
                                case CREATOR -> " color=\"#d9a55b\"";
                                case HAS_PART -> " color=\"#4a78c2\" penwidth=1.5";
                                default -> " color=\"#888888\" style=dashed";
                            }).append("];\n");
                }
            }
        }
        // The caption, written last, names only the kinds of line the picture has.
        dot.insert(captionAt, "  fontname=\"Helvetica\"; fontsize=18; labelloc=t; label=" + quote(caption(all.size(), drawn.size(), linked)) + ";\n");
        return dot.append("}\n").toString();
    }

    /**
     * Each drawn work in the cluster of its topic (other than the centre) that most drawn works share; a
     * work with no heading topic goes by the topics its title names. Clusters of one go to "Other topics".
     */
    private Map<String, List<PgNode>> clusters(List<PgNode> drawn) {
        Map<PgNode, List<PgNode>> candidates = new LinkedHashMap<>();
        Map<PgNode, Integer> shared = new HashMap<>();
        for (PgNode w : drawn) {
            List<PgNode> topics = targets(w, EdgeType.SUBJECT);
            if (topics.isEmpty()) topics = targets(w, EdgeType.DERIVED_SUBJECT);
            candidates.put(w, topics);
            topics.forEach(t -> shared.merge(t, 1, Integer::sum));
        }
        Map<PgNode, List<PgNode>> byTopic = new LinkedHashMap<>();
        List<PgNode> other = new ArrayList<>();
        candidates.forEach((w, topics) -> topics.stream()
                .min(Comparator.comparingInt((PgNode t) -> -shared.get(t)).thenComparing(PgNode::label, String.CASE_INSENSITIVE_ORDER).thenComparing(PgNode::iri))
                .ifPresentOrElse(t -> byTopic.computeIfAbsent(t, k -> new ArrayList<>()).add(w), () -> other.add(w)));
        Map<String, List<PgNode>> clusters = new LinkedHashMap<>();
        byTopic.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<PgNode, List<PgNode>> e) -> -e.getValue().size())
                        .thenComparing(e -> e.getKey().label(), String.CASE_INSENSITIVE_ORDER).thenComparing(e -> e.getKey().iri()))
                .forEach(e -> {
                    if (e.getValue().size() < 2) other.addAll(e.getValue());
                    else clusters.merge(e.getKey().label(), new ArrayList<>(e.getValue()), (a, b) -> { a.addAll(b); return a; });
                });
        if (!other.isEmpty()) clusters.merge(OTHER, other, (a, b) -> { a.addAll(b); return a; });
        return clusters;
    }

    /** Columns of boxes in a cluster of {@code n}: about square in points, since a box is wider than tall. */
    private static int clusterColumns(int n) {
        return Math.max(1, (int) Math.ceil(Math.sqrt(n * (double) BOX_HEIGHT / BOX_WIDTH)));
    }

    /** Columns of clusters that bring the whole picture closest to {@link #ASPECT}, with rows and columns as wide and tall as their largest cluster. */
    private static int columns(Map<String, List<PgNode>> clusters) {
        List<int[]> sizes = clusters.values().stream().map(m -> {
            int cols = clusterColumns(m.size());
            return new int[]{cols * BOX_WIDTH + CLUSTER_MARGIN, (int) Math.ceil(m.size() / (double) cols) * BOX_HEIGHT + CLUSTER_MARGIN};
        }).toList();
        int best = 1;
        double bestScore = Double.MAX_VALUE;
        for (int k = 1; k <= Math.max(1, sizes.size()); k++) {
            int[] colWidth = new int[k];
            int rows = (sizes.size() + k - 1) / k;
            int[] rowHeight = new int[Math.max(1, rows)];
            for (int i = 0; i < sizes.size(); i++) {
                colWidth[i % k] = Math.max(colWidth[i % k], sizes.get(i)[0]);
                rowHeight[i / k] = Math.max(rowHeight[i / k], sizes.get(i)[1]);
            }
            double w = java.util.Arrays.stream(colWidth).sum(), h = Math.max(1, java.util.Arrays.stream(rowHeight).sum());
            double score = Math.abs(Math.log(w / h) - Math.log(ASPECT));
            if (score < bestScore) {
                bestScore = score;
                best = k;
            }
        }
        return best;
    }

    private String caption(int works, int drawn, Set<EdgeType> linked) {
        String names = centres.stream().map(PgNode::label).collect(Collectors.joining(" / "));
        StringBuilder c = new StringBuilder(centre.title + ": " + names + "\n" + works + (works == 1 ? " resource" : " resources"));
        if (drawn < works) c.append("; ").append(works - drawn).append(" more resources not drawn; use --max-nodes");
        c.append("\nboxes grouped by topic");
        if (linked.contains(EdgeType.CREATOR)) c.append("; orange: author of several works drawn");
        if (linked.contains(EdgeType.HAS_PART)) c.append("; blue: has part");
        if (linked.contains(EdgeType.RELATION)) c.append("; dashed: related or possible duplicate");
        return c.toString();
    }

    private String workNode(PgNode w, Map<PgNode, List<PgNode>> authored) {
        List<String> solo = targets(w, EdgeType.CREATOR).stream().filter(a -> authored.get(a).size() < 2).map(PgNode::label)
                .filter(l -> !l.isEmpty()).sorted(String.CASE_INSENSITIVE_ORDER).toList();
        String by = solo.isEmpty() ? "" : " · by " + String.join(", ", solo.subList(0, Math.min(2, solo.size()))) + (solo.size() > 2 ? " …" : "");
        String title = w.label().isEmpty() ? w.iri() : w.label();
        String label = String.join("\n", wrap(title, 28, 2)) + "\n" + shorten(w.kind() + by, 34);
        StringBuilder n = new StringBuilder(w.id()).append(" [label=").append(quote(label)).append(" tooltip=").append(quote(title + " (" + w.kind() + ")"));
        if (!w.url().isEmpty()) n.append(" URL=").append(quote(w.url()));
        if (w.type().equals(PropertyGraph.SERIES)) n.append(" fillcolor=\"#dde8f8\"");
        return n.append("];").toString();
    }

    /** Up to {@code lines} lines of at most {@code width} characters, broken between words; "…" ends a title cut short. */
    static List<String> wrap(String text, int width, int lines) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        String[] words = text.strip().split("\\s+");
        for (int i = 0; i < words.length; i++) {
            String word = words[i];
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                out.add(line.toString());
                line.setLength(0);
                if (out.size() == lines) {
                    out.set(lines - 1, shorten(out.get(lines - 1) + " " + String.join(" ", List.of(words).subList(i, words.length)), width));
                    return out;
                }
            }
            if (line.length() > 0) line.append(' ');
            line.append(word);
        }
        if (line.length() > 0) out.add(shorten(line.toString(), width));
        return out;
    }

    private static String shorten(String s, int width) {
        return s.codePointCount(0, s.length()) <= width ? s : s.substring(0, s.offsetByCodePoints(0, width - 1)) + "…";
    }

    /** A quoted DOT string: backslashes and quotes escaped (Graphviz would read \N, \l… in a title), line breaks as \n. */
    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
