package org.listgraph.identity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.listgraph.entry.ListDocument;
import org.listgraph.entry.Section;
import org.listgraph.identity.Identified.Decision;
import org.listgraph.identity.Identified.TopicNode;
import org.listgraph.identity.TopicResolver.Topics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.listgraph.identity.ResolverInputs.IRIS;
import static org.listgraph.identity.ResolverInputs.noOverrides;
import static org.listgraph.identity.ResolverInputs.read;

/** Which headings name one subject: the topic resolver on the headings of small lists, without people or works. */
class TopicResolverTest {
    private static final TopicScheme SHIPPED = org.listgraph.rdf.TopicSchemeReader.load(Path.of(""));
    private final List<Decision> decisions = new ArrayList<>();
    /** Each heading's topic IRIs as the resolver gave them when the heading was added. */
    private final Map<String, List<String>> topicOf = new TreeMap<>();

    @TempDir
    Path tmp;

    /** Each heading over one entry in a list of its own, read from Markdown and added to {@code topics}, then resolved. */
    private Topics resolve(TopicResolver topics, String... headings) {
        for (int i = 0; i < headings.length; i++) {
            ListDocument doc = read("list-" + i, "## " + headings[i] + "\n\n- [Entry " + i + "](https://example.com/" + i + ")\n");
            for (Section s : doc.sections()) topicOf.put(s.label(), topics.add(s.label()));
        }
        return topics.resolve(decisions);
    }

    /** The IRI a heading's (first) topic resolved to. */
    private String resolved(Topics topics, String heading) {
        String raw = topicOf.get(heading).get(0);
        return topics.aliases().getOrDefault(raw, raw);
    }

    @Test
    void serviceMeshesAndServiceMeshAreTheSchemesServiceMesh() {
        TopicResolver resolver = new TopicResolver(IRIS, noOverrides(), SHIPPED);
        Topics topics = resolve(resolver, "Service Meshes", "Service Mesh");

        assertEquals(List.of(IRIS.topic("service-mesh")), topicOf.get("Service Meshes"));
        assertEquals(topicOf.get("Service Mesh"), topicOf.get("Service Meshes"));
        TopicNode mesh = resolver.nodes(topics, Set.of(IRIS.topic("service-mesh"))).stream()
                .filter(n -> n.iri().equals(IRIS.topic("service-mesh"))).findFirst().orElseThrow();
        assertEquals("Service Mesh", mesh.prefLabel());
        assertTrue(mesh.altLabels().contains("Service Meshes"), mesh.toString());
        assertTrue(mesh.inScheme());
    }

    @Test
    void anAcronymAndItsExpansionAreOneTopic() {
        resolve(new TopicResolver(IRIS, noOverrides(), SHIPPED), "Container Network Interface (CNI)", "CNI");

        assertEquals(List.of(IRIS.topic("cni")), topicOf.get("Container Network Interface (CNI)"));
        assertEquals(List.of(IRIS.topic("cni")), topicOf.get("CNI"));
    }

    @Test
    void onlyTopicsWithResourcesAreNodesWithTheBroaderConceptsAboveThem() {
        TopicResolver resolver = new TopicResolver(IRIS, noOverrides(), SHIPPED);
        Topics topics = resolve(resolver, "Project Calico", "Network Solutions Details");

        List<String> iris = resolver.nodes(topics, Set.of(IRIS.topic("calico"))).stream().map(TopicNode::iri).toList();
        assertTrue(iris.containsAll(List.of(IRIS.topic("calico"), IRIS.topic("cni"))), iris.toString());
        assertTrue(!iris.contains(IRIS.topic("networking")) || SHIPPED.withAncestors("calico").containsKey("networking"), iris.toString());
    }

    @Test
    void anUnknownHeadingWithKubernetesInFrontJoinsTheHeadingWithout() {
        Topics topics = resolve(new TopicResolver(IRIS, noOverrides(), TopicScheme.empty()), "Kubernetes Sidecars", "Sidecars");

        assertNotEquals(topicOf.get("Sidecars"), topicOf.get("Kubernetes Sidecars"), "two keys before clustering");
        assertEquals(IRIS.topic("sidecar"), resolved(topics, "Kubernetes Sidecars"));
    }

    @Test
    void aGenericHeadingNamesNoTopic() {
        resolve(new TopicResolver(IRIS, noOverrides(), SHIPPED), "Other", "Table of Contents");

        assertEquals(List.of(), topicOf.get("Other"));
        assertEquals(List.of(), topicOf.get("Table of Contents"));
    }

    @Test
    void aCuratorCanKeepTwoHeadingsApart() throws IOException {
        Files.writeString(tmp.resolve(Overrides.FILE_NAME), """
                { "topics": { "keepApart": [["Sidecars", "Kubernetes Sidecars"]] } }
                """);
        Topics topics = resolve(new TopicResolver(IRIS, Overrides.inFolders(List.of(tmp)), TopicScheme.empty()), "Kubernetes Sidecars", "Sidecars");

        assertNotEquals(resolved(topics, "Sidecars"), resolved(topics, "Kubernetes Sidecars"));
        assertTrue(decisions.stream().anyMatch(d -> d.outcome().equals("kept apart")
                && d.evidence().stream().anyMatch(e -> e.startsWith("kept apart by"))), decisions.toString());
    }
}
