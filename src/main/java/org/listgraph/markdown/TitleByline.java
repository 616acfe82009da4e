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
 */
final class TitleByline {
    /** " by " and at most three words up to the end of the title. */
    private static final Pattern BY_AT_END = Pattern.compile("\\s[bB]y\\s+(\\S+(?:\\s+\\S+){0,2})\\s*$");
    private static final Pattern NON_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern PLAIN_WORD = Pattern.compile("\\p{Lu}\\p{Ll}+");
    /** A title opening with a person's full name in the possessive: "Yann LeCun’s Deep Learning Course". */
    private static final Pattern POSSESSIVE_NAME = Pattern.compile("^(\\p{Lu}[\\p{L}\\p{M}-]+(?:\\s+\\p{Lu}[\\p{L}\\p{M}-]+){1,2})['’]s\\s+\\S");
    /** Words for what someone does, which a possessive title names as its readers ("Competitive Programmer's Handbook"). */
    private static final java.util.Set<String> ROLES = java.util.Set.of("programmer", "developer", "hacker", "engineer", "designer",
            "beginner", "user", "founder", "manager", "leader", "writer", "reader", "architect", "scientist", "student", "teacher",
            "maintainer", "administrator", "admin", "operator", "gopher", "pythonista", "rustacean", "coder", "player", "learner",
            "builder", "maker", "investor", "hitchhiker", "traveler", "traveller", "guide", "world", "people", "nation", "company");

    private TitleByline() {
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
        for (String w : name.split("\\s+")) {
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
        String[] words = a.name().split("\\s+");
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
        return url.toLowerCase(Locale.ROOT).replaceFirst("^[a-z][a-z0-9+.-]*://", "").replaceFirst("[/?#].*$", "");
    }

    /**
     * Whether the URL's path spells the name as part of the title's slug ("…-overcollection-labor-department"):
     * then the words are the title's. A person's name is not in the slug of their work, and an owner's
     * handle is one word ("github.com/yunjey/pytorch-tutorial").
     */
    private static boolean spelledInPath(String[] words, String before, String url) {
        String path = url.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/]*", "").toLowerCase(Locale.ROOT);
        String slug = "-" + NON_ALNUM.matcher(path).replaceAll("-") + "-";
        String name = NON_ALNUM.matcher(String.join("-", words).toLowerCase(Locale.ROOT)).replaceAll("-");
        if (words.length > 1) return slug.contains("-" + name + "-");
        String[] titleWords = NON_ALNUM.matcher(before.toLowerCase(Locale.ROOT)).replaceAll(" ").strip().split(" ");
        String last = titleWords[titleWords.length - 1];
        return slug.contains("-by-" + name + "-") || !last.isEmpty() && slug.contains("-" + last + "-" + name + "-");
    }
}
