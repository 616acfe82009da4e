package org.listgraph.testing;

import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.query.DatasetFactory;
import org.listgraph.identity.IriMinter;
import org.listgraph.markdown.ListFiles;
import org.listgraph.rdf.Converter;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The project's own lists/ converted once per test class, and SPARQL over the result. */
public final class Seeds {
    public static final Path LISTS = Path.of("lists");
    public static final String PREFIXES = """
            PREFIX lg: <https://w3id.org/listgraph/ns#>
            PREFIX dct: <http://purl.org/dc/terms/>
            PREFIX foaf: <http://xmlns.com/foaf/0.1/>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX schema: <https://schema.org/>
            PREFIX prov: <http://www.w3.org/ns/prov#>
            PREFIX id: <https://w3id.org/listgraph/id/>
            """;

    private Seeds() {
    }

    /** A copy of the seed lists (and their lists.json) in a new folder {@code dir}, for a test that edits them. */
    public static Path copyInto(Path dir) throws java.io.IOException {
        java.nio.file.Files.createDirectory(dir);
        try (var files = java.nio.file.Files.list(LISTS)) {
            for (Path f : files.toList()) java.nio.file.Files.copy(f, dir.resolve(f.getFileName()));
        }
        return dir;
    }

    public static Converter.Result convert() {
        return new Converter(IriMinter.DEFAULT_BASE).convert(ListFiles.expand(List.of(LISTS)));
    }

    /** Runs a SELECT over the union of all graphs; each row is the values of the projected variables as strings. */
    public static List<List<String>> select(DatasetGraph dsg, String query) {
        List<List<String>> rows = new ArrayList<>();
        var ds = DatasetFactory.wrap(org.apache.jena.sparql.core.DatasetGraphFactory.wrap(dsg.getUnionGraph()));
        try (QueryExecution qe = QueryExecution.dataset(ds).query(PREFIXES + query).build()) {
            ResultSet rs = qe.execSelect();
            List<String> vars = rs.getResultVars();
            while (rs.hasNext()) {
                QuerySolution s = rs.next();
                List<String> row = new ArrayList<>();
                for (String v : vars) {
                    var n = s.get(v);
                    row.add(n == null ? null : n.isLiteral() ? n.asLiteral().getLexicalForm() : n.toString());
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** The first column of every row. */
    public static List<String> column(DatasetGraph dsg, String query) {
        return select(dsg, query).stream().map(r -> r.get(0)).toList();
    }
}
