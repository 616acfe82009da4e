package org.listgraph.store;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.Syntax;
import java.util.regex.Matcher;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecBuilder;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;
import org.apache.jena.graph.NodeFactory;
import org.listgraph.entry.BadInputException;
import org.listgraph.entry.UsageException;
import org.listgraph.rdf.Vocab;
import java.util.LinkedHashMap;
import org.listgraph.export.RdfFormat;
import org.listgraph.export.RdfWriter;
import org.listgraph.export.ResultFormat;

import java.io.OutputStream;
import java.util.Map;

/**
 * Runs one SPARQL query over a dataset inside a read transaction and writes the answer in the
 * requested format. Parameters are bound as RDF terms before execution, never spliced into the text.
 */
public final class QueryRunner {
    private QueryRunner() {
    }

    private static final java.util.regex.Pattern UPDATE = java.util.regex.Pattern.compile(
            "(?is)^(?:\\s*(?:#[^\\n]*\\n|PREFIX\\s+\\S*\\s*<[^>]*>|BASE\\s*<[^>]*>))*\\s*(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\\b");
    private static final java.util.regex.Pattern JENA_POSITION = java.util.regex.Pattern.compile(
            "(?i)(?:^\\s*line \\d+, column \\d+:\\s*|\\s*at line \\d+, column \\d+\\.?)");

    /**
     * Parses a query with the standard prefixes (lg:, dct:, foaf:, skos:, schema:, prov:, rdf:, rdfs:,
     * xsd:) already declared, so the plain queries of the README run as written; the query's own
     * PREFIX lines win. A syntax error is a user mistake with line and column.
     */
    public static Query parse(String text, String source, String base) {
        Matcher update = UPDATE.matcher(text);
        if (update.find()) {
            throw new UsageException(source + ": this is a SPARQL update (" + update.group(1).toUpperCase(java.util.Locale.ROOT)
                    + "); query is read-only and runs SELECT, ASK, CONSTRUCT and DESCRIBE");
        }
        Query query = new Query();
        query.setPrefixMapping(Vocab.prefixes(base));
        try {
            return QueryFactory.parse(query, text, null, Syntax.syntaxSPARQL_11);
        } catch (QueryParseException e) {
            String message = JENA_POSITION.matcher(firstLine(e.getMessage())).replaceAll("").strip();
            if (message.startsWith("Unresolved prefixed name")) message += " (declare it with PREFIX)";
            throw new BadInputException(source + ":" + Math.max(1, e.getLine()) + ":" + Math.max(1, e.getColumn())
                    + ": error: SPARQL syntax: " + message);
        }
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }

    /**
     * Runs a request over a dataset: parses it, binds its parameters as string literals, picks the
     * output format from the registries (a table for SELECT/ASK, Turtle for CONSTRUCT/DESCRIBE by default).
     */
    public static void run(DatasetGraph dsg, QueryRequest request, OutputStream out) {
        Query query = parse(request.text(), request.origin(), request.base());
        boolean graphResult = query.isConstructType() || query.isDescribeType();
        ResultFormat results = null;
        RdfFormat rdf = null;
        String f = request.format();
        if (graphResult) {
            rdf = f == null ? RdfFormat.TTL : RdfFormat.byName(f).orElseThrow(() -> new UsageException(
                    "unknown format '" + f + "' for a " + (query.isConstructType() ? "CONSTRUCT" : "DESCRIBE") + " query; use one of: " + RdfFormat.names()));
        } else {
            results = f == null ? ResultFormat.TABLE : ResultFormat.byName(f).orElseThrow(() -> new UsageException(
                    "unknown format '" + f + "' for SELECT/ASK results; use one of: " + ResultFormat.names()));
        }
        Map<String, Node> bindings = new LinkedHashMap<>();
        request.params().forEach((k, v) -> bindings.put(k, NodeFactory.createLiteralString(v)));
        PrefixMapping prefixes = Vocab.prefixes(request.base());
        prefixes.setNsPrefixes(query.getPrefixMapping());
        run(dsg, query, bindings, results, rdf, prefixes, out);
    }

    /**
     * Runs {@code query}; SELECT/ASK answers go out in {@code results}, CONSTRUCT/DESCRIBE in {@code rdf}.
     * The caller has checked that the right one of the two is non-null.
     */
    public static void run(DatasetGraph dsg, Query query, Map<String, Node> bindings, ResultFormat results, RdfFormat rdf,
                           PrefixMapping prefixes, OutputStream out) {
        Txn.executeRead(dsg, () -> {
            QueryExecBuilder b = QueryExec.dataset(dsg).query(query);
            bindings.forEach(b::substitution);
            try (QueryExec exec = b.build()) {
                if (query.isSelectType()) {
                    RowSet rows = exec.select();
                    results.write(ResultSet.adapt(rows), prefixes, out);
                } else if (query.isAskType()) {
                    results.write(exec.ask(), out);
                } else if (query.isConstructType()) {
                    Graph g = exec.construct();
                    RdfWriter.write(g, rdf, prefixes, out);
                } else if (query.isDescribeType()) {
                    Graph g = exec.describe();
                    RdfWriter.write(g, rdf, prefixes, out);
                } else {
                    throw new BadInputException("error: only SELECT, ASK, CONSTRUCT and DESCRIBE queries can be run here");
                }
            }
        });
    }
}
