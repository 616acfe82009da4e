package org.listgraph.markdown;

import org.listgraph.entry.Author;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the author a link's own text names at its end ("[Pytorch Tutorial by Yunjey Choi](…)",
 * "[Deep Learning by Kaggle](kaggle.com/…)"), when nothing else on the line names one. Titles that merely contain "by"
 * ("Secure by Design", "Training by Reducing Internal Covariate Shift", "Overcollection by Labor
 * Department" whose URL spells those words as part of its slug) keep their words and give no author.
 * Names after a comma at the end of the text ("[RABBIT: A Compiler for SCHEME, G. Steele](…)", "[Programming
 * Languages: Part A, by Grossman](…)") are split off the title, as a paper list writes its authors.
 */
final class TitleByline {
    /** " by " and at most three words up to the end of the title. */
    private static final Pattern BY_AT_END = Pattern.compile("\\s[bB]y\\s+(\\S+(?:\\s+\\S+){0,2})\\s*$");
    private static final Pattern NON_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern PLAIN_WORD = Pattern.compile("\\p{Lu}\\p{Ll}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern SPACES_AND_DOTS = Pattern.compile("[\\s.]+");
    private static final Pattern SCHEME = Pattern.compile("^[a-z][a-z0-9+.-]*://");
    private static final Pattern AFTER_HOST = Pattern.compile("[/?#].*$");
    private static final Pattern SCHEME_AND_HOST = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/]*");
    /** A title opening with a person's full name in the possessive: "Yann LeCun’s Deep Learning Course". */
    private static final Pattern POSSESSIVE_NAME = Pattern.compile("^(\\p{Lu}[\\p{L}\\p{M}-]+(?:\\s+\\p{Lu}[\\p{L}\\p{M}-]+){1,2})['’]s\\s+\\S");
    /** Words for what someone does, which a possessive title names as its readers ("Competitive Programmer's Handbook"). */
    private static final java.util.Set<String> ROLES = java.util.Set.of("programmer", "developer", "hacker", "engineer", "designer",
            "beginner", "user", "founder", "manager", "leader", "writer", "reader", "architect", "scientist", "student", "teacher",
            "maintainer", "administrator", "admin", "operator", "gopher", "pythonista", "rustacean", "coder", "player", "learner",
            "builder", "maker", "investor", "hitchhiker", "traveler", "traveller", "guide", "world", "people", "nation", "company");

    /** A name with initials, as paper lists write authors: "J. Aycock", "R. Leißa", "J.J. McCarthy", "S. van Dijk". */
    private static final String INITIALED = "\\p{Lu}\\.(?:\\s?-?\\p{Lu}\\.){0,2}\\s?(?:(?:de|van|von|der|den|la|le|du|da|di|dos)\\s)*"
            + "\\p{Lu}[\\p{L}\\p{M}'’-]*\\p{Ll}[\\p{L}\\p{M}'’-]*";
    /** ", A. Name", ", A. Name & B. Name", ", A. Name, B. Name and C. Name et al." closing a link's text. */
    private static final Pattern INITIALED_NAMES_AT_END = Pattern.compile(",\\s+(" + INITIALED
            + "(?:(?:\\s*,\\s*(?:and\\s+|&\\s*)?|\\s+(?:&|and)\\s+)" + INITIALED + ")*)(?:,?\\s+et\\s+al\\.?)?\\s*$");
    private static final Pattern NAME_SEPARATOR = Pattern.compile("(?:(?<!\\s)|\\G)(?:\\s*+,\\s*+(?:and\\s++|&\\s*+)?|\\s++(?:&|and)\\s++)");
    /** ", by Name" closing a link's text: the comma makes it a byline whatever the name's shape. */
    private static final Pattern COMMA_BY_AT_END = Pattern.compile(",\\s+[bB]y\\s+(\\S.*)$");
    /** Surnames that make "M.I.T. Press" or "A. B. Books" an organisation, not a person. */
    private static final java.util.Set<String> NOT_SURNAMES = java.util.Set.of("press", "university", "inc", "corp", "ltd", "llc",
            "gmbh", "books", "media", "publishing", "publications", "labs", "lab", "institute", "group", "team", "foundation");

    /** A link's text split into the title and the authors it names after a comma. */
    record Split(String title, List<Author> authors) {
        Split {
            if (title.isBlank() || authors.isEmpty()) throw new IllegalArgumentException("a split needs a title and an author");
            authors = List.copyOf(authors);
        }
    }

    private TitleByline() {
    }

    /**
     * The authors named after a comma at the end of a link's text, with the title before them: names with
     * initials ("…, C. Bolz & M. Leuschel") or any names after ", by". Institutions after a comma
     * ("Compilers Construction, Cambridge") are not names with initials and stay in the title.
     */
    static Optional<Split> trailingNames(String title) {
        Matcher by = COMMA_BY_AT_END.matcher(title);
        if (by.find() && !title.substring(0, by.start()).isBlank()) {
            String names = by.group(1).strip();
            Optional<AuthorParser.Result> r = AuthorParser.parse(names, List.of(), 0);
            if (r.isPresent() && r.get().remainder() == null && r.get().notes() == null && !r.get().authors().isEmpty()
                    && !SPACES.split(names)[0].toLowerCase(Locale.ROOT).endsWith("ing")
                    && r.get().authors().stream().allMatch(a -> a.name() != null && !AuthorParser.hasTag(a.name()))) {
                return Optional.of(new Split(title.substring(0, by.start()), r.get().authors()));
            }
        }
        Matcher m = INITIALED_NAMES_AT_END.matcher(title);
        if (!m.find() || title.substring(0, m.start()).isBlank()) return Optional.empty();
        List<Author> authors = new java.util.ArrayList<>();
        for (String name : NAME_SEPARATOR.split(m.group(1))) {
            String[] words = SPACES_AND_DOTS.split(name.strip());
            if (NOT_SURNAMES.contains(words[words.length - 1].toLowerCase(Locale.ROOT))) return Optional.empty();
            authors.add(Author.named(name.strip()));
        }
        return Optional.of(new Split(title.substring(0, m.start()), authors));
    }

    /** The authors named at the end of {@code title} or, in the possessive, at its start; or none. */
    static List<Author> authors(String title, String url) {
        List<Author> byline = byline(title, url);
        return byline.isEmpty() ? possessor(title) : byline;
    }

    /** "Geoff Hinton's reading list": the full name before the possessive, when it reads as a person's. */
    private static List<Author> possessor(String title) {
        Matcher m = POSSESSIVE_NAME.matcher(title);
        if (!m.find()) return List.of();
        String name = m.group(1);
        for (String w : SPACES.split(name)) {
            String lower = w.toLowerCase(Locale.ROOT);
            if (lower.endsWith("ing") || ROLES.contains(lower)) return List.of();
        }
        return AuthorParser.isName(name, true) && !AuthorParser.hasTag(name) ? List.of(Author.named(name)) : List.of();
    }

    private static List<Author> byline(String title, String url) {
        Matcher m = BY_AT_END.matcher(title);
        if (!m.find() || m.start() == 0) return List.of();
        String names = m.group(1);
        Optional<AuthorParser.Result> r = AuthorParser.parse(names, List.of(), 0);
        if (r.isEmpty() || r.get().remainder() != null || r.get().notes() != null || r.get().authors().size() != 1) return List.of();
        Author a = r.get().authors().get(0);
        if (a.name() == null || !a.name().equals(names.strip())) return List.of();
        String[] words = SPACES.split(a.name());
        // "By Sniffing Network Traffic": a verb's -ing form starts what the work does, not who made it.
        if (words[0].toLowerCase(Locale.ROOT).endsWith("ing")) return List.of();
        if (spelledInPath(words, title.substring(0, m.start()), url)) return List.of();
        // "Death by Numbers", "Security by Obscurity": one plain capitalised word is a name only on its own site
        // ("Deep Learning by Kaggle" on kaggle.com); an acronym or a CamelCase name stands alone ("by OWASP", "by LiveOverflow").
        if (words.length == 1 && PLAIN_WORD.matcher(words[0]).matches() && !host(url).contains(words[0].toLowerCase(Locale.ROOT))) {
            return List.of();
        }
        return List.of(a);
    }

    private static String host(String url) {
        return AFTER_HOST.matcher(SCHEME.matcher(url.toLowerCase(Locale.ROOT)).replaceFirst("")).replaceFirst("");
    }

    /**
     * Whether the URL's path spells the name as part of the title's slug ("…-overcollection-labor-department"):
     * then the words are the title's. A person's name is not in the slug of their work, and an owner's
     * handle is one word ("github.com/yunjey/pytorch-tutorial").
     */
    private static boolean spelledInPath(String[] words, String before, String url) {
        String path = SCHEME_AND_HOST.matcher(url).replaceFirst("").toLowerCase(Locale.ROOT);
        String slug = "-" + NON_ALNUM.matcher(path).replaceAll("-") + "-";
        String name = NON_ALNUM.matcher(String.join("-", words).toLowerCase(Locale.ROOT)).replaceAll("-");
        if (words.length > 1) return slug.contains("-" + name + "-");
        String[] titleWords = NON_ALNUM.matcher(before.toLowerCase(Locale.ROOT)).replaceAll(" ").strip().split(" ");
        String last = titleWords[titleWords.length - 1];
        return slug.contains("-by-" + name + "-") || !last.isEmpty() && slug.contains("-" + last + "-" + name + "-");
    }
}
