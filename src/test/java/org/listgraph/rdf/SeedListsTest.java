package org.listgraph.rdf;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.listgraph.entry.Problem;
import org.listgraph.testing.Seeds;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Facts a user of the five seed lists relies on, checked on the real lists/ folder. */
class SeedListsTest {
    static Converter.Result result;
    static DatasetGraph dsg;

    @BeforeAll
    static void convert() {
        result = Seeds.convert();
        dsg = result.dataset();
    }

    @Test
    void everyResourceLineAndTweetOfEveryListBecomesAnEntry() {
        // cs224: 94 bulleted lines with links, less 5 lines that name a person (their nested items are the entries);
        // nubenetes: 150 bulleted links plus 3 tweets; mhausenblas: 81 bulleted, 1 without a bullet, 1 with a broken URL.
        List<List<String>> rows = Seeds.select(dsg, """
                SELECT ?id (COUNT(?e) AS ?entries) WHERE { ?l a lg:List . ?e lg:inList ?l .
                  BIND(STRAFTER(STR(?l), "/list/") AS ?id) } GROUP BY ?id ORDER BY ?id""");
        assertEquals(List.of(
                List.of("cs224-container-networking", "89"),
                List.of("mhausenblas-cn-ref", "83"),
                List.of("nleiva-k8s-networking", "104"),
                List.of("nleiva-k8s-networking-pre-2024", "47"),
                List.of("nubenetes-k8s-networking", "153")), rows);
        assertEquals(5, result.stats().lists());
        assertEquals(476, result.stats().entries());
    }

    @Test
    void numberOfItemsMatchesTheEntriesOfEachList() {
        assertEquals(List.of(), Seeds.select(dsg, """
                SELECT ?l ?n (COUNT(?e) AS ?c) WHERE { ?l schema:numberOfItems ?n . ?e lg:inList ?l }
                GROUP BY ?l ?n HAVING (?c != ?n)"""));
    }

    @Test
    void thockinsTalksAreExactlyHisFourTalksOneRowEach() throws java.io.IOException {
        // The shipped saved query, with its parameter bound the way the CLI binds it.
        String saved = java.nio.file.Files.readString(java.nio.file.Path.of("ontology/queries/talks-by.rq"));
        var q = new org.apache.jena.query.ParameterizedSparqlString(saved);
        q.setLiteral("author", "thockin");
        List<String> titles = Seeds.select(dsg, q.toString().replaceAll("(?m)^PREFIX.*$", "")).stream().map(r -> r.get(1)).toList();
        assertEquals(List.of(
                "An Illustrated Guide to Kubernetes Networking",
                "Bringing Traffic Into Your Kubernetes Cluster",
                "Kubernetes and Networks - why is this so dang hard?",
                "The ins and outs of networking in Google Container Engine and Kubernetes"), titles);
    }

    @Test
    void theLibnetworkPostIsOneArticleUnderItsOldAndNewUrlsInThreeLists() {
        List<List<String>> rows = Seeds.select(dsg, """
                SELECT ?r ?count WHERE { ?r dct:title "Why Kubernetes doesn’t use libnetwork" ; lg:listCount ?count ; a lg:Article
                  FILTER NOT EXISTS { ?r a lg:Talk } }""");
        assertEquals(1, rows.size(), "one resource");
        assertEquals("3", rows.get(0).get(1));
        List<String> urls = Seeds.column(dsg, "SELECT ?u WHERE { <" + rows.get(0).get(0) + "> schema:url ?u } ORDER BY ?u");
        assertEquals(List.of("http://blog.kubernetes.io/2016/01/why-Kubernetes-doesnt-use-libnetwork.html",
                "https://kubernetes.io/blog/2016/01/why-kubernetes-doesnt-use-libnetwork/"), urls);
    }

    @Test
    void theIllustratedGuidePdfIsOneTalkListedInBothNleivaVersions() {
        List<String> lists = Seeds.column(dsg, """
                SELECT ?id WHERE { ?r schema:url <https://speakerd.s3.amazonaws.com/presentations/005d36f0113d4773be8866496142485e/Illustrated_guid_to_kubernetes_networking.pdf> ;
                  a lg:Talk ; lg:listedIn ?l . BIND(STRAFTER(STR(?l), "/list/") AS ?id) } ORDER BY ?id""");
        assertEquals(List.of("nleiva-k8s-networking", "nleiva-k8s-networking-pre-2024"), lists);
    }

    @Test
    void knownEntriesHaveTheirAuthors() {
        assertEquals(List.of("tgraf"), Seeds.column(dsg, """
                SELECT ?nick WHERE { ?r dct:title "Linux Kernel Networking Walkthrough" ;
                  dct:creator/foaf:account [ foaf:accountName ?nick ; foaf:accountServiceHomepage <https://github.com/> ] }"""));
        assertEquals(List.of("freehan", "rramkumar1"), Seeds.column(dsg, """
                SELECT ?nick WHERE { ?r dct:title "Understand and Troubleshoot the “Magic” of k8s Networking" ; dct:creator/foaf:nick ?nick }
                ORDER BY ?nick"""));
        assertEquals(List.of("Google"), Seeds.column(dsg, """
                SELECT ?org WHERE { ?r dct:title "Illustrated Guide To Kubernetes Networking" ;
                  dct:creator [ foaf:name "Tim Hockin" ; schema:affiliation/foaf:name ?org ] }"""));
        assertEquals(List.of("Lee Calcote"), Seeds.column(dsg, """
                SELECT ?name WHERE { ?a foaf:account/foaf:accountName "leecalcote" ; foaf:name ?name }"""));
    }

