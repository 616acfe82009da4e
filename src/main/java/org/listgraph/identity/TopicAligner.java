package org.listgraph.identity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Aligns a heading to the topics it names: a concept of the {@link TopicScheme} when any of its labels
 * says so ("Project Calico" is Calico, "NetworkPolicy" is Network Policy), several topics for a compound
 * heading ("Ingress and gateways", "Communication - Email"), none for a generic, table-of-contents or prose
 * heading or one that only names a kind of work ("Other", "Contents", "What is Kubernetes?", "Free Books"),
 * and a topic of its own for a heading the scheme does not know.
 */
public final class TopicAligner {
    /**
     * One topic a heading names: its key, the text that named it, its concept when the scheme has one, and for a
     * topic of its own the scheme's concepts its words name ("Relational Databases" is narrower than Databases).
     */
    public record Topic(String key, String label, TopicScheme.Concept concept, List<TopicScheme.Concept> broader) {
        public Topic {
            broader = List.copyOf(broader);
        }
    }

    /** Where a compound heading divides: "A and B", "A & B", "A, B", "A / B", "A - B", "A | B". */
    /**
     * Starts only where a run of spaces starts, and takes runs possessively: the leftmost match is the
     * same, but a heading of thousands of spaces is no longer tried from every one of them.
     */
    private static final Pattern SEPARATOR = Pattern.compile("(?:(?<!\\s)|\\G)(?:\\s++(?:and|&|\\+|-|–|—|\\|)\\s++|\\s*+[,/;]\\s*+|\\s*+&\\s*+)");
    /** Words joined by a slash or ampersand without spaces ("GNU/Linux", "Q&A"). */
    private static final Pattern JOINED = Pattern.compile("(?<![\\p{L}\\p{N}+#.-])[\\p{L}\\p{N}+#.-]++(?:[/&][\\p{L}\\p{N}+#.-]++)++");
    /** Stand-ins for a slash and an ampersand inside a label while a heading is divided. */
    private static final char KEPT_SLASH = '\u2215';
    private static final char KEPT_AMPERSAND = '\uFE60';
    /** An emoji shortcode (":zap:", ":+1:") or an emoji, with the variation selector and joiner that go with it. */
    private static final Pattern EMOJI = Pattern.compile(":[a-z0-9_+-]+:|[\\p{So}\\p{Cs}\\x{FE0F}\\x{200D}]+");
    /** A word as written, hyphens and apostrophes inside it ("Multi-cluster", "Kubernetes'"). */
    private static final Pattern WRITTEN_WORD = Pattern.compile("[\\p{L}\\p{N}+#]++(?:[.'’-][\\p{L}\\p{N}+#]++)*+");
    private static final Pattern NUMBERING = Pattern.compile("^\\s*+(?:\\d++(?:\\.\\d++)*+[.):]?|[ivx]++\\.)\\s++(?:-\\s+)?");
    /** "CNI Container Networking Interface", "Container Network Interface (CNI)". */
    private static final Pattern ACRONYM_FIRST = Pattern.compile("^([A-Z][A-Za-z0-9]{1,7})\\s+(.+)$");
    private static final Pattern ACRONYM_LAST = Pattern.compile("^(.*?\\S)\\s*+\\(([A-Z][A-Za-z0-9]{1,7})\\)$");
    private static final Pattern TRAILING_PARENS = Pattern.compile("^(.*?\\S)\\s*+\\(([^()]++)\\)$");
    /** Words that say how a heading treats its subject, not what the subject is. */
    private static final Set<String> FILLERS = Set.of("a", "an", "the", "of", "for", "and", "to", "in", "on", "with", "about", "by",
            "at", "from", "etc", "vs", "sample", "example", "detail", "basic", "basics", "101", "fundamental", "concept", "introduction",
            "intro", "overview", "tip", "trick", "note", "feature", "plugin", "controller", "specification", "spec", "internals",
            "existing", "list", "general", "underlying", "using", "manage", "managing", "solution", "deep", "dive", "in-depth",
            "primer", "guide", "how", "how-to", "walkthrough", "explained", "reading", "readings");
    /** A closing "on the web", "on YouTube", "online": where a kind of work is found. */
    private static final Pattern WHERE_FOUND = Pattern.compile("(?i)(?:(?<!\\s)|\\G)\\s++(?:(?:on|in)\\s++(?:the\\s++)?(?:web|internet|youtube|github)|online)\\s*+$");
    /** Endings of nouns that name an activity or a property: two of them after one modifier are parallel heads. */
    private static final List<String> NOMINAL_ENDING = List.of("tion", "sion", "ment", "ing", "ance", "ence", "ity", "ness", "ysis");
    /** Endings of words that read as adjectives: such a word alone before "and" modifies the next part's head. */
    private static final List<String> ADJECTIVE_ENDING = List.of("ic", "al", "ive", "ous", "ar", "ary", "ed", "ible", "able");
    /** Heads that name nothing without a modifier: "Ring and Field Theory" is two theories. */
    private static final Set<String> MODIFIED_HEADS = Set.of("theory");
    /** Fillers only after a subject: in front, they start a compound name ("Feature Extraction", "Sample Size"). */
    private static final Set<String> MODIFIER_WHEN_FIRST = Set.of("feature", "sample");
    /** First words of a heading that says how the list is ordered ("By Subject", "Sorted by Year"). */
    private static final Set<String> ORDERING = Set.of("by", "per", "sorted", "ordered", "grouped");
    /** Headings longer than this are sentences: they give the topics they name, never a topic of their own. */
    private static final int MAX_OWN_TOPIC_WORDS = 6;
    /**
     * Words a topic's name never has but a sentence does: persons, verbs of being and doing, question and
     * condition words ("If your system goes slow", "Where to start", "Things we like"). Such a heading gives the
     * scheme's topics it names, never a topic of its own.
     */
    private static final Set<String> SENTENCE_WORDS = Set.of("i", "i'm", "me", "my", "we", "we're", "us", "our", "you", "you're",
            "your", "yours", "it's", "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "don't",
            "doesn't", "can", "can't", "cannot", "could", "should", "would", "will", "won't", "shall", "may", "might", "must",
            "if", "when", "why", "what", "where", "which", "who", "whom", "whose", "let's", "goes", "get", "got", "have", "has",
            "had", "there", "here", "this", "that", "these", "those");

