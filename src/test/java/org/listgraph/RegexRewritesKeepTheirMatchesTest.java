package org.listgraph;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The patterns rewritten so they cannot backtrack without bound ({@link RegexSafetyTest}) still
 * find what the old ones found: on random lines made of the words and marks lists use (commas
 * before "and", runs of spaces, dots, slashes, parentheses), every match and group is the same.
 * The old patterns are the ones of commit 472d4ca.
 */
class RegexRewritesKeepTheirMatchesTest {
    enum Mode { FIND, MATCHES, LOOKINGAT }

    record Rewrite(String type, String field, Mode mode, String old) {
        @Override
        public String toString() {
            return type.substring(type.lastIndexOf('.') + 1) + "." + field;
        }
    }

    static final String[] TOKENS = {"a", "B", "Ab", "x1", " ", "  ", "\t", ",", ", ", "&", " & ", " and ", "and", "-", " - ", "–", "/", "//", ".",
            "..", ":", ";", "(", ")", "(PDF)", "[", "]", "pdf", "com", "org", ".com", "on", " in ", "the", "web", " online", "part", "'", "’s", "1",
            "22", "www.", "!", "?", "Paterson", "Lynch", "Fischer", "van", "J.", "**", "(ML)", "CNI", "+", "#", "io", "medium"};

