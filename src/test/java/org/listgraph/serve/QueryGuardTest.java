package org.listgraph.serve;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.listgraph.identity.IriMinter;
import org.listgraph.testing.Http;
import org.listgraph.testing.ProcessCpu;
import org.listgraph.testing.ServedSeeds;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Queries that would run or grow without bound, each of a different shape, against the served seed
 * store (cross products of its ~11,000 triples are far beyond any timeout): each ends by its deadline
 * or by the cap on rows held in memory, and the server's CPU is idle again once it has answered.
 */
class QueryGuardTest {
    static final Duration TIMEOUT = Duration.ofSeconds(1);
    /** The answer may come this much after the timeout (the acceptance bound of the robustness issue). */
    static final Duration SLACK = Duration.ofSeconds(2);
    static final long MAX_HELD = 5_000;
    static final long MAX_ROWS = 1_000;
    static final String PRODUCT = "?a ?b ?c . ?d ?e ?f . ?g ?h ?i";

    @TempDir
    static Path tmp;
    static ServedSeeds served;

    @BeforeAll
    static void serve() {
        served = ServedSeeds.start(tmp.resolve("tdb2"), new ServeOptions("127.0.0.1", 0, TIMEOUT, IriMinter.DEFAULT_BASE, List.of(),
                MAX_ROWS, MAX_HELD, 2 * MAX_HELD));
    }

    @AfterAll
    static void stop() {
        if (served != null) served.close();
    }

