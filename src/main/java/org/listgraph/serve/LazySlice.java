package org.listgraph.serve;

import org.apache.jena.query.Query;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.iterator.QueryIter1;

/**
 * OFFSET and LIMIT that skip the offset rows when the first row is asked for, not while the plan
 * is built: Jena's own slice skips in its constructor, under the lock its timeout timer needs, so
 * {@code OFFSET 1000000000} could not be stopped. Each skipped row passes the cancellation check.
 */
final class LazySlice extends QueryIter1 {
    private long toSkip;
    private final long limit;
    private long count;

    LazySlice(QueryIterator input, long offset, long limit, ExecutionContext execCxt) {
        super(input, execCxt);
        this.toSkip = offset == Query.NOLIMIT ? 0 : offset;
        this.limit = limit == Query.NOLIMIT ? Long.MAX_VALUE : limit;
        if (toSkip < 0 || this.limit < 0) throw new IllegalArgumentException("negative OFFSET or LIMIT");
    }

    @Override
    protected boolean hasNextBinding() {
        if (count >= limit) return false;
        QueryIterator in = getInput();
        while (toSkip > 0) {
            if (!in.hasNext()) return false;
            in.nextBinding(); // checks the query's cancel signal
            toSkip--;
        }
        return in.hasNext();
    }

    @Override
    protected Binding moveToNextBinding() {
        count++;
        return getInput().nextBinding();
    }

    @Override
    protected void closeSubIterator() {
    }

    @Override
    protected void requestSubCancel() {
    }
}
