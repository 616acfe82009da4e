package org.listgraph.serve;

import org.apache.jena.atlas.lib.Pair;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecResult;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.sparql.util.Symbol;

import java.util.Iterator;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Fuseki's SPARQL query service with bounds on what one query may take: its answer is cut to
 * {@code maxRows} rows (a SELECT without a smaller LIMIT runs with {@code LIMIT maxRows}) or
 * triples (CONSTRUCT, DESCRIBE), saying so in the {@value #HEADER} header; its deadline is kept
 * whatever the query's shape ({@link QueryDeadlines}); the rows it holds in memory are charged
 * to the server's {@link HeldRows}; once it has run a while it takes turns ({@link QueryPacing}); and
 * it stops when its client goes ({@link ClientWatch}).
 */
final class GuardedQueries extends SPARQL_QueryDataset {
    /** Present, with the cap as its value, when the server lowered or added the query's LIMIT or cut its triples. */
    static final String HEADER = "Listgraph-Row-Limit";

    private static final Symbol DEADLINE = Symbol.create("urn:listgraph:deadline");
    private static final Symbol WATCH = Symbol.create("urn:listgraph:client-watch");

    private final long maxRows;
    private final HeldRows heldRows;
    private final QueryDeadlines deadlines;
    private final QueryPacing pacing;

    GuardedQueries(long maxRows, HeldRows heldRows, QueryDeadlines deadlines, QueryPacing pacing) {
        if (maxRows < 1) throw new IllegalArgumentException("maxRows must be positive: " + maxRows);
        this.maxRows = maxRows;
        this.heldRows = heldRows;
        this.deadlines = deadlines;
        this.pacing = pacing;
    }

    @Override
    protected void execute(String queryString, HttpAction action) {
        HeldRows.Ledger ledger = heldRows.open();
        QueryPacing.Pace pace = pacing.start();
        action.getContext().set(HeldRows.LEDGER, ledger); // the action's context is its own copy
        action.getContext().set(QueryPacing.PACE, pace);
        action.getContext().set(ARQConstants.sysOpExecutorFactory, GuardedOpExecutor.FACTORY);
        try {
            super.execute(queryString, action);
        } finally {
            Future<?> deadline = action.getContext().get(DEADLINE);
            if (deadline != null) deadline.cancel(false);
            ClientWatch watch = action.getContext().get(WATCH);
            if (watch != null) watch.close();
            pace.end();
            ledger.release();
        }
    }

    @Override
    protected QueryExec createQueryExec(HttpAction action, Query query, DatasetGraph dataset) {
        QueryExec exec = super.createQueryExec(action, query, dataset);
        action.getContext().set(DEADLINE, deadlines.arm(exec));
        AtomicBoolean signal = Context.getCancelSignal(exec.getContext());
        QueryPacing.Pace pace = action.getContext().get(QueryPacing.PACE);
        if (pace != null) pace.cancelledBy(signal);
        action.getContext().set(WATCH, ClientWatch.start(action.getRequest(), action.getResponse(), signal));
        return exec;
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

    @Override
    protected QueryExecResult executeQuery(HttpAction action, QueryExec queryExec, Query requestQuery, String queryStringLog) {
        // A template of many triples or a resource with many properties makes many triples of one solution:
        // the answer stops at maxRows triples, so it is bounded in size as a SELECT is.
        if (requestQuery.isConstructType()) {
            DatasetGraph answer = DatasetGraphFactory.create();
            long kept = 0;
            for (Iterator<Quad> quads = queryExec.constructQuads(); quads.hasNext(); ) {
                Quad q = quads.next();
                if (answer.contains(q)) continue; // a repeated triple is one triple of the answer
                if (kept++ == maxRows) {
                    cut(action);
                    break;
                }
                answer.add(q);
            }
            return new QueryExecResult(answer);
        }
        if (requestQuery.isDescribeType()) {
            Graph answer = GraphFactory.createDefaultGraph();
            for (Iterator<Triple> triples = queryExec.describeTriples(); triples.hasNext(); ) {
                Triple t = triples.next();
                if (answer.size() == maxRows && !answer.contains(t)) {
                    cut(action);
                    break;
                }
                answer.add(t);
            }
            return new QueryExecResult(answer);
        }
        return super.executeQuery(action, queryExec, requestQuery, queryStringLog);
    }

    private void cut(HttpAction action) {
        action.setResponseHeader(HEADER, Long.toString(maxRows));
    }
}