    @Test
    void resourcesSharedAcrossListsKnowEveryList() {
        assertEquals(List.of("4"), Seeds.column(dsg, """
                SELECT ?c WHERE { ?r dct:title "Understanding CNI (Container Networking Interface)" ; lg:listCount ?c }"""));
        assertEquals(List.of(), Seeds.select(dsg, """
                SELECT ?r WHERE { ?r lg:listCount ?c . { SELECT ?r (COUNT(DISTINCT ?l) AS ?n) WHERE { ?r lg:listedIn ?l } GROUP BY ?r }
                  FILTER(?n != ?c) }"""), "listCount equals the number of lg:listedIn");
    }

    @Test
    void anchorsImagesAndRelativeLinksAreNeverResources() {
        // Markdown images (a book cover, a logo, a diagram wrapped in a link) are decoration; a link *to* a PNG is a resource.
        assertEquals(List.of(), Seeds.column(dsg, """
                SELECT ?u WHERE { ?r schema:url ?u FILTER(!STRSTARTS(STR(?u), "http") || CONTAINS(STR(?u), "cn-book.png")
                  || CONTAINS(STR(?u), "Kubernetes_logo") || CONTAINS(STR(?u), "kubernetes_sdn_solutions")) }"""));
        assertEquals(List.of(), Seeds.column(dsg, """
                SELECT ?t WHERE { ?r a lg:Resource ; dct:title ?t FILTER(?t IN ("Networking 101", "Introduction", "Tweets")) }"""));
    }

    @Test
    void theTwoNleivaFilesAreLinkedAsVersions() {
        assertEquals(List.of("https://w3id.org/listgraph/id/list/nleiva-k8s-networking-pre-2024"), Seeds.column(dsg, """
                SELECT ?old WHERE { id:list\\/nleiva-k8s-networking prov:wasRevisionOf ?old }""".replace("id:list\\/nleiva-k8s-networking",
                "<https://w3id.org/listgraph/id/list/nleiva-k8s-networking>")));
    }

    @Test
    void sectionsFormAHierarchyAndShareTopicsAcrossLists() {
        assertEquals(List.of("Kubernetes"), Seeds.column(dsg, """
                SELECT ?broader WHERE { ?s skos:prefLabel "Official documentation" ; skos:broader/skos:prefLabel ?broader }"""));
        List<String> lists = Seeds.column(dsg, """
                SELECT DISTINCT ?id WHERE { ?t skos:prefLabel "eBPF" . ?s lg:topic ?t ; skos:inScheme ?l .
                  BIND(STRAFTER(STR(?l), "/list/") AS ?id) } ORDER BY ?id""");
        assertEquals(List.of("nleiva-k8s-networking", "nleiva-k8s-networking-pre-2024"), lists);
        assertEquals(List.of(), Seeds.column(dsg, "SELECT ?t WHERE { ?t a lg:Topic ; skos:prefLabel \"Other\" }"),
                "generic headings make no topic");
    }

    @Test
    void malformedLinesAreRecoveredAndReportedWithTheirPosition() {
        Set<String> problems = new TreeSet<>();
        for (Problem p : result.problems()) problems.add(p.position() + " " + p.message().split(" ")[0] + " " + p.message().split(" ")[1]);
        assertTrue(problems.contains("lists/nleiva-kubernetes-networking-links.md:14:1 list item"), problems.toString());
        assertTrue(problems.contains("lists/mhausenblas-container-networking-reference.md:59:1 link without"), problems.toString());
        assertTrue(problems.contains("lists/mhausenblas-container-networking-reference.md:121:3 link 'coreos/alb-ingress-controller'"), problems.toString());
        assertEquals(List.of("Network policies"), Seeds.column(dsg, """
                SELECT ?t WHERE { ?e lg:line 59 ; lg:inList <https://w3id.org/listgraph/id/list/mhausenblas-cn-ref> ; schema:item/dct:title ?t }"""));
    }

    @Test
    void theBuildConformsToTheShippedShapes() {
        Graph data = GraphFactory.createGraphMem();
        dsg.find().forEachRemaining(q -> data.add(q.asTriple()));
        Shapes shapes = Shapes.parse(RDFDataMgr.loadGraph("ontology/shapes.ttl"));
        ValidationReport report = ShaclValidator.get().validate(shapes, data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!report.conforms()) org.apache.jena.shacl.lib.ShLib.printReport(out, report);
        assertTrue(report.conforms(), out.toString());
    }
}
