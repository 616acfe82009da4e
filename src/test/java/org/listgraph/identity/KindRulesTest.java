package org.listgraph.identity;

import org.listgraph.entry.BadInputException;
import org.listgraph.entry.Entry;
import org.listgraph.entry.Kind;
import org.listgraph.entry.Link;
import org.listgraph.entry.LinkRole;
import org.listgraph.entry.SourcePosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped kind rules, their overrides, and rules a user adds in their own ontology/kinds.json. */
class KindRulesTest {
    private static final SourcePosition AT = new SourcePosition("x.md", 1, 1);
    private final UrlCanonicalizer urls = new UrlCanonicalizer();

    private static Entry entry(String title, String description, Link... links) {
        return new Entry(AT, 0, -1, List.of(), title, title, List.of(links), description, List.of(), null, false, null, false, "- x");
    }

    private static final org.listgraph.entry.ListInfo LIST = new org.listgraph.entry.ListInfo("x", "X", "x.md", null, null, null);

    private Set<Kind> kinds(KindClassifier c, Entry e) {
        return c.resolve(c.classify(List.of(e), List.of(urls.canonical(e.identifyingLink().url())), LIST));
    }

    private static Link main(String url) {
        return new Link(url, "t", LinkRole.MAIN, AT);
    }

    @Test
    void aYoutubeVideoIsAVideoUnlessTheEntrySaysItIsATalk() {
        KindClassifier c = new KindClassifier(KindRules.load(Path.of(".")));
        assertEquals(Set.of(Kind.VIDEO), kinds(c, entry("Iptables the end of an era", null, main("https://www.youtube.com/watch?v=h7Y2eaBwCqc"))));
        assertEquals(Set.of(Kind.TALK), kinds(c, entry("Deep Dive in Docker Overlay Networks", "YouTube presentation",
                main("https://www.youtube.com/watch?v=b3XDl0YsVsg"))));
        assertEquals(Set.of(Kind.TALK), kinds(c, entry("There is No Such Thing as Container Networking", null,
                new Link("https://www.youtube.com/watch?v=t98CX8Tberc", "recording", LinkRole.RECORDING, AT))));
    }

    @Test
    void strongEvidenceBeatsAHeadingAndAHeadingBeatsWeakEvidenceUnlessTheUrlCannotBeThatKind() {
        KindClassifier c = new KindClassifier(KindRules.load(Path.of(".")));
        Entry issue = entry("Broken link", null, main("https://github.com/golang/go/issues/1234"));
        Entry repo = entry("A book in a repository", null, main("https://github.com/someone/book"));
        Entry video = entry("A video", null, main("https://www.youtube.com/watch?v=abc"));
        List<Entry> underBooks = List.of(issue, repo, video).stream().map(e -> new Entry(AT, 0, -1, List.of("Free Books"), e.title(),
                e.title(), e.links(), null, List.of(), null, false, null, false, "- x")).toList();
        for (int i = 0; i < underBooks.size(); i++) {
            Entry e = underBooks.get(i);
            assertEquals(List.of(Set.of(Kind.DISCUSSION), Set.of(Kind.BOOK), Set.of(Kind.VIDEO)).get(i), kinds(c, e), e.title());
        }
    }

    @Test
    void anEntryWithNoEvidenceTakesTheKindMostOfItsSectionHasButAHomePageNeverBecomesAnArticle() {
        KindClassifier c = new KindClassifier(KindRules.load(Path.of(".")));
        List<Entry> es = new java.util.ArrayList<>();
        String[] links = {"https://github.com/a/one", "https://github.com/b/two", "https://github.com/c/three", "https://example.org/tool/"};
        for (int i = 0; i < links.length; i++) {
            es.add(new Entry(AT, i, -1, List.of("Analytics"), "t" + i, "t" + i, List.of(main(links[i])), null, List.of(), null, false, null, false, "- x"));
        }
        var verdicts = c.classify(es, es.stream().map(e -> urls.canonical(e.identifyingLink().url())).toList(), LIST);
        assertEquals(Set.of(Kind.SOFTWARE), verdicts.get(3).kinds());
        assertEquals(KindClassifier.Tier.NEIGHBOURS, verdicts.get(3).tier());
        assertTrue(verdicts.get(3).reasons().get(Kind.SOFTWARE).contains("3 of the 3 other entries of section 'Analytics'"));
    }

