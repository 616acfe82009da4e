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
    void theIllustratedGuideIsOneTalkInThreeListsUnderItsPdfAndSpeakerdeckUrls() {
        List<List<String>> rows = Seeds.select(dsg, """
                SELECT ?r (COUNT(DISTINCT ?l) AS ?lists) (COUNT(DISTINCT ?u) AS ?urls) WHERE {
                  ?r schema:url <https://speakerd.s3.amazonaws.com/presentations/005d36f0113d4773be8866496142485e/Illustrated_guid_to_kubernetes_networking.pdf> ;
                     schema:url <https://speakerdeck.com/thockin/illustrated-guide-to-kubernetes-networking> ; a lg:Talk ;
                     lg:listedIn ?l ; schema:url ?u } GROUP BY ?r""");
        assertEquals(1, rows.size(), "the PDF and the speakerdeck page are one resource");
        assertEquals(List.of("3", "2"), rows.get(0).subList(1, 3));
        assertEquals(List.of("3"), Seeds.column(dsg, "SELECT ?c WHERE { <" + rows.get(0).get(0) + "> lg:listCount ?c }"));
    }

    @Test
    void apsOpsIllustratedGuidePartOneStaysASeparateWork() {
        List<String> apsops = Seeds.column(dsg, """
                SELECT ?r WHERE { ?r schema:url <https://medium.com/@ApsOps/an-illustrated-guide-to-kubernetes-networking-part-1-d1ede3322727> }""");
        assertEquals(1, apsops.size());
        assertEquals(List.of(), Seeds.column(dsg, "SELECT ?u WHERE { <" + apsops.get(0) + "> schema:url ?u FILTER(CONTAINS(STR(?u), \"thockin\") || CONTAINS(STR(?u), \"speakerd\")) }"));
        assertEquals(List.of("ApsOps"), Seeds.column(dsg, "SELECT DISTINCT ?n WHERE { <" + apsops.get(0) + "> dct:creator/foaf:account/foaf:accountName ?n FILTER(?n = \"ApsOps\") }"));
    }

    @Test
    void timHockinIsThockin() {
        assertEquals(List.of("https://w3id.org/listgraph/id/agent/github/thockin"), Seeds.column(dsg, """
                SELECT DISTINCT ?a WHERE { ?a foaf:name "Tim Hockin" }"""));
        assertEquals(List.of("github", "speakerdeck"), Seeds.column(dsg, """
                SELECT ?service WHERE { <https://w3id.org/listgraph/id/agent/github/thockin> foaf:account ?acc .
                  ?acc foaf:accountServiceHomepage ?home BIND(REPLACE(STR(?home), "^https://(www\\\\.)?([a-z]+)\\\\..*$", "$2") AS ?service) } ORDER BY ?service"""));
        assertEquals(List.of(), Seeds.column(dsg, "SELECT ?a WHERE { ?a a foaf:Agent FILTER(CONTAINS(STR(?a), \"tim-hockin\")) }"),
                "no second agent for the plain name");
    }

    @Test
    void jonLangemakNamedInOneListIsJonlangemakInAnother() {
        assertEquals(List.of("https://w3id.org/listgraph/id/agent/github/jonlangemak"), Seeds.column(dsg, """
                SELECT DISTINCT ?a WHERE { ?e lg:inList <https://w3id.org/listgraph/id/list/mhausenblas-cn-ref> ;
                  schema:item [ dct:title "Understanding CNI (Container Networking Interface)" ; dct:creator ?a ] }"""));
        assertEquals(List.of(), Seeds.column(dsg, "SELECT ?a WHERE { ?a a foaf:Agent FILTER(CONTAINS(STR(?a), \"name/jon-langemak\")) }"));
    }

    @Test
    void aUrlListedTwiceInOneListIsOneResourceWithTwoEntries() {
        assertEquals(List.of(List.of("2", "1")), Seeds.select(dsg, """
                SELECT (COUNT(DISTINCT ?e) AS ?entries) (COUNT(DISTINCT ?r) AS ?resources) WHERE {
                  ?e lg:inList <https://w3id.org/listgraph/id/list/nubenetes-k8s-networking> ; schema:item ?r .
                  ?r schema:url <https://monzo.com/blog/controlling-outbound-traffic-from-kubernetes> }"""));
    }

    @Test
    void headingsWithTheSameMeaningShareOneTopic() {
        for (String[] same : new String[][]{{"CNI", "CNI Container Networking Interface"}, {"NetworkPolicy", "Kubernetes Network Policy"},
                {"Service Mesh", "Service Meshes"}}) {
            assertEquals(List.of("1"), Seeds.column(dsg, "SELECT (COUNT(DISTINCT ?t) AS ?n) WHERE { ?s a lg:Section ; skos:prefLabel ?l ; lg:topic ?t "
                    + "FILTER(STR(?l) IN (\"" + same[0] + "\", \"" + same[1] + "\")) }"), String.join(" = ", same));
        }
        // "## CNI" in both nleiva versions and "## CNI Container Networking Interface" in nubenetes: one topic.
        assertEquals(List.of("nleiva-k8s-networking", "nleiva-k8s-networking-pre-2024", "nubenetes-k8s-networking"), Seeds.column(dsg, """
                SELECT DISTINCT ?id WHERE { ?t a lg:Topic ; skos:prefLabel|skos:altLabel "CNI" . ?s lg:topic ?t ; skos:inScheme ?l .
                  BIND(STRAFTER(STR(?l), "/list/") AS ?id) } ORDER BY ?id"""));
    }

    @Test
    void githubOwnersOfListedRepositoriesAreOrganisationsAndNamedPeoplePersons() {
        assertEquals(List.of("true"), Seeds.column(dsg, "SELECT (EXISTS { <https://w3id.org/listgraph/id/agent/github/cilium> a foaf:Organization } AS ?x) {}"));
        assertEquals(List.of("true"), Seeds.column(dsg, "SELECT (EXISTS { <https://w3id.org/listgraph/id/agent/github/thockin> a foaf:Person } AS ?x) {}"));
        assertEquals(List.of(), Seeds.column(dsg, "SELECT ?a WHERE { ?a a foaf:Person, foaf:Organization }"));
    }

    @Test
    void weakMatchesArePossibleDuplicatesNotMerges() {
        assertEquals(List.of("true"), Seeds.column(dsg, """
                SELECT (COUNT(*) > 0 AS ?yes) WHERE { ?a schema:url <https://loft-sh.medium.com/kubernetes-network-policies-a-practitioners-guide-c9bb4cdd0dbc> ;
                  lg:possibleDuplicate ?b . ?b schema:url <https://loft.sh/blog/kubernetes-network-policies-a-practitioners-guide> ; lg:possibleDuplicate ?a }"""));
        assertEquals(List.of(), Seeds.column(dsg, """
                SELECT ?a WHERE { ?a lg:possibleDuplicate ?a }"""));
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
                SELECT ?org WHERE { ?r schema:url <https://speakerdeck.com/thockin/illustrated-guide-to-kubernetes-networking> ;
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
    void nestedItemsUnderAPersonLineCarryThatPerson() {
        assertEquals(List.of("9"), Seeds.column(dsg, """
                SELECT (COUNT(DISTINCT ?r) AS ?n) WHERE { ?r dct:creator/foaf:account/foaf:accountName "jonlangemak" }"""));
        assertEquals(List.of("Jon Langemak"), Seeds.column(dsg, """
                SELECT DISTINCT ?name WHERE { ?a foaf:account/foaf:accountName "jonlangemak" ; foaf:name ?name }"""));
        assertEquals(List.of("linux-kernel-networking-walkthrough", "linux-networking-explained"), Seeds.column(dsg, """
                SELECT ?label WHERE { ?e lg:inList <https://w3id.org/listgraph/id/list/cs224-container-networking> ; lg:label ?label ;
                  schema:item/dct:creator/foaf:account/foaf:accountName "tgraf" } ORDER BY ?label"""));
        // cilium.io is the GitHub organisation cilium, which also has works of its own in the lists.
        assertEquals(List.of("cilium", "covalent.io"), Seeds.column(dsg, """
                SELECT ?org WHERE { ?a foaf:account/foaf:accountName "tgraf" ; schema:affiliation/(foaf:name|foaf:nick) ?org } ORDER BY ?org"""));
        assertEquals(List.of(), Seeds.column(dsg, """
                SELECT ?t WHERE { ?r a lg:Resource ; dct:title ?t FILTER(?t IN ("Jon Langemak", "Thomas Graf", "Ivan Pepelnjak", "Arun Sriraman")) }"""),
                "a person is not a resource");
    }

    @Test
    void theThreeTweetsAreSocialPostsWithAuthorsAndDates() {
        assertEquals(List.of(
                List.of("danielepolencic", "Daniele Polencic", "2022-01-31"),
                List.of("iximiuz", "Ivan Velichko", "2021-11-28"),
                List.of("rakyll", "Jaana Dogan ヤナ ドガン", "2021-11-10")), Seeds.select(dsg, """
                SELECT ?handle ?name ?date WHERE { ?r a lg:SocialPost ; dct:creator ?a . ?a foaf:nick ?handle ; foaf:name ?name .
                  ?e schema:item ?r ; dct:date ?date } ORDER BY ?handle"""));
    }

    @Test
    void noLiteralHoldsMojibakeAndNoTitleHoldsEmojiOrMarkup() {
        List<String> bad = new java.util.ArrayList<>();
        dsg.find().forEachRemaining(q -> {
            var o = q.getObject();
            if (o.isLiteral() && o.getLiteralLexicalForm().matches("(?s).*(ðŸ|â€|ãƒ|Ã[\\u0080-\\u00BF]|Â[\\u00A0-\\u00BF]).*")) bad.add(o.getLiteralLexicalForm());
        });
        assertEquals(List.of(), bad);
        assertEquals(List.of(), Seeds.column(dsg, """
                SELECT ?t WHERE { ?r dct:title ?t FILTER(REGEX(?t, "==|\\\\*\\\\*|🌟|[\\\\x{1F300}-\\\\x{1FAFF}]")) }"""));
        assertTrue(Integer.parseInt(Seeds.column(dsg, "SELECT (COUNT(*) AS ?n) WHERE { ?e lg:featured true }").get(0)) >= 40);
    }

    @Test
    void theOverlayNetworkSeriesHasItsPartsAndItsRepository() {
        assertEquals(List.of("Deep Dive in Docker Overlay Networks, Part 1", "Deep Dive in Docker Overlay Networks, Part 2",
                "Deep Dive in Docker Overlay Networks, Part 3"), Seeds.column(dsg, """
                SELECT ?part WHERE { ?s dct:title "Deep Dive in Docker Overlay Networks" ; a lg:Talk ; dct:hasPart/dct:title ?part } ORDER BY ?part"""));
        assertEquals(List.of("lbernail/dockeroverlays"), Seeds.column(dsg, """
                SELECT ?t WHERE { ?s dct:title "Deep Dive in Docker Overlay Networks" ; dct:relation/dct:title ?t }"""));
        assertEquals(List.of("3"), Seeds.column(dsg, """
                SELECT (COUNT(?p) AS ?n) WHERE { ?p dct:isPartOf/dct:title "Deep Dive in Docker Overlay Networks" ; dct:creator/foaf:nick "lbernail" }"""));
    }

    @Test
    void sitePrefixesAndMarksLeaveTitles() {
        assertEquals(List.of("Load balancing and scaling long-lived connections in Kubernetes"), Seeds.column(dsg, """
                SELECT ?t WHERE { ?r schema:url <https://learnk8s.io/kubernetes-long-lived-connections> ; dct:title ?t }"""));
        assertEquals(List.of("true"), Seeds.column(dsg, """
                SELECT ?f WHERE { ?e schema:item/schema:url <https://learnk8s.io/kubernetes-long-lived-connections> ; lg:featured ?f }"""));
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
