package org.listgraph.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a user of a real list sees: speakers found by name, kinds explained, declared kinds checked. */
class RealListShapesTest {
    @TempDir
    Path tmp;

    @Test
    void aTalksListWithBoldSpeakersAnswersTalksByTheSpeakersFullName() {
        String db = tmp.resolve("tdb2").toString();
        CliTest.Run load = CliTest.run("load", "src/test/resources/golden/real-list-bylines", "--db", db);
        assertEquals(Main.OK, load.code(), load.err());
        CliTest.Run bret = CliTest.run("query", "--db", db, "--saved", "talks-by", "--param", "author=Bret Victor", "-f", "csv");
        assertEquals(List.of("talk,title", "https://w3id.org/listgraph/id/resource/6159f19b7b62dc46,The Future of Programming"),
                bret.out().lines().toList());
        CliTest.Run rich = CliTest.run("query", "--db", db, "--saved", "talks-by", "--param", "author=Rich Harris", "-f", "csv");
        assertTrue(rich.out().contains(",Rethinking reactivity"), rich.out());
        CliTest.Run phrases = CliTest.run("query", "--db", db, "-f", "csv",
                "SELECT ?name { ?a a foaf:Agent ; foaf:name ?name FILTER(REGEX(?name, 'Erlang|Kotlin|Docker|Django|OpenID|fzf|Modern|LinuxCon')) }");
        assertEquals(List.of("name"), phrases.out().lines().toList(), "inspired/powered/used by phrases and descriptions are no people");
    }

    @Test
    void everyResourceSaysWhyItHasItsKind() {
        String db = tmp.resolve("tdb2").toString();
        assertEquals(Main.OK, CliTest.run("load", "src/test/resources/golden/real-list-kinds", "--db", db).code());
        CliTest.Run unexplained = CliTest.run("query", "--db", db, "-f", "csv",
                "SELECT (COUNT(?r) AS ?n) { ?r a lg:Resource FILTER NOT EXISTS { ?r lg:kindEvidence ?why } }");
        assertEquals(List.of("n", "0"), unexplained.out().lines().toList());
        CliTest.Run why = CliTest.run("query", "--db", db, "-f", "csv",
                "SELECT ?why { ?r dct:title 'Matomo' ; lg:kindEvidence ?why }");
        assertEquals(List.of("why", "Software: 4 of the 4 other entries of section 'Analytics' are Software"), why.out().lines().toList());
    }

    @Test
    void aDeclaredKindThatDoesNotExistIsOneLineNamingTheListAndField() throws IOException {
        Path lists = Files.createDirectories(tmp.resolve("lists"));
        Files.writeString(lists.resolve("a.md"), "# A\n\n- [x](https://example.org/x)\n");
        Files.writeString(lists.resolve("lists.json"), "{\"lists\": [{\"id\": \"a\", \"title\": \"A\", \"file\": \"a.md\", "
                + "\"sectionKinds\": {\"(?i)talks\": \"Talks\"}}]}");
        CliTest.Run r = CliTest.run("convert", lists.toString(), "-q");
        assertEquals(Main.BAD_INPUT, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("lists[0].sectionKinds[\"(?i)talks\"]: unknown kind \"Talks\""), r.err());

        Files.writeString(lists.resolve("lists.json"), "{\"lists\": [{\"id\": \"a\", \"title\": \"A\", \"file\": \"a.md\", \"kind\": \"Book\", "
                + "\"sectionKinds\": {\"(talks\": \"Talk\"}}]}");
        CliTest.Run bad = CliTest.run("convert", lists.toString(), "-q");
        assertEquals(Main.BAD_INPUT, bad.code());
        assertTrue(bad.err().contains("not a valid regular expression"), bad.err());
    }
}
