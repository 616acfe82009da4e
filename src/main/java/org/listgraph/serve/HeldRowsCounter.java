package org.listgraph.serve;

import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.core.VarExprList;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.engine.iterator.QueryIter1;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Passes rows through unchanged and charges the query's {@link HeldRows.Ledger} for those the
 * operator it feeds keeps in memory: every row, the first {@code most} rows (a top-N), or one row
 * per new group key (GROUP BY) and per new value of each DISTINCT aggregate in a group.
 */
final class HeldRowsCounter extends QueryIter1 {
    private final HeldRows.Ledger ledger;
    private final long most;
    private final VarExprList groupKey;
    private final List<ExprList> distinctValues;
    private final Set<Object> keys;
    private long passed;

    private HeldRowsCounter(QueryIterator input, HeldRows.Ledger ledger, long most, VarExprList groupKey, List<ExprList> distinctValues,
                            ExecutionContext execCxt) {
        super(input, execCxt);
        this.ledger = ledger;
        this.most = most;
        this.groupKey = groupKey;
        this.distinctValues = distinctValues;
        this.keys = groupKey == null ? null : new HashSet<>();
    }

    /** Every row that passes is held. */
    static QueryIterator everyRow(QueryIterator input, HeldRows.Ledger ledger, ExecutionContext execCxt) {
        return new HeldRowsCounter(input, ledger, Long.MAX_VALUE, null, List.of(), execCxt);
    }

    /** At most {@code most} of the rows that pass are held at once. */
    static QueryIterator firstRows(QueryIterator input, HeldRows.Ledger ledger, long most, ExecutionContext execCxt) {
        return new HeldRowsCounter(input, ledger, most, null, List.of(), execCxt);
    }

    /** One row is held per distinct value of the group key, and per distinct value of each DISTINCT aggregate's expressions in a group. */
    static QueryIterator groups(QueryIterator input, HeldRows.Ledger ledger, VarExprList groupKey, List<ExprList> distinctValues,
                                ExecutionContext execCxt) {
        return new HeldRowsCounter(input, ledger, Long.MAX_VALUE, groupKey, distinctValues, execCxt);
    }

    @Override
    protected boolean hasNextBinding() {
        return getInput().hasNext();
    }

    @Override
    protected Binding moveToNextBinding() {
        Binding b = getInput().nextBinding();
        if (keys != null) {
            Binding group = key(b);
            if (keys.add(group)) ledger.hold();
            for (int i = 0; i < distinctValues.size(); i++) {
                List<Object> value = new java.util.ArrayList<>(List.of(group, i));
                try {
                    for (var e : distinctValues.get(i)) value.add(e.eval(b, getExecContext()));
                } catch (org.apache.jena.sparql.expr.ExprEvalException unbound) {
                    continue; // the aggregate skips this row too
                }
                if (keys.add(value)) ledger.hold();
            }
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