    static Stream<Rewrite> rewrites() {
        return Stream.of(
            new Rewrite("org.listgraph.markdown.EntryReader", "NAME_SEPARATOR", Mode.FIND, "\\s*(?:,|&|\\band\\b)\\s*"),
            new Rewrite("org.listgraph.markdown.EntryReader", "COMMA_BEFORE_STOP", Mode.FIND, "\\s*,\\s*([.;!?])"),
            new Rewrite("org.listgraph.markdown.EntryReader", "TRAILING_PUNCT", Mode.FIND, "(?U)[\\s:,;\\-–—]+$"),
            new Rewrite("org.listgraph.markdown.EntryReader", "TRAILING_DOTS", Mode.FIND, "[.\\s]+$"),
            new Rewrite("org.listgraph.markdown.EntryReader", "TRAILING_SLASHES", Mode.FIND, "/+$"),
            new Rewrite("org.listgraph.identity.TopicAligner", "SEPARATOR", Mode.FIND, "\\s+(?:and|&|\\+|-|–|—|\\|)\\s+|\\s*[,/;]\\s*|\\s*&\\s*"),
            new Rewrite("org.listgraph.identity.TopicAligner", "JOINED", Mode.FIND, "[\\p{L}\\p{N}+#.-]++(?:[/&][\\p{L}\\p{N}+#.-]++)++"),
            new Rewrite("org.listgraph.identity.TopicAligner", "WHERE_FOUND", Mode.FIND, "(?i)\\s+(?:(?:on|in)\\s+(?:the\\s+)?(?:web|internet|youtube|github)|online)\\s*$"),
            new Rewrite("org.listgraph.identity.TopicAligner", "TRAILING_PARENS", Mode.MATCHES, "^(.+?)\\s*\\(([^()]+)\\)$"),
            new Rewrite("org.listgraph.identity.TopicAligner", "ACRONYM_LAST", Mode.MATCHES, "^(.+?)\\s*\\(([A-Z][A-Za-z0-9]{1,7})\\)$"),
            new Rewrite("org.listgraph.markdown.TitleByline", "NAME_SEPARATOR", Mode.FIND, "\\s*,\\s*(?:and\\s+|&\\s*)?|\\s+(?:&|and)\\s+"),
            new Rewrite("org.listgraph.markdown.TitleCleaner", "FORMAT_TAG", Mode.FIND, "(?i)\\s*[(\\[](?:pdf|html|epub|mobi|video|audio|slides|podcast|" + "chinese|english|spanish|french|german|russian|japanese|portuguese|korean|italian|turkish|persian|arabic)[)\\]]$"),
            new Rewrite("org.listgraph.markdown.TitleCleaner", "COMMON_DOMAIN", Mode.MATCHES, "[a-z0-9-]+(\\.[a-z0-9-]+)*\\.(com|org|net|io|dev|co|me|sh|info|blog|cloud|app|tech|ai|us|uk|de|ch|fr|nl|eu|cc|xyz|pub)"),
            new Rewrite("org.listgraph.markdown.SeriesDetector", "PREFIX_END", Mode.FIND, "\\s*(?::|\\s[-–—]\\s|,\\s*part\\b)"),
            new Rewrite("org.listgraph.markdown.AuthorParser", "WORD_END", Mode.FIND, "[.’']+$|['’]s$"),
            new Rewrite("org.listgraph.markdown.PersonLine", "JOINERS", Mode.MATCHES, "(?i)^[\\s,;.()&]*(?:(?:on|and|his|her|their|at|with|also)\\b[\\s,;.()&]*)*$"),
            new Rewrite("org.listgraph.markdown.PersonLine", "DOMAIN", Mode.MATCHES, "(?i)^[a-z0-9-]+(\\.[a-z0-9-]+)*\\.[a-z]{2,}$"),
            new Rewrite("org.listgraph.identity.PeopleResolver", "TRAILING_DIGITS", Mode.FIND, "\\d+$"),
            new Rewrite("org.listgraph.identity.PeopleResolver", "DOMAIN_NAME", Mode.MATCHES, "[a-z0-9-]++(\\.[a-z0-9-]++)++"),
            new Rewrite("org.listgraph.identity.IriMinter", "TRAILING_DASHES", Mode.FIND, "-+$"),
            new Rewrite("org.listgraph.identity.IriMinter", "OUTER_DASHES", Mode.FIND, "^-+|-+$"),
            new Rewrite("org.listgraph.markdown.ProfileLinks", "OUTER_SLASHES", Mode.FIND, "^/+|/+$"),
            new Rewrite("org.listgraph.identity.Catalog", "TRAILING_SLASHES", Mode.FIND, "/+$"),
            new Rewrite("org.listgraph.lint.Linter", "DOMAIN_WITHOUT_SCHEME", Mode.MATCHES, "(?i)^(?:www\\.)?[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.[a-z]{2,}(?:[/:?#].*)?$"),
            new Rewrite("org.listgraph.markdown.AuthorParser", "NAME", Mode.LOOKINGAT, "^(?:the\\s+)?(" + "(?:\\p{Lu}(?:[\\p{L}\\p{M}'’-]|\\.(?=\\p{L}))*(?:(?<![\\p{L}\\p{M}]{3})\\.)?|(?:van|von|de|der|den|da|di|del|la|le|du|lab|labs|group|team)\\b)" + "(?:[ \\t]+" + "(?:\\p{Lu}(?:[\\p{L}\\p{M}'’-]|\\.(?=\\p{L}))*(?:(?<![\\p{L}\\p{M}]{3})\\.)?|(?:van|von|de|der|den|da|di|del|la|le|du|lab|labs|group|team)\\b)" + "){0,4})")
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rewrites")
    void aRewrittenPatternFindsWhatTheOldOneFound(Rewrite r) throws ReflectiveOperationException {
        Field f = Class.forName(r.type()).getDeclaredField(r.field());
        f.setAccessible(true);
        Pattern now = (Pattern) f.get(null), old = Pattern.compile(r.old());
        Random random = new Random(r.field().hashCode());
        for (int i = 0; i < 30_000; i++) {
            StringBuilder line = new StringBuilder();
            for (int n = random.nextInt(12); n > 0; n--) line.append(TOKENS[random.nextInt(TOKENS.length)]);
            String text = r.mode() == Mode.FIND ? line.toString() : line.toString().strip(); // headings and names arrive stripped
            boolean keepsGroups = old.matcher("").groupCount() == now.matcher("").groupCount();
            assertEquals(describe(old, text, r.mode(), keepsGroups), describe(now, text, r.mode(), keepsGroups), "on '" + text + "'");
        }
    }

    /** Every match of the pattern as the product uses it, with its groups. */
    private static List<String> describe(Pattern p, String text, Mode mode, boolean keepsGroups) {
        Matcher m = p.matcher(text);
        List<String> out = new ArrayList<>();
        switch (mode) {
            case FIND -> {
                while (m.find()) out.add(m.start() + "-" + m.end() + groups(m));
            }
            case MATCHES -> out.add(m.matches() ? "yes" + (keepsGroups ? groups(m) : "") : "no"); // some rewrites dropped groups nobody read
            case LOOKINGAT -> out.add(m.lookingAt() ? m.end() + groups(m) : "no");
        }
        return out;
    }

    private static String groups(Matcher m) {
        StringBuilder g = new StringBuilder();
        for (int i = 1; i <= m.groupCount(); i++) g.append('|').append(m.group(i) == null ? null : m.group(i).strip());
        return g.toString();
    }
}
