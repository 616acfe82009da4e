package org.listgraph.store;

import org.apache.jena.query.Query;
import org.apache.jena.query.ResultSet;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.listgraph.entry.BadInputException;
import org.listgraph.entry.UsageException;
import org.listgraph.export.RdfFormat;
import org.listgraph.export.RdfWriter;
import org.listgraph.export.ResultFormat;
import org.listgraph.rdf.Vocab;

import java.io.OutputStream;

/**
 * How a query's answer is written: SELECT/ASK in a result format (a table by default),
 * CONSTRUCT/DESCRIBE in an RDF format (Turtle by default), with the standard and the query's prefixes.
 */
record QueryAnswer(Query query, ResultFormat results, RdfFormat rdf, PrefixMapping prefixes) {
    static QueryAnswer of(Query query, QueryRequest request) {
        boolean graphResult = query.isConstructType() || query.isDescribeType();
        String f = request.format();
        ResultFormat results = null;
        RdfFormat rdf = null;
        if (graphResult) {
            rdf = f == null ? RdfFormat.TTL : RdfFormat.byName(f).orElseThrow(() -> new UsageException(
                    "unknown format '" + f + "' for a " + (query.isConstructType() ? "CONSTRUCT" : "DESCRIBE") + " query; use one of: " + RdfFormat.names()));
        } else {
            results = f == null ? ResultFormat.TABLE : ResultFormat.byName(f).orElseThrow(() -> new UsageException(
                    "unknown format '" + f + "' for SELECT/ASK results; use one of: " + ResultFormat.names()));
        }
        PrefixMapping prefixes = Vocab.prefixes(request.base());
        prefixes.setNsPrefixes(query.getPrefixMapping());
        return new QueryAnswer(query, results, rdf, prefixes);
    }

    /** Writes the answer; returns the number of rows of a SELECT, else -1. */
    long write(QueryExec exec, OutputStream out) {
        if (query.isSelectType()) {
            RowSet rows = exec.select();
            results.write(ResultSet.adapt(rows), prefixes, out);
            return rows.getRowNumber();
        } else if (query.isAskType()) {
            results.write(exec.ask(), out);
        } else if (query.isConstructType()) {
            RdfWriter.write(exec.construct(), rdf, prefixes, out);
        } else if (query.isDescribeType()) {
            RdfWriter.write(exec.describe(), rdf, prefixes, out);
        } else {
            throw new BadInputException("error: only SELECT, ASK, CONSTRUCT and DESCRIBE queries can be run here");
        }
        return -1;
    }
}
