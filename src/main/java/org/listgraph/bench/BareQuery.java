package org.listgraph.bench;

import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;

/**
 * The CLI query's baseline: a bare JVM that opens a TDB2 store with Jena alone, runs one query and
 * prints its rows as CSV. Run as {@code java -cp listgraph.jar org.listgraph.bench.BareQuery DB QUERY}.
 */
public final class BareQuery {
    private BareQuery() {
    }

    public static void main(String[] args) {
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(Location.create(args[0]));
        dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
        Txn.executeRead(dsg, () -> {
            try (QueryExec exec = QueryExec.dataset(dsg).query(args[1]).build()) {
                ResultSetFormatter.outputAsCSV(System.out, ResultSet.adapt(exec.select()));
            }
        });
        dsg.close();
    }
}