    private final TopicScheme scheme;

    public TopicAligner(TopicScheme scheme) {
        this.scheme = scheme;
    }

    public TopicScheme scheme() {
        return scheme;
    }

    /** The topics a heading names, in the order it names them; empty when it names none. */
    public List<Topic> topics(String heading) {
        String text = NUMBERING.matcher(undecorated(heading)).replaceFirst("").strip();
        List<String> all = TopicText.words(text);
        if (text.endsWith("?") || all.isEmpty() || all.stream().allMatch(w -> w.matches("\\d+"))) return List.of();
        // "By Subject", "By Language": how the sections below are ordered, not what they are about.
        if (all.size() <= 3 && ORDERING.contains(all.get(0))) return List.of();
        if (scheme.genericHeading(String.join(" ", all))) return List.of();
        Optional<TopicScheme.Concept> whole = scheme.byLabel(text);
        if (whole.isPresent()) return List.of(of(whole.get(), text));
        Optional<List<Topic>> acronym = acronym(text);
        if (acronym.isPresent()) return acronym.get();
        Map<String, Topic> out = new LinkedHashMap<>();
        for (String part : parts(text)) for (Topic t : partTopics(part, text)) out.putIfAbsent(t.key(), t);
        return List.copyOf(out.values());
    }

    /** A heading without emoji, emoji shortcodes (":zap:") and a closing colon, which say nothing of its subject. */
    static String undecorated(String heading) {
        String text = EMOJI.matcher(heading).replaceAll(" ").replaceAll("\\s+", " ").strip();
        return text.endsWith(":") ? text.substring(0, text.length() - 1).strip() : text;
    }

    /**
     * The parts of a compound heading; a trailing "(IPAM)" that is no expansion of the rest is a part too. A lone
     * word after a longer part shares that part's first words when it reads as a second head of them: "Feature
     * Detection and Extraction" is Feature Detection and Feature Extraction, "Continuous Integration and Delivery"
     * (a label of the scheme) Continuous Delivery, but "Unit Testing and Go" stays Go.
     */
    private List<String> parts(String text) {
        List<String> out = new ArrayList<>();
        Matcher parens = TRAILING_PARENS.matcher(text);
        String body = text;
        if (parens.matches()) {
            body = parens.group(1);
            out.add(parens.group(2));
        }
        List<String> split = new ArrayList<>();
        for (String p : SEPARATOR.split(keepingJoinedLabels(body))) {
            if (p.isBlank()) continue;
            String part = p.strip().replace(KEPT_SLASH, '/').replace(KEPT_AMPERSAND, '&');
            if (!split.isEmpty()) part = sharingHead(split.get(split.size() - 1), part);
            split.add(part);
        }
        for (int i = 0; i + 1 < split.size(); i++) split.set(i, sharingHeadForward(split.get(i), split.get(i + 1)));
        split.addAll(out);
        return split;
    }

