package org.listgraph.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.listgraph.lint.LintRule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code lint}: golden outputs for the seed lists and for one case per group of rules; JSON for tools; the exit code. */
class LintTest {
    static final Path CASES = Path.of("src/test/resources/lint");

    @Test
    void theSeedListsGiveExactlyTheKnownFindingsWithBothPositionsOfEachDuplicate() throws IOException {
        CliTest.Run r = CliTest.run("lint");
        assertEquals(Files.readString(CASES.resolve("seeds.expected")), r.out());
        assertEquals(Main.FINDINGS, r.code(), "duplicates are errors");
        // The entry listed twice in the nubenetes list, reported at both lines.
        assertTrue(r.out().contains("nubenetes-kubernetes-networking.md:44:1: error: duplicate-url: the same URL as line 49"), r.out());
        assertTrue(r.out().contains("nubenetes-kubernetes-networking.md:49:1: error: duplicate-url: the same URL as line 44"), r.out());
    }

    static Stream<String> cases() throws IOException {
        try (var dirs = Files.list(CASES)) {
            return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aLintCaseGivesExactlyItsExpectedFindings(String name) throws IOException {
        CliTest.Run r = CliTest.run("lint", CASES.resolve(name).toString());
        assertEquals(Files.readString(CASES.resolve(name).resolve("expected.txt")), r.out(), name);
        boolean errors = r.out().contains(": error: ");
        assertEquals(errors ? Main.FINDINGS : Main.OK, r.code());
    }

    @Test
    void aListIsLintedAsItWasReadForTheGraphNotAsItsFileReadsLater(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
        Path list = tmp.resolve("rules.md");
        Files.copy(CASES.resolve("rules/input.md"), list);
        java.util.List<Path> files = java.util.List.of(list);
        java.util.List<org.listgraph.lint.LintFinding> fresh = new org.listgraph.lint.Linter().lint(files);
        for (String rule : new String[]{"title-case", "missing-anchor", "toc", "broken-relative-link", "missing-scheme"}) {
            assertTrue(fresh.stream().anyMatch(f -> f.rule().id().equals(rule)), "the case has a finding of the outline's rule " + rule);
        }
        var read = new org.listgraph.rdf.Converter(org.listgraph.identity.IriMinter.DEFAULT_BASE).convert(files);
        // The file changes after the build read it: lint reports what the graph was made from, with no second reading.
        Files.writeString(list, "# Something Else\n\n- [A](https://example.org/a) - A page.\n");
        assertEquals(fresh, new org.listgraph.lint.Linter().lint(read.lists(), read.resolution(), files));
    }

    @Test
    void itemsWithoutLinkTextAreCheckedByTheirTitle(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
        // A bare URL after a title has no link text: the conventions name such an item by its title.
        StringBuilder list = new StringBuilder("# Bare Links\n\n## Tools\n\n");
        for (String name : new String[]{"Alpha", "Beta", "Zeta", "Delta", "Epsilon", "Gamma"}) {
            list.append("- ").append(name).append(" https://example.org/").append(name.toLowerCase()).append('\n');
        }
        Files.writeString(tmp.resolve("bare.md"), list);
        CliTest.Run r = CliTest.run("lint", tmp.toString());
        assertTrue(r.code() == Main.OK || r.code() == Main.FINDINGS, r.err());
        assertTrue(r.out().contains("alphabetical-order: 'Zeta' is out of alphabetical order"), r.out());
    }

    @Test
    void theRulesCaseCoversEveryRuleOfItsOwn() throws IOException {
        String out = Files.readString(CASES.resolve("rules/expected.txt"));
        for (String rule : new String[]{"title-case", "missing-anchor", "duplicate-work", "duplicate-url", "list-item", "empty-section",
                "broken-relative-link", "missing-scheme", "toc"}) {
            assertTrue(out.contains(": " + rule + ": "), rule);
        }
    }

    @Test
    void theConventionsCaseNamesEachBreakOnceAndLeavesItsOwnConventionsAlone() throws IOException {
        // A date-ordered section, a section of bare podcast names, bylined talks, prose with links, a Related line and items
        // nested under an item without a link: none named.
        java.util.List<String> found = Files.readAllLines(CASES.resolve("awesome-conventions/expected.txt"));
        assertEquals(java.util.List.of("alphabetical-order: 'Zola'", "no-description: 'VuePress'", "description-repeats-title: the description 'Tabi.'"),
                found.stream().map(l -> l.replaceAll("^.*warning: ", "").replaceAll("^([a-z-]+: [^']*'[^']*'?).*", "$1")).toList());
        assertTrue(Files.readString(CASES.resolve("rules/expected.txt")).contains(": awesome-badge: "), "an awesome list without the badge");
    }

    @Test
    void jsonCarriesTheSameFindingsForTools() throws IOException {
        CliTest.Run text = CliTest.run("lint", CASES.resolve("rules").toString());
        CliTest.Run json = CliTest.run("lint", "-f", "json", CASES.resolve("rules").toString());
        JsonNode array = new ObjectMapper().readTree(json.out());
        assertEquals(text.out().lines().count(), array.size());
        JsonNode first = array.get(0);
        assertEquals(text.out().lines().findFirst().orElseThrow(), first.get("file").asText() + ":" + first.get("line").asInt() + ":"
                + first.get("column").asInt() + ": " + first.get("severity").asText() + ": " + first.get("rule").asText() + ": "
                + first.get("message").asText());
        assertEquals(text.code(), json.code());
    }

    @Test
    void everyRuleIsListedWithItsSeverity() {
        CliTest.Run r = CliTest.run("lint", "--rules");
        assertEquals(Main.OK, r.code());
        for (LintRule rule : LintRule.values()) assertTrue(r.out().contains(rule.id()), rule.id());
    }
}
