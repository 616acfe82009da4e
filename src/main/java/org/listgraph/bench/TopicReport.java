package org.listgraph.bench;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.listgraph.entry.BadInputException;
import org.listgraph.rdf.Vocab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The topics side of {@code bench quality}: per list, how many headings name a topic and how many of
 * those topics the scheme knows; across lists, how many topics more than one list shares; and a
 * hand-checked sample of heading → topic alignments ({@code topics-sample.tsv}), scored against what
 * listgraph gives now (a row whose alignment changed since it was checked is counted apart, to re-check).
 */
public final class TopicReport {
    /** One list's headings: the topic labels each heading (by its text) is aligned to; empty for none. */
    public record ListTopics(String list, SortedMap<String, List<String>> byHeading, Set<String> topicIris, Set<String> schemeTopicIris) {
    }

    /** One hand-checked alignment: what listgraph gave when it was checked, and whether that was right. */
    record Checked(String list, String heading, String topics, boolean right) {
    }

    /** The sample's score: checked rows still aligned as when checked, how many of those are right, and rows to re-check. */
    public record Sample(int checked, int right, List<String> changed) {
        public double accuracy() {
            return checked == 0 ? 1 : (double) right / checked;
        }
    }

    private TopicReport() {
    }

    /** The headings and topics of one converted list, read from its graph. */
    static ListTopics of(String list, Graph g) {
        SortedMap<String, List<String>> byHeading = new TreeMap<>();
        Set<String> topics = new TreeSet<>();
        Set<String> scheme = new TreeSet<>();
        g.find(Node.ANY, Vocab.TYPE, Vocab.SECTION).forEachRemaining(t -> {
            Node section = t.getSubject();
            String heading = literal(g, section, Vocab.SKOS_PREF_LABEL);
            if (heading == null) return;
            List<String> labels = new ArrayList<>();
            for (Triple tt : g.find(section, Vocab.TOPIC_P, Node.ANY).toList()) {
                Node topic = tt.getObject();
                topics.add(topic.getURI());
                if (g.contains(topic, Vocab.SKOS_IN_SCHEME, Vocab.TOPICS)) {
                    scheme.add(topic.getURI());
                }
                String label = literal(g, topic, Vocab.SKOS_PREF_LABEL);
                labels.add(label == null ? topic.getURI() : label);
            }
            labels.sort(String.CASE_INSENSITIVE_ORDER);
            byHeading.put(heading, labels);
        });
        return new ListTopics(list, byHeading, topics, scheme);
    }

    private static String literal(Graph g, Node s, Node p) {
        var it = g.find(s, p, Node.ANY);
        try {
            return it.hasNext() ? it.next().getObject().getLiteralLexicalForm() : null;
        } finally {
            it.close();
        }
    }

    /** How a heading's alignment is written in the sample: labels joined by "; ", or "-" for none. */
    static String written(List<String> labels) {
        return labels.isEmpty() ? "-" : String.join("; ", labels);
    }

    /** Every heading of every list with the topics it is aligned to, as the sample file writes them (without a verdict). */
    public static String alignments(List<ListTopics> lists) {
        StringBuilder sb = new StringBuilder("list\theading\ttopics\n");
        for (ListTopics l : lists) l.byHeading().forEach((h, labels) -> sb.append(l.list()).append('\t').append(h).append('\t')
                .append(written(labels)).append('\n'));
        return sb.toString();
    }

    /** Scores {@code corpus/topics-sample.tsv} (list, heading, topics as checked, right|wrong, note) against the lists' alignments now. */
    static Sample sample(Path corpus, Map<String, ListTopics> lists) throws IOException {
        Path file = corpus.resolve("topics-sample.tsv");
        if (!Files.isRegularFile(file)) return new Sample(0, 0, List.of());
        int checked = 0;
        int right = 0;
        List<String> changed = new ArrayList<>();
        int n = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            n++;
            if (line.isBlank() || line.startsWith("#") || line.startsWith("list\t")) continue;
            String[] f = line.split("\t", -1);
            if (f.length < 4 || !(f[3].equals("right") || f[3].equals("wrong"))) {
                throw new BadInputException(file + ":" + n + ": error: a row needs list, heading, topics and right|wrong, tab-separated");
            }
            ListTopics lt = lists.get(f[0]);
            List<String> now = lt == null ? null : lt.byHeading().get(f[1]);
            if (now == null) {
                changed.add(f[0] + ": '" + f[1] + "': no such heading any more");
            } else if (!written(now).equals(f[2])) {
                changed.add(f[0] + ": '" + f[1] + "': checked as '" + f[2] + "', now '" + written(now) + "'");
            } else {
                checked++;
                if (f[3].equals("right")) right++;
            }
        }
        return new Sample(checked, right, changed);
    }

    /** The table of topics per list and across lists, and the sample's score. */
    static String table(List<ListTopics> lists, Sample sample) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%n%-22s %8s %10s %7s %10s%n", "topics", "headings", "with topic", "topics", "in scheme"));
        Map<String, Integer> listsPerTopic = new TreeMap<>();
        int headings = 0;
        int withTopic = 0;
        Set<String> all = new TreeSet<>();
        Set<String> scheme = new TreeSet<>();
        for (ListTopics l : lists) {
            long with = l.byHeading().values().stream().filter(v -> !v.isEmpty()).count();
            sb.append(String.format(Locale.ROOT, "%-22s %8d %10d %7d %10d%n", l.list(), l.byHeading().size(), with, l.topicIris().size(),
                    l.schemeTopicIris().size()));
            headings += l.byHeading().size();
            withTopic += (int) with;
            all.addAll(l.topicIris());
            scheme.addAll(l.schemeTopicIris());
            l.topicIris().forEach(t -> listsPerTopic.merge(t, 1, Integer::sum));
        }
        sb.append(String.format(Locale.ROOT, "%-22s %8d %10d %7d %10d%n", "all", headings, withTopic, all.size(), scheme.size()));
        long shared = listsPerTopic.values().stream().filter(c -> c > 1).count();
        sb.append(String.format(Locale.ROOT, "topics in more than one list: %d of %d%n", shared, all.size()));
        sb.append(String.format(Locale.ROOT, "hand-checked heading -> topic alignments: %d of %d right (%.1f%%)%s%n", sample.right(),
                sample.checked(), 100 * sample.accuracy(), sample.changed().isEmpty() ? "" : "; " + sample.changed().size()
                        + " changed since checked, to check again:"));
        sample.changed().forEach(c -> sb.append("  ").append(c).append('\n'));
        return sb.toString();
    }
}
