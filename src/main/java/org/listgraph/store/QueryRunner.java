package org.listgraph.store;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import java.util.regex.Matcher;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import java.util.List;
import org.apache.jena.system.Txn;
import org.apache.jena.graph.NodeFactory;
import org.listgraph.entry.BadInputException;
import org.listgraph.entry.UsageException;
import org.listgraph.rdf.Vocab;
import java.util.LinkedHashMap;

import java.io.OutputStream;
import java.util.Map;

/**
 * Runs one SPARQL query, over a local dataset inside a read transaction or at a remote endpoint,
 * and writes the answer in the requested format. Parameters are bound as RDF terms in the parsed
 * query (syntactic substitution), so a value can never change the query's structure.
 */
public final class QueryRunner {
    private QueryRunner() {
    }

    private static final java.util.regex.Pattern UPDATE = java.util.regex.Pattern.compile(
            "(?is)^(?:\\s*(?:#[^\\n]*\\n|PREFIX\\s+\\S*\\s*<[^>]*>|BASE\\s*<[^>]*>))*\\s*(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\\b");
    private static final java.util.regex.Pattern UNEXPECTED = java.util.regex.Pattern.compile(
            "^Encountered (?:\" \\S+ \"(.*?)\"\"|\"<EOF>\") at line (\\d+), column (\\d+)");
    private static final java.util.regex.Pattern LEXICAL = java.util.regex.Pattern.compile(
            "^Lexical error at line (\\d+), column (\\d+)\\.\\s+Encountered: .*? after prefix \"(.*)\"$");
    private static final java.util.regex.Pattern JENA_POSITION = java.util.regex.Pattern.compile(
            "(?i)(?:^\\s*+line \\d++, column \\d++:\\s*+|(?:(?<!\\s)|\\G)\\s*+at line \\d++, column \\d++\\.?)");

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
            String first = firstLine(e.getMessage());
            int line = e.getLine(), column = e.getColumn();
            // The parser's own position is that of the last good token; the message names the offending one.
            Matcher unexpected = UNEXPECTED.matcher(first);
            String message;
            if (unexpected.find()) {
                String token = unexpected.group(1) != null ? unexpected.group(1).strip() : "end of query";
                message = unexpected.group(1) != null ? "unexpected '" + token + "'" : "unexpected end of query";
                line = Integer.parseInt(unexpected.group(2));
                column = Integer.parseInt(unexpected.group(3));
            } else if (LEXICAL.matcher(first).find()) {
                Matcher lexical = LEXICAL.matcher(first);
                lexical.find();
                String word = lexical.group(3).replace("\\'", "'").replace("\\\"", "\"");
                line = Integer.parseInt(lexical.group(1));
                column = Math.max(1, Integer.parseInt(lexical.group(2)) - word.length());
                message = word.startsWith("'") || word.startsWith("\"") ? "string never closed: " + word.strip()
                        : "unknown word '" + word + "'";
            } else {
                message = JENA_POSITION.matcher(first).replaceAll("").strip();
            }
            if (message.startsWith("Unresolved prefixed name")) message += " (declare it with PREFIX)";
            throw new BadInputException(source + ":" + Math.max(1, line) + ":" + Math.max(1, column) + ": error: SPARQL syntax: " + message);
        }
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }

    /**
     * The request's query, parsed with the standard prefixes, with its parameters bound as string
     * literals by syntactic substitution (a projected parameter stays in the results as
     * {@code (value AS ?name)}), so it runs the same on any SPARQL engine.
     */
    public static Query prepare(QueryRequest request) {
        Query query = parse(request.text(), request.origin(), request.base());
        if (request.params().isEmpty()) return query;
        checkDatatypes(request);
        Map<org.apache.jena.sparql.core.Var, Node> bindings = new LinkedHashMap<>();
        request.params().forEach((k, v) -> bindings.put(org.apache.jena.sparql.core.Var.alloc(k), NodeFactory.createLiteralString(v)));
        return org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps.replaceVars(query, bindings);
    }

    /**
     * Runs a request over a local dataset, inside a read transaction; returns the rows of a SELECT,
     * else -1. SERVICE, which makes this machine fetch from other endpoints, is refused unless the
     * request allows it.
     */
    public static long run(DatasetGraph dsg, QueryRequest request, OutputStream out) {
        Query query = prepare(request);
        QueryAnswer answer = QueryAnswer.of(query, request);
        String service = firstService(query);
        if (service != null && !request.allowService()) {
            throw new UsageException(request.origin() + ": SERVICE <" + service + "> would make this machine fetch from another endpoint; "
                    + "give --allow-service to let it");
        }
        return Txn.calculateRead(dsg, () -> {
            try (QueryExec exec = QueryExec.dataset(dsg).query(query).set(org.apache.jena.query.ARQ.httpServiceAllowed, request.allowService()).build()) {
                return answer.write(exec, out);
            } catch (org.apache.jena.query.QueryDeniedException e) {
                // A SERVICE the check above could not see (inside FILTER EXISTS): Jena refused it.
                throw new UsageException(request.origin() + ": the query uses SERVICE, which would make this machine fetch from another "
                        + "endpoint; give --allow-service to let it");
            } catch (org.apache.jena.sparql.engine.http.QueryExceptionHTTP e) {
                String why = String.valueOf(e.getMessage()).lines().findFirst().orElse("").strip();
                throw new BadInputException(request.origin() + ": error: SERVICE " + (service == null ? "" : "<" + service + "> ") + "failed (" + why
                        + "); check the URL and that the endpoint is up, or add SILENT after SERVICE to go on without it", e);
            }
        });
    }

    /**
     * A value given for a parameter its header declares typed ({@code # param: since (xsd:date) — …}) must be
     * written in that datatype: checked here, before any engine sees it, so a bad one is a one-line user
     * mistake rather than an empty answer (the value is still bound as a string literal).
     */
    private static void checkDatatypes(QueryRequest request) {
        for (SavedQuery.Parameter p : SavedQuery.parse(request.origin(), request.text()).parameters()) {
            String value = request.params().get(p.name());
            if (p.datatype().isEmpty() || value == null) continue;
            org.apache.jena.datatypes.RDFDatatype type = org.apache.jena.datatypes.TypeMapper.getInstance()
                    .getTypeByName(org.apache.jena.vocabulary.XSD.NS + p.datatype().substring("xsd:".length()));
            if (type == null) {
                throw new UsageException(request.origin() + ": parameter " + p.name() + " declares " + p.datatype()
                        + ", which is no XSD datatype; write e.g. (xsd:date) or (xsd:integer)");
            }
            if (!type.isValid(value)) {
                throw new UsageException(request.origin() + ": parameter " + p.name() + ": '" + value + "' is not an " + p.datatype()
                        + (p.help().isEmpty() ? "" : " (" + p.help() + ")"));
            }
        }
    }

    /** The IRI of the query's first SERVICE clause, subqueries included, or null when it has none. */
    private static String firstService(Query query) {
        if (query.getQueryPattern() == null) return null;
        String[] found = {null};
        org.apache.jena.sparql.algebra.OpWalker.walk(org.apache.jena.sparql.algebra.Algebra.compile(query),
                new org.apache.jena.sparql.algebra.OpVisitorBase() {
                    @Override
                    public void visit(org.apache.jena.sparql.algebra.op.OpService op) {
                        if (found[0] == null) found[0] = op.getService().isURI() ? op.getService().getURI() : op.getService().toString();
                    }
                });
        return found[0];
    }

    /** The first column of a SELECT over a local dataset, as strings. */
    public static List<String> column(DatasetGraph dsg, String sparql) {
        Query query = parse(sparql, "query", org.listgraph.identity.IriMinter.DEFAULT_BASE);
        return Txn.calculateRead(dsg, () -> {
            try (QueryExec exec = QueryExec.dataset(dsg).query(query).build()) {
                return column(exec);
            }
        });
    }

    /** The first column of a SELECT at a remote endpoint, as strings. */
    public static List<String> column(RemoteEndpoint endpoint, String sparql) {
        Query query = parse(sparql, "query", org.listgraph.identity.IriMinter.DEFAULT_BASE);
        return endpoint.call(() -> endpoint.answer(() -> remote(endpoint, query), QueryRunner::column));
    }

    private static List<String> column(QueryExec exec) {
        List<String> out = new java.util.ArrayList<>();
        RowSet rows = exec.select();
        org.apache.jena.sparql.core.Var v = rows.getResultVars().get(0);
        rows.forEachRemaining(b -> {
            Node n = b.get(v);
            if (n != null) out.add(n.isLiteral() ? n.getLiteralLexicalForm() : n.toString());
        });
        return out;
    }

    /** Runs a request at a remote SPARQL endpoint (the query is sent with its parameters already bound); returns the rows of a SELECT, else -1. */
    public static long run(RemoteEndpoint endpoint, QueryRequest request, OutputStream out) {
        Query query = prepare(request);
        QueryAnswer answer = QueryAnswer.of(query, request);
        return endpoint.call(() -> endpoint.answer(() -> remote(endpoint, query), exec -> answer.write(exec, out)));
    }

    /** An execution of {@code query} at the endpoint, with its credentials and read timeout (for the answer's headers). */
    private static QueryExec remote(RemoteEndpoint endpoint, Query query) {
        var b = org.apache.jena.sparql.exec.http.QueryExecHTTP.service(endpoint.url()).httpClient(endpoint.httpClient()).query(query)
                .timeout(endpoint.readTimeout().toMillis());
        endpoint.headers().forEach(b::httpHeader);
        return b.build();
    }

}
