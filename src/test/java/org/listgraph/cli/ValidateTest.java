package org.listgraph.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.listgraph.identity.IriMinter;
import org.listgraph.store.ShapeValidator;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code validate}: the seeds' build conforms; hand-broken graphs fail with the shapes' messages; each corruption
 * planted in a copy of the seeds' graph gives exactly its own violation.
 */
class ValidateTest {
    static final Path CASES = Path.of("src/test/resources/validate");
    static final String ID = "https://w3id.org/listgraph/id/";
    static final String PREFIXES = """
            PREFIX lg: <https://w3id.org/listgraph/ns#>
            PREFIX dct: <http://purl.org/dc/terms/>
            PREFIX foaf: <http://xmlns.com/foaf/0.1/>
            PREFIX schema: <https://schema.org/>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            """;

    /** The seeds, built once for the class: every corruption is planted in a copy of this graph. */
    @TempDir
    static Path built;
    static Path output;
    static String graphText;
    static Model graph;
    static Graph seedsGraph;
    static ShapeValidator validator;

    @BeforeAll
    static void buildTheSeedsOnce() throws IOException {
        output = built.resolve("output");
        CliTest.Run r = CliTest.run("build", "--lists", "lists", "--output", output.toString());
        assertEquals(Main.OK, r.code(), r.err());
        graphText = Files.readString(output.resolve("graph.ttl"));
        graph = RDFDataMgr.loadModel(output.resolve("graph.ttl").toString());
        seedsGraph = graph.getGraph();
        validator = ShapeValidator.load(Path.of(""));
    }