    private Set<Kind> kindUnder(KindClassifier c, String heading, String title, String description, String url) {
        Entry e = new Entry(AT, 0, -1, heading == null ? List.of() : List.of(heading), title, title, List.of(main(url)), description,
                List.of(), null, false, null, false, "- x");
        return kinds(c, e);
    }

    @Test
    void whatTheListSaysARepositoryHoldsDecidesWhetherItIsSoftwareADataSetOrAList() {
        KindClassifier c = new KindClassifier(KindRules.load(Path.of(".")));
        assertEquals(Set.of(Kind.WEBSITE), kindUnder(c, "Gophers", "gopher-logos", "adorable gopher logos.", "https://github.com/GolangUA/gopher-logos"));
        assertEquals(Set.of(Kind.WEBSITE), kindUnder(c, null, "Naughty Strings", "A huge corpus of strings which cause issues.",
                "https://github.com/minimaxir/big-list-of-naughty-strings"));
        assertEquals(Set.of(Kind.SOFTWARE), kindUnder(c, null, "EDA", "Web application for data analysis and visualization.",
                "https://github.com/jortilles/EDA"));
        // A curated list under a "Books" heading is a list of books, not a book.
        assertEquals(Set.of(Kind.CURATED_LIST), kindUnder(c, "Free e-books", "GoBooks", "A curated list of Go books.",
                "https://github.com/dariubs/GoBooks"));
        assertEquals(Set.of(Kind.WEBSITE), kindUnder(c, null, "CLDR currencies", null,
                "https://github.com/unicode-org/cldr/blob/release-40/common/supplemental/supplementalData.xml"));
        assertEquals(Set.of(Kind.ARTICLE), kindUnder(c, null, "Facts about State Machines", null,
                "https://codeberg.org/catseye/The-Dossier/src/branch/master/article/Facts-about-State-Machines/README.md"));
        assertEquals(Set.of(Kind.SOFTWARE), kindUnder(c, null, "Dotclear", null, "https://git.dotclear.org/dev/dotclear"));
    }

    @Test
    void aHeadingThatNamesSingleWorksDoesNotMakeASitesHomePageOneOfThem() {
        KindClassifier c = new KindClassifier(KindRules.load(Path.of(".")));
        assertEquals(Set.of(Kind.WEBSITE), kindUnder(c, "Papers", "Papers We Love", null, "https://paperswelove.org/"));
        assertEquals(Set.of(Kind.PAPER), kindUnder(c, "Papers", "Dynamo", null, "https://example.org/dynamo.html"));
        // Books, podcasts, courses and tools are often a whole site.
        assertEquals(Set.of(Kind.BOOK), kindUnder(c, "Books", "Go 101", null, "https://go101.org"));
    }

    @Test
    void aUrlOrTitleThatCannotBeTheHeadingsKindKeepsWhatItSays() {
        KindClassifier c = new KindClassifier(KindRules.load(Path.of(".")));
        assertEquals(Set.of(Kind.TALK), kindUnder(c, "C#", "Domain-Driven Refactoring - Jimmy Bogard - NDC London 2022", null,
                "https://www.youtube.com/watch?v=f64tZ90Dntg"));
        assertEquals(Set.of(Kind.COURSE), kindUnder(c, "Courses", "Free Courses", null, "https://www.youtube.com/watch?v=abc"));
        assertEquals(Set.of(Kind.COURSE), kindUnder(c, "Books", "How Transformer LLMs Work", null,
                "https://www.deeplearning.ai/short-courses/how-transformer-llms-work/"));
        assertEquals(Set.of(Kind.COURSE), kindUnder(c, "Podcasts", "Docker for .NET Developers", null,
                "http://s.ch9.ms/Series/Docker-for-NET-Developers"));
        assertEquals(Set.of(Kind.DOCUMENTATION), kindUnder(c, "Tutorials", "Go Cheat Sheet", "Go's reference card.",
                "https://github.com/a8m/go-lang-cheat-sheet"));
        assertEquals(Set.of(Kind.DISCUSSION), kindUnder(c, "Articles", "Falsehoods about Testing", null,
                "https://club.ministryoftesting.com/t/falsehoods-testers-believe/1371"));
        assertEquals(Set.of(Kind.DOCUMENTATION), kindUnder(c, null, "Apple Music Style Guide", null,
                "https://help.apple.com/itc/musicstyleguide/en.lproj/static.html"));
        // A paper kept under a course's pages is still a paper.
        assertEquals(Set.of(Kind.PAPER), kindUnder(c, "Papers", "Turing", null, "https://www.csee.umbc.edu/courses/471/papers/turing.pdf"));
    }

