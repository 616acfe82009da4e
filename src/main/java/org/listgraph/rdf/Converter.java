package org.listgraph.rdf;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.listgraph.entry.ListDocument;
import org.listgraph.entry.Problem;
import org.listgraph.identity.Catalog;
import org.listgraph.identity.Identified;
import org.listgraph.identity.IriMinter;
import org.listgraph.identity.KindRules;
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

    /** A converter with the kind rules of the working directory's project (or the shipped ones). */
    public Converter(String base) {
        this(base, KindRules.load(Path.of("")));
    }

    public Converter(String base, KindRules kindRules) {
        this.iris = new IriMinter(base);
        this.kindRules = kindRules;
    }

    /** What a conversion produced. */
    public record Result(DatasetGraph dataset, Stats stats, List<Problem> problems) {
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
        Assembly a = new Assembly();
        new ListFiles().readEach(files, a::add);
        return a.finish();
    }

    /** Converts lists already read. */
    public Result convertDocuments(List<ListDocument> docs) {
        Assembly a = new Assembly();
        docs.forEach(a::add);
        return a.finish();
    }

    /** One conversion in progress. */
    private final class Assembly {
        final DatasetGraph dsg = DatasetGraphFactory.create();
        final Catalog catalog = new Catalog(iris, kindRules);
        final List<Problem> problems = new ArrayList<>();
        int lists;
        int entries;

        void add(ListDocument doc) {
            Identified.ListNode list = catalog.add(doc);
            dsg.addGraph(NodeFactory.createURI(list.graphIri()), ListTriples.of(list));
            problems.addAll(doc.problems());
            lists++;
            entries += doc.entries().size();
        }

        Result finish() {
            Identified.Shared shared = catalog.shared();
            dsg.addGraph(NodeFactory.createURI(iris.sharedGraph()), SharedTriples.of(shared));
            long triples = 0;
            for (var it = dsg.listGraphNodes(); it.hasNext(); ) triples += dsg.getGraph(it.next()).size();
            java.util.SortedMap<String, Integer> kinds = new java.util.TreeMap<>();
            shared.resources().forEach(r -> r.kinds().forEach(k -> kinds.merge(k.localName(), 1, Integer::sum)));
            return new Result(dsg, new Stats(lists, entries, shared.resources().size(), shared.agents().size(), triples, kinds),
                    problems.stream().sorted().toList());
        }
    }
}
