package org.listgraph.identity;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.listgraph.entry.Entry;
import org.listgraph.entry.Link;
import org.listgraph.entry.ListDocument;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The literals a kind rule's pattern cannot match without: what they are for patterns of every construct, and
 * that the filter never turns away a text the pattern matches, for every shipped pattern on real and random text.
 */
class RequiredLiteralsTest {
    /** Every field of every entry of the quality corpus's real lists and the seeds, as a rule would see it. */
    private static final List<String> REAL = new ArrayList<>();

    @BeforeAll
    static void readRealLists() {
        UrlCanonicalizer urls = new UrlCanonicalizer();
        List<ListDocument> docs = RealLists.read();
        for (ListDocument d : docs) {
            REAL.add(d.info().title());
            for (Entry e : d.entries()) {
                String url = urls.canonical(e.identifyingLink().url());
                int slash = url.indexOf('/');
                REAL.add(url);
                REAL.add(slash < 0 ? url : url.substring(0, slash));
                if (slash >= 0) REAL.add(url.substring(slash));
                REAL.add(e.identifyingLink().url());
                REAL.add(e.title());
                if (e.description() != null) REAL.add(e.description());
                REAL.add(String.join(" / ", e.sectionPath()));
                for (Link l : e.links()) REAL.add(l.text());
            }
        }
        assertTrue(REAL.size() > 5_000, "the real lists give enough text: " + REAL.size());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "(?i)\\b(talks?|keynote)\\b; keynote|talk",
            "(?i)\\bpodcasts?\\b|\\bepisodes?\\b; episode|podcast",
            "(^|\\.)(arxiv\\.org|doi\\.org)$; arxiv.org|doi.org",
            "slides?[^/]*\\.pdf$; slide",
            "(?i)/(TR|standards?|reports)/|spec; /reports/|/standard/|/standards/|/tr/|spec",
            "(?i)^(?!.*\\b(at|by)\\b)[^:]{0,60}\\b(conference|summit)\\W*$; summit|conference",
            "(?i)\\b(cheat ?sheets?)\\W*$; cheatsheet|cheat sheet",
            "(a|)bcd; bcd",
            "(?!abc)defg; defg",
            "[abc]def; def",
            "a{2}bcd; bcd",
            "(?i)ABC; abc",
            "x(?i:YZ)w; xyzw",
            "(?<name>abc)|(?>def); abc|def",
            "\\.fm$; .fm",
            "ab\\tc; ab\tc",
            "[[a-z]&&[^q]]+xyz; xyz",
            "practi[cs]e; practi",
            "(abc)?def*; de",
    })
    void aPatternRequiresTheLiteralsEveryMatchContains(String regex, String expected) {
        Set<String> want = new TreeSet<>(List.of(expected.split("\\|")));
        assertEquals(want, new TreeSet<>(RequiredLiterals.of(Pattern.compile(regex)).literals()), regex);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "^(?!.*\\bby\\b)",      // only lookarounds: any text may match
            "a.*b",                  // single characters are too common to filter on
            "(?i)abc|.",             // one branch requires nothing
            "(?x)a b c",             // comments mode: spaces are not literal
            "(?iu)straße",           // Unicode case folds beyond ASCII
            "\\Qa.b\\E",             // quoting is not modelled
            "(a)\\1",                // back references are not modelled
            "\\x41bc",               // hex escapes are not modelled
            "[]ab]cd",               // a leading ']' in a class is not modelled
    })
    void aPatternTheAnalysisCannotReadOrThatNeedsNoLiteralGetsNoFilter(String regex) {
        RequiredLiterals r = RequiredLiterals.of(Pattern.compile(regex));
        assertFalse(r.filters(), regex + " -> " + r.literals());
        assertTrue(r.mayMatch("anything at all"));
    }

    @Test
    void flagsGivenToCompileThatChangeWhatIsLiteralTurnTheFilterOff() {
        assertFalse(RequiredLiterals.of(Pattern.compile("abc", Pattern.LITERAL)).filters());
        assertFalse(RequiredLiterals.of(Pattern.compile("a b c", Pattern.COMMENTS)).filters());
        assertFalse(RequiredLiterals.of(Pattern.compile("abc", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)).filters());
        assertTrue(RequiredLiterals.of(Pattern.compile("abc", Pattern.CASE_INSENSITIVE)).filters());
    }

    @Test
    void aDeeplyNestedPatternIsReadOrLosesItsFilterButNeverFails() {
        String nested = "(?:".repeat(100) + "abc" + ")".repeat(100);
        assertEquals(List.of("abc"), RequiredLiterals.of(Pattern.compile(nested)).literals());
        // Java refuses patterns nested about a thousand deep, so a rule never holds a deeper one. Near that depth the
        // reading may run out of stack (how soon depends on what the JIT has compiled): then the pattern has no filter.
        String deep = "(?:".repeat(900) + "abc" + ")".repeat(900);
        List<String> literals = RequiredLiterals.of(Pattern.compile(deep)).literals();
        assertTrue(literals.equals(List.of("abc")) || literals.isEmpty(), literals.toString());
    }

    @Test
    void textIsComparedInAsciiLowerCaseOnly() {
        RequiredLiterals talk = RequiredLiterals.of(Pattern.compile("(?i)\\btalks?\\b"));
        assertTrue(talk.mayMatch(RequiredLiterals.asciiLower("A TALK at KubeCon")));
        assertFalse(talk.mayMatch(RequiredLiterals.asciiLower("A Tälk")));
        assertEquals("straße İ x", RequiredLiterals.asciiLower("STRAßE İ X"));
        String same = "already lower";
        assertTrue(same == RequiredLiterals.asciiLower(same), "no copy when nothing changes");
    }

    static Stream<Arguments> shippedPatterns() {
        KindRules rules = KindRules.load(Path.of("."));
        List<Arguments> out = new ArrayList<>();
        for (KindRules.Rule r : rules.rules()) {
            for (Pattern p : r.conditions()) if (p != null) out.add(Arguments.of("rule " + r.number() + ": " + p.pattern(), p));
        }
        return out.stream();
    }

    /**
     * The guarantee the classifier relies on: no text a shipped pattern matches is turned away, on every field of the
     * real lists and on random texts made of the pattern's own literals in any case, glued with URL and word characters.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("shippedPatterns")
    void theFilterNeverTurnsAwayATextTheShippedPatternMatches(String name, Pattern p) {
        RequiredLiterals r = RequiredLiterals.of(p);
        List<String> texts = new ArrayList<>(REAL);
        Random random = new Random(name.hashCode());
        List<String> pieces = new ArrayList<>(List.of("/", ".", "-", " ", "", "a", "Z", "1", "2024", "?", "#", ":", "com", "www."));
        for (String lit : r.literals()) {
            pieces.add(lit);
            pieces.add(lit.toUpperCase(java.util.Locale.ROOT));
            if (lit.length() > 2) pieces.add(lit.substring(0, lit.length() - 1)); // almost the literal
        }
        for (int i = 0; i < 3_000; i++) {
            StringBuilder b = new StringBuilder();
            int n = 1 + random.nextInt(6);
            for (int k = 0; k < n; k++) b.append(pieces.get(random.nextInt(pieces.size())));
            texts.add(b.toString());
        }
        int matched = 0;
        for (String t : texts) {
            boolean found = p.matcher(t).find();
            if (found) matched++;
            if (found && !r.mayMatch(RequiredLiterals.asciiLower(t))) {
                fail(name + " matches \"" + t + "\" but the filter " + r.literals() + " turned it away");
            }
        }
        if (r.filters()) assertTrue(matched > 0, name + ": some text matches, so the check above checked something");
    }
}