    @Test
    void aHeadingThatNamesTwoKindsLetsTheUrlPickOneAndNarrowerEvidenceRefinesAHeading() {
        KindClassifier c = new KindClassifier(KindRules.load(Path.of(".")));
        assertEquals(Set.of(Kind.VIDEO), kindUnder(c, "Videos and Lectures", "Metaparameters in a CNN", null, "https://youtu.be/K1PLeggQ33I"));
        assertEquals(Set.of(Kind.COURSE), kindUnder(c, "Videos and Lectures", "Neural Networks class", null,
                "https://www.coursera.org/learn/neural-networks"));
        // A PDF under "Articles" is a paper; a repository under "Documentation" stays documentation.
        assertEquals(Set.of(Kind.PAPER), kindUnder(c, "Articles", "How to Read a Paper", null, "http://ccr.sigcomm.org/online/files/p83-keshavA.pdf"));
        assertEquals(Set.of(Kind.DOCUMENTATION), kindUnder(c, "Documentation", "Style guide", null, "https://github.com/uber-go/guide"));
        assertEquals(Set.of(Kind.WEBSITE), kindUnder(c, "Websites", "Go Blog", null, "https://blog.golang.org"));
    }

    @Test
    void aSeriesLineNamesItsPartsKindAsAHeadingWouldAndAnEventsPageIsItsSite() {
        KindClassifier c = new KindClassifier(KindRules.load(Path.of(".")));
        Entry part = new Entry(AT, 0, -1, List.of("Talks and Conferences", "Videos"), "The SSA Form, Part 1", "Part 1",
                List.of(main("https://www.youtube.com/watch?v=Q7hlcuCGbxE")), null, List.of(), null, false, null, false, "- x")
                .withSeries(new org.listgraph.entry.Series("The SSA Form",
                        "The SSA Form - Video Lectures from NPTEL's Compilers Course", List.of()));
        assertEquals(Set.of(Kind.COURSE), kinds(c, part));
        // Without the series line's words, the heading decides.
        assertEquals(Set.of(Kind.TALK), kinds(c, new Entry(AT, 0, -1, part.sectionPath(), part.title(), part.label(), part.links(),
                null, List.of(), null, false, null, false, "- x")));
        assertEquals(Set.of(Kind.WEBSITE), kindUnder(c, "Talks", "Lang.NEXT Conference 2012", null,
                "https://channel9.msdn.com/Events/Lang-NEXT/Lang-NEXT-2012"));
        assertEquals(Set.of(Kind.WEBSITE), kindUnder(c, "Videos", "Single Static Assignment Form Seminar", null,
                "http://compilers.cs.uni-saarland.de/ssasem/"));
        // A talk given at an event stays a talk.
        assertEquals(Set.of(Kind.TALK), kindUnder(c, "Talks", "Keynote at the Lang.NEXT Conference 2012", null,
                "https://channel9.msdn.com/Events/Lang-NEXT/Lang-NEXT-2012/Keynote"));
        // A repository named for the writing it holds is writing, not code.
        assertEquals(Set.of(Kind.ARTICLE), kindUnder(c, null, "Hindley-Damas-Milner Tutorial", null,
                "https://github.com/quchen/articles/tree/master/hindley-milner"));
        assertEquals(Set.of(Kind.SOFTWARE), kindUnder(c, null, "Kubernetes", null, "https://github.com/kubernetes/kubernetes/tree/master/pkg"));
    }

