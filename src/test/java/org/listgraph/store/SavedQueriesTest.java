package org.listgraph.store;

import org.listgraph.entry.UsageException;
import org.listgraph.identity.IriMinter;
import org.listgraph.rdf.Converter;
import org.listgraph.testing.Seeds;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every shipped saved query declares itself and answers over the seed lists. */
class SavedQueriesTest {
    static Converter.Result seeds;
    static SavedQueries saved;

    @BeforeAll
    static void load() {
        seeds = Seeds.convert();
        saved = SavedQueries.load(Path.of("."));
    }

    private static String csv(String name, Map<String, String> params) {
        SavedQuery q = saved.find(name).orElseThrow();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        var union = org.apache.jena.sparql.core.DatasetGraphFactory.wrap(seeds.dataset().getUnionGraph());
        QueryRunner.run(union, new QueryRequest(q.text(), name, params, "csv", IriMinter.DEFAULT_BASE), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theRequiredQueriesShipWithTitlesDescriptionsAndParameters() {
        for (String name : new String[]{"talks-by", "resources-in-several-lists", "by-topic"}) {
            SavedQuery q = saved.find(name).orElseThrow(() -> new AssertionError("missing saved query " + name));
            assertTrue(!q.title().equals(name) && !q.description().isBlank(), name + " says what it answers");
        }
        assertEquals("author", saved.find("talks-by").orElseThrow().parameters().get(0).name());
        assertEquals("topic", saved.find("by-topic").orElseThrow().parameters().get(0).name());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "talks-by|author|thockin|An Illustrated Guide to Kubernetes Networking",
            "resources-in-several-lists|||Understanding CNI (Container Networking Interface),4",
            "by-topic|topic|ebpf|Using eBPF in Kubernetes",
            "resources-by-list|list|mhausenblas-cn-ref|An Illustrated Guide to Kubernetes Networking",
            "authors|||thockin",
    })
    void answersOverTheSeeds(String name, String param, String value, String expected) {
        String out = csv(name, param == null ? Map.of() : Map.of(param, value));
        assertTrue(out.contains(expected), name + ":\n" + out);
    }

    @Test
    void resourcesInSeveralListsCountsListsNotEntries() {
        String out = csv("resources-in-several-lists", Map.of());
        // listed twice in the nubenetes list, once elsewhere: two lists, not three
        assertTrue(out.contains("Kubernetes NodePort vs LoadBalancer vs Ingress? When should I use what?\",2,")
                || out.contains("Kubernetes NodePort vs LoadBalancer vs Ingress? When should I use what?,2,"), out);
    }

    @Test
    void aParameterDeclaredXsdDateRefusesAValueThatIsNotADayBeforeTheQueryRuns() {
        SavedQuery q = saved.find("changes-since").orElseThrow();
        assertEquals(new SavedQuery.Parameter("since", "a day as YYYY-MM-DD, e.g. 2024-01-01", "xsd:date"), q.parameters().get(0));
        UsageException e = assertThrows(UsageException.class, () -> csv("changes-since", Map.of("since", "2024-13-01")));
        assertEquals("changes-since: parameter since: '2024-13-01' is not an xsd:date (a day as YYYY-MM-DD, e.g. 2024-01-01)", e.getMessage());
        assertEquals("day,change,list,title,url,commit,author", csv("changes-since", Map.of("since", "2024-01-01")).strip(),
                "a day is accepted (the seeds as converted here have no history)");
        // The header without a datatype still reads as before, and any string goes.
        assertEquals(new SavedQuery.Parameter("author", "a handle", ""), SavedQuery.parse("q", "# param: author — a handle\nASK {}").parameters().get(0));
        assertThrows(UsageException.class, () -> QueryRunner.prepare(new QueryRequest("# param: n (xsd:nonsense)\nASK {}", "q", Map.of("n", "1"), null,
                IriMinter.DEFAULT_BASE)), "a datatype XSD does not have is the query's mistake, said as such");
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        SavedQuery q = saved.find("authors").orElseThrow();
        assertThrows(UsageException.class, () -> QueryRunner.run(seeds.dataset(),
                new QueryRequest(q.text(), "authors", Map.of(), "yaml", IriMinter.DEFAULT_BASE), new ByteArrayOutputStream()));
    }
}