    static Stream<String> cases() throws IOException {
        try (var files = Files.list(CASES)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".ttl")).map(n -> n.substring(0, n.length() - 4))
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aGraphFromTestResourcesGivesExactlyTheExpectedFindings(String name) throws IOException {
        CliTest.Run r = CliTest.run("validate", "--data", CASES.resolve(name + ".ttl").toString());
        String expected = Files.readString(CASES.resolve(name + ".expected"));
        assertEquals(expected, r.out(), "findings of " + name);
        assertEquals(expected.isEmpty() ? Main.OK : Main.FINDINGS, r.code(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
    }

    @Test
    void theSeedsBuildConformsToTheShapesInTheStoreAndAsGraphTtl() {
        for (String[] args : List.of(new String[]{"validate", "--db", output.resolve("tdb2").toString()},
                new String[]{"validate", "--data", output.resolve("graph.ttl").toString()})) {
            CliTest.Run r = CliTest.run(args);
            assertEquals(Main.OK, r.code(), r.out() + r.err());
            assertEquals("", r.out());
            assertTrue(r.err().contains("conforms to"), r.err());
        }
    }

    @Test
    void theBrokenCasesCoverTheMistakesTheShapesMustCatch() throws IOException {
        String all = Files.readString(CASES.resolve("entry-without-list-or-resource.expected"))
                + Files.readString(CASES.resolve("resource-without-title-or-url.expected")) + Files.readString(CASES.resolve("bad-date.expected"));
        for (String path : new String[]{"— lg:inList —", "— schema:item —", "— dct:title —", "— schema:url —", "— dct:date —"}) {
            assertTrue(all.contains(path), path);
        }
    }

    /**
     * One corruption: {@code pick} chooses nodes of the seeds' graph (the first row, ordered), {@code turtle} is added to
     * a copy of graph.ttl with {@code {var}} replaced by those nodes, and {@code expected} is the one line validate must
     * print (empty: the graph must still conform).
     */
    record Corruption(String name, String pick, String turtle, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Corruption> corruptions() {
        return List.of(
                new Corruption("a list count of 4 on a resource listed in one list",
                        "SELECT ?list WHERE { ?list a lg:List } ORDER BY ?list",
                        "id:resource/planted a lg:Resource , lg:Article ; dct:title \"Planted\" ; schema:url <https://example.org/planted> ;"
                                + " lg:listedIn {list} ; lg:listCount 4 .",
                        "id:resource/planted — lg:listCount — The resource says it is in 4 lists, but it is lg:listedIn 1: lg:listCount must be"
                                + " the number of lists. (value: \"4\"^^xsd:integer)"),
                new Corruption("a talk that is also a website",
                        "SELECT ?talk WHERE { ?talk a lg:Talk } ORDER BY ?talk",
                        "{talk} a lg:Website .",
                        "{talk} — rdf:type — The resource is both lg:Talk and lg:Website, kinds that exclude each other (lg:Talk overrides"
                                + " lg:Website in kinds.json): it must have one of them, not both. (value: lg:Website)"),
                new Corruption("a urn as a resource's URL",
                        "SELECT ?work WHERE { ?work a lg:Resource } ORDER BY ?work",
                        "{work} schema:url <urn:isbn:0262510871> .",
                        "{work} — schema:url — Every URL of a resource (schema:url) must be an http(s) address with a host: listgraph reads no"
                                + " other links as resources. (value: <urn:isbn:0262510871>)"),
                new Corruption("a part that is a person",
                        "SELECT ?work ?person WHERE { ?work a lg:Resource . ?person a foaf:Person } ORDER BY ?work ?person",
                        "{work} dct:hasPart {person} .",
                        "{work} — dct:hasPart — A part of a work (dct:hasPart) must itself be a work (an lg:Resource), not a person, list or"
                                + " entry. (value: {person})"),
                new Corruption("a topic with no section and no resource",
                        "SELECT * WHERE { }",
                        "id:topic/planted a lg:Topic ; skos:prefLabel \"Planted\" .",
                        "id:topic/planted — (node) — The topic has no section (lg:topic) and no resource (dct:subject, lg:derivedSubject),"
                                + " itself or through a narrower topic (skos:broader): a topic no list uses does not belong in the graph."),
                new Corruption("a person also typed organization with a second name",
                        "SELECT ?person WHERE { ?person a foaf:Person } ORDER BY ?person",
                        "{person} a foaf:Organization ; foaf:name \"Planted Ltd\" .",
                        "{person} — rdf:type — A person (foaf:Person) cannot also be an organization (foaf:Organization): listgraph decides"
                                + " one or the other, or neither. (value: foaf:Organization)"),
                new Corruption("an entry whose resource is not listed in the entry's list",
                        "SELECT ?work ?list WHERE { ?work a lg:Resource . ?list a lg:List FILTER NOT EXISTS { ?work lg:listedIn ?list } }"
                                + " ORDER BY ?work ?list",
                        "id:entry/planted a lg:Entry ; lg:inList {list} ; schema:item {work} ; schema:position 999 ; lg:line 999 ;"
                                + " lg:markdown \"- [Planted](https://example.org/planted)\" .",
                        "id:entry/planted — schema:item — The entry's resource is not listed in the entry's list {list}: a work must be"
                                + " lg:listedIn every list that has an entry for it. (value: {work})"),
                new Corruption("an author with neither name nor handle",
                        "SELECT * WHERE { }",
                        "id:agent/planted a foaf:Agent .",
                        "id:agent/planted — (node) — An author (foaf:Agent) must have at least a name (foaf:name) or a handle (foaf:nick)."),
                new Corruption("a resource with no kind",
                        "SELECT ?list WHERE { ?list a lg:List } ORDER BY ?list",
                        "id:resource/planted a lg:Resource ; dct:title \"Planted\" ; schema:url <https://example.org/planted> ;"
                                + " lg:listedIn {list} ; lg:listCount 1 .",
                        "id:resource/planted — rdf:type — A resource must have a kind: lg:Talk, lg:Article, lg:Video, lg:Documentation,"
                                + " lg:Specification, lg:Book, lg:Course, lg:Software, lg:Discussion, lg:SocialPost, lg:Paper, lg:CuratedList,"
                                + " lg:Podcast or lg:Website."),
                new Corruption("a person that is also an online account",
                        "SELECT ?person WHERE { ?person a foaf:Person } ORDER BY ?person",
                        "{person} a foaf:OnlineAccount ; foaf:accountServiceHomepage <https://github.com/> ; foaf:accountName \"planted\" .",
                        "{person} — rdf:type — The node is at once Agent and OnlineAccount: a list, an entry, a work, a series,"
                                + " an author, an account, a section and a topic are different things, and one node is only one of them."),
                new Corruption("a work that is part of an entry",
                        "SELECT ?work ?entry WHERE { ?work a lg:Resource . ?entry a lg:Entry } ORDER BY ?work ?entry",
                        "{work} dct:isPartOf {entry} .",
                        "{work} — dct:isPartOf — A work can only be part of (dct:isPartOf) another work (an lg:Resource) or a series"
                                + " (lg:Series). (value: {entry})"),
                new Corruption("a book that is also a course, kinds that do not exclude each other",
                        "SELECT ?book WHERE { ?book a lg:Book } ORDER BY ?book",
                        "{book} a lg:Course .",
                        ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corruptions")
    void aCorruptionPlantedInTheSeedsGraphGivesExactlyItsOwnViolation(Corruption c) {
        Map<String, String> nodes = pick(c.pick());
        Graph broken = GraphFactory.createDefaultGraph();
        seedsGraph.find().forEachRemaining(broken::add);
        RDFParser.fromString(PREFIXES + "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n" + fill(c.turtle(), nodes, true))
                .lang(Lang.TURTLE).parse(broken);
        // The lines validate prints (ValidateCommand prints each finding as it is): the test after this one runs the command.
        List<String> lines = validator.validate(DatasetGraphFactory.wrap(broken), IriMinter.DEFAULT_BASE).stream()
                .map(ShapeValidator.Finding::toString).toList();
        String expected = fill(c.expected(), nodes, false);
        assertEquals(expected.isEmpty() ? List.of() : List.of(expected), lines);
    }

    @Test
    void validatePrintsTheViolationOfAPlantedCorruptionAndExitsWithFindings() throws IOException {
        Corruption c = corruptions().get(0);
        Map<String, String> nodes = pick(c.pick());
        Path broken = built.resolve("broken.ttl");
        Files.writeString(broken, graphText + "\n" + fill(c.turtle(), nodes, true) + "\n");
        CliTest.Run r = CliTest.run("validate", "--data", broken.toString());
        assertEquals(fill(c.expected(), nodes, false) + "\n", r.out());
        assertEquals(Main.FINDINGS, r.code(), r.err());
        assertEquals(List.of("validate: 1 violation on 1 node in " + broken + " (shapes: ontology/shapes.ttl)"), r.errLines());
    }

    /** The first row of {@code select} over the seeds' graph, each variable's IRI by name. */
    private static Map<String, String> pick(String select) {
        try (QueryExecution q = QueryExecution.model(graph).query(PREFIXES + select + " LIMIT 1").build()) {
            var rows = q.execSelect();
            assertTrue(rows.hasNext(), "the seeds have nothing for " + select);
            QuerySolution row = rows.next();
            Map<String, String> nodes = new java.util.HashMap<>();
            row.varNames().forEachRemaining(v -> nodes.put(v, row.getResource(v).getURI()));
            return nodes;
        }
    }

    /** The text with {@code {var}} as an IRI in Turtle ({@code <…>}) or as validate prints it ({@code id:…}). */
    private static String fill(String text, Map<String, String> nodes, boolean turtle) {
        String s = turtle ? text.replaceAll("id:(\\w+/planted)", "<" + ID + "$1>") : text;
        for (var e : nodes.entrySet()) {
            assertTrue(e.getValue().startsWith(ID), e.getValue());
            s = s.replace("{" + e.getKey() + "}", turtle ? "<" + e.getValue() + ">" : "id:" + e.getValue().substring(ID.length()));
        }
        assertFalse(s.matches("(?s).*\\{\\w+}.*"), "unfilled placeholder in " + s);
        return s;
    }

    @Test
    void theExclusiveKindsInTheShapesAreTheOverridesOfKindsJson() throws IOException {
        Set<String> fromKinds = new TreeSet<>();
        JsonNode overrides = JsonMapper.builder().build().readTree(new File("ontology/kinds.json")).get("overrides");
        overrides.fields().forEachRemaining(e -> e.getValue().forEach(o -> fromKinds.add(e.getKey() + " " + o.asText())));
        String shapes = Files.readString(Path.of("ontology/shapes.ttl"));
        String constraint = shapes.substring(shapes.indexOf("lgsh:ExclusiveKindsShape"));
        Matcher m = Pattern.compile("\\(lg:(\\w+) lg:(\\w+)\\)").matcher(constraint.substring(0, constraint.indexOf("\n\n")));
        List<String> fromShapes = new ArrayList<>();
        while (m.find()) fromShapes.add(m.group(1) + " " + m.group(2));
        assertEquals(fromKinds, new TreeSet<>(fromShapes));
        assertEquals(fromShapes.size(), new TreeSet<>(fromShapes).size(), "no pair twice");
    }
}