    @Test
    void evidenceWithoutAnOverrideKeepsEveryKind() {
        KindClassifier c = new KindClassifier(KindRules.load(Path.of(".")));
        assertEquals(EnumSet.of(Kind.TALK, Kind.BOOK), c.resolve(EnumSet.of(Kind.TALK, Kind.BOOK, Kind.WEBSITE)));
        assertEquals(EnumSet.of(Kind.SPECIFICATION), c.resolve(EnumSet.of(Kind.SPECIFICATION, Kind.DOCUMENTATION, Kind.SOFTWARE)));
        assertEquals(EnumSet.of(Kind.WEBSITE), c.resolve(EnumSet.noneOf(Kind.class)));
    }

    @Test
    void aProjectsOwnRulesFileReplacesTheShippedOne(@TempDir Path project) throws IOException {
        Files.createDirectories(project.resolve("ontology"));
        Files.writeString(project.resolve("ontology/kinds.json"), """
                {"rules": [{"kind": "Course", "host": "(^|\\\\.)killercoda\\\\.com$", "why": "interactive labs"}]}""");
        KindClassifier c = new KindClassifier(KindRules.load(project));
        assertEquals(Set.of(Kind.COURSE), kinds(c, entry("CNI lab", null, main("https://killercoda.com/cni"))));
        assertEquals(Set.of(Kind.WEBSITE), kinds(c, entry("A video", null, main("https://youtube.com/watch?v=x"))),
                "the shipped rules are not used when the project has its own");
    }

    @Test
    void aBrokenRulesFileSaysWhatIsWrong() {
        var e1 = assertThrows(BadInputException.class, () -> parse("{\"rules\": [{\"kind\": \"Podcasts\", \"host\": \"x\"}]}"));
        assertTrue(e1.getMessage().contains("rules[0].kind: unknown kind \"Podcasts\""), e1.getMessage());
        var e2 = assertThrows(BadInputException.class, () -> parse("{\"rules\": [{\"kind\": \"Talk\", \"host\": \"(\"}]}"));
        assertTrue(e2.getMessage().contains("rules[0].host: not a valid regular expression"), e2.getMessage());
        var e3 = assertThrows(BadInputException.class, () -> parse("{\"rules\": [{\"kind\": \"Talk\"}]}"));
        assertTrue(e3.getMessage().contains("needs at least one condition"), e3.getMessage());
        var e4 = assertThrows(BadInputException.class, () -> parse("{\"rules\": [{\"kind\": \"Talk\", \"hots\": \"x\"}]}"));
        assertTrue(e4.getMessage().contains("unknown field \"hots\""), e4.getMessage());
    }

    @Test
    void valuesOfTheWrongTypeAreRejectedNotGuessed() {
        for (String[] c : new String[][]{
                {"{\"rules\": [{\"kind\": \"Talk\", \"host\": {\"a\": 1}}]}", "rules[0].host: must be a non-empty regular expression"},
                {"{\"rules\": [{\"kind\": \"Talk\", \"host\": 5}]}", "rules[0].host: must be a non-empty regular expression"},
                {"{\"rules\": [], \"overrides\": {\"Talk\": \"Video\"}}", "overrides.Talk must be a list of kinds"},
                {"{\"rules\": [], \"overrides\": [1, 2]}", "\"overrides\" must map a kind"},
                {"{\"rules\": []} trailing", "not valid JSON"},
                {"{\"rules\": [{\"kind\": \"Talk\", \"tier\": \"stron\", \"host\": \"x\"}]}", "rules[0].tier: unknown tier \"stron\""},
                {"{\"rules\": [{\"kind\": \"Talk\", \"tier\": \"heading\", \"host\": \"x\"}]}", "a heading rule needs a \"section\" pattern"},
                {"{\"rules\": [{\"kind\": \"Talk\", \"yieldsTo\": \"Book\", \"host\": \"x\"}]}", "rules[0].yieldsTo must be a list of kinds"},
                {"{\"rules\": [{\"kind\": \"Talk\", \"yieldsTo\": [\"Books\"], \"host\": \"x\"}]}", "unknown kind \"Books\""},
                {"{\"rules\": [], \"rules\": []}", "not valid JSON"}}) {
            var e = assertThrows(BadInputException.class, () -> parse(c[0]), c[0]);
            assertTrue(e.getMessage().contains(c[1]), c[0] + " -> " + e.getMessage());
        }
    }

    private static KindRules parse(String json) {
        return KindRules.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "kinds.json");
    }
}
