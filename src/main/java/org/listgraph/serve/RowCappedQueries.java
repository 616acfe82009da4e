package org.listgraph.serve;

import org.apache.jena.atlas.lib.Pair;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * Fuseki's SPARQL query service with a cap on the size of one answer: a SELECT, CONSTRUCT or
 * DESCRIBE without a LIMIT, or with a larger one, runs with {@code LIMIT maxRows}, and the response
 * says so in the {@value #HEADER} header.
 */
final class RowCappedQueries extends SPARQL_QueryDataset {
    /** Present, with the cap as its value, when the server lowered or added the query's LIMIT. */
    static final String HEADER = "Listgraph-Row-Limit";

    private final long maxRows;

    RowCappedQueries(long maxRows) {
        if (maxRows < 1) throw new IllegalArgumentException("maxRows must be positive: " + maxRows);
        this.maxRows = maxRows;
    }

    @Override
    protected Pair<DatasetGraph, Query> decideDataset(HttpAction action, Query query, String queryStringLog) {
        Pair<DatasetGraph, Query> decided = super.decideDataset(action, query, queryStringLog);
        Query q = decided.getRight();
        boolean rows = !q.isAskType(); // SELECT, CONSTRUCT, DESCRIBE and Jena's JSON form all grow with their solutions
        if (!rows || (q.hasLimit() && q.getLimit() <= maxRows)) return decided;
        // The limit goes into the query itself, so the engine stops producing rows (and ORDER BY keeps only the top ones).
        Query capped = q.cloneQuery();
        capped.setLimit(maxRows);
        action.setResponseHeader(HEADER, Long.toString(maxRows));
        return Pair.create(decided.getLeft(), capped);
    }
}
