package org.listgraph.bench;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.listgraph.entry.BadInputException;
import org.listgraph.rdf.Converter;
import org.listgraph.rdf.Vocab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * {@code bench quality}: converts each list of a corpus of real lists on its own and compares the
 * graph with hand-checked answers (kind, title, authors per entry, and which linked lines are no
 * entries), giving precision and recall per field and per list.
 */
public final class QualityBench {
    /** The corpus shipped with the sources: real lists of many genres, annotated by hand. */
    public static final Path DEFAULT_CORPUS = Path.of("src/test/resources/quality");

    private QualityBench() {
    }

    /** One hand-checked row of {@code answers.tsv}. {@code kinds} is empty for a line that is no entry. */
    public record Answer(int line, String url, Set<String> kinds, String title, List<String> authors) {
        boolean isEntry() {
            return !kinds.isEmpty();
        }
    }

    /** One disagreement between the graph and the answers, for people tuning a rule. */
    public record Miss(String list, int line, String field, String expected, String found) {
    }

    /**
     * The counts of one list (or of the whole corpus): entries annotated and found, lines wrongly read
     * as entries, kinds and authors predicted, expected and right, titles right, invented agents.
     */
    public record Score(String list, String genre, int entries, int found, int falseEntries, int nonEntries,
                        int kindsPredicted, int kindsRight, int kindEntriesRight,
                        int authorsPredicted, int authorsRightPredicted, int authorsExpected, int authorsFound,
                        int invented, int titlesRight) {
        public double entryRecall() {
            return ratio(found, entries);
        }

        public double kindPrecision() {
            return ratio(kindsRight, kindsPredicted);
        }

        public double kindRecall() {
            return ratio(kindEntriesRight, entries);
        }

        public double authorPrecision() {
            return ratio(authorsRightPredicted, authorsPredicted);
        }

        public double authorRecall() {
            return ratio(authorsFound, authorsExpected);
        }

        public double titles() {
            return ratio(titlesRight, entries);
        }

        Score plus(Score o) {
            return new Score("all", "", entries + o.entries, found + o.found, falseEntries + o.falseEntries, nonEntries + o.nonEntries,
                    kindsPredicted + o.kindsPredicted, kindsRight + o.kindsRight, kindEntriesRight + o.kindEntriesRight,
                    authorsPredicted + o.authorsPredicted, authorsRightPredicted + o.authorsRightPredicted,
                    authorsExpected + o.authorsExpected, authorsFound + o.authorsFound, invented + o.invented, titlesRight + o.titlesRight);
        }

        private static double ratio(int a, int b) {
            return b == 0 ? 1.0 : (double) a / b;
        }
    }

    /** Every list's score, the corpus total, and every disagreement. */
    public record Report(List<Score> lists, Score total, List<Miss> misses, List<TopicReport.ListTopics> topics, TopicReport.Sample sample) {
    }

