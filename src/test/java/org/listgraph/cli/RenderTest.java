package org.listgraph.cli;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFDataMgr;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code render}: the seeds' graph written back as Markdown passes lint and reads back to the same resources, kinds and authors. */
class RenderTest {
    private static final String LG = "https://w3id.org/listgraph/ns#";
    private static final String DCT = "http://purl.org/dc/terms/";
    private static final String FOAF = "http://xmlns.com/foaf/0.1/";
    private static final String SCHEMA = "https://schema.org/";

    @TempDir
    static Path tmp;
    static Path db;

    @BeforeAll
    static void buildTheSeeds() {
        CliTest.Run built = CliTest.run("build", "--output", tmp.resolve("out").toString());
        assertTrue(built.code() == Main.OK || built.code() == Main.FINDINGS, built.err());
        db = tmp.resolve("out/tdb2");
    }

    @Test
    void theMergedListOfTheSeedsPassesLintAndReadsBackToTheSameResourcesKindsAndAuthors() throws IOException {
        Path md = Files.createDirectories(tmp.resolve("merged")).resolve("merged.md");
        CliTest.Run r = CliTest.run("render", "--db", db.toString(), "-o", md.toString());
        assertEquals(Main.OK, r.code(), r.err());
        CliTest.Run lint = CliTest.run("lint", md.toString());
        assertEquals(Main.OK, lint.code(), "no lint error: " + lint.out());

        Path before = tmp.resolve("before.ttl");
        Path after = tmp.resolve("after.ttl");
        assertEquals(Main.OK, CliTest.run("export", "--db", db.toString(), "-o", before.toString()).code());
        assertEquals(Main.OK, CliTest.run("convert", md.toString(), "-o", after.toString()).code());
        Map<String, Work> read = works(RDFDataMgr.loadModel(after.toString()));
        Map<String, Work> byUrl = new HashMap<>();
        read.values().forEach(w -> w.urls().forEach(u -> byUrl.put(u, w)));
        List<String> wrong = new ArrayList<>();
        Map<String, Work> original = works(RDFDataMgr.loadModel(before.toString()));
        for (Work w : original.values()) {
            Work back = w.urls().stream().map(byUrl::get).filter(java.util.Objects::nonNull).findFirst().orElse(null);
            if (back == null) {
                wrong.add("missing: " + w.urls());
                continue;
            }
            if (!w.kinds().equals(back.kinds())) wrong.add("kinds of " + w.urls() + ": " + w.kinds() + " -> " + back.kinds());
            if (!sameAuthors(w.authors(), back.authors())) wrong.add("authors of " + w.urls() + ": " + w.authors() + " -> " + back.authors());
        }
        assertEquals(original.size(), read.size(), "one resource for each");
        assertEquals(List.of(), wrong);
        assertTrue(original.size() > 390, "the seeds' resources: " + original.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"nleiva-k8s-networking", "nleiva-k8s-networking-pre-2024", "nubenetes-k8s-networking", "mhausenblas-cn-ref",
            "cs224-container-networking"})
    void aCleanedCopyOfASeedListHasEachOfItsResourcesOnceAndNoLintError(String list) throws IOException {
        Path md = Files.createDirectories(tmp.resolve("copy-" + list)).resolve(list + ".md");
        assertEquals(Main.OK, CliTest.run("render", "--db", db.toString(), "--copy", list, "-o", md.toString()).code());
        CliTest.Run lint = CliTest.run("lint", md.toString());
        assertEquals(Main.OK, lint.code(), "the copy's duplicates are gone, and nothing else is an error: " + lint.out());
        Path after = tmp.resolve(list + ".ttl");
        assertEquals(Main.OK, CliTest.run("convert", md.toString(), "-o", after.toString()).code());
        Model original = RDFDataMgr.loadModel(tmp.resolve("out/graph.ttl").toString());
        Resource listNode = original.createResource("https://w3id.org/listgraph/id/list/" + list);
        Set<String> listed = new TreeSet<>();
        original.listSubjectsWithProperty(original.createProperty(LG, "listedIn"), listNode)
                .forEachRemaining(res -> listed.add(res.getURI()));
        Model copy = RDFDataMgr.loadModel(after.toString());
        long entries = copy.listSubjectsWithProperty(copy.createProperty(SCHEMA, "item")).toList().size();
        assertEquals(listed.size(), entries, "one entry per resource of the list");
        Map<String, Work> before = works(original);
        Set<String> urlsBefore = new TreeSet<>();
        listed.forEach(iri -> urlsBefore.add(before.get(iri).urls().first()));
        Set<String> urlsAfter = new TreeSet<>();
        works(copy).values().forEach(w -> urlsAfter.addAll(w.urls()));
        Set<String> lost = new TreeSet<>(urlsBefore);
        lost.removeIf(u -> before.values().stream().filter(w -> w.urls().contains(u)).anyMatch(w -> w.urls().stream().anyMatch(urlsAfter::contains)));
        assertEquals(Set.of(), lost, "every resource of the list is in its copy");
    }

