package org.listgraph.rdf;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.listgraph.entry.InputLimits;
import org.listgraph.entry.ListDocument;
import org.listgraph.entry.Problem;
import org.listgraph.identity.Catalog;
import org.listgraph.identity.Identified;
import org.listgraph.identity.IriMinter;
import org.listgraph.identity.KindRules;
import org.listgraph.identity.Overrides;
import org.listgraph.identity.TopicScheme;
import org.listgraph.markdown.ListFiles;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists in, RDF dataset out: each list is read, identified and turned into its own named graph
 * before the next is read; the cross-list graph is made last from what the catalog kept.
 */
public final class Converter {
    private final IriMinter iris;
    private final KindRules kindRules;
    private final TopicScheme topicScheme;
    private final int threads;
    private final InputLimits limits;
    private final org.listgraph.markdown.ReadCache<Catalog.Prepared> cache;
    /** What names the program and the rules in force, for the keys of list graphs; null: no keys. */
    private final String program;
    /** URLs that redirect to others, from the last check-links: evidence that two listed URLs are one work. */
    private final List<Overrides.Pair> redirects;

    /** A converter with the kind rules and topic scheme of the working directory's project (or the shipped ones). */
    public Converter(String base) {
        this(base, KindRules.load(Path.of("")));
    }

    public Converter(String base, KindRules kindRules) {
        this(new IriMinter(base), kindRules, TopicSchemeReader.load(Path.of("")), Runtime.getRuntime().availableProcessors(), InputLimits.DEFAULTS,
                org.listgraph.markdown.ReadCache.none(), null, List.of());
    }