    private static HttpResponse<String> ask(String query, String accept) {
        return Http.send("POST", served.server().endpointUrl(), query, "Content-Type", "application/sparql-query", "Accept", accept);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "an OFFSET past a cross product; SELECT * WHERE { " + PRODUCT + " } OFFSET 1000000000 LIMIT 1",
            "an OFFSET inside a subquery; SELECT * WHERE { { SELECT * WHERE { " + PRODUCT + " } OFFSET 64000000 } }",
            "ORDER BY over a cross product; SELECT * WHERE { " + PRODUCT + " } ORDER BY ?c ?f ?i",
            "ORDER BY in a subquery; SELECT ?a WHERE { { SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f } } LIMIT 1",
            "GROUP BY over a cross product; SELECT ?c ?f (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f } GROUP BY ?c ?f",
            "a COUNT over a cross product; SELECT (COUNT(*) AS ?n) WHERE { " + PRODUCT + " }",
            "DISTINCT over a cross product; SELECT (COUNT(*) AS ?n) WHERE { { SELECT DISTINCT ?a ?d WHERE { ?a ?b ?c . ?d ?e ?f } } }",
            "COUNT DISTINCT over a cross product; SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { " + PRODUCT + " }",
            "paths of any length; SELECT (COUNT(*) AS ?n) WHERE { ?x (!<urn:no>)+ ?y . ?y (!<urn:no>)+ ?z }",
            "a MINUS of a cross product; SELECT * WHERE { ?a ?b ?c MINUS { ?a ?e ?f . ?g ?h ?i } }",
            "an OPTIONAL cross product; SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c OPTIONAL { { SELECT ?f { ?d ?e ?f . ?g ?h ?i } } } }",
            "a join of two subqueries; SELECT (COUNT(*) AS ?n) WHERE { { SELECT ?c { ?a ?b ?c . ?d ?e ?f } } { SELECT ?c { ?x ?y ?c } } }",
            "a top 2 billion; SELECT ?c WHERE { { SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c LIMIT 2000000000 } } LIMIT 1",
            "a FILTER that never passes; SELECT * WHERE { " + PRODUCT + " FILTER(CONCAT(STR(?c), STR(?f), STR(?i)) = \"none\") }",
            "ASK over a cross product; ASK { " + PRODUCT + " FILTER(CONCAT(STR(?c), STR(?f), STR(?i)) = \"none\") }",
            "CONSTRUCT of a cross product; CONSTRUCT { ?a ?b ?f } WHERE { " + PRODUCT + " FILTER(CONCAT(STR(?c), STR(?f), STR(?i)) = \"none\") }",
    })
    void aHostileQueryEndsByItsDeadlineOrCapAndLeavesTheServerIdle(String shape, String query) {
        long start = System.nanoTime();
        HttpResponse<String> r = ask(query, "text/csv");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(TIMEOUT.plus(SLACK)) <= 0, shape + ": answered after " + took.toMillis() + " ms");
        assertTrue(r.statusCode() == 503 || r.statusCode() == 200 && shape.contains("OFFSET inside"),
                shape + ": " + r.statusCode() + " " + r.body().substring(0, Math.min(300, r.body().length())));
        assertServerIdle(shape);
    }

    @Test
    void aQueryThatWouldHoldTooManyRowsSaysSo() {
        HttpResponse<String> r = ask("SELECT ?c ?f (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f } GROUP BY ?c ?f", "text/csv");
        assertEquals(503, r.statusCode(), r.body());
        assertTrue(r.body().contains("more than " + MAX_HELD + " rows in memory"), r.body());
    }

    @Test
    void queriesWithinTheCapsAnswerInFull() {
        HttpResponse<String> grouped = ask("SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p ORDER BY ?p", "text/csv");
        assertEquals(200, grouped.statusCode(), grouped.body());
        long total = grouped.body().lines().skip(1).mapToLong(l -> Long.parseLong(l.substring(l.lastIndexOf(',') + 1))).sum();
        assertTrue(total > MAX_HELD, "a GROUP BY over more rows than the cap, with few groups, is fine: " + total);
        HttpResponse<String> distinct = ask("SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?s ?p ?o }", "text/csv");
        assertEquals(200, distinct.statusCode(), "COUNT DISTINCT: " + distinct.body());
        HttpResponse<String> top = ask("SELECT ?s WHERE { ?s ?p ?o } ORDER BY DESC(?s) LIMIT 2000000000", "text/csv");
        assertEquals(200, top.statusCode(), "ORDER BY with a huge LIMIT: " + top.body());
        assertEquals(MAX_ROWS, top.body().lines().count() - 1);
        HttpResponse<String> sliced = ask("SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o OFFSET 5 LIMIT 3", "text/csv");
        HttpResponse<String> whole = ask("SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o LIMIT 8", "text/csv");
        assertEquals(200, sliced.statusCode(), "ORDER BY, OFFSET and LIMIT: " + sliced.body());
        assertEquals(whole.body().lines().skip(6).toList(), sliced.body().lines().skip(1).toList(), "OFFSET skips exactly its rows");
    }

    @Test
    void aConstructAnswerIsCutAtTheRowCapInTriplesNotSolutions() {
        HttpResponse<String> r = ask("CONSTRUCT { ?s <urn:a> ?o . ?s <urn:b> ?o . ?s <urn:c> ?o . ?s <urn:d> ?o } WHERE { ?s ?p ?o }",
                "application/n-triples");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(MAX_ROWS, r.body().lines().filter(l -> !l.isBlank()).count());
        assertEquals(String.valueOf(MAX_ROWS), r.headers().firstValue(GuardedQueries.HEADER).orElse(null));
    }

    @Test
    void everydayQueriesStayQuickWhileHostileOnesRunTheirCourse() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<HttpResponse<String>>> hostile = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) hostile.add(pool.submit(() -> ask("SELECT (COUNT(*) AS ?n) WHERE { " + PRODUCT + " }", "text/csv")));
            Thread.sleep(300); // they are running and have used their first CPU time
            long worst = 0;
            for (int i = 0; i < 20; i++) {
                long start = System.nanoTime();
                HttpResponse<String> r = ask("PREFIX dct: <http://purl.org/dc/terms/> SELECT ?t WHERE { ?s dct:title ?t } LIMIT 20", "text/csv");
                worst = Math.max(worst, System.nanoTime() - start);
                assertEquals(200, r.statusCode(), r.body());
                assertEquals(21, r.body().lines().count());
            }
            assertTrue(worst < 1_000_000_000L, "an everyday query took " + worst / 1_000_000 + " ms while four cross products ran");
            for (var h : hostile) assertEquals(503, h.get().statusCode(), "the hostile ones still end at their timeout");
        } finally {
            pool.shutdownNow();
        }
        assertServerIdle("four cross products");
    }

    @Test
    void theServerWideBudgetRefusesWithTooManyRequestsAndIsGivenBack() {
        HeldRows budget = new HeldRows(3, 4);
        HeldRows.Ledger first = budget.open(), second = budget.open();
        for (int i = 0; i < 3; i++) first.hold();
        second.hold();
        var refused = assertThrows(org.apache.jena.fuseki.servlets.ActionErrorException.class, second::hold);
        assertEquals(429, refused.getRC());
        var tooMany = assertThrows(org.apache.jena.fuseki.servlets.ActionErrorException.class, first::hold);
        assertEquals(503, tooMany.getRC());
        first.release();
        second.release();
        assertEquals(0, budget.held(), "every row is given back when its queries end");
    }

    /** The JVM (server and test) uses under a fifth of a core over a 500 ms window, within 3 s of the answer. */
    private static void assertServerIdle(String shape) {
        ProcessCpu.assertIdleWithin(Duration.ofSeconds(3), shape + " (after its answer)");
    }
}
