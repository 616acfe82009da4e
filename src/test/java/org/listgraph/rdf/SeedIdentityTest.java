package org.listgraph.rdf;

import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.listgraph.identity.IriMinter;
import org.listgraph.markdown.ListFiles;
import org.listgraph.store.QueryRequest;
import org.listgraph.store.QueryRunner;
import org.listgraph.store.SavedQueries;
import org.listgraph.testing.Seeds;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One node per human and per topic across the seed lists, and lookups that find what a person means (issue 16's acceptance). */
class SeedIdentityTest {
    static DatasetGraph dsg;
    static final SavedQueries SAVED = SavedQueries.load(Path.of(""));

    @BeforeAll
    static void convert() {
        dsg = Seeds.convert().dataset();
    }

    /** Rows of a saved query over the seeds, as tab-separated lines without the header. */
    private static List<String> saved(String name, String param, String value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        var union = org.apache.jena.sparql.core.DatasetGraphFactory.wrap(dsg.getUnionGraph());
        QueryRunner.run(union, new QueryRequest(SAVED.find(name).orElseThrow().text(), name, Map.of(param, value), "tsv",
                IriMinter.DEFAULT_BASE), out);
        List<String> lines = new ArrayList<>(out.toString(StandardCharsets.UTF_8).lines().toList());
        lines.remove(0);
        return lines;
    }

    @ParameterizedTest(name = "{0} and {1} are one agent")
    @CsvSource({"Markbnj,Mark Betz", "wmorgan,William Morgan", "jvns,Julia Evans", "bboreham,Bryan Boreham",
            "SIG Network,Kubernetes SIG Network", "thockin,Tim Hockin"})
    void aHandleAndTheNameOfTheSamePersonAreOneAgent(String a, String b) {
        List<String> agents = Seeds.column(dsg, "SELECT DISTINCT ?a WHERE { ?a foaf:name|foaf:nick ?n FILTER(?n IN (\"" + a + "\", \"" + b + "\")) }");
        assertEquals(1, agents.size(), agents.toString());
    }

    @Test
    void theCiliumAffiliationIsTheCiliumGithubOrganisationAndAGithubUserIsAPerson() {
        assertEquals(List.of(), Seeds.column(dsg, "SELECT ?o WHERE { ?o foaf:name \"cilium.io\" }"));
        assertEquals(List.of("true"), Seeds.column(dsg,
                "SELECT (EXISTS { ?a foaf:nick \"cilium\" ; a foaf:Organization . ?p schema:affiliation ?a } AS ?x) WHERE {}"));
        assertEquals(List.of("true"), Seeds.column(dsg, "SELECT (EXISTS { ?a foaf:nick \"leblancd\" ; a foaf:Person } AS ?x) WHERE {}"));
    }

    @ParameterizedTest(name = "talks-by {0}")
    @CsvSource({"Tim Hockin", "THOCKIN", "thockin", "tim hockin"})
    void talksByAnyWayOfWritingTimHockinGiveHisFourTalks(String author) {
        List<String> rows = saved("talks-by", "author", author);
        assertEquals(saved("talks-by", "author", "thockin"), rows);
        assertEquals(4, rows.size(), rows.toString());
    }

    /**
     * by-topic finds every resource under every heading that means the topic, in every list, and under narrower
     * topics; the counts are pinned (rows in all, and those listed under such a heading rather than naming it).
     */
    @ParameterizedTest(name = "by-topic {0}")
    @CsvSource(delimiter = '|', value = {
            "BPF|eBPF;Cilium|16|13",
            "Network Policy|NetworkPolicy;Kubernetes Network Policy;Kubernetes Network Policy Samples|22|14",
            "Container Networking Interface|CNI;CNI Container Networking Interface;List of existing CNI Plugins (IPAM);Calico;Project Calico;Cilium|56|44",
            "Calico|Calico;Project Calico|10|7",
            "Ingress|Ingress;Ingress and gateways;Kubernetes Ingress Specification;Nginx Ingress controller;"
                    + "Xposer Kubernetes Controller To Manage Ingresses;Gateway API|50|22",
    })
    void byTopicFindsTheResourcesUnderEveryEquivalentHeading(String topic, String headings, int rows, int listed) {
        List<String> found = saved("by-topic", "topic", topic);
        Set<String> resources = new TreeSet<>();
        found.forEach(r -> resources.add(r.split("\t")[0].replaceAll("^<|>$", "")));
        StringBuilder in = new StringBuilder();
        for (String h : headings.split(";")) in.append(in.length() > 0 ? ", " : "").append('"').append(h).append('"');
        List<String> under = Seeds.column(dsg, "SELECT DISTINCT ?r WHERE { ?e lg:section/skos:prefLabel ?h ; schema:item ?r FILTER(?h IN ("
                + in + ")) }");
        List<String> missing = under.stream().filter(r -> !resources.contains(r)).toList();
        assertEquals(List.of(), missing, "resources under " + headings + " that by-topic " + topic + " misses");
        assertEquals(rows, found.size(), String.join("\n", found));
        assertEquals(listed, found.stream().filter(r -> r.endsWith("\"heading\"")).count(), String.join("\n", found));
    }

    @Test
    void everyTopicHasResourcesDirectlyOrThroughANarrowerTopic() {
        assertEquals(List.of(), Seeds.column(dsg, """
                SELECT ?t WHERE { ?t a lg:Topic FILTER NOT EXISTS { ?r dct:subject|lg:derivedSubject ?n . ?n skos:broader* ?t } }"""));
    }

    @Test
    void genericAndKindOnlyHeadingsNameNoTopic() {
        assertEquals(List.of(), Seeds.column(dsg, """
                SELECT ?h WHERE { ?s lg:topic ?t ; skos:prefLabel ?h FILTER(?h IN ("Other", "Overview", "Tooling", "3rd-party articles", "Tweets")) }"""));
    }

    @Test
    void convertingOneListGivesItsPeopleAndWorksTheIrisOfTheWholeBuildOrAnAliasOfThem() {
        Path one = Path.of("lists/nleiva-kubernetes-networking-links.md");
        DatasetGraph alone = new Converter(IriMinter.DEFAULT_BASE).convert(ListFiles.expand(List.of(one))).dataset();
        List<String> nodes = Seeds.column(alone, "SELECT DISTINCT ?n WHERE { { ?n a foaf:Agent } UNION { ?n a lg:Resource } }");
        assertTrue(nodes.size() > 50, nodes.toString());
        Set<String> known = new TreeSet<>(Seeds.column(dsg, """
                SELECT DISTINCT ?n WHERE { { ?n a foaf:Agent } UNION { ?n a lg:Resource } UNION { ?n <http://www.w3.org/2002/07/owl#sameAs> ?m } }"""));
        List<String> lost = nodes.stream().filter(n -> !known.contains(n)).toList();
        assertEquals(List.of(), lost, "IRIs of the one-list conversion that the whole build neither has nor aliases");
        assertTrue(known.contains("https://w3id.org/listgraph/id/agent/speakerdeck/thockin")
                || nodes.stream().noneMatch(n -> n.endsWith("/speakerdeck/thockin")));
    }
}
