package org.listgraph.markdown;

import org.listgraph.entry.Author;
import org.listgraph.entry.Link;
import org.listgraph.entry.LinkRole;
import org.listgraph.entry.Problems;
import org.listgraph.entry.SourcePosition;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what one list line says: the title, the resource's links and their roles, a description
 * and the authors after {@code by}. A paragraph whose continuation line starts with a link (a
 * link with no bullet) yields more than one draft.
 */
final class EntryReader {
    private static final Pattern DATE_PREFIX = Pattern.compile("^\\s*(\\d{4}-\\d{2}-\\d{2})\\s*:\\s*");
    private static final Pattern BY = Pattern.compile("(?<![\\p{L}\\p{N}])[bB]y(?:\\s+|$)");
    private static final Pattern BY_AT_END = Pattern.compile("(?<![\\p{L}\\p{N}])by\\s+$");
    private static final Pattern POSSESSIVE = Pattern.compile("^\\s*['’]s?\\s*$");
    private static final Pattern BROKEN_LINK_START = Pattern.compile("\\[([^\\[\\]]+)\\]\\(\\s*(?:-\\s*)?$");
    /** A label of a host name: none starts or ends with '-' (non-ASCII letters are allowed). */
    private static final Pattern HOST_LABEL = Pattern.compile("[\\p{L}\\p{N}_~!$&'()*+,;=%]++(?:-++[\\p{L}\\p{N}_~!$&'()*+,;=%]++)*+");
    private static final Pattern IPV6 = Pattern.compile("\\[[0-9A-Fa-f.]*:[0-9A-Fa-f:.]*]");
    private static final Pattern STRAY_DASH_URL = Pattern.compile("(?s)^[\\s\\-–—]+(https?://\\S+)\\s*$");
    private static final Pattern LEADING_PUNCT = Pattern.compile("(?U)^[\\s:,;&\\-–—)\\]]+");
    private static final Pattern TRAILING_PUNCT = Pattern.compile("(?U)(?<![\\s:,;\\-–—])[\\s:,;\\-–—]++$");
    private static final Pattern PUNCT_ONLY = Pattern.compile("[\\p{P}\\s]*");
    private static final Pattern A_LETTER = Pattern.compile("\\p{L}");
    private static final Pattern TWO_LETTERS = Pattern.compile("\\p{L}{2}");
    private static final Pattern ENDS_WITH_SEPARATOR = Pattern.compile("[:,–—-]$");
    /** Text before a link that is only a tag in brackets: "[PDF] [Title](…)", "(Video) [Title](…)". */
    private static final Pattern BRACKETED = Pattern.compile("^[\\[(][^\\[\\]()]*[\\])]$");
    private static final Pattern NUMBERED_LABEL = Pattern.compile("#?\\d{1,3}|part\\s*\\d{1,3}|[a-z]");
    private static final Pattern TAG_SEPARATOR = Pattern.compile("[\\s,;/|·]*");
    /** What follows the link of an entry line: nothing, a separator, a bracket, a tag or a byline. */
    private static final Pattern ENTRY_CONTINUATION = Pattern.compile("^\\s*(?:$|[-–—:,;(\\[`|]|by\\b|\\.\\s*$)");
    /** Link text that is a citation: "DeCandia et al (2007)", "Fischer, Lynch, Paterson (1985)". */
    private static final Pattern CITATION = Pattern.compile("^(\\p{Lu}[\\p{L}\\p{M}'’.,&\\- ]{0,200}?)(?:\\s+et\\.?\\s*al\\.?)?,?\\s*\\((?:\\d{4}|n\\.d\\.)\\)$");
    private static final Pattern NAME_SEPARATOR = Pattern.compile("(?:(?<!\\s)|\\G)\\s*+(?:,|&|\\band\\b)\\s*+");
    /** The names of a citation: each starts with a capital letter. */
    private static final Pattern CITED_NAME = Pattern.compile("\\p{Lu}[\\p{L}\\p{M}'’.\\- ]*");
    /** Link text as written that is "Speaker: **Title**". */
    /** "Speaker: **Title** rest"; the speaker part is taken possessively up to the colon (strip it), so a line of spaces fails at once. */
    private static final Pattern SPEAKER_AND_TITLE = Pattern.compile("^\\s*+([^*_\\[\\]:]++):\\s*+(\\*\\*|__)(.+?)\\2\\s*(.*)$");
    /** A short phrase after a dash, with optional notes in brackets after it: a channel's or an organisation's name. */
    private static final Pattern DASH_PHRASE = Pattern.compile("^([\\p{L}\\p{N}][^.,;:!?()\\[\\]*_`]{1,59}?)\\s*(?:[(\\[][^()\\[\\]]*[)\\]]\\s*)*$");
    /** A dash after the title that may introduce the authors ("[Title](url) - Jane Doe"). */
    private static final Pattern DASH_ATTRIBUTION = Pattern.compile("^\\s*[-–—]\\s+");
    /** Lower-case words right after a link that finish its title ("Kubernetes [Ingress](…) controllers: …"). */
    private static final Pattern TITLE_CONTINUATION = Pattern.compile("^((?:\\s+\\p{Ll}[\\p{L}\\p{N}'’-]*){1,4})(?=\\s*(?:$|[:;,.(]|\\s[-–—]\\s))");
    /** Brackets left empty once the label links inside them are gone: "(, )", "[]". */
    private static final Pattern EMPTY_BRACKETS = Pattern.compile("[(\\[][\\s,;/|&]*(?:and\\s*)?[)\\]]");
    /** A tag: a short code span ("MIT", "Nodejs/Docker") at the end of an entry. */
    private static final Pattern TAG = Pattern.compile("[^\\s`]{1,32}(?:\\s[^\\s`]{1,32}){0,2}");
    /** A list item's bullet or number, with the spaces after it, at the start of a line. */
    private static final Pattern LIST_MARKER = Pattern.compile("^\\s*(?:[-*+]|\\d{1,9}[.)])\\s+");
    private static final Pattern TRAILING_DOTS = Pattern.compile("(?<![.\\s])[.\\s]++$");
    private static final Pattern BRACKETS = Pattern.compile("[\\[\\]()]");
    private static final Pattern HAS_SQUARE_BRACKET = Pattern.compile("[\\[\\]]");
    private static final Pattern OPENS_WITH_STOP = Pattern.compile("(?s)^[.,;:!].*");
    private static final Pattern SURROUNDING_QUOTES = Pattern.compile("^[\"“”']+|[\"“”']+$");
    private static final Pattern HOST_WORD_SEPARATORS = Pattern.compile("[\\s:.-]+");
    private static final Pattern SCHEME = Pattern.compile("^[a-z]+://");
    private static final Pattern AFTER_HOST = Pattern.compile("[/?#:].*$");
    private static final Pattern EMPHASIS_MARKS = Pattern.compile("(\\*\\*|__|\\*|`)");
    private static final Pattern ESCAPED_PUNCT = Pattern.compile("\\\\(\\p{Punct})");
    private static final Pattern SCHEME_AND_WWW = Pattern.compile("^(?i)https?://(www\\.)?");
    private static final Pattern QUERY_AND_FRAGMENT = Pattern.compile("[?#].*$");
    private static final Pattern TRAILING_SLASHES = Pattern.compile("(?<!/)/++$");
    private static final Pattern GIT_REPO = Pattern.compile("^(?:github\\.com|gitlab\\.com)/([^/]+/[^/]+)");
    /** A URL with a scheme ("mailto:", "ftp:"), not a relative path. */
    private static final Pattern HAS_SCHEME = Pattern.compile("^[a-z][a-z0-9+.-]*:.*");
    /**
     * Link texts that only say what a link points at ("[Source Code](…)", "[Demo](…)", "[PDF](…)"): such a link
     * is kept (and is evidence of the kind), but its text is no part of the description.
     */
    private static final java.util.Set<String> LABEL_WORDS = java.util.Set.of("demo", "live demo", "source", "source code", "code",
            "repo", "repository", "github", "gitlab", "website", "homepage", "home page", "site", "web", "docs", "documentation",
            "paper", "pdf", "article", "blog", "blog post", "post", "book", "download", "downloads", "install", "clients", "client",
            "app", "apps", "play store", "app store", "google play", "f-droid", "npm", "pypi", "package", "changelog", "examples",
            "example", "tutorial", "discussion", "hn", "hacker news", "reddit", "lobsters", "archive", "archived", "mirror",
            "transcript", "audio", "mp3", "notes", "html", "epub", "mobi", "online", "read online", "here", "link", "this", "more",
            "info", "details", "announcement", "release", "releases", "wiki", "playground", "try it", "screenshots", "screenshot",
            "video", "videos", "youtube", "vimeo", "playlist", "slides", "recording", "podcast", "episode", "rss", "feed", "itunes", "spotify", "soundcloud");
    private static final Map<String, LinkRole> ROLE_WORDS = Map.of(
            "recording", LinkRole.RECORDING, "video", LinkRole.RECORDING, "youtube", LinkRole.RECORDING,
            "slides", LinkRole.SLIDES, "slide deck", LinkRole.SLIDES, "deck", LinkRole.SLIDES);

