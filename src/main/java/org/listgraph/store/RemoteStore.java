package org.listgraph.store;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.listgraph.identity.IriMinter;
import org.listgraph.rdf.Converter;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A store kept at a SPARQL 1.1 Graph Store Protocol endpoint (Fuseki, GraphDB, Virtuoso, …): the
 * same named graphs and metadata graph as {@link TdbStore}, under the same incremental rules.
 *
 * <p>The protocol has no transaction over several graphs, so a load converges instead: changed
 * graphs are replaced one by one (each PUT is atomic at the server), then the metadata graph is
 * written last. A run that fails half-way leaves the old hashes recorded for what it did not finish,
 * so the next run rewrites exactly those graphs.
 */
public final class RemoteStore {
    /** The hash recorded for a graph that a load began to write and has not finished. */
    private static final String PENDING = "pending";
    private final RemoteEndpoint endpoint;
    /** Set once the endpoint has answered a HEAD with 405 or 501. */
    private boolean headFails;

    public RemoteStore(RemoteEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /**
     * Brings the endpoint in line with a conversion: writes a graph only when its hash differs from
     * the one recorded in the remote metadata graph, when the endpoint no longer has it, or when
     * {@code rebuild}; removes the graphs this store recorded for lists that are gone; never touches
     * graphs it did not record.
     */
    public LoadReport load(Converter.Result result, String base, boolean rebuild, String softwareVersion) {
        IriMinter iris = new IriMinter(base);
        Node meta = NodeFactory.createURI(iris.metaGraph());
        Map<Node, String> hashes = new java.util.TreeMap<>(Comparator.comparing(Node::getURI));
        DatasetGraph metaCopy = DatasetGraphFactory.create();
        get(meta).find().forEachRemaining(t -> metaCopy.add(meta, t.getSubject(), t.getPredicate(), t.getObject()));
        String metaBefore = GraphHash.of(metaCopy.getGraph(meta));

        Set<Node> recorded = new TreeSet<>(Comparator.comparing(Node::getURI));
        metaCopy.find(meta, Node.ANY, MetaGraph.SHA256, Node.ANY).forEachRemaining(q -> {
            if (q.getSubject().isURI()) recorded.add(q.getSubject());
        });
        List<Node> toWrite = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        // One graph made at a time: hashed here, and made again below only if it is to be sent.
        for (var named : result.graphs()) {
            Node g = named.name();
            String hash = GraphHash.of(named.graph());
            hashes.put(g, hash);
            if (!rebuild && hash.equals(MetaGraph.hash(metaCopy, meta, g)) && exists(g)) {
                MetaGraph.recordList(metaCopy, meta, iris.listOfGraph(g.getURI()), named.graph());
                unchanged.add(g.getURI());
            } else {
                toWrite.add(g);
            }
        }
        // Graphs about to be written for the first time are recorded (with no valid hash) before any is
        // sent: if the run stops half-way, the next one still knows them, rewrites them, or removes them.
        List<Node> fresh = toWrite.stream().filter(g -> !recorded.contains(g)).toList();
        if (!fresh.isEmpty()) {
            fresh.forEach(g -> metaCopy.add(meta, g, MetaGraph.SHA256, NodeFactory.createLiteralString(PENDING)));
            put(meta, metaCopy.getGraph(meta));
        }

        List<String> written = new ArrayList<>(), removed = new ArrayList<>();
        for (Node g : recorded) {
            if (!hashes.containsKey(g)) {
                delete(g);
                metaCopy.deleteAny(meta, g, Node.ANY, Node.ANY);
                removed.add(g.getURI());
            }
        }
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        String ontologyVersion = OntologyVersion.get();
        for (Node g : toWrite) {
            Graph content = result.graph(g.getURI());
            put(g, content);
            MetaGraph.record(metaCopy, meta, g, hashes.get(g), now, softwareVersion, ontologyVersion, iris.listOfGraph(g.getURI()), content);
            written.add(g.getURI());
        }
        // Last, so that a graph counts as written only once it is.
        if (!GraphHash.of(metaCopy.getGraph(meta)).equals(metaBefore)) put(meta, metaCopy.getGraph(meta));
        return new LoadReport(written.stream().sorted().toList(), unchanged, removed);
    }

    /**
     * The graph at the endpoint, or an empty graph when it has none of that name. Fetched and parsed
     * here, not by Jena's GSP client, so an answer that is not RDF is one clear error, not a parser log.
     */
    private Graph get(Node graph) {
        java.net.http.HttpResponse<String> response = endpoint.send("GET", graph.getURI(), "application/n-triples, text/turtle;q=0.9");
        Graph content = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
        if (response.statusCode() == 404) return content;
        String type = response.headers().firstValue("Content-Type").orElse("(none)");
        org.apache.jena.riot.Lang lang = org.apache.jena.riot.RDFLanguages.contentTypeToLang(type.split(";")[0].strip());
        if (lang == null || org.apache.jena.riot.RDFLanguages.isQuads(lang)) throw endpoint.notRdf("Content-Type " + type);
        try {
            org.apache.jena.riot.RDFParser.fromString(response.body(), lang)
                    .errorHandler(org.apache.jena.riot.system.ErrorHandlerFactory.errorHandlerStrictNoLogging).parse(content);
        } catch (org.apache.jena.riot.RiotException e) {
            throw endpoint.notRdf(e.getMessage());
        }
        return content;
    }

    /** Replaces a graph (sent here, not by Jena's GSP client, so that a Digest challenge can be answered). */
    private void put(Node graph, Graph content) {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        org.apache.jena.riot.RDFDataMgr.write(body, content, RDFFormat.NTRIPLES_UTF8);
        endpoint.send("PUT", graph.getURI(), null, body.toByteArray(), "application/n-triples");
    }

    /** Deletes a graph; 404 means it is gone already. */
    private void delete(Node graph) {
        endpoint.send("DELETE", graph.getURI(), null);
    }

    /**
     * Whether the endpoint has the graph: a HEAD request, so the content does not travel, or a GET
     * where the server does not implement HEAD (Virtuoso answers 501), which is then not tried again.
     */
    private boolean exists(Node graph) {
        if (!headFails) {
            int status = endpoint.send("HEAD", graph.getURI(), null).statusCode();
            if (status != 405 && status != 501) return status != 404;
            headFails = true;
        }
        return endpoint.send("GET", graph.getURI(), "application/n-triples, text/turtle;q=0.9").statusCode() != 404;
    }
}
