package org.listgraph.serve;

import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.op.OpDistinct;
import org.apache.jena.sparql.algebra.op.OpGroup;
import org.apache.jena.sparql.algebra.op.OpJoin;
import org.apache.jena.sparql.algebra.op.OpLeftJoin;
import org.apache.jena.sparql.algebra.op.OpMinus;
import org.apache.jena.sparql.algebra.op.OpOrder;
import org.apache.jena.sparql.algebra.op.OpProject;
import org.apache.jena.sparql.algebra.op.OpSlice;
import org.apache.jena.sparql.algebra.op.OpTopN;
import org.apache.jena.sparql.algebra.OpVars;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.iterator.QueryIterGroup;
import org.apache.jena.sparql.engine.iterator.QueryIterMinus;
import org.apache.jena.sparql.engine.iterator.QueryIterSort;
import org.apache.jena.sparql.engine.join.Join;
import org.apache.jena.sparql.engine.main.OpExecutorFactory;
import org.apache.jena.tdb2.solver.OpExecutorTDB2;

import java.util.List;
import java.util.Set;

/**
 * TDB2's query executor with the operators that keep rows in memory (ORDER BY, top-N, GROUP BY,
 * DISTINCT, and the held side of a hash join, OPTIONAL or MINUS) charged to the query's
 * {@link HeldRows.Ledger}, OFFSET skipped lazily so the timeout can stop it, and every operator's
 * rows passing the query's {@link QueryPacing.Pace}. A query without a ledger or a pace in its
 * context runs exactly as TDB2 runs it.
 */
final class GuardedOpExecutor extends OpExecutorTDB2 {
    /** Makes a guarded executor for each (sub)execution. */
    static final OpExecutorFactory FACTORY = GuardedOpExecutor::new;

    private final HeldRows.Ledger ledger;
    private final QueryPacing.Pace pace;

    private GuardedOpExecutor(ExecutionContext execCxt) {
        super(execCxt);
        this.ledger = execCxt.getContext().get(HeldRows.LEDGER);
        this.pace = execCxt.getContext().get(QueryPacing.PACE);
    }

    @Override
    protected QueryIterator exec(Op op, QueryIterator input) {
        boolean outermost = level < TOP_LEVEL; // super.exec raises the level while it runs
        QueryIterator rows = super.exec(op, input);
        // Every operator's rows pass the pace, so a long query is paced wherever its work is.
        return pace == null ? rows : new QueryPacing.Paced(rows, pace, outermost, execCxt);
    }

    @Override
    protected QueryIterator execute(OpSlice opSlice, QueryIterator input) {
        long offset = Math.max(0, opSlice.getStart()), length = opSlice.getLength();
        Op below = opSlice.getSubOp();
        // Jena sorts only small slices as a top-N; a LIMIT of thousands (the row cap's, say) sorted everything,
        // holding every row. A slice of a sort needs only its first offset + length rows, when they are few
        // enough to hold (Jena sizes a top-N's heap up front, so a larger one is sorted under the ledger instead).
        if (ledger != null && length >= 0 && length <= ledger.perQuery() && offset <= ledger.perQuery() - length) {
            int top = (int) (offset + length);
            if (below instanceof OpOrder order) {
                below = new OpTopN(order.getSubOp(), top, order.getConditions());
            } else if (below instanceof OpProject project && project.getSubOp() instanceof OpOrder order) {
                below = new OpProject(new OpTopN(order.getSubOp(), top, order.getConditions()), project.getVars());
            }
        }
        return new LazySlice(exec(below, input), opSlice.getStart(), length, execCxt);
    }

    @Override
    protected QueryIterator execute(OpOrder opOrder, QueryIterator input) {
        if (ledger == null) return super.execute(opOrder, input);
        QueryIterator rows = HeldRowsCounter.everyRow(exec(opOrder.getSubOp(), input), ledger, execCxt);
        return new QueryIterSort(rows, opOrder.getConditions(), execCxt);
    }

