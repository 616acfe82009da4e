package org.listgraph.identity;

import org.junit.jupiter.api.Test;
import org.listgraph.entry.ListDocument;
import org.listgraph.identity.Identified.ResourceNode;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.listgraph.identity.ResolverInputs.IRIS;
import static org.listgraph.identity.ResolverInputs.noOverrides;
import static org.listgraph.identity.ResolverInputs.read;

/** The shared nodes of a catalog: what each resource's node holds, and that equal lists are held once for all nodes. */
class CatalogTest {
    @Test
    void resourcesInTheSameListsHoldOneListOfThemAndOneListOfTheirKinds() {
        String md = """
                # Networking

                ## Service Mesh

                - [Linkerd in production](https://example.org/linkerd-in-production)
                - [Istio in production](https://example.org/istio-in-production)
                """;
        Catalog catalog = new Catalog(IRIS, KindRules.load(Path.of(".")), noOverrides());
        catalog.add(read("a", md));
        catalog.add(read("b", md));
        List<ResourceNode> nodes = catalog.resolve().shared().resources();

        assertEquals(2, nodes.size(), nodes.toString());
        assertEquals(List.of(IRIS.list("a"), IRIS.list("b")), nodes.get(0).listIris());
        // Equal, and one object: a million resources share a few thousand distinct lists of lists, kinds and topics.
        assertSame(nodes.get(0).listIris(), nodes.get(1).listIris());
        assertSame(nodes.get(0).kinds(), nodes.get(1).kinds());
        assertSame(nodes.get(0).topicIris(), nodes.get(1).topicIris());
    }

    @Test
    void aLinkToALoadedListsRepositoryReadmeBranchOrAnchorIsThatListAndOtherLinksAreNot() {
        String links = """
                # Lists

                - [Its README](https://github.com/Acme/Awesome-Mesh/blob/main/README.md)
                - [Its branch](https://github.com/acme/awesome-mesh/tree/master/)
                - [Its anchor](https://github.com/acme/awesome-mesh#readme)
                - [A file in it](https://github.com/acme/awesome-mesh/blob/main/CONTRIBUTING.md)
                - [A longer name](https://github.com/acme/awesome-mesh-extra)
                - [Another list](https://github.com/acme/awesome-other)
                """;
        ListDocument loaded = new org.listgraph.markdown.ListReader().read(new org.listgraph.entry.ListInfo("mesh", "Awesome Mesh", "mesh.md",
                "https://github.com/acme/awesome-mesh", null, null), "0", "# Awesome Mesh\n\n- [Linkerd](https://linkerd.io)\n", false,
                new org.listgraph.entry.Problems("mesh.md"));
        Catalog catalog = new Catalog(IRIS, KindRules.load(Path.of(".")), noOverrides());
        catalog.add(read("links", links));
        catalog.add(loaded);
        java.util.Map<String, List<String>> byTitle = new java.util.TreeMap<>();
        catalog.resolve().shared().resources().forEach(r -> byTitle.put(r.title(), r.describedByIris()));

        List<String> mesh = List.of(IRIS.list("mesh"));
        assertEquals(mesh, byTitle.get("Its README"), byTitle.toString());
        assertEquals(mesh, byTitle.get("Its branch"));
        assertEquals(mesh, byTitle.get("Its anchor"));
        assertEquals(List.of(), byTitle.get("A file in it"));
        assertEquals(List.of(), byTitle.get("A longer name"));
        assertEquals(List.of(), byTitle.get("Another list"));
    }

    @Test
    void theQuickCheckNeverRulesOutAUrlWhoseListKeyIsLoaded() {
        List<String> urls = new java.util.ArrayList<>(List.of("github.com/Acme/Awesome/blob/main/README.md", "github.com/acme/awesome#readme",
                "github.com/acme/awesome/tree/dev/", "github.com/acme/awesome///", "GITHUB.COM/ΑΣ/awesome/blob/x/readme.rst",
                "github.com/İstanbul/awesome", "gitlab.com/a/b/-/blob/main/README.markdown"));
        // Random URLs from the characters the key's expressions and lower-casing care about.
        String[] parts = {"/", "#", "a", "B", "Σ", "İ", "K", "ß", "readme", "README", ".md", ".rst", "blob", "tree", "main", "-", ".", "\u0307"};
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder url = new StringBuilder("github.com");
            for (int n = random.nextInt(12); n > 0; n--) url.append(parts[random.nextInt(parts.length)]);
            urls.add(url.toString());
        }
        for (String url : urls) {
            String key = Catalog.listKey(url);
            if (!key.isEmpty()) assertTrue(Catalog.mayHaveKeyIn(url, java.util.Map.of(key, "list")), url + " → " + key);
        }
        assertFalse(Catalog.mayHaveKeyIn("github.com/acme/awesome-extra", java.util.Map.of("github.com/acme/awesome", "list")));
        assertFalse(Catalog.mayHaveKeyIn("github.com/acme/awesome", java.util.Map.of()));
    }
}
