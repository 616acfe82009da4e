package org.listgraph.store;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.listgraph.entry.BadInputException;
import org.listgraph.rdf.Vocab;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks a graph against listgraph's SHACL shapes ({@code ontology/shapes.ttl}: the project's own
 * file when there is one, else the one shipped in the jar) with Jena's SHACL engine.
 */
public final class ShapeValidator {
    /** One result: the node that fails, the property path, the shape's message, and whether it is a violation. */
    public record Finding(String focus, String path, String message, boolean violation) {
        @Override
        public String toString() {
            return focus + " — " + path + " — " + message;
        }
    }

    /** An IRI as Jena writes it into a message template: {@code <https://…>}. */
    private static final Pattern IRI_IN_MESSAGE = Pattern.compile("<([a-z][a-z0-9+.-]*:[^<>\\s\"{}]+)>");

    private final Shapes shapes;
    private final String source;

    private ShapeValidator(Shapes shapes, String source) {
        this.shapes = shapes;
        this.source = source;
    }

    /** The shapes of {@code projectDir/ontology/shapes.ttl}, or the shipped ones. */
    public static ShapeValidator load(Path projectDir) {
        Path own = projectDir.resolve("ontology").resolve("shapes.ttl");
        Graph g = GraphFactory.createDefaultGraph();
        try {
            if (Files.isRegularFile(own)) {
                RDFParser.source(own).parse(g);
                return new ShapeValidator(Shapes.parse(g), own.toString());
            }
            try (InputStream in = ShapeValidator.class.getResourceAsStream("/ontology/shapes.ttl")) {
                if (in == null) throw new IllegalStateException("the jar has no ontology/shapes.ttl");
                RDFParser.source(in).lang(org.apache.jena.riot.Lang.TURTLE).parse(g);
            }
        } catch (RiotException e) {
            throw new BadInputException(own + ": error: the shapes are not readable Turtle (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new ShapeValidator(Shapes.parse(g), "ontology/shapes.ttl (shipped)");
    }

    /** Where the shapes came from, for the summary line. */
    public String source() {
        return source;
    }

    /** Validates the union of all graphs of {@code dsg} (read in one transaction) and returns the findings, sorted. */
    public List<Finding> validate(DatasetGraph dsg, String base) {
        Graph data = GraphFactory.createDefaultGraph();
        Txn.executeRead(dsg, () -> {
            dsg.getDefaultGraph().find().forEachRemaining(data::add);
            dsg.getUnionGraph().find().forEachRemaining(data::add);
        });
        ValidationReport report = ShaclValidator.get().validate(shapes, data);
        PrefixMapping prefixes = Vocab.prefixes(base);
        return report.getEntries().stream()
                .map(e -> new Finding(e.focusNode().isBlank() ? blank(data, e.focusNode(), prefixes) : term(e.focusNode(), prefixes), e.resultPath() == null ? "(node)" : e.resultPath().toString(new org.apache.jena.sparql.core.Prologue(prefixes)),
                        message(e, prefixes), e.severity() == Severity.Violation))
                .distinct()
                .sorted(Comparator.comparing(Finding::focus).thenComparing(Finding::path).thenComparing(Finding::message))
                .toList();
    }

    /**
     * The shape's message with the IRIs a SPARQL constraint put into it ({@code {?list}}) in short form, and the
     * offending value, unless that is the focus node itself, which the line already names.
     */
    private static String message(ReportEntry e, PrefixMapping prefixes) {
        String m = e.message() == null ? "" : IRI_IN_MESSAGE.matcher(e.message().strip())
                .replaceAll(r -> java.util.regex.Matcher.quoteReplacement(term(NodeFactory.createURI(r.group(1)), prefixes)));
        if (e.value() == null || e.value().equals(e.focusNode()) || m.contains("(value: ")) return m;
        return m + " (value: " + (e.value().isURI() ? term(e.value(), prefixes) : e.value().toString()) + ")";
    }

    /**
     * A blank node has no name that survives a reload, so it is shown by what it says: "[] (" and its
     * first sorted property and value ")", which is the same on every run.
     */
    private static String blank(Graph data, Node node, PrefixMapping prefixes) {
        return data.find(node, Node.ANY, Node.ANY).toList().stream()
                .map(t -> term(t.getPredicate(), prefixes) + " " + (t.getObject().isBlank() ? "[]" : t.getObject().isURI()
                        ? term(t.getObject(), prefixes) : t.getObject().toString()))
                .sorted().findFirst().map(s -> "[] (" + s + ")").orElse("[]");
    }

    private static String term(Node n, PrefixMapping prefixes) {
        if (!n.isURI()) return n.toString();
        String shortForm = prefixes.qnameFor(n.getURI());
        if (shortForm != null) return shortForm;
        for (var e : prefixes.getNsPrefixMap().entrySet()) {
            if (n.getURI().startsWith(e.getValue())) return e.getKey() + ":" + n.getURI().substring(e.getValue().length());
        }
        return "<" + n.getURI() + ">";
    }
}