    @Override
    protected QueryIterator execute(OpTopN opTop, QueryIterator input) {
        if (ledger == null) return super.execute(opTop, input);
        // Jena's top-N sizes its heap to N up front, so an N over the cap is sorted whole instead: the ledger then bounds what is held.
        if (opTop.getLimit() > ledger.perQuery()) {
            Op sorted = new OpOrder(opTop.getSubOp(), opTop.getConditions());
            return new LazySlice(exec(sorted, input), 0, opTop.getLimit(), execCxt);
        }
        boolean distinct = opTop.getSubOp() instanceof OpDistinct;
        Op below = distinct ? ((OpDistinct) opTop.getSubOp()).getSubOp() : opTop.getSubOp();
        QueryIterator rows = HeldRowsCounter.firstRows(exec(below, input), ledger, opTop.getLimit(), execCxt);
        return new org.apache.jena.sparql.engine.iterator.QueryIterTopN(rows, opTop.getConditions(), opTop.getLimit(), distinct, execCxt);
    }

    @Override
    protected QueryIterator execute(OpGroup opGroup, QueryIterator input) {
        if (ledger == null) return super.execute(opGroup, input);
        QueryIterator rows = exec(opGroup.getSubOp(), input);
        // An aggregate over DISTINCT values (COUNT(DISTINCT ?x)) keeps every value it has seen, per group.
        List<org.apache.jena.sparql.expr.ExprList> distinct = opGroup.getAggregators().stream().map(a -> a.getAggregator())
                .filter(a -> a.asSparqlExpr(null).toUpperCase(java.util.Locale.ROOT).contains("DISTINCT") && a.getExprList() != null)
                .map(org.apache.jena.sparql.expr.aggregate.Aggregator::getExprList).toList();
        if (!opGroup.getGroupVars().isEmpty() || !distinct.isEmpty()) {
            rows = HeldRowsCounter.groups(rows, ledger, opGroup.getGroupVars(), distinct, execCxt);
        }
        return new QueryIterGroup(rows, opGroup.getGroupVars(), opGroup.getAggregators(), execCxt);
    }

    @Override
    protected QueryIterator execute(OpDistinct opDistinct, QueryIterator input) {
        if (ledger == null) return super.execute(opDistinct, input);
        // Each row DISTINCT lets out is one it keeps to compare later rows with.
        return HeldRowsCounter.everyRow(super.execute(opDistinct, input), ledger, execCxt);
    }

    @Override
    protected QueryIterator execute(OpJoin opJoin, QueryIterator input) {
        if (ledger == null) return super.execute(opJoin, input);
        QueryIterator left = HeldRowsCounter.everyRow(exec(opJoin.getLeft(), input), ledger, execCxt); // the hash join's table
        QueryIterator right = exec(opJoin.getRight(), root());
        return Join.join(left, right, execCxt);
    }

    @Override
    protected QueryIterator execute(OpLeftJoin opLeftJoin, QueryIterator input) {
        if (ledger == null) return super.execute(opLeftJoin, input);
        QueryIterator left = exec(opLeftJoin.getLeft(), input);
        QueryIterator right = HeldRowsCounter.everyRow(exec(opLeftJoin.getRight(), root()), ledger, execCxt); // the table
        return Join.leftJoin(left, right, opLeftJoin.getExprs(), execCxt);
    }

    @Override
    protected QueryIterator execute(OpMinus opMinus, QueryIterator input) {
        if (ledger == null) return super.execute(opMinus, input);
        QueryIterator left = exec(opMinus.getLeft(), input);
        QueryIterator right = HeldRowsCounter.everyRow(exec(opMinus.getRight(), root()), ledger, execCxt); // the table
        Set<Var> common = OpVars.visibleVars(opMinus.getLeft());
        common.retainAll(OpVars.visibleVars(opMinus.getRight()));
        return QueryIterMinus.create(left, right, common, execCxt);
    }
}