    /**
     * "Ring" before "Field Theory" → "Ring Theory", "Static" before "Dynamic Analysis" → "Static Analysis": a lone
     * word takes the next part's last word when it cannot be a subject alone, that is when the two make a label of the
     * scheme, it reads as an adjective, or the head is "Theory"; "Docker" before "Container Security" stays Docker.
     */
    private String sharingHeadForward(String part, String next) {
        List<String> after = written(next);
        if (after.size() < 2 || !loneSubjectWord(part)) return part;
        String head = after.get(after.size() - 1);
        String joined = part + " " + head;
        if (scheme.byLabel(joined).isPresent()) return joined;
        String lone = part.toLowerCase(java.util.Locale.ROOT);
        if (lone.length() > 4 && ADJECTIVE_ENDING.stream().anyMatch(lone::endsWith)) return joined;
        // "Data and Machine Learning": the next part is a name of its own, so the lone word is a subject too.
        return scheme.byLabel(next).isEmpty() && MODIFIED_HEADS.contains(TopicText.singular(head)) ? joined : part;
    }

    /** Whether a part is one word that could share another part's words: no label, filler, kind or generic word. */
    private boolean loneSubjectWord(String part) {
        return WRITTEN_WORD.matcher(part).matches() && scheme.byLabel(part).isEmpty() && !ignorable(part)
                && !scheme.genericHeading(part.toLowerCase(java.util.Locale.ROOT));
    }

    /** The words of a text as written. */
    private static List<String> written(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WRITTEN_WORD.matcher(text);
        while (m.find()) out.add(m.group());
        return out;
    }

