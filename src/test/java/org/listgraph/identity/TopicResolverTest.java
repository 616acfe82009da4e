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
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.listgraph.identity.ResolverInputs.IRIS;
import static org.listgraph.identity.ResolverInputs.noOverrides;
import static org.listgraph.identity.ResolverInputs.read;

/** Which headings name one subject: the topic resolver on the headings of small lists, without people or works. */
class TopicResolverTest {
    private final List<Decision> decisions = new ArrayList<>();
    /** Each heading's topic IRI as the resolver gave it when the heading was added. */
    private final Map<String, String> topicOf = new TreeMap<>();

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

    private Topics resolve(String... headings) {
        return resolve(new TopicResolver(IRIS, noOverrides()), headings);
    }

    /** The IRI a heading's topic resolved to. */
    private String resolved(Topics topics, String heading) {
        String raw = topicOf.get(heading);
        return topics.aliases().getOrDefault(raw, raw);
    }

    @Test
    void serviceMeshesAndServiceMeshAreOneTopic() {
        Topics topics = resolve("Service Meshes", "Service Mesh");

        assertEquals(topicOf.get("Service Mesh"), topicOf.get("Service Meshes"), "one topic key for both headings");
        assertEquals(List.of(new TopicNode(IRIS.topic("service-mesh"), "Service Mesh", List.of("Service Meshes"))), topics.nodes());
        assertTrue(decisions.stream().anyMatch(d -> d.what().equals("topic") && d.outcome().equals("merged")
                && d.members().equals(List.of("Service Mesh", "Service Meshes"))), decisions.toString());
    }

    @Test
    void anAcronymAndItsExpansionAreOneTopic() {
        resolve("Container Network Interface (CNI)", "CNI");

        assertEquals(IRIS.topic("cni"), topicOf.get("Container Network Interface (CNI)"));
        assertEquals(IRIS.topic("cni"), topicOf.get("CNI"));
    }

    @Test
    void aHeadingWithKubernetesInFrontJoinsTheHeadingWithout() {
        Topics topics = resolve("Kubernetes Network Policies", "Network Policy");

        assertNotEquals(topicOf.get("Network Policy"), topicOf.get("Kubernetes Network Policies"), "two keys before clustering");
        assertEquals(IRIS.topic("network-policy"), resolved(topics, "Kubernetes Network Policies"));
        assertEquals(1, topics.nodes().size(), topics.nodes().toString());
    }

    @Test
    void aGenericHeadingNamesNoTopic() {
        Topics topics = resolve("Other");

        assertNull(topicOf.get("Other"));
        assertEquals(List.of(), topics.nodes());
    }

    @Test
    void aCuratorCanKeepTwoHeadingsApart() throws IOException {
        Files.writeString(tmp.resolve(Overrides.FILE_NAME), """
                { "topics": { "keepApart": [["NetworkPolicy", "Kubernetes Network Policy"]] } }
                """);
        Topics topics = resolve(new TopicResolver(IRIS, Overrides.inFolders(List.of(tmp))), "Kubernetes Network Policy", "NetworkPolicy");

        assertNotEquals(resolved(topics, "NetworkPolicy"), resolved(topics, "Kubernetes Network Policy"));
        assertEquals(2, topics.nodes().size());
        assertTrue(decisions.stream().anyMatch(d -> d.outcome().equals("kept apart")
                && d.evidence().stream().anyMatch(e -> e.startsWith("kept apart by"))), decisions.toString());
    }
}