    private Converter(IriMinter iris, KindRules kindRules, TopicScheme topicScheme, int threads, InputLimits limits,
                      org.listgraph.markdown.ReadCache<Catalog.Prepared> cache, String program, List<Overrides.Pair> redirects) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1: " + threads);
        this.iris = iris;
        this.kindRules = kindRules;
        this.topicScheme = topicScheme;
        this.threads = threads;
        this.limits = java.util.Objects.requireNonNull(limits, "limits");
        this.cache = java.util.Objects.requireNonNull(cache, "cache");
        this.program = program;
        this.redirects = List.copyOf(redirects);
    }

    /** This converter taking {@code moved} (a URL, the URL it redirects to) as evidence that two listed URLs are one work. */
    public Converter withRedirects(List<Overrides.Pair> moved) {
        return new Converter(iris, kindRules, topicScheme, threads, limits, cache, program, moved);
    }

    /** This converter parsing up to {@code threads} lists at once (the output is the same for any count). */
    public Converter withThreads(int threads) {
        return new Converter(iris, kindRules, topicScheme, threads, limits, cache, program, redirects);
    }

    /** This converter refusing files over {@code limits}. */
    public Converter withLimits(InputLimits limits) {
        return new Converter(iris, kindRules, topicScheme, threads, limits, cache, program, redirects);
    }

    /**
     * This converter giving each list graph a key ({@link Result#inputsKey}) for what a build may keep of it;
     * {@code program} must name the program and the kind rules and topic scheme in force.
     */
    public Converter withGraphKeys(String program) {
        return new Converter(iris, kindRules, topicScheme, threads, limits, cache, java.util.Objects.requireNonNull(program, "program"), redirects);
    }

    /**
     * This converter taking unchanged lists from {@code cache} (parsed and prepared as before) instead of reading
     * them again; the result is the same either way. The cache's own key must cover the kind rules and topic scheme.
     */
    public Converter withCache(org.listgraph.markdown.ReadCache<Catalog.Prepared> cache) {
        return new Converter(iris, kindRules, topicScheme, threads, limits, cache, program, redirects);
    }

    /**
     * What a conversion produced: counts, problems and merge decisions; the graphs, each made only
     * when asked for (so a build holds one list's triples at a time, not all of them); and, for
     * checks that run on the same reading (lint), the identified lists, the identity resolution and
     * the list files in the same order as the lists (empty when the lists did not come from files).
     */
    public static final class Result {
        private Stats stats;
        private final Stats uncounted;
        /** Each graph's size, noted whenever a graph is made: the triple count then costs no graph of its own. */
        private final java.util.concurrent.ConcurrentMap<String, Long> sizes = new java.util.concurrent.ConcurrentHashMap<>();
        private final List<Problem> problems;
        private final List<Identified.Decision> decisions;
        /** The lists, read back from their temporary file when asked for. */
        private final SpilledLists lists;
        private final Identified.Resolution resolution;
        private final List<Path> files;
        /** Each list graph's IRI and the list's place in {@link #lists}. */
        private final java.util.SortedMap<String, Integer> byGraph;
        private final String sharedGraph;
        private final org.apache.jena.graph.Graph shared;
        private final String program;
        private final java.util.concurrent.ConcurrentMap<String, String> inputsKeys = new java.util.concurrent.ConcurrentHashMap<>();
        private java.util.Set<String> topicNodes;
        private DatasetGraph dataset;

        Result(Stats stats, List<Problem> problems, List<Identified.Decision> decisions, SpilledLists lists,
               Identified.Resolution resolution, List<Path> files, String sharedGraph, org.apache.jena.graph.Graph shared, String program) {
            this.uncounted = stats;
            this.problems = List.copyOf(problems);
            this.decisions = List.copyOf(decisions);
            this.lists = lists;
            this.resolution = resolution;
            this.files = List.copyOf(files);
            this.sharedGraph = sharedGraph;
            this.shared = shared;
            this.program = program;
            this.byGraph = new java.util.TreeMap<>();
            for (int i = 0; i < lists.size(); i++) byGraph.put(lists.graphIri(i), i);
        }

        /** A named graph of the conversion. */
        public record NamedGraph(org.apache.jena.graph.Node name, org.apache.jena.graph.Graph graph) {
        }

        /** The named graphs (every list's and the shared one) in IRI order, each made as the iteration reaches it. */
        public Iterable<NamedGraph> graphs() {
            return () -> new java.util.Iterator<>() {
                private final java.util.Iterator<String> names = graphNames().iterator();

                @Override
                public boolean hasNext() {
                    return names.hasNext();
                }

                @Override
                public NamedGraph next() {
                    String name = names.next();
                    return new NamedGraph(NodeFactory.createURI(name), graph(name));
                }
            };
        }

        /** The graph IRIs, in order. */
        public java.util.SortedSet<String> graphNames() {
            java.util.SortedSet<String> names = new java.util.TreeSet<>(byGraph.keySet());
            names.add(sharedGraph);
            return names;
        }

        /** The named graph {@code name} (one of {@link #graphNames()}), made now. */
        public org.apache.jena.graph.Graph graph(String name) {
            if (name.equals(sharedGraph)) return shared;
            if (!byGraph.containsKey(name)) throw new IllegalArgumentException("no graph " + name);
            org.apache.jena.graph.Graph g = ListTriples.of(lists.get(byGraph.get(name)), resolution, topicNodes());
            sizes.computeIfAbsent(name, n -> (long) g.size()); // counted once: a list graph makes its triples each time it is read
            return g;
        }

        /**
         * A key for everything the list graph {@code name} depends on (the list as read, the program and rules, and
         * what identity decided for its entries and sections): equal keys, equal graphs. Empty for the shared graph,
         * and when the converter was given no program to key by ({@link Converter#withGraphKeys}).
         */
        public java.util.Optional<String> inputsKey(String name) {
            if (program == null || !byGraph.containsKey(name)) return java.util.Optional.empty();
            return java.util.Optional.of(inputsKeys.computeIfAbsent(name,
                    n -> ListTriples.inputsKey(lists.get(byGraph.get(n)), resolution, topicNodes(), program)));
        }

        /**
         * What every key of this conversion's parts depends on besides their own content (the program, rules and topic
         * scheme), for a writer that keys parts of the shared graph; empty when the converter was given no program.
         */
        public java.util.Optional<String> keySalt() {
            return java.util.Optional.ofNullable(program);
        }

        /** Each list's IRI and title, in the order of {@link #lists()}, without reading the lists back. */
        public List<Identified.ListHeader> listHeaders() {
            List<Identified.ListHeader> out = new ArrayList<>(lists.size());
            for (int i = 0; i < lists.size(); i++) out.add(lists.header(i));
            return out;
        }

        /** {@link #inputsKey(String)} of the graph of list {@code index} (in the order of {@link #lists()}), without reading the list back. */
        public java.util.Optional<String> inputsKeyOfList(int index) {
            return inputsKey(lists.graphIri(index));
        }

        private synchronized java.util.Set<String> topicNodes() {
            if (topicNodes == null) topicNodes = ListTriples.topicNodes(resolution);
            return topicNodes;
        }

        /** The shared graph: resources, agents, topics and their links (made subject by subject as it is read). */
        public org.apache.jena.graph.Graph sharedGraph() {
            return shared;
        }

        /**
         * All graphs at once, made on first use and kept: for small inputs, tests and formats whose
         * writers need the whole graph. A build does not call it.
         */
        public synchronized DatasetGraph dataset() {
            if (dataset == null) {
                DatasetGraph dsg = DatasetGraphFactory.create();
                for (NamedGraph g : graphs()) {
                    // Copied: queries over the dataset should not remake the shared graph's triples at every step.
                    org.apache.jena.graph.Graph copy = org.apache.jena.sparql.graph.GraphFactory.createGraphMem();
                    org.apache.jena.graph.GraphUtil.addInto(copy, g.graph());
                    dsg.addGraph(g.name(), copy);
                }
                dataset = dsg;
            }
            return dataset;
        }

        /**
         * Notes the number of triples of graph {@code name} as a writer that did not make it knows it (graph.ttl copies an
         * unchanged graph's part, and keeps its count beside it), so {@link #stats()} need not make the graph to count it.
         */
        public void sizeKnown(String name, long triples) {
            if (!name.equals(sharedGraph) && !byGraph.containsKey(name)) throw new IllegalArgumentException("no graph " + name);
            sizes.putIfAbsent(name, triples);
        }

        /** The counts; the number of triples is the sum of the graphs' sizes, each graph made for it only if it was not made yet. */
        public synchronized Stats stats() {
            if (stats == null) {
                Long sharedSize = sizes.get(sharedGraph);
                long triples = sharedSize != null ? sharedSize : shared.size();
                for (String name : byGraph.keySet()) {
                    Long size = sizes.get(name);
                    triples += size != null ? size : graph(name).size();
                }
                stats = new Stats(uncounted.lists(), uncounted.entries(), uncounted.resources(), uncounted.agents(), triples, uncounted.kinds());
            }
            return stats;
        }

        public List<Problem> problems() {
            return problems;
        }

        public List<Identified.Decision> decisions() {
            return decisions;
        }

        /** The identified lists, in order; each is read back from a temporary file whenever it is got, so take one at a time. */
        public List<Identified.ListNode> lists() {
            return java.util.Collections.unmodifiableList(lists);
        }

        public Identified.Resolution resolution() {
            return resolution;
        }

        public List<Path> files() {
            return files;
        }
    }

    /** Counts for the one-line summary. */
    public record Stats(int lists, int entries, int resources, int agents, long triples, java.util.SortedMap<String, Integer> kinds) {
        /** "Article 120, Website 80, Talk 31, …": most frequent first. */
        public String kindSummary() {
            return kinds.entrySet().stream()
                    .sorted(java.util.Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(java.util.Map.Entry.comparingByKey()))
                    .map(e -> e.getKey() + " " + e.getValue()).collect(java.util.stream.Collectors.joining(", "));
        }
    }

    /** Converts the given list files (already expanded and sorted). */
    public Result convert(List<Path> files) {
        return convert(files, status -> { });
    }

    /** Converts the given list files, telling {@code progress} what it is doing ("reading lists 3/40", "resolving identity"…). */
    public Result convert(List<Path> files, java.util.function.Consumer<String> progress) {
        Assembly a = new Assembly(Overrides.inFolders(folders(files)).withRedirects(redirects));
        int[] read = {0};
        new ListFiles(limits).readEach(files, threads, a.catalog::prepare, (doc, prepared) -> {
            a.add(prepared);
            progress.accept("reading lists " + ++read[0] + "/" + files.size());
        }, cache);
        progress.accept("resolving identity over " + a.entries + " entries");
        return a.finish(files, progress);
    }

    /** Converts lists already read, with the overrides of their folders. */
    public Result convertDocuments(List<ListDocument> docs, Overrides overrides) {
        Assembly a = new Assembly(overrides);
        docs.forEach(a::add);
        return a.finish(List.of(), status -> { });
    }

    /** The folders of the files, in order, once each: where lists.json and overrides.json live. */
    private static java.util.Set<Path> folders(List<Path> files) {
        java.util.Set<Path> dirs = new java.util.TreeSet<>();
        for (Path f : files) dirs.add(f.toAbsolutePath().normalize().getParent());
        return dirs;
    }

    /** One conversion in progress: lists are identified as they come, graphs are written once identity is resolved. */
    private final class Assembly {
        final Catalog catalog;
        final SpilledLists lists = new SpilledLists();
        final List<Problem> problems = new ArrayList<>();
        int entries;

        Assembly(Overrides overrides) {
            this.catalog = new Catalog(iris, kindRules, overrides, topicScheme);
        }

        void add(ListDocument doc) {
            add(catalog.prepare(doc));
        }

        void add(Catalog.Prepared prepared) {
            ListDocument doc = prepared.document();
            lists.append(catalog.add(prepared));
            problems.addAll(doc.problems());
            entries += doc.entries().size();
        }

        Result finish(List<Path> files, java.util.function.Consumer<String> progress) {
            Identified.Resolution resolution = catalog.resolve();
            progress.accept("making the shared graph");
            Identified.Shared shared = resolution.shared();
            SharedGraph sharedTriples = new SharedGraph(shared);
            // The list graphs are made whenever they are used (the triple count adds up their sizes as they are made).
            long triples = -1;
            java.util.SortedMap<String, Integer> kinds = new java.util.TreeMap<>();
            shared.resources().forEach(r -> r.kinds().forEach(k -> kinds.merge(k.localName(), 1, Integer::sum)));
            lists.awaitWritten(); // the last lists were written while identity resolved; a failure to write them shows here
            return new Result(new Stats(lists.size(), entries, shared.resources().size(), shared.agents().size() + shared.organizations().size(), triples, kinds),
                    problems.stream().sorted().toList(), resolution.decisions(), lists, resolution, files, iris.sharedGraph(), sharedTriples,
                    program);
        }
    }
}
