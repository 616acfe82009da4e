package org.listgraph.markdown;

import org.listgraph.entry.Account;
import org.listgraph.entry.Author;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the author part of an entry, the tokens after a {@code by}: linked handles and names
 * ({@code [tgraf](https://github.com/tgraf)}), plain names ({@code Tim Hockin of Google}),
 * joined by {@code and}, {@code &} or commas, with extra accounts in parentheses
 * ({@code [Lee Calcote](…)([github](…))}).
 */
final class AuthorParser {
    /** A capitalised word; a dot inside ("C.J.", "Fast.ai") or after an initial ("J.", "Jr.") is its own, after a longer word it ends a sentence. */
    private static final String NAME_WORD = "(?:\\p{Lu}(?:[\\p{L}\\p{M}'’-]|\\.(?=\\p{L}))*+(?:(?<![\\p{L}\\p{M}]{3})\\.)?|(?:van|von|de|der|den|da|di|del|la|le|du|lab|labs|group|team)\\b)";
    private static final Pattern NAME = Pattern.compile("^(?:the\\s+)?(" + NAME_WORD + "(?:[ \\t]+" + NAME_WORD + "){0,4})");
    private static final Pattern SEPARATOR = Pattern.compile("^(?:,|&|\\band\\b|\\bwith\\b(?=\\s+\\p{Lu}))\\s*");
    private static final Pattern AFFILIATION = Pattern.compile("^of\\s+(?:the\\s+)?(" + NAME_WORD + "(?:[ \\t]+" + NAME_WORD + "){0,3})");
    private static final Pattern NOTE = Pattern.compile("^\\([^()\\[\\]]*\\)");
    /** A title before a name, not part of it: "by Prof. Ali Ghodsi". */
    private static final Pattern HONORIFIC = Pattern.compile("^(?:Prof\\.?|Professor|Dr\\.?|Mr\\.?|Mrs\\.?|Ms\\.?|Sir)\\s+(?=\\p{Lu})");
    /** Where a named person works or studies: "by Hugo Larochelle from Université de Sherbrooke", "at University of Waterloo". */
    private static final Pattern AT_PLACE = Pattern.compile("^(?:at|from)\\s+(?:the\\s+)?(" + NAME_WORD + "(?:[ \\t]+(?:of[ \\t]+)?" + NAME_WORD + "){0,4})");
    /** The platform a course or talk is on: "by Andrew Ng in Coursera", "on YouTube". */
    private static final Pattern ON_PLATFORM = Pattern.compile("^(?:in|on)\\s+(\\p{Lu}[\\p{L}\\p{N}.]*(?:[ \\t]+\\p{Lu}[\\p{L}\\p{N}.]*){0,2})(?=\\s*(?:$|[(\\[.,;]))");
    /** A bracketed tag after a byline: a duration ({@code [32:55]}), a format ({@code [Article]}, {@code [PDF]}). */
    private static final Pattern BRACKET_NOTE = Pattern.compile("^\\[[^\\[\\]]{1,40}\\]");
    private static final Pattern DURATION = Pattern.compile("^\\d{1,3}:\\d{2}(?::\\d{2})?\\b");
    private static final Pattern ET_AL = Pattern.compile("^(?:et\\.?\\s*al\\.?|(?:and|&)\\s+(?:(?:several|many|a few|various|numerous)\\s+)?others\\b|and\\s+more\\b)");
    /** Words that head an institution's name when "of" follows ("University of Helsinki", "Office of …"). */
    private static final Set<String> INSTITUTIONS = Set.of("university", "office", "department", "institute", "school", "college",
            "ministry", "bureau", "center", "centre", "academy", "library", "museum", "society", "association", "board", "council");
    private static final Pattern WORD_END = Pattern.compile("(?<![.’'])[.’']++$|['’]s$");
    private static final Pattern BRACKETS = Pattern.compile("[()\\[\\]]");
    private static final Pattern PUNCTUATION = Pattern.compile("[\\s,;.()]*");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern BLANKS = Pattern.compile("[ \\t]+");
    private static final Pattern OUTER_BRACKETS = Pattern.compile("^\\[|\\]$");
    private static final Pattern ENDS_WITH_INITIAL = Pattern.compile("\\b\\p{Lu}\\.$");
    /** What may follow the names of a strict (dash) byline: at most a period or a semicolon. */
    private static final Pattern ONLY_STOP = Pattern.compile("^[.;]?\\s*$");
    /** What may follow plain names: punctuation, a spaced dash, or "with" and lower case. */
    private static final Pattern AFTER_PLAIN_NAMES = Pattern.compile("(?s)^(?:[.;:!|]|[-–—]\\s|with\\s+\\p{Ll}).*");
    /** "on" or "about" and lower case after full names: what the work is about. */
    private static final Pattern ABOUT_TOPIC = Pattern.compile("(?s)^(?:on|about)\\s+\\p{Ll}.*");
    /** What may follow a name in a byline: the end, punctuation, a joining word, a place, a platform, a topic or a spaced dash. */
    private static final Pattern NAME_BOUNDARY = Pattern.compile(
            "(?s)^\\s*(?:$|[,&.;:()@\\[|]|and\\b|of\\b|et\\b|(?:at|from|in|on|with)\\s+\\p{Lu}|with\\s|(?:on|about)\\s+\\p{Ll}|[-–—]\\s).*");
    /** The last word of an organisation's name after "&" or "and" ("… & Development"). */
    private static final Pattern ORG_TAIL = Pattern.compile("^(Development|Engineering|Design|Research|Technology|Technologies|Operations|"
            + "Marketing|Media|Sciences|Science|Innovation|Analytics|Consulting|Services|Solutions|Education|Training)\\b(?!\\s+\\p{Lu})");
    /** A name that is an institution's or a publisher's. */
    private static final Pattern INSTITUTION_NAME = Pattern.compile("(?i)\\b(university|universität|université|institute|college|"
            + "school|press|publishing|publications|publishers|media|inc\\.?|ltd\\.?|gmbh|llc|hall|academy|foundation|laboratory|labs?)\\b");
    /** A lab, group or team: part of an institution, named before it. */
    private static final Pattern UNIT = Pattern.compile("(?i)\\b(lab|labs|laboratory|group|team)$");
    /** One capitalised word with no capital inside, digit or dot: a surname or a company, never a person alone. */
    private static final Pattern LONE_PLAIN_WORD = Pattern.compile("\\p{Lu}\\p{Ll}+");
    /** A publisher after the authors of a book: "@ Cambridge University Press". */
    private static final Pattern PUBLISHER = Pattern.compile("^@\\s*[^;()\\[\\]]+");
    /**
     * Capitalised words that are never part of a person's or organisation's name as a byline gives it:
     * licences, languages and platforms (tags, not people) and words of phrases such as "by Example".
     */
    private static final Set<String> TAG_WORDS = Set.of(
            "mit", "gpl", "lgpl", "agpl", "bsd", "apache", "mpl", "isc", "cc0", "unlicense", "wtfpl", "proprietary", "license", "licence",
            "python", "java", "javascript", "typescript", "go", "golang", "rust", "ruby", "php", "perl", "haskell", "erlang", "elixir",
            "scala", "kotlin", "swift", "clojure", "c++", "c#", "node", "node.js", "nodejs", "deno", "lua", "dart", "julia",
            "docker", "kubernetes", "linux", "windows", "macos", "android", "ios", "k8s", "helm", "ansible", "jvm", ".net", "wasm",
            "sequence", "map", "heroku", "aws", "azure", "gcp", "django", "rails", "react", "vue", "angular", "spring");
    /** Words that are never part of a byline's name ("by Example", "- Open Source Tool"). */
    private static final Set<String> NOT_NAME_WORDS = Set.of(
            "example", "examples", "default", "design", "hand", "step", "reference", "name", "value", "convention", "nature",
            "definition", "contract", "email", "comparison", "popularity", "type", "category", "country", "region",
            "open", "source", "free", "web", "framework", "library", "tool", "tools", "api", "apis", "guide", "official", "documentation",
            "docs", "tutorial", "introduction", "book", "books", "course", "video", "videos", "podcast", "blog", "article", "paper",
            "edition", "chapter", "part", "volume", "vol", "pdf", "html", "epub", "online", "draft", "new", "the", "a", "an", "and",
            "for", "with", "in", "on", "to", "using", "how", "what", "why", "your", "our", "my", "all", "more", "most", "best",
            "deprecated", "archived", "unmaintained", "abandoned", "beta", "alpha", "experimental", "wip", "paid", "commercial",
            "popular", "recommended", "optional", "required", "kindle", "mobi", "audio", "slides", "interactive",
            "english", "spanish", "german", "french", "chinese", "japanese", "russian", "portuguese", "youtube", "coursera", "udemy",
            "edx", "udacity", "github", "gitlab", "medium", "twitter", "reddit", "note", "notes", "see", "also", "todo", "tbd",
            "unknown", "anonymous", "various", "misc", "other", "others", "etc", "yes", "no", "none", "team", "contributors", "staff",
            "students", "linter", "modern", "simple", "fast", "minimal", "lightweight", "tiny", "small", "easy", "yet", "another",
            "engineer", "engineers", "blogs", "progress", "unfinished", "blogger", "author", "authors", "writer", "speaker",
            "maintainer", "maintainers", "founder", "ceo", "cto");
    private static final Set<String> SERVICE_WORDS = Set.of("github", "twitter", "linkedin", "blog", "website",
            "medium", "gitlab", "mastodon", "site", "web", "here", "profile", "home", "homepage");

    /** The authors found, how many tokens they used, and the text left after them (or null if nothing was left). */
    record Result(List<Author> authors, int endToken, String remainder, String notes, boolean tentative) {
    }

    private AuthorParser() {
    }

    /**
     * Parses authors from {@code first} (the text after the word "by") and the tokens from {@code from} on.
     * Returns empty when what follows "by" does not read as authors.
     */
    static Optional<Result> parse(String first, List<Token> tokens, int from) {
        return parse(first, tokens, from, false);
    }

    /**
     * As above; {@code strict} for an attribution without "by" ({@code [Title](url) - Jane Doe (PDF)}): then every
     * author must be a link or a name of at least two name words, and nothing but notes may follow them.
     */
    static Optional<Result> parse(String first, List<Token> tokens, int from, boolean strict) {
        List<Author> authors = new ArrayList<>();
        StringBuilder notes = new StringBuilder();
        boolean expectName = true;
        boolean linked = false;
        String pending = first;
        int i = from;
        while (true) {
            if (pending != null) {
                String s = pending.stripLeading();
                while (!s.isEmpty()) {
                    Matcher m;
                    if (s.startsWith("(") && i < tokens.size() && tokens.get(i) instanceof Token.Link next
                            && s.substring(1).isBlank() && isServiceWord(next.text())) {
                        s = "";
                    } else if (s.startsWith(")")) {
                        s = s.substring(1).stripLeading();
                    } else if (!authors.isEmpty() && (m = ET_AL.matcher(s)).find()) {
                        expectName = false;
                        s = s.substring(m.end()).stripLeading(); // "Jane Doe et al.", "… and several others": the others are not named
                    } else if ((m = SEPARATOR.matcher(s)).find()) {
                        if (authors.isEmpty()) return Optional.empty();
                        Matcher tail;
                        Author last = authors.get(authors.size() - 1);
                        if (!m.group().startsWith(",") && last.accounts().isEmpty() && last.name() != null && last.name().contains(" ")
                                && (tail = ORG_TAIL.matcher(s.substring(m.end()))).find()) {
                            // "Spotify Training & Development", "Computer Science and Engineering": one organisation.
                            authors.set(authors.size() - 1, Author.named(last.name() + " " + m.group().strip() + " " + tail.group(1)));
                            s = s.substring(m.end() + tail.end()).stripLeading();
                            continue;
                        }
                        expectName = true;
                        s = s.substring(m.end());
                    } else if (!expectName && (m = AFFILIATION.matcher(s)).find()) {
                        Author last = authors.remove(authors.size() - 1);
                        boolean institution = last.name() != null && last.accounts().isEmpty()
                                && INSTITUTIONS.contains(last.name().toLowerCase(Locale.ROOT));
                        // "University of Helsinki" is one name; "Tim Hockin of Google" a person and their employer.
                        authors.add(institution ? Author.named(last.name() + " of " + m.group(1).strip()) : last.withAffiliation(m.group(1).strip()));
                        s = s.substring(m.end()).stripLeading();
                    } else if (!expectName && (m = AT_PLACE.matcher(s)).find() && !authors.isEmpty()
                            && authors.get(authors.size() - 1).name() != null && authors.get(authors.size() - 1).name().contains(" ")) {
                        Author last = authors.remove(authors.size() - 1);
                        authors.add(last.withAffiliation(m.group(1).strip()));
                        s = s.substring(m.end()).stripLeading();
                    } else if (!expectName && (m = ON_PLATFORM.matcher(s)).find()) {
                        notes.append(notes.length() > 0 ? " " : "").append(m.group().strip()); // "in Coursera"
                        s = s.substring(m.end()).stripLeading();
                    } else if (expectName && (m = HONORIFIC.matcher(s)).find()) {
                        s = s.substring(m.end());
                    } else if (!expectName && (m = NOTE.matcher(s)).find()) {
                        notes.append(notes.length() > 0 ? " " : "").append(m.group().substring(1, m.group().length() - 1).strip());
                        s = s.substring(m.end()).stripLeading();
                    } else if (!expectName && ((m = BRACKET_NOTE.matcher(s)).find() || (m = DURATION.matcher(s)).find())) {
                        String note = OUTER_BRACKETS.matcher(m.group()).replaceAll("").strip();
                        notes.append(notes.length() > 0 ? " " : "").append(note);
                        s = s.substring(m.end()).stripLeading();
                    } else if (!expectName && (m = PUBLISHER.matcher(s)).find()) {
                        notes.append(notes.length() > 0 ? " " : "").append(m.group().strip()); // "@ Cambridge University Press"
                        s = s.substring(m.end()).stripLeading();
                    } else if (expectName && (m = NAME.matcher(s)).find() && endsAtBoundary(s, m.end())
                            && isName(clip(m.group(1).strip()), strict)) {
                        String name = clip(m.group(1).strip());
                        // Without "by", a name closing a sentence ("- Modern Make.") is a description, not an author.
                        if (strict && (!name.equals(m.group(1).strip()) || s.startsWith(".", m.end()))) return Optional.empty();
                        authors.add(Author.named(name));
                        expectName = false;
                        s = s.substring(m.end()).stripLeading();
                    } else {
                        return finish(authors, i, s, linked, tokens, notes.toString(), strict);
                    }
                }
                pending = null;
            }
            if (i >= tokens.size()) return finish(authors, i, null, linked, tokens, notes.toString(), strict);
            Token t = tokens.get(i);
            if (t instanceof Token.Text text) {
                pending = text.text();
                i++;
            } else if (t instanceof Token.Link link) {
                if (isServiceWord(link.text()) && !authors.isEmpty()) {
                    Author last = authors.remove(authors.size() - 1);
                    Optional<Account> account = ProfileLinks.account(link.url());
                    authors.add(account.map(last::withAccount)
                            .orElseGet(() -> last.withHomepage(EntryReader.isWebUrl(link.url()) ? link.url() : null)));
                    i++;
                } else if (expectName && !EntryReader.isRoleWord(link.text()) && (!strict || ProfileLinks.account(link.url()).isPresent())) {
                    authors.add(fromLink(link));
                    linked = true;
                    expectName = false;
                    i++;
                } else {
                    return finish(authors, i, "", linked, tokens, notes.toString(), strict);
                }
            } else {
                i++; // a line break inside the author list
            }
        }
    }

    private static Optional<Result> finish(List<Author> authors, int endToken, String rest, boolean linked, List<Token> tokens,
                                           String notes, boolean strict) {
        if (authors.isEmpty()) return Optional.empty();
        String remainder = rest == null || rest.isBlank() ? null : rest;
        boolean moreTokens = endToken < tokens.size();
        if (strict && (remainder != null && !ONLY_STOP.matcher(remainder).matches() || !onlyLabels(tokens, endToken))) return Optional.empty();
        // A lone word after a dash ("- LinuxCon", "- WilliamFiset") is a name only where the list commonly names authors so.
        boolean tentative = strict && !linked && authors.size() == 1 && !authors.get(0).name().contains(" ") && notes.isEmpty();
        if (remainder == null && moreTokens) remainder = "";
        // Plain names followed by more prose are most likely prose ("published by Google in 2019").
        // A dash after the names starts what the entry says of them ("by Jeremy Howard - Fast.ai").
        // "by Maria Letta with illustrations …": "with" and lower-case words go on about the work.
        // "Tutorial by Peter Norvig on writing …": after full names, "on" or "about" and lower case say what the work is about.
        boolean fullNames = authors.stream().allMatch(a -> a.name() != null && a.name().contains(" "));
        if (!linked && remainder != null && !remainder.isEmpty() && !AFTER_PLAIN_NAMES.matcher(remainder).matches()
                && !(fullNames && ABOUT_TOPIC.matcher(remainder).matches())) {
            return Optional.empty();
        }
        return Optional.of(new Result(affiliated(authors), endToken, remainder, notes.isEmpty() ? null : notes, tentative));
    }

    /**
     * "Jeannette Wing, Carnegie-Mellon University", "Allen Holub, Prentice Hall": an institution or publisher
     * named after a person is where that person works or publishes, not one more author; a list that starts
     * with an institution ("University of Helsinki, Reaktor") names institutions as the authors.
     */
    private static List<Author> affiliated(List<Author> authors) {
        List<Author> out = new ArrayList<>();
        for (int i = 0; i < authors.size(); i++) {
            Author a = authors.get(i);
            Author last = out.isEmpty() ? null : out.get(out.size() - 1);
            // A lone plain word closing a list of full names ("F.R.A. Hopgood, Macdonald") is a publisher or an
            // employer, not a person: people are written with a given name, channels in CamelCase ("EatTheBlocks").
            boolean lonePlainWord = i == authors.size() - 1 && a.name() != null && LONE_PLAIN_WORD.matcher(a.name()).matches();
            boolean institution = a.accounts().isEmpty() && a.name() != null
                    && (INSTITUTION_NAME.matcher(a.name()).find() || lonePlainWord);
            boolean person = last != null && last.accounts().isEmpty() && last.name() != null && last.name().contains(" ")
                    && !INSTITUTION_NAME.matcher(last.name()).find();
            // "LISA lab, University of Montreal": a lab or group named before its institution belongs to it.
            boolean unit = last != null && last.accounts().isEmpty() && last.name() != null && UNIT.matcher(last.name()).find()
                    && a.accounts().isEmpty() && a.name() != null && INSTITUTION_NAME.matcher(a.name()).find() && !UNIT.matcher(a.name()).find();
            if (institution && person || unit) out.set(out.size() - 1, last.withAffiliation(a.name()));
            else out.add(a);
        }
        return List.copyOf(out);
    }

    /**
     * Whether a short phrase after a dash can be a channel's or an organisation's name ("take U forward",
     * "mycodeschool", "Google Developers Training"): one word, or words of which one is capitalised, none a
     * common word of descriptions ("work in progress", "Free Online Edition", "Open Source").
     */
    static boolean isChannelName(String phrase) {
        String[] words = SPACES.split(phrase);
        boolean capital = words.length == 1;
        for (String w : words) {
            String lower = WORD_END.matcher(w.toLowerCase(Locale.ROOT)).replaceAll("");
            if (NOT_NAME_WORDS.contains(lower) || TAG_WORDS.contains(lower) && words.length == 1) return false;
            capital |= Character.isUpperCase(w.codePointAt(0));
        }
        return capital;
    }

    /** Whether the tokens from {@code from} on are only links that label a format ("[(PDF)](…)") and punctuation. */
    private static boolean onlyLabels(List<Token> tokens, int from) {
        for (int i = from; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t instanceof Token.Link l && EntryReader.isLabelText(BRACKETS.matcher(l.text()).replaceAll(""))) continue;
            if (t instanceof Token.Text x && PUNCTUATION.matcher(x.text()).matches()) continue;
            if (t instanceof Token.Break) continue;
            return false;
        }
        return true;
    }

    /** "Hockin." loses its period, "J." keeps it. */
    private static String clip(String name) {
        return name.endsWith(".") && !ENDS_WITH_INITIAL.matcher(name).find() ? name.substring(0, name.length() - 1) : name;
    }

    /**
     * Whether a run of capitalised words can be a name: none of its words is a tag or a common word
     * ("MIT", "Python", "Example"); without "by" ({@code strict}) it also needs two words or more.
     */
    static boolean isName(String name, boolean strict) {
        String[] words = BLANKS.split(name);
        int tags = 0;
        for (String w : words) {
            String lower = WORD_END.matcher(w.toLowerCase(Locale.ROOT)).replaceAll("");
            if (NOT_NAME_WORDS.contains(lower)) return false;
            if (TAG_WORDS.contains(lower)) tags++;
        }
        // "Julia Evans" and "Kubernetes SIG Network" are names; "Python", "MIT Docker" and "Kotlin's Sequence and Map" are tags.
        return tags < words.length;
    }

    /** Whether any word of {@code name} is a licence, language or platform tag ("Kubernetes Operator"). */
    static boolean hasTag(String name) {
        for (String w : BLANKS.split(name)) if (TAG_WORDS.contains(WORD_END.matcher(w.toLowerCase(Locale.ROOT)).replaceAll(""))) return true;
        return false;
    }

    private static boolean endsAtBoundary(String s, int end) {
        if (end >= s.length()) return true;
        String rest = s.substring(end);
        return NAME_BOUNDARY.matcher(rest).matches();
    }

    static boolean isServiceWord(String text) {
        return SERVICE_WORDS.contains(text.strip().toLowerCase(Locale.ROOT));
    }

    /** An author from a link: its text is the name (unless it is just the handle), its URL a profile or homepage. */
    static Author fromLink(Token.Link link) {
        Optional<Account> account = ProfileLinks.account(link.url());
        String text = link.text().strip();
        if (account.isPresent()) {
            String name = text.equalsIgnoreCase(account.get().name()) || text.isEmpty() || isServiceWord(text) ? null : text;
            return new Author(name, List.of(account.get()), null, List.of());
        }
        String homepage = EntryReader.isWebUrl(link.url()) ? link.url() : null;
        return new Author(text.isEmpty() ? link.url() : text, List.of(), homepage, List.of());
    }
}