    /** A playlist or channel: many videos, so no one talk's recording. */
    private static final Pattern MANY_VIDEOS = Pattern.compile(
            "(?i)^https?://(www\\.|m\\.)?(youtube\\.com/(playlist\\?|channel/|c/|user/|@)|vimeo\\.com/(showcase|channels|album)/)");

    private final String file;
    private final LineIndex lines;
    private final Problems problems;

    EntryReader(String file, LineIndex lines, Problems problems) {
        this.file = file;
        this.lines = lines;
        this.problems = problems;
    }

    static boolean isRoleWord(String text) {
        return ROLE_WORDS.containsKey(text.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * The drafts of one paragraph; empty when it names no web resource (text, anchors, images).
     * {@code nested}: the paragraph heads nested items, so it may be a label or a person line.
     */
    List<EntryDraft> read(List<Token> tokens, boolean bulleted, boolean nested) {
        tokens = repairBrokenLinks(tokens);
        List<EntryDraft> drafts = new ArrayList<>();
        List<List<Token>> parts = splitUnbulletedLines(tokens);
        for (int p = 0; p < parts.size(); p++) {
            boolean bullet = bulleted && p == 0;
            if (!bullet && !readsAsEntry(parts.get(p))) {
                // Prose ("A list of [Kubernetes](…) links by [me](…)", "[Analytics](…) is the systematic …") names no
                // entry: a paragraph of it is kept as its section's description.
                continue;
            }
            readPart(parts.get(p), nested && p == 0).forEach(d -> {
                if (!bullet) {
                    problems.warn(lines.line(d.offset()), lines.column(d.offset()),
                            "link without a list bullet, read as its own entry (start the line with '- ')");
                }
                drafts.add(d);
            });
        }
        return drafts;
    }

    /**
     * Whether a line without a bullet still reads as a list entry that lost it: it starts with a link, and what
     * follows the link is nothing, a separator ({@code - }, {@code : }, a bracket) or a byline, not running text.
     */
    private static boolean readsAsEntry(List<Token> part) {
        if (!(part.get(0) instanceof Token.Link)) return false;
        if (part.size() == 1) return true;
        Token next = part.get(1);
        if (!(next instanceof Token.Text t)) return true;
        return ENTRY_CONTINUATION.matcher(t.text()).find();
    }

    private List<EntryDraft> readPart(List<Token> tokens, boolean nested) {
        if (tokens.isEmpty()) return List.of();
        List<String> tags = new ArrayList<>();
        tokens = codeAsText(withoutTrailingTags(tokens, tags));
        if (tokens.isEmpty()) return List.of();
        String date = null;
        if (tokens.get(0) instanceof Token.Text t) {
            Matcher m = DATE_PREFIX.matcher(t.text());
            if (m.find() && isDate(m.group(1))) {
                date = m.group(1);
                tokens.set(0, new Token.Text(t.text().substring(m.end()), t.offset()));
            } else if (m.find(0)) {
                problems.warn(lines.line(t.offset()), lines.column(t.offset()),
                        "date prefix '" + m.group(1) + "' is not a real date (YYYY-MM-DD), not read as the entry's date");
            }
        }
        int first = -1;
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i) instanceof Token.Link l && usable(l)) {
                first = i;
                break;
            }
        }
        if (first < 0) return nested ? label(tokens, tokens.size(), date).map(List::of).orElse(List.of()) : List.of();
        Token.Link main = (Token.Link) tokens.get(first);
        String prefix = clean(plain(tokens.subList(0, first)));
        LinkRole firstRole = role(main);
        if (nested && firstRole == null && BY_AT_END.matcher(prefix + " ").find()) {
            // '"Fun with veth-devices…" by [Ralph](…)': the links are the authors of a title with no link.
            return label(tokens, first, date).map(List::of).orElse(List.of());
        }
        if (nested && firstRole == null && prefix.isEmpty()) {
            List<EntryDraft> person = PersonLine.read(tokens, first, this);
            if (!person.isEmpty()) return person;
        }
        List<Author> possessor = new ArrayList<>();
        if (firstRole == null && prefix.isEmpty() && first + 2 < tokens.size() && tokens.get(first + 1) instanceof Token.Text apostrophe
                && POSSESSIVE.matcher(apostrophe.text()).matches() && tokens.get(first + 2) instanceof Token.Link owned && usable(owned)
                && ProfileLinks.account(main.url()).isPresent()) {
            // "[Solarwinds](https://github.com/solarwinds)' [Tool](…)": the first link is the owner.
            possessor.add(AuthorParser.fromLink(main));
            first += 2;
            main = owned;
        }
        List<Link> links = new ArrayList<>();
        String title;
        String label;
        TitleCleaner.Clean cleaned;
        boolean bareUrl = main.raw().equals(main.url());
        Matcher citation = CITATION.matcher(main.text().length() > 240 ? "" : main.text().strip());
        Matcher speaker = SPEAKER_AND_TITLE.matcher(main.raw());
        Optional<AuthorParser.Result> speakers = firstRole == null && speaker.matches()
                ? AuthorParser.parse(speaker.group(1).strip(), List.of(), 0).filter(EntryReader::speakers) : Optional.empty();
        if (firstRole == null && possessor.isEmpty() && !bareUrl && citation.matches() && citedNames(citation.group(1))
                && TWO_LETTERS.matcher(TitleCleaner.withoutSymbols(prefix)).find()) {
            // "Dynamo: Amazon's Key-value Store. [DeCandia et al (2007)](…)": the link names the authors, the text the work.
            cleaned = TitleCleaner.clean(TRAILING_DOTS.matcher(prefix).replaceFirst(""), main.url());
            for (String name : NAME_SEPARATOR.split(citation.group(1))) {
                if (!name.isBlank()) possessor.add(Author.named(name.strip()));
            }
            label = main.raw();
            links.add(link(main, LinkRole.MAIN));
        } else if (speakers.isPresent()) {
            // "[Rich Harris: **Rethinking reactivity**](…)": the speakers, then the title in bold.
            possessor.addAll(speakers.get().authors());
            cleaned = TitleCleaner.clean(unmarked(speaker.group(3)), main.url());
            label = main.raw();
            links.add(link(main, LinkRole.MAIN));
        } else if (bareUrl && firstRole == null && !prefix.isEmpty()) {
            // "[Title(https://…)", "[Title]](https://…)", "Title https://…": the title is the text before the bare URL.
            String recovered = clean(SPACES.matcher(BRACKETS.matcher(prefix).replaceAll(" ")).replaceAll(" "));
            if (HAS_SQUARE_BRACKET.matcher(prefix).find() && !recovered.isEmpty()) {
                problems.warn(lines.line(main.offset()), lines.column(main.offset()), "unbalanced brackets around '"
                        + recovered + "'; read as the title of " + main.url() + " (write [title](url))");
            }
            cleaned = TitleCleaner.clean(recovered.isEmpty() ? main.url() : recovered, main.url());
            label = null;
            links.add(link(main, LinkRole.MAIN));
        } else if (firstRole != null && !prefix.isEmpty()) {
            cleaned = TitleCleaner.clean(prefix, main.url()); // "Title, [recording](url)": the title has no link of its own
            label = null;
            links.add(link(main, firstRole));
        } else if (firstRole == null && possessor.isEmpty() && A_LETTER.matcher(TitleCleaner.withoutSymbols(prefix)).find()
                && !(namesTheHost(prefix, main.url()) && !continuesTitle(tokens, first))
                && !BRACKETED.matcher(plain(tokens.subList(0, first)).strip()).matches()) {
            String before = plain(tokens.subList(0, first)).strip();
            label = main.raw();
            links.add(link(main, LinkRole.MAIN));
            if (ENDS_WITH_SEPARATOR.matcher(before).find() && isLabelText(main.text())) {
                // "Falsehoods about Gender: [#1](…) & [#2](…)": the text names the work, the link only points at it.
                cleaned = TitleCleaner.clean(prefix, main.url());
            } else if (ENDS_WITH_SEPARATOR.matcher(before).find() || SPACES.split(prefix).length > 4) {
                cleaned = TitleCleaner.clean(main.text(), main.url()); // "Video: [Title](…)": a category, not the title
            } else {
                // "Kubernetes [Ingress](…) controllers: …": the text around the link is part of the title.
                String after = "";
                if (first + 1 < tokens.size() && tokens.get(first + 1) instanceof Token.Text next) {
                    Matcher m = TITLE_CONTINUATION.matcher(next.text());
                    if (m.find()) {
                        after = m.group(1);
                        tokens.set(first + 1, new Token.Text(next.text().substring(m.end(1)), next.offset() + m.end(1)));
                    }
                }
                cleaned = TitleCleaner.clean(prefix + " " + main.text() + after, main.url());
            }
        } else {
            cleaned = TitleCleaner.clean(main.text(), main.url());
            label = main.raw();
            links.add(link(main, LinkRole.MAIN));
        }
        title = clean(cleaned.title()).isEmpty() ? main.url() : cleaned.title();