    @Test
    void theSameStoreGivesTheSameBytes() {
        // (a store built on any number of threads is the same store: ParallelDeterminismTest)
        assertEquals(CliTest.run("render", "--db", db.toString()).out(), CliTest.run("render", "--db", db.toString()).out());
    }

    @Test
    void fieldsLeaveOutWhatIsNotAskedFor() {
        CliTest.Run all = CliTest.run("render", "--db", db.toString());
        assertTrue(all.out().contains("#### Talks") && all.out().contains(" by [Tim Hockin](https://github.com/thockin)")
                && all.out().contains(" lists`"), all.out());
        CliTest.Run some = CliTest.run("render", "--db", db.toString(), "--fields", "description", "--title", "Reading List");
        assertEquals(Main.OK, some.code(), some.err());
        assertTrue(some.out().startsWith("# Reading List\n"), some.out());
        assertFalse(some.out().contains(" by [") || some.out().contains("### Talks") || some.out().contains(" lists`"), some.out());
    }

    @Test
    void oneListOfSeveralGivesOnlyItsResources() {
        CliTest.Run one = CliTest.run("render", "--db", db.toString(), "--list", "cs224-container-networking");
        assertEquals(Main.OK, one.code(), one.err());
        assertTrue(one.out().contains("Dev Meetup Container Networking References (cs224)"), one.out());
        assertFalse(one.out().contains("nubenetes"), "no resource of another list only");
    }

    @Test
    void mistakesAreOneLineWithTheirExitCode() {
        CliTest.Run unknown = CliTest.run("render", "--db", db.toString(), "--list", "no-such-list");
        assertEquals(Main.BAD_INPUT, unknown.code());
        assertEquals(1, unknown.err().lines().count(), unknown.err());
        assertTrue(unknown.err().contains("no list 'no-such-list'"), unknown.err());
        assertEquals(Main.USAGE, CliTest.run("render", "--db", db.toString(), "--copy", "mhausenblas-cn-ref", "--list", "x").code());
        CliTest.Run field = CliTest.run("render", "--db", db.toString(), "--fields", "colour");
        assertEquals(Main.USAGE, field.code());
        assertTrue(field.err().contains("unknown field 'colour'"), field.err());
        CliTest.Run folder = CliTest.run("render", "--db", db.toString(), "-o", tmp.resolve("no/such/folder/x.md").toString());
        assertEquals(Main.BAD_INPUT, folder.code());
        assertFalse(Files.exists(tmp.resolve("no")), "the folder is not made");
    }

    /** A resource's URLs, kinds and authors (each author as the lower-case names and handles they are known by). */
    private record Work(TreeSet<String> urls, Set<String> kinds, List<Set<String>> authors) {
    }

    private static Map<String, Work> works(Model m) {
        Map<String, Work> out = new HashMap<>();
        m.listSubjectsWithProperty(m.createProperty("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), m.createResource(LG + "Resource"))
                .forEachRemaining(r -> {
                    TreeSet<String> urls = new TreeSet<>();
                    r.listProperties(m.createProperty(SCHEMA, "url")).forEachRemaining(s -> urls.add(s.getObject().toString()));
                    Set<String> kinds = new TreeSet<>();
                    r.listProperties(m.createProperty("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")).forEachRemaining(s -> {
                        String k = s.getObject().asResource().getURI();
                        if (k.startsWith(LG) && !k.equals(LG + "Resource")) kinds.add(k.substring(LG.length()));
                    });
                    List<Set<String>> authors = new ArrayList<>();
                    r.listProperties(m.createProperty(DCT, "creator")).forEachRemaining(s -> {
                        Set<String> known = new TreeSet<>();
                        Resource a = s.getObject().asResource();
                        for (String p : List.of("name", "nick")) {
                            a.listProperties(m.createProperty(FOAF, p)).forEachRemaining(n -> known.add(text(n.getObject())));
                        }
                        authors.add(known);
                    });
                    out.put(r.getURI(), new Work(urls, kinds, authors));
                });
        return out;
    }

    private static String text(RDFNode n) {
        return n.asLiteral().getLexicalForm().toLowerCase(Locale.ROOT);
    }

    /** As many authors, each known by a name or handle one of the others is known by (an alias may be left out). */
    private static boolean sameAuthors(List<Set<String>> a, List<Set<String>> b) {
        if (a.size() != b.size()) return false;
        return a.stream().allMatch(x -> b.stream().anyMatch(y -> y.stream().anyMatch(x::contains)));
    }
}
