package org.listgraph.store;

import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.exec.http.GSP;
import org.listgraph.identity.IriMinter;
import org.listgraph.rdf.Converter;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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
    private final RemoteEndpoint endpoint;

    public RemoteStore(RemoteEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /**
     * Brings the endpoint in line with a conversion: writes a graph only when its hash differs from
     * the one recorded in the remote metadata graph (or when {@code rebuild}), removes the graphs this
     * store recorded for lists that are gone, and never touches graphs it did not write.
     */
    public LoadReport load(Converter.Result result, String base, boolean rebuild, String softwareVersion) {
        DatasetGraph source = result.dataset();
        IriMinter iris = new IriMinter(base);
        Node meta = NodeFactory.createURI(iris.metaGraph());
        Map<Node, String> hashes = GraphHash.ofGraphs(source);
        DatasetGraph metaCopy = DatasetGraphFactory.create();
        Graph remoteMeta = get(meta);
        remoteMeta.find().forEachRemaining(t -> metaCopy.add(meta, t.getSubject(), t.getPredicate(), t.getObject()));
        String metaBefore = GraphHash.of(metaCopy.getGraph(meta));

        Set<Node> recorded = new TreeSet<>(java.util.Comparator.comparing(Node::getURI));
        metaCopy.find(meta, Node.ANY, MetaGraph.SHA256, Node.ANY).forEachRemaining(q -> recorded.add(q.getSubject()));
        List<String> written = new ArrayList<>(), unchanged = new ArrayList<>(), removed = new ArrayList<>();
        for (Node g : recorded) {
            if (!hashes.containsKey(g)) {
                delete(g);
                metaCopy.deleteAny(meta, g, Node.ANY, Node.ANY);
                removed.add(g.getURI());
            }
        }
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        String ontologyVersion = OntologyVersion.get();
        hashes.forEach((g, hash) -> {
            String listIri = iris.listOfGraph(g.getURI());
            if (!rebuild && hash.equals(MetaGraph.hash(metaCopy, meta, g))) {
                MetaGraph.recordList(metaCopy, meta, listIri, source.getGraph(g));
                unchanged.add(g.getURI());
                return;
            }
            put(g, source.getGraph(g));
            MetaGraph.record(metaCopy, meta, g, hash, now, softwareVersion, ontologyVersion, listIri, source.getGraph(g));
            written.add(g.getURI());
        });
        if (!GraphHash.of(metaCopy.getGraph(meta)).equals(metaBefore)) put(meta, metaCopy.getGraph(meta));
        return new LoadReport(written, unchanged, removed);
    }

    private GSP gsp(Node graph) {
        GSP request = GSP.service(endpoint.url()).httpClient(endpoint.httpClient()).graphName(graph);
        endpoint.headers().forEach(request::httpHeader);
        return request;
    }

    /** The graph at the endpoint, or an empty graph when it has none of that name. */
    private Graph get(Node graph) {
        return endpoint.call(() -> {
            try {
                return gsp(graph).acceptHeader("application/n-triples").GET();
            } catch (HttpException e) {
                if (e.getStatusCode() == 404) return org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
                throw e;
            }
        });
    }

    private void put(Node graph, Graph content) {
        endpoint.call(() -> {
            gsp(graph).contentType(RDFFormat.NTRIPLES).PUT(content);
            return null;
        });
    }

    /**
     * Deletes a graph (404 means it is gone already). Sent directly rather than through Jena's GSP
     * client, whose DELETE leaves out the request headers, and with them the credentials.
     */
    private void delete(Node graph) {
        String url = endpoint.url() + (endpoint.url().contains("?") ? "&" : "?") + "graph="
                + java.net.URLEncoder.encode(graph.getURI(), java.nio.charset.StandardCharsets.UTF_8);
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).DELETE()
                .timeout(java.time.Duration.ofMinutes(5));
        endpoint.headers().forEach(request::header);
        endpoint.call(() -> {
            java.net.http.HttpResponse<String> response;
            try {
                response = endpoint.httpClient().send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException e) {
                throw new HttpException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HttpException(e);
            }
            int status = response.statusCode();
            if (status >= 300 && status != 404) throw new HttpException(status, null, response.body());
            return null;
        });
    }
}