        // The authors start at the first "by" after the main link that reads as a list of names.
        int authorsFrom = -1;
        int byChar = -1;
        AuthorParser.Result authors = null;
        for (int i = first + 1; i < tokens.size() && authors == null; i++) {
            if (!(tokens.get(i) instanceof Token.Text t)) continue;
            Matcher m = BY.matcher(t.text());
            while (m.find()) {
                if (!Byline.introducesAuthors(t.text(), m.start())) continue;
                Optional<AuthorParser.Result> r = AuthorParser.parse(t.text().substring(m.end()), tokens, i + 1);
                if (r.isPresent() && inProse(tokens, first, i, t.text().substring(0, m.start())) && loneWords(r.get().authors())) {
                    // "Mobile operating system developed by Google": a lone word deep in a description names what the
                    // description talks about as often as who made the work; a name or a profile link is needed there.
                    continue;
                }
                if (r.isPresent()) {
                    authors = r.get();
                    authorsFrom = i;
                    byChar = m.start();
                    break;
                }
            }
        }
        List<Author> tentative = List.of();
        EntryDraft.Attribution attribution = authors != null || !possessor.isEmpty() ? EntryDraft.Attribution.BYLINE : EntryDraft.Attribution.NONE;
        if (authors == null && first + 1 < tokens.size() && tokens.get(first + 1) instanceof Token.Text after) {
            // "[Title](url) - Jane Doe, John Roe (PDF)": names alone after a dash are the authors.
            Matcher dash = DASH_ATTRIBUTION.matcher(after.text());
            if (dash.find()) {
                Optional<AuthorParser.Result> r = AuthorParser.parse(after.text().substring(dash.end()), tokens, first + 2, true);
                if (r.isPresent() && r.get().tentative()) {
                    tentative = r.get().authors();
                } else if (r.isPresent()) {
                    authors = r.get();
                    authorsFrom = first + 1;
                    byChar = 0;
                    attribution = EntryDraft.Attribution.DASH;
                } else if (first + 2 == tokens.size()) {
                    // "- take U forward", "- Google Developers Training (YouTube)": a short name-like phrase is an author
                    // only where the list names its authors after a dash (see ListReader), else the description.
                    Matcher phrase = DASH_PHRASE.matcher(after.text().substring(dash.end()));
                    if (phrase.matches() && SPACES.split(phrase.group(1).strip()).length <= 5 && AuthorParser.isChannelName(phrase.group(1).strip())) {
                        tentative = List.of(Author.named(phrase.group(1).strip()));
                    }
                }
            }
        }
        int descriptionEnd = authors == null ? tokens.size() : authorsFrom;
        StringBuilder description = new StringBuilder();
        for (int i = first + 1; i < descriptionEnd; i++) {
            Token t = tokens.get(i);
            if (t instanceof Token.Text text) description.append(text.text());
            else if (t instanceof Token.Break) description.append(' ');
            else if (t instanceof Token.Link l) {
                LinkRole r = role(l);
                if (!usable(l)) {
                    description.append(l.text());
                } else if (r != null) {
                    links.add(link(l, r));
                } else {
                    links.add(link(l, LinkRole.RELATED));
                    if (!isLabelText(l.text())) description.append(l.text());
                }
            }
        }
        if (authors != null) {
            description.append(((Token.Text) tokens.get(authorsFrom)).text(), 0, byChar);
            if (authors.remainder() != null) {
                // "hosted by Jane Doe. Each week …": punctuation after the names closes the text before them.
                if (!OPENS_WITH_STOP.matcher(authors.remainder()).matches()) description.append(' ');
                description.append(authors.remainder());
                for (int i = authors.endToken(); i < tokens.size(); i++) {
                    Token t = tokens.get(i);
                    if (t instanceof Token.Text text) description.append(text.text());
                    else if (t instanceof Token.Link l) {
                        LinkRole r = usable(l) ? role(l) : null;
                        if (r != null) {
                            links.add(link(l, r));
                        } else {
                            if (!usable(l) || !isLabelText(l.text())) description.append(l.text());
                            if (usable(l)) links.add(link(l, LinkRole.RELATED));
                        }
                    }
                }
            }
        }
        if (authors != null && authors.notes() != null) description.append(" (").append(authors.notes()).append(')');
        String desc = finish(description.toString());
        String other = null;
        if (attribution == EntryDraft.Attribution.DASH) {
            other = finish(plainDescription(tokens, first + 1));
        } else if (!tentative.isEmpty()) {
            String name = tentative.get(0).name();
            other = desc.startsWith(name) ? desc.substring(name.length()).strip() : desc;
        }
        List<Author> authorList = new ArrayList<>(possessor);
        if (authors != null) authorList.addAll(authors.authors());
        // "[Pytorch Tutorial by Yunjey Choi](…)": with no byline after the link, its own text may end with one.
        if (authorList.isEmpty() && tentative.isEmpty()) {
            Optional<TitleByline.Split> split = TitleByline.trailingNames(title);
            if (split.isPresent()) {
                title = split.get().title();
                authorList.addAll(split.get().authors());
            } else {
                authorList.addAll(TitleByline.authors(title, main.url()));
            }
        }
        int lastOffset = tokens.get(tokens.size() - 1).offset();
        if (AuthorParser.isServiceWord(title) || title.equalsIgnoreCase("project page")) title = titleFromUrl(main.url());
        return List.of(new EntryDraft(EntryDraft.Shape.ENTRY, tokens.get(0).offset(), title.strip(), label, links,
                desc, authorList, date, cleaned.featured() || markedAsFeatured(tokens, first), cleaned.site(),
                lines.line(tokens.get(0).offset()), lines.line(lastOffset), tags,
                tentative.isEmpty() ? attribution : EntryDraft.Attribution.TENTATIVE, tentative, other));
    }

    /**
     * A label line: text (up to {@code end}) that heads nested items, with the authors after its
     * "by" ("Blog post series by Mark Betz:", '"Fun with veth…" by [Ralph](…)').
     */
    private Optional<EntryDraft> label(List<Token> tokens, int end, String date) {
        String text = plain(tokens.subList(0, end));
        List<Author> authors = List.of();
        Matcher by = BY.matcher(text);
        String title = text;
        while (by.find()) {
            Optional<AuthorParser.Result> r = AuthorParser.parse(text.substring(by.end()), tokens, end);
            if (r.isPresent()) {
                authors = r.get().authors();
                title = text.substring(0, by.start());
                break;
            }
        }
        Matcher speaker = SPEAKER_AND_TITLE.matcher(LIST_MARKER.matcher(lines.lines(lines.line(tokens.get(0).offset()),
                lines.line(tokens.get(0).offset()))).replaceFirst(""));
        if (authors.isEmpty() && speaker.matches() && speaker.group(4).isBlank()) {
            // "1. Addy Osmani: **Scaling Your JavaScript Applications**" over its parts: the speaker, then the title.
            Optional<AuthorParser.Result> r = AuthorParser.parse(speaker.group(1).strip(), List.of(), 0).filter(EntryReader::speakers);
            if (r.isPresent()) {
                authors = r.get().authors();
                title = unmarked(speaker.group(3));
            }
        }
        title = SURROUNDING_QUOTES.matcher(clean(TitleCleaner.clean(title, "").title())).replaceAll("").strip();
        if (title.isEmpty() && authors.isEmpty()) return Optional.empty();
        int offset = tokens.get(0).offset();
        int last = tokens.get(tokens.size() - 1).offset();
        return Optional.of(new EntryDraft(EntryDraft.Shape.LABEL, offset, title, null, List.of(), null, authors, date, false, null,
                lines.line(offset), lines.line(last)));
    }

    private static final Pattern STARS = Pattern.compile("[\\x{1F31F}\\x{2B50}]");
    private static final Pattern HIGHLIGHT_MARK = Pattern.compile("(^|\\s)==(\\s|$)");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern COMMA_BEFORE_STOP = Pattern.compile("(?:(?<!\\s)|\\G)\\s*+,\\s*+([.;!?])");
    private static final Pattern PORT = Pattern.compile(":\\d*$");
    private static final Pattern DIGITS_AND_DOTS = Pattern.compile("[0-9.]+");

    /** A description as stored: no stars or highlight marks, brackets emptied of their label links gone, one space; null when only punctuation is left. */
    private static String finish(String raw) {
        String d = STARS.matcher(EMPTY_BRACKETS.matcher(raw).replaceAll(" ")).replaceAll("");
        d = SPACES.matcher(HIGHLIGHT_MARK.matcher(d).replaceAll(" ")).replaceAll(" ");
        // "using Truffel, by Cristian Esquivias.": the comma before a byline that left goes with it.
        String desc = clean(COMMA_BEFORE_STOP.matcher(d).replaceAll("$1"));
        return PUNCT_ONLY.matcher(desc).matches() ? null : desc;
    }

    /** The text of the tokens from {@code from} on as a description, taking no authors out of it. */
    private String plainDescription(List<Token> tokens, int from) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t instanceof Token.Text text) sb.append(text.text());
            else if (t instanceof Token.Break) sb.append(' ');
            else if (t instanceof Token.Link l && role(l) == null && !isLabelText(l.text())) sb.append(l.text());
        }
        return sb.toString();
    }

    /** Whether "Name: **Title**" names people: every name of two words or more ("Rich Harris", not "GraphQL"). */
    private static boolean speakers(AuthorParser.Result r) {
        return r.remainder() == null && r.authors().stream().allMatch(a -> a.name() != null && a.name().contains(" "));
    }

    /** Whether every name of a citation ("Fischer, Lynch, Paterson") starts with a capital letter. */
    private static boolean citedNames(String names) {
        for (String n : NAME_SEPARATOR.split(names)) if (!n.isBlank() && !CITED_NAME.matcher(n.strip()).matches()) return false;
        return true;
    }

    /** Whether lower-case words right after the link finish a title that started before it. */
    private static boolean continuesTitle(List<Token> tokens, int link) {
        return link + 1 < tokens.size() && tokens.get(link + 1) instanceof Token.Text next && TITLE_CONTINUATION.matcher(next.text()).find();
    }

    /** Whether text before a link only names the site it is on ("YouTube [Title](youtube.com/…)", "kernel [x](kernel.org/…)"). */
    private static boolean namesTheHost(String prefix, String url) {
        String p = HOST_WORD_SEPARATORS.matcher(TitleCleaner.withoutSymbols(prefix)).replaceAll("").toLowerCase(Locale.ROOT);
        String host = AFTER_HOST.matcher(SCHEME.matcher(url.toLowerCase(Locale.ROOT)).replaceFirst("")).replaceFirst("");
        for (String label : host.split("\\.")) if (label.equals(p)) return true;
        return false;
    }

    /** Whether at least three words of description stand between the main link and a "by". */
    private static boolean inProse(List<Token> tokens, int first, int at, String before) {
        StringBuilder text = new StringBuilder();
        for (int i = first + 1; i < at; i++) if (tokens.get(i) instanceof Token.Text t) text.append(t.text()).append(' ');
        text.append(before);
        return java.util.Arrays.stream(SPACES.split(text.toString())).filter(w -> A_LETTER.matcher(w).find()).count() >= 3;
    }

    /** Whether every author is a single word with no account ("Google", "Erlang"). */
    private static boolean loneWords(List<Author> authors) {
        return authors.stream().allMatch(a -> a.accounts().isEmpty() && a.name() != null && !a.name().contains(" "));
    }

    /** Markdown text without its emphasis marks and backslash escapes, for a title cut from the raw text. */
    private static String unmarked(String markdown) {
        return ESCAPED_PUNCT.matcher(EMPHASIS_MARKS.matcher(markdown).replaceAll("")).replaceAll("$1").strip();
    }

    /** Whether a link's text only labels what it points at ("Source Code", "Demo", "#1", "2"), rather than naming a work. */
    static boolean isLabelText(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        return LABEL_WORDS.contains(t) || NUMBERED_LABEL.matcher(t).matches();
    }

    /**
     * Takes the code spans at the end of an entry ({@code `MIT` `Python`}) off as tags, with the spaces and
     * commas between them; a code span anywhere else stays text.
     */
    private static List<Token> withoutTrailingTags(List<Token> tokens, List<String> tags) {
        int end = tokens.size();
        List<String> found = new ArrayList<>();
        int i = end - 1;
        while (i >= 0) {
            Token t = tokens.get(i);
            if (t instanceof Token.Code c && TAG.matcher(c.text().strip()).matches()) {
                found.add(0, c.text().strip());
                end = i;
            } else if (!(t instanceof Token.Text x && TAG_SEPARATOR.matcher(x.text()).matches()) && !(t instanceof Token.Break)) {
                break;
            }
            i--;
        }
        boolean linkBefore = tokens.subList(0, end).stream().anyMatch(t -> t instanceof Token.Link);
        if (found.isEmpty() || !linkBefore) return tokens;
        tags.addAll(found);
        return tokens.subList(0, end);
    }

    /** Code spans that are not tags read as text, joined with the text around them. */
    private static List<Token> codeAsText(List<Token> tokens) {
        List<Token> out = new ArrayList<>();
        for (Token t : tokens) {
            Token u = t instanceof Token.Code c ? new Token.Text(c.text(), c.offset()) : t;
            if (u instanceof Token.Text text && !out.isEmpty() && out.get(out.size() - 1) instanceof Token.Text prev) {
                out.set(out.size() - 1, new Token.Text(prev.text() + text.text(), prev.offset()));
            } else {
                out.add(u);
            }
        }
        return out;
    }

    /** A readable title for a link whose text is only "github" or similar: "owner/repo", or host and path. */
    static String titleFromUrl(String url) {
        String u = QUERY_AND_FRAGMENT.matcher(SCHEME_AND_WWW.matcher(url).replaceFirst("")).replaceFirst("");
        u = TRAILING_SLASHES.matcher(u).replaceAll("");
        Matcher m = GIT_REPO.matcher(u);
        return m.find() ? m.group(1) : u;
    }

    void warn(int offset, String message) {
        problems.warn(lines.line(offset), lines.column(offset), message);
    }

    SourcePosition position(int offset) {
        return new SourcePosition(file, lines.line(offset), lines.column(offset));
    }

    /** Whether a URL is absolute http(s) with a host, the only links that can name a resource or a homepage. */
    static boolean isWebUrl(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return (lower.startsWith("http://") || lower.startsWith("https://")) && hasHost(url);
    }

    /**
     * Whether an http(s) URL names a host (a name or a bracketed IPv6 address, with an optional port)
     * and no user: {@code http://}, {@code https:///path}, {@code http://[x/} and {@code https://a@b/}
     * are no valid http(s) IRI.
     */
    static boolean hasHost(String url) {
        String rest = url.substring(url.indexOf("://") + 3);
        int end = 0;
        while (end < rest.length() && "/?#".indexOf(rest.charAt(end)) < 0) end++;
        String host = PORT.matcher(rest.substring(0, end)).replaceFirst("");
        if (IPV6.matcher(host).matches()) {
            try {
                java.net.InetAddress.getByName(host); // a bracketed literal is parsed, never looked up
                return true;
            } catch (java.net.UnknownHostException e) {
                return false;
            }
        }
        String[] labels = (host.endsWith(".") ? host.substring(0, host.length() - 1) : host).split("\\.", -1);
        for (String label : labels) {
            if (!HOST_LABEL.matcher(label).matches()) return false;
        }
        // Four numbers are an IPv4 address: each at most 255, without leading zeros.
        return labels.length != 4 || !DIGITS_AND_DOTS.matcher(host).matches() || java.util.Arrays.stream(labels)
                .allMatch(l -> l.length() <= 3 && Integer.parseInt(l) <= 255 && (l.length() == 1 || l.charAt(0) != '0'));
    }

    /** A link that can name a resource: absolute http(s), not an in-page anchor or a relative file. */
    boolean usable(Token.Link l) {
        String url = l.url();
        if (url.isEmpty() || url.startsWith("#")) return false;
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            if (hasHost(url)) return true;
            problems.warn(lines.line(l.offset()), lines.column(l.offset()), "link '" + url
                    + "' is not a valid web address (no host, or a user name before it), not read as a resource");
            return false;
        }
        if (lower.startsWith("mailto:")) return false;
        if (!HAS_SCHEME.matcher(lower).matches()) {
            problems.warn(lines.line(l.offset()), lines.column(l.offset()),
                    "relative link '" + url + "' points into the list's own repository, not read as a resource");
        } else {
            problems.warn(lines.line(l.offset()), lines.column(l.offset()),
                    "link '" + url + "' is not http(s), not read as a resource");
        }
        return false;
    }

    private Link link(Token.Link l, LinkRole role) {
        return new Link(l.url(), l.text(), role, new SourcePosition(file, lines.line(l.offset()), lines.column(l.offset())));
    }

    /**
     * The role a link's text gives it; "[YouTube](…/playlist?list=…)" beside a course is its lectures, many
     * videos, not the recording of one talk.
     */
    private static LinkRole role(Token.Link l) {
        LinkRole r = ROLE_WORDS.get(l.text().strip().toLowerCase(Locale.ROOT));
        return r == LinkRole.RECORDING && MANY_VIDEOS.matcher(l.url()).find() ? null : r;
    }

    /**
     * {@code [title](- https://…\n)}: a URL broken across lines (or with a stray "- ") is not a link
     * to CommonMark; the autolink extension still finds the URL. Rejoin title and URL.
     */
    private List<Token> repairBrokenLinks(List<Token> tokens) {
        List<Token> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t instanceof Token.Link l && !isWebUrl(l.url())) {
                Matcher m = STRAY_DASH_URL.matcher(l.url());
                if (m.matches()) {
                    problems.warn(lines.line(l.offset()), lines.column(l.offset()), "link '" + l.text()
                            + "' has a broken URL (line break or stray '- ' inside the parentheses), recovered as " + m.group(1));
                    out.add(new Token.Link(l.text(), l.raw(), m.group(1), l.offset()));
                    continue;
                }
            }
            if (t instanceof Token.Text text && i + 1 < tokens.size() && tokens.get(i + 1) instanceof Token.Link url) {
                Matcher m = BROKEN_LINK_START.matcher(text.text());
                if (m.find()) {
                    if (m.start() > 0) out.add(new Token.Text(text.text().substring(0, m.start()), text.offset()));
                    int at = text.offset() + m.start();
                    out.add(new Token.Link(m.group(1), m.group(1), url.url(), at));
                    problems.warn(lines.line(at), lines.column(at),
                            "link '" + m.group(1) + "' has a broken URL (line break or stray '- ' inside the parentheses), recovered as " + url.url());
                    i++;
                    // drop the closing parenthesis that ended the broken link
                    int j = i + 1;
                    while (j < tokens.size() && tokens.get(j) instanceof Token.Break) j++;
                    if (j < tokens.size() && tokens.get(j) instanceof Token.Text rest && rest.text().stripLeading().startsWith(")")) {
                        out.add(new Token.Text(rest.text().stripLeading().substring(1), rest.offset()));
                        i = j;
                    }
                    continue;
                }
            }
            out.add(t);
        }
        return out;
    }

    /**
     * Splits where a continuation line starts with a link after a line that was an entry of its own:
     * that line lost its bullet. ("Label\n[link](…)" stays one entry.)
     */
    private static List<List<Token>> splitUnbulletedLines(List<Token> tokens) {
        List<List<Token>> parts = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t instanceof Token.Break && i + 1 < tokens.size() && tokens.get(i + 1) instanceof Token.Link next
                    && !next.raw().equals(next.url()) && current.stream().anyMatch(c -> c instanceof Token.Link)) {
                parts.add(current);
                current = new ArrayList<>();
                continue;
            }
            current.add(t instanceof Token.Break b ? new Token.Text(" ", b.offset()) : t);
        }
        if (!current.isEmpty()) parts.add(current);
        return parts;
    }

    /** A star anywhere in the line's text ("🌟 [Title](url)", "[Title](url) ⭐"), or the whole link in == ==, marks the entry. */
    private static boolean markedAsFeatured(List<Token> tokens, int link) {
        boolean highlighted = link > 0 && tokens.get(link - 1) instanceof Token.Text before && before.text().strip().endsWith("==")
                && link + 1 < tokens.size() && tokens.get(link + 1) instanceof Token.Text after && after.text().strip().startsWith("==");
        return highlighted || tokens.stream().anyMatch(t -> t instanceof Token.Text text
                && text.text().codePoints().anyMatch(c -> c == 0x1F31F || c == 0x2B50));
    }

    private static boolean isDate(String iso) {
        try {
            java.time.LocalDate.parse(iso);
            return true;
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    private static String plain(List<Token> tokens) {
        StringBuilder sb = new StringBuilder();
        for (Token t : tokens) {
            if (t instanceof Token.Text text) sb.append(text.text());
            else if (t instanceof Token.Link l) sb.append(l.text());
            else sb.append(' ');
        }
        return SPACES.matcher(sb.toString()).replaceAll(" ");
    }

    private static String clean(String s) {
        return TRAILING_PUNCT.matcher(LEADING_PUNCT.matcher(s).replaceAll("")).replaceAll("");
    }
}