    /** Scores every {@code <id>/list.md} with its {@code answers.tsv} under {@code corpus}, with {@code converter}. */
    public static Report run(Path corpus, Converter converter) throws IOException {
        if (!Files.isDirectory(corpus)) throw new BadInputException(corpus + ": error: no such folder; give a quality corpus with --corpus");
        List<Path> folders;
        try (Stream<Path> s = Files.list(corpus)) {
            folders = s.filter(p -> Files.isRegularFile(p.resolve("list.md")) && Files.isRegularFile(p.resolve("answers.tsv"))).sorted().toList();
        }
        if (folders.isEmpty()) throw new BadInputException(corpus + ": error: no <id>/list.md with <id>/answers.tsv in it");
        List<Score> scores = new ArrayList<>();
        List<Miss> misses = new ArrayList<>();
        List<TopicReport.ListTopics> topics = new ArrayList<>();
        Score total = new Score("all", "", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        Path work = Files.createTempDirectory("listgraph-quality");
        try {
            for (Path folder : folders) {
                String id = folder.getFileName().toString();
                List<Answer> answers = answers(folder.resolve("answers.tsv"));
                var source = source(folder);
                DatasetGraph graph = converter.convert(List.of(asListed(folder, id, source, work))).dataset();
                Score s = score(id, source.path("genre").asText(""), answers, graph, misses);
                topics.add(TopicReport.of(id, unionOf(graph)));
                scores.add(s);
                total = total.plus(s);
            }
        } finally {
            try (Stream<Path> s = Files.walk(work)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
        java.util.Map<String, TopicReport.ListTopics> byList = new java.util.TreeMap<>();
        topics.forEach(t -> byList.put(t.list(), t));
        return new Report(scores, total, misses, topics, TopicReport.sample(corpus, byList));
    }

    private static com.fasterxml.jackson.databind.JsonNode source(Path folder) throws IOException {
        Path source = folder.resolve("source.json");
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        return Files.isRegularFile(source) ? mapper.readTree(source.toFile()) : mapper.createObjectNode();
    }

    /**
     * The list as a user would have it: in a lists folder whose lists.json gives its id, its title and its
     * origin from {@code source.json}, so it is read exactly as a build reads a list.
     */
    private static Path asListed(Path folder, String id, com.fasterxml.jackson.databind.JsonNode source, Path work) throws IOException {
        Path dir = Files.createDirectories(work.resolve(id));
        Path file = dir.resolve(id + ".md");
        Files.copy(folder.resolve("list.md"), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var list = mapper.createObjectNode().put("id", id).put("title", source.path("title").asText(id)).put("file", id + ".md");
        if (source.hasNonNull("repository")) list.put("origin", "https://github.com/" + source.get("repository").asText());
        var root = mapper.createObjectNode();
        root.putArray("lists").add(list);
        Files.writeString(dir.resolve("lists.json"), mapper.writeValueAsString(root));
        return file;
    }

    /** Reads {@code answers.tsv}: a header line, then {@code line url kind title authors} separated by tabs. */
    static List<Answer> answers(Path tsv) throws IOException {
        List<String> rows = Files.readAllLines(tsv, StandardCharsets.UTF_8);
        List<Answer> out = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            String row = rows.get(i);
            if (row.isBlank()) continue;
            String[] f = row.split("\t", -1);
            if (f.length < 3) throw new BadInputException(tsv + ":" + (i + 1) + ": error: an answer needs line, url, kind, title and authors separated by tabs");
            Set<String> kinds = new LinkedHashSet<>();
            if (!f[2].strip().equals("-")) for (String k : f[2].split("\\|")) kinds.add(k.strip());
            List<String> authors = new ArrayList<>();
            if (f.length > 4) for (String a : f[4].split(";")) if (!a.isBlank()) authors.add(a.strip());
            try {
                out.add(new Answer(Integer.parseInt(f[0].strip()), f[1].strip(), kinds, f.length > 3 ? f[3].strip() : "", authors));
            } catch (NumberFormatException e) {
                throw new BadInputException(tsv + ":" + (i + 1) + ": error: the line number '" + f[0] + "' is not a number");
            }
        }
        return out;
    }

    /** What the graph says of one entry: the line, its resource's URLs, kinds, title and creators' names. */
    private record Found(int line, Set<String> urls, Set<String> kinds, String title, List<Set<String>> creators) {
    }

    private static Score score(String list, String genre, List<Answer> answers, DatasetGraph dsg, List<Miss> misses) {
        List<Found> found = found(dsg);
        int entries = 0, hit = 0, falseEntries = 0, nonEntries = 0, kindsPredicted = 0, kindsRight = 0, kindEntriesRight = 0;
        int authorsPredicted = 0, authorsRightPredicted = 0, authorsExpected = 0, authorsFound = 0, invented = 0, titlesRight = 0;
        for (Answer a : answers) {
            List<Found> atLine = found.stream().filter(f -> f.line() == a.line()).toList();
            if (!a.isEntry()) {
                nonEntries++;
                if (!atLine.isEmpty()) {
                    falseEntries++;
                    misses.add(new Miss(list, a.line(), "entry", "no entry", atLine.get(0).title()));
                }
                continue;
            }
            entries++;
            authorsExpected += a.authors().size();
            String url = canonical(a.url());
            Found f = atLine.stream().filter(x -> x.urls().stream().anyMatch(u -> canonical(u).equals(url))).findFirst().orElse(null);
            if (f == null) {
                misses.add(new Miss(list, a.line(), "entry", a.url(), atLine.isEmpty() ? "nothing" : String.join(" ", atLine.get(0).urls())));
                continue;
            }
            hit++;
            kindsPredicted += f.kinds().size();
            int right = (int) f.kinds().stream().filter(a.kinds()::contains).count();
            kindsRight += right;
            if (right > 0) kindEntriesRight++;
            if (right != f.kinds().size() || right == 0) {
                misses.add(new Miss(list, a.line(), "kind", String.join("|", a.kinds()), String.join("|", f.kinds())));
            }
            if (normal(a.title()).equals(normal(f.title()))) titlesRight++;
            else misses.add(new Miss(list, a.line(), "title", a.title(), f.title()));
            Set<String> expected = new HashSet<>();
            for (String name : a.authors()) expected.add(key(name));
            // The graph keeps creators per resource: an author another row names for the same URL is no invention here.
            Set<String> sameWork = new HashSet<>(expected);
            for (Answer other : answers) {
                if (other.isEntry() && canonical(other.url()).equals(url)) other.authors().forEach(n -> sameWork.add(key(n)));
            }
            Set<String> matched = new HashSet<>();
            for (Set<String> names : f.creators()) {
                authorsPredicted++;
                String m = names.stream().filter(expected::contains).findFirst().orElse(null);
                if (m != null) {
                    authorsRightPredicted++;
                    matched.add(m);
                } else if (names.stream().anyMatch(sameWork::contains)) {
                    authorsPredicted--; // right for the work, named on another line of it
                } else {
                    boolean related = names.stream().anyMatch(n -> expected.stream().anyMatch(e -> sharesWord(n, e)));
                    if (!related) invented++;
                    misses.add(new Miss(list, a.line(), related ? "author" : "invented author", String.join("; ", a.authors()),
                            String.join(" / ", new TreeSet<>(names))));
                }
            }
            authorsFound += matched.size();
            for (String e : expected) {
                if (!matched.contains(e)) misses.add(new Miss(list, a.line(), "missed author", e, ""));
            }
        }
        return new Score(list, genre, entries, hit, falseEntries, nonEntries, kindsPredicted, kindsRight, kindEntriesRight,
                authorsPredicted, authorsRightPredicted, authorsExpected, authorsFound, invented, titlesRight);
    }

    /** Every entry of the converted list with what its resource is. */
    private static List<Found> found(DatasetGraph dsg) {
        List<Found> out = new ArrayList<>();
        Graph all = unionOf(dsg);
        all.find(Node.ANY, Vocab.TYPE, Vocab.ENTRY).forEachRemaining(t -> {
            Node entry = t.getSubject();
            Node line = object(all, entry, Vocab.LINE);
            Node resource = object(all, entry, Vocab.SCHEMA_ITEM);
            if (line == null || resource == null) return;
            Set<String> urls = strings(all, resource, Vocab.SCHEMA_URL, n -> n.isURI() ? n.getURI() : n.getLiteralLexicalForm());
            Set<String> kinds = new TreeSet<>();
            all.find(resource, Vocab.TYPE, Node.ANY).forEachRemaining(k -> {
                String iri = k.getObject().getURI();
                if (iri.startsWith(Vocab.LG) && !iri.equals(Vocab.LG + "Resource")) kinds.add(iri.substring(Vocab.LG.length()));
            });
            Node title = object(all, resource, Vocab.DCT_TITLE);
            List<Set<String>> creators = new ArrayList<>();
            all.find(resource, Vocab.DCT_CREATOR, Node.ANY).forEachRemaining(c -> {
                Node agent = c.getObject();
                Set<String> names = new HashSet<>();
                Function<Node, String> lexical = n -> key(n.getLiteralLexicalForm());
                names.addAll(strings(all, agent, Vocab.FOAF_NAME, lexical));
                names.addAll(strings(all, agent, Vocab.FOAF_NICK, lexical));
                all.find(agent, Vocab.FOAF_ACCOUNT, Node.ANY).forEachRemaining(acc ->
                        names.addAll(strings(all, acc.getObject(), Vocab.FOAF_ACCOUNT_NAME, lexical)));
                creators.add(names);
            });
            out.add(new Found(((Number) line.getLiteralValue()).intValue(), urls, kinds, title == null ? "" : title.getLiteralLexicalForm(), creators));
        });
        return out;
    }

    private static Graph unionOf(DatasetGraph dsg) {
        Graph g = org.apache.jena.sparql.graph.GraphFactory.createGraphMem();
        dsg.find(Node.ANY, Node.ANY, Node.ANY, Node.ANY).forEachRemaining((Quad q) -> g.add(q.asTriple()));
        return g;
    }

    private static Node object(Graph g, Node s, Node p) {
        var it = g.find(s, p, Node.ANY);
        try {
            return it.hasNext() ? it.next().getObject() : null;
        } finally {
            it.close();
        }
    }

    private static Set<String> strings(Graph g, Node s, Node p, Function<Node, String> f) {
        Set<String> out = new TreeSet<>();
        g.find(s, p, Node.ANY).mapWith(Triple::getObject).forEachRemaining(o -> out.add(f.apply(o)));
        return out;
    }

    /** A URL compared loosely: scheme, {@code www.}, trailing slash, percent-encoding and case of the host do not count. */
    static String canonical(String url) {
        // Markdown decodes character references in a link's destination: "…&amp;list=…" as written is "…&list=…".
        String u = url.strip().replace("&amp;", "&").replaceFirst("^(?i)https?://", "").replaceFirst("^(?i)www\\.", "");
        try {
            u = java.net.URLDecoder.decode(u.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // a stray '%' stays as written
        }
        int slash = u.indexOf('/');
        String host = (slash < 0 ? u : u.substring(0, slash)).toLowerCase(Locale.ROOT);
        String rest = slash < 0 ? "" : u.substring(slash);
        return (host + rest).replaceAll("/+$", "").replaceAll("/(?=[?#])", "").replace(" ", "");
    }

    /** A title compared as text: Unicode normal form and runs of white space do not count. */
    static String normal(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC).replaceAll("\\s+", " ").strip();
    }

    /** A name or handle compared loosely: case, white space, a leading {@code @} and a final period do not count. */
    static String key(String s) {
        // "Dr. Axel Rauschmayer" and "Axel Rauschmayer" are one person: a title is not part of the name.
        return normal(s).toLowerCase(Locale.ROOT).replaceFirst("^@", "").replaceFirst("^(prof\\.?|professor|dr\\.?|mr\\.?|mrs\\.?|ms\\.?|sir)\\s+", "")
                .replaceFirst("\\.$", "");
    }

    private static boolean sharesWord(String a, String b) {
        Set<String> words = new HashSet<>(List.of(a.split("[\\s.,]+")));
        for (String w : b.split("[\\s.,]+")) if (w.length() > 1 && words.contains(w)) return true;
        return false;
    }

    /** The figures of a report as a table, one row per list and a total, percentages with one decimal. */
    public static String table(Report r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-22s %-18s %7s %7s %6s %7s %7s %8s %8s %8s %7s%n", "list", "genre", "entries", "found",
                "false", "kind P", "kind R", "author P", "author R", "invented", "titles"));
        for (Score s : r.lists()) sb.append(row(s));
        sb.append(row(r.total()));
        if (!r.topics().isEmpty()) sb.append(TopicReport.table(r.topics(), r.sample()));
        return sb.toString();
    }

    private static String row(Score s) {
        return String.format(Locale.ROOT, "%-22s %-18s %7d %6.1f%% %3d/%-2d %6.1f%% %6.1f%% %7.1f%% %7.1f%% %8d %6.1f%%%n", s.list(),
                s.genre().length() > 18 ? s.genre().substring(0, 18) : s.genre(), s.entries(), 100 * s.entryRecall(), s.falseEntries(),
                s.nonEntries(), 100 * s.kindPrecision(), 100 * s.kindRecall(), 100 * s.authorPrecision(), 100 * s.authorRecall(),
                s.invented(), 100 * s.titles());
    }

    /** The figures of one score by name, as the JSON report and a baseline hold them. */
    public static java.util.Map<String, Double> figures(Score s) {
        java.util.Map<String, Double> m = new java.util.LinkedHashMap<>();
        m.put("entryRecall", s.entryRecall());
        m.put("falseEntries", (double) s.falseEntries());
        m.put("kindPrecision", s.kindPrecision());
        m.put("kindRecall", s.kindRecall());
        m.put("authorPrecision", s.authorPrecision());
        m.put("authorRecall", s.authorRecall());
        m.put("invented", (double) s.invented());
        m.put("titles", s.titles());
        return m;
    }

    /** Figures where fewer is better (counts of mistakes); every other figure is a ratio where more is better. */
    public static boolean lowerIsBetter(String figure) {
        return figure.equals("falseEntries") || figure.equals("invented") || figure.equals("alignmentsToRecheck");
    }
}
