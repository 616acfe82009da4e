package org.listgraph.identity;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.listgraph.entry.Entry;
import org.listgraph.entry.ListDocument;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Title keys and part markers: what they are for titles people write, and that the one-pass ASCII key and the
 * skipped part expression give exactly what the definitions give, on every title of the real lists and on random text.
 */
class TitleKeyTest {
    /** The part marker as {@link TitleKey} defines it, run on every title (no filter). */
    private static final Pattern PART = Pattern.compile(
            "(?i)\\b(?:part|pt\\.?|episode|ep\\.?|chapter|lesson)\\s*#?\\s*(\\d+|[ivx]+\\b|one|two|three|four|five|six|seven|eight|nine|ten)");
    private static final List<String> TITLES = new ArrayList<>();

    @BeforeAll
    static void readRealTitles() {
        List<ListDocument> docs = RealLists.read();
        for (ListDocument d : docs) {
            TITLES.add(d.info().title());
            for (Entry e : d.entries()) {
                TITLES.add(e.title());
                if (e.description() != null) TITLES.add(e.description());
            }
        }
        assertTrue(TITLES.size() > 2_000, "the real lists give enough titles: " + TITLES.size());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
            "An Illustrated Guide to Kubernetes Networking; illustrated guide to kubernetes networking",
            "illustrated-guide-to-kubernetes-networking; illustrated guide to kubernetes networking",
            "The C++ Programming Language; c plus plus programming language",
            "C# in Depth; c sharp in depth",
            "Don't Panic!; dont panic",
            "  A   Tour of Go  ; tour of go",
            "Anatomy of a Container; anatomy of a container",
            "Thesis, 2nd ed.; thesis 2nd ed",
            "Café Ω — Résumé; cafe ω resume",
            "The; the",
            "A; a",
    })
    void aTitlesKeyIsItsWordsInLowerCaseWithoutALeadingArticle(String title, String key) {
        assertEquals(key, TitleKey.of(title));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "Kubernetes Networking [Part 1]; 1",
            "Kubernetes networking, part II; 2",
            "Deep dive, pt. 07; 7",
            "Episode #3: routing; 3",
            "Lesson one; 1",
            "Deep networking; ",
            "Department of scripts; ",
    })
    void aPartMarkerIsReadInAnyCaseAndKeyedWithoutIt(String title, String part) {
        assertEquals(Optional.ofNullable(part), TitleKey.part(title));
        if (part != null) assertEquals(TitleKey.of(PART.matcher(title).replaceAll(" ")), TitleKey.withoutPart(title));
    }

    @Test
    void theOnePassKeyOfAsciiTitlesIsTheDefinitionsKey() {
        int ascii = 0;
        for (String t : TITLES) {
            if (t.chars().allMatch(c -> c < 0x80)) {
                ascii++;
                assertEquals(TitleKey.ofText(t), TitleKey.ofAscii(t), t);
            }
            assertEquals(TitleKey.ofText(t), TitleKey.of(t), t);
        }
        assertTrue(ascii > 1_000, "most real titles are ASCII: " + ascii);
        Random random = new Random(17);
        String alphabet = "aAnNtThHeEzZ09 +#'-_.,:;!?()[]/\\\t\"&*@~`|<>{}^%$=\u007f\u0001";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder();
            if (random.nextInt(4) == 0) b.append(List.of("a ", "an ", "the ", "A ", "An ", "The ", " the  ", "an", "then ").get(random.nextInt(9)));
            int n = random.nextInt(24);
            for (int j = 0; j < n; j++) b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            String t = b.toString();
            assertEquals(TitleKey.ofText(t), TitleKey.ofAscii(t), () -> "«" + t + "»");
        }
    }

    @Test
    void skippingThePartExpressionChangesNoTitlesPartOrKey() {
        List<String> titles = new ArrayList<>(TITLES);
        Random random = new Random(29);
        String[] words = {"Part", "pt.", "PT", "Episode", "ep", "Ep.", "chapter", "LESSON", "one", "ten", "II", "iv", "7", "07", "#", "deep",
                "step", "script", "depart", "Networking", "Kubernetes", " ", "-", "[", "]", ",", "Café"};
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder();
            int n = 1 + random.nextInt(8);
            for (int j = 0; j < n; j++) b.append(words[random.nextInt(words.length)]).append(random.nextBoolean() ? " " : "");
            titles.add(b.toString());
        }
        int withPart = 0;
        for (String t : titles) {
            Matcher m = PART.matcher(t);
            Optional<String> expected = Optional.empty();
            if (m.find()) {
                withPart++;
                String n = m.group(1).toLowerCase(Locale.ROOT);
                expected = Optional.of(TitleKey.part("part " + n).orElseThrow());
            }
            assertEquals(expected, TitleKey.part(t), t);
            assertEquals(TitleKey.ofText(PART.matcher(t).replaceAll(" ")), TitleKey.withoutPart(t), t);
        }
        assertTrue(withPart > 1_000, "the titles tried include part markers: " + withPart);
    }
}