    /** "GNU/Linux", "CI/CD", "Q&A": a label of the scheme written with a separator inside is not divided. */
    private String keepingJoinedLabels(String body) {
        Matcher m = JOINED.matcher(body);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String token = m.group();
            String kept = scheme.byLabel(token).isPresent() ? token.replace('/', KEPT_SLASH).replace('&', KEPT_AMPERSAND) : token;
            m.appendReplacement(out, Matcher.quoteReplacement(kept));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** "Extraction" after "Feature Detection" → "Feature Extraction"; any other part as it is. */
    private String sharingHead(String previous, String part) {
        List<String> before = written(previous);
        if (before.size() < 2 || !loneSubjectWord(part)) return part;
        String joined = String.join(" ", before.subList(0, before.size() - 1)) + " " + part;
        if (scheme.byLabel(joined).isPresent()) return joined;
        String head = before.get(before.size() - 1).toLowerCase(java.util.Locale.ROOT);
        String lone = part.toLowerCase(java.util.Locale.ROOT);
        return NOMINAL_ENDING.stream().anyMatch(e -> head.endsWith(e) && lone.endsWith(e)) ? joined : part;
    }

    private Optional<List<Topic>> acronym(String h) {
        for (Pattern p : List.of(ACRONYM_FIRST, ACRONYM_LAST)) {
            Matcher m = p.matcher(h);
            if (!m.matches()) continue;
            String acr = p == ACRONYM_FIRST ? m.group(1) : m.group(2);
            String expansion = p == ACRONYM_FIRST ? m.group(2) : m.group(1);
            if (!isAcronym(acr) || !initials(expansion).equalsIgnoreCase(acr)) continue;
            Optional<TopicScheme.Concept> c = scheme.byLabel(acr).or(() -> scheme.byLabel(expansion));
            return Optional.of(List.of(c.map(x -> of(x, h)).orElseGet(() -> new Topic(TopicText.singular(acr), h, null, List.of()))));
        }
        return Optional.empty();
    }

    private List<Topic> partTopics(String part, String heading) {
        // Where a kind of work is found ("Papers on the web", "Courses online") is no subject of its own.
        String unplaced = WHERE_FOUND.matcher(part).replaceFirst("");
        if (!unplaced.isBlank()) part = unplaced;
        List<String> written = written(part);
        int from = 0;
        int to = written.size();
        for (int w; from < to && (w = edgeWidth(written, from, to, true)) > 0; ) from += w;
        for (int w; to > from && (w = edgeWidth(written, from, to, false)) > 0; ) to -= w;
        if (from >= to) return List.of();
        List<String> core = written.subList(from, to);
        String coreText = String.join(" ", core);
        if (scheme.genericHeading(String.join(" ", TopicText.words(coreText)))) return List.of();
        Optional<TopicScheme.Concept> whole = scheme.byLabel(coreText);
        if (whole.isPresent()) return List.of(of(whole.get(), heading));
        // Labels are looked for in the whole part, so a kind word inside one ("Software Engineering Books") is not lost.
        List<Topic> found = new ArrayList<>();
        boolean[] covered = new boolean[written.size()];
        for (int i = 0; i < written.size(); i++) {
            for (int len = Math.min(scheme.longestLabel() + 1, written.size() - i); len >= 1; len--) {
                Optional<TopicScheme.Concept> c = scheme.byLabel(String.join(" ", written.subList(i, i + len)));
                if (c.isEmpty()) continue;
                found.add(of(c.get(), heading));
                for (int k = i; k < i + len; k++) covered[k] = true;
                i += len - 1;
                break;
            }
        }
        boolean rest = false;
        for (int i = from; i < to; i++) {
            if (!covered[i] && !ignorable(written.get(i))) rest = true;
        }
        if (!rest) return found;
        if (core.size() > MAX_OWN_TOPIC_WORDS || sentence(part)) return found;
        // "Business Intelligence" is one subject, not Business and something more: the concepts its words name
        // are broader than it, so lookups by them still find it, but the heading names one topic.
        return List.of(new Topic(ownKey(core), parts(heading).size() > 1 ? coreText : heading.strip(), null,
                found.stream().map(Topic::concept).distinct().toList()));
    }

    /**
     * Whether a heading (part) reads as a sentence or a phrase, not a subject's name: a word only sentences use,
     * a closing exclamation or (after three words) full stop, or an indefinite article in front ("A Piece of Cake", "An Intro to X").
     */
    static boolean sentence(String part) {
        String text = part.strip();
        List<String> words = written(text).stream().map(w -> w.toLowerCase(java.util.Locale.ROOT).replace('’', '\'')).toList();
        if (text.endsWith("!") || words.size() >= 3 && text.endsWith(".") && !text.endsWith("..")) return true;
        if (words.size() >= 3 && (words.get(0).equals("a") || words.get(0).equals("an"))) return true;
        return words.stream().anyMatch(SENTENCE_WORDS::contains);
    }

    /** The key of a heading the scheme does not know: its words, the last one singular ("Kubernetes Sidecars" → kubernetes-sidecar). */
    static String ownKey(List<String> written) {
        List<String> w = new ArrayList<>();
        for (int i = 0; i < written.size(); i++) {
            String word = written.get(i).replace("+", " plus ").replace("#", " sharp ");
            w.add(i == written.size() - 1 ? TopicText.singular(written.get(i)).replace("+", " plus ").replace("#", " sharp ") : word);
        }
        return IriMinter.slug(String.join(" ", w));
    }

    private boolean ignorable(String word) {
        String lower = String.join(" ", TopicText.words(word));
        return FILLERS.contains(TopicText.singular(word)) || FILLERS.contains(lower) || scheme.qualifierWord(lower) || scheme.kindWord(lower);
    }

    /** How many words (0, 1 or 2) at an edge of {@code words[from, to)} are a qualifier, a kind of work or a filler. */
    private int edgeWidth(List<String> words, int from, int to, boolean start) {
        if (to - from >= 2) {
            String two = start ? words.get(from) + " " + words.get(from + 1) : words.get(to - 2) + " " + words.get(to - 1);
            String lower = String.join(" ", TopicText.words(two));
            if (scheme.kindWord(lower) || scheme.qualifierWord(lower) || scheme.genericHeading(lower)) return 2;
        }
        String one = start ? words.get(from) : words.get(to - 1);
        // "Calico Features" is Calico, but "Feature Detection" and "Feature Flags" are subjects of their own.
        if (start && MODIFIER_WHEN_FIRST.contains(TopicText.singular(one))) return 0;
        return ignorable(one) ? 1 : 0;
    }

    private static Topic of(TopicScheme.Concept c, String label) {
        return new Topic(c.key(), label.strip(), c, List.of());
    }

    private static boolean isAcronym(String word) {
        long upper = word.chars().filter(Character::isUpperCase).count();
        return upper >= 2 && upper >= word.length() - 1;
    }

    private static String initials(String words) {
        StringBuilder sb = new StringBuilder();
        for (String w : words.split("[\\s-]+")) {
            if (!w.isEmpty() && !Set.of("of", "and", "the", "for", "a", "an", "in", "on", "to").contains(w.toLowerCase(java.util.Locale.ROOT))) {
                sb.append(w.charAt(0));
            }
        }
        return sb.toString();
    }
}
