package org.listgraph.serve;

import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.core.VarExprList;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.engine.iterator.QueryIter1;

import java.util.HashSet;
import java.util.Set;

/**
 * Passes rows through unchanged and charges the query's {@link HeldRows.Ledger} for those the
 * operator it feeds keeps in memory: every row, the first {@code most} rows (a top-N), or one row
 * per new group key (GROUP BY).
 */
final class HeldRowsCounter extends QueryIter1 {
    private final HeldRows.Ledger ledger;
    private final long most;
    private final VarExprList groupKey;
    private final Set<Binding> keys;
    private long passed;

    private HeldRowsCounter(QueryIterator input, HeldRows.Ledger ledger, long most, VarExprList groupKey, ExecutionContext execCxt) {
        super(input, execCxt);
        this.ledger = ledger;
        this.most = most;
        this.groupKey = groupKey;
        this.keys = groupKey == null ? null : new HashSet<>();
    }

    /** Every row that passes is held. */
    static QueryIterator everyRow(QueryIterator input, HeldRows.Ledger ledger, ExecutionContext execCxt) {
        return new HeldRowsCounter(input, ledger, Long.MAX_VALUE, null, execCxt);
    }

    /** At most {@code most} of the rows that pass are held at once. */
    static QueryIterator firstRows(QueryIterator input, HeldRows.Ledger ledger, long most, ExecutionContext execCxt) {
        return new HeldRowsCounter(input, ledger, most, null, execCxt);
    }

    /** One row is held per distinct value of the group key. */
    static QueryIterator groups(QueryIterator input, HeldRows.Ledger ledger, VarExprList groupKey, ExecutionContext execCxt) {
        return new HeldRowsCounter(input, ledger, Long.MAX_VALUE, groupKey, execCxt);
    }

    @Override
    protected boolean hasNextBinding() {
        return getInput().hasNext();
    }

    @Override
    protected Binding moveToNextBinding() {
        Binding b = getInput().nextBinding();
        if (keys != null) {
            if (keys.add(key(b))) ledger.hold();
        } else if (passed++ < most) {
            ledger.hold();
        }
        return b;
    }

    private Binding key(Binding b) {
        BindingBuilder key = Binding.builder();
        for (Var v : groupKey.getVars()) {
            var value = groupKey.get(v, b, getExecContext()); // null when unbound or an error, as GROUP BY itself takes it
            if (value != null) key.add(v, value);
        }
        return key.build();
    }

    @Override
    protected void closeSubIterator() {
        if (keys != null) keys.clear();
    }

    @Override
    protected void requestSubCancel() {
    }
}
