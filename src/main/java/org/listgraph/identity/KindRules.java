package org.listgraph.identity;

import com.fasterxml.jackson.databind.JsonNode;
import org.listgraph.entry.BadInputException;
import org.listgraph.entry.Kind;
import org.listgraph.markdown.StrictJson;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The kind rules of {@code ontology/kinds.json}: a project's own file when it has one, else the
 * file shipped in the jar. Users add rules without recompiling; README shows how.
 */
public final class KindRules {
    /** Where the rules live, relative to the project (and inside the jar). */
    public static final String FILE = "ontology/kinds.json";
    private static final Set<String> CONDITIONS = Set.of("host", "path", "url", "role", "title", "description", "text", "section",
            "list", "links", "authors", "written");

    /**
     * How much a rule's evidence weighs. A stronger tier's kinds replace a weaker one's: a URL that can
     * only be one thing (a tweet, an issue) beats a heading, and a heading naming a kind ("Books") beats
     * the guesses a host or path allows (a repository is usually software, but not in "Books").
     */
    public enum Tier {
        /** The URL or the entry's other links leave no doubt. */
        STRONG,
        /** A section heading names the kind; {@code section} is matched against each heading, the deepest first. */
        HEADING,
        /** What a host or path usually means. */
        WEAK,
        /** What words of the title or description suggest, when nothing about the URL does. */
        HINT;

        static Tier named(String name, String where) {
            for (Tier t : values()) if (t.name().toLowerCase(java.util.Locale.ROOT).equals(name)) return t;
            throw new BadInputException(where + ".tier: unknown tier \"" + name + "\" (strong, heading, weak or hint)");
        }
    }

    /**
     * One rule: the kind it adds, its tier and its conditions (null when absent); all present conditions must
     * match. A weak rule with {@code yieldsTo} gives way to a heading only when the heading names one of those kinds
     * (a YouTube video under "Talks" is a talk, under "Books" still a video). {@code number} is its place in the file
     * (from 1), for the kind evidence a resource records.
     */
    public record Rule(Kind kind, Tier tier, Pattern host, Pattern path, Pattern url, Pattern role, Pattern title, Pattern description,
                       Pattern text, Pattern section, Pattern list, Pattern links, Pattern authors, Pattern written, Set<Kind> yieldsTo, String why,
                       int number) {
        /** The condition patterns, absent ones as null. */
        public Pattern[] conditions() {
            return new Pattern[]{host, path, url, role, title, description, text, section, list, links, authors, written};
        }
    }

    private final List<Rule> rules;
    private final Map<Kind, Set<Kind>> overrides;
    /** What each condition's pattern cannot match without, worked out once: most inputs are ruled out by it. */
    private final Map<Pattern, RequiredLiterals> literals = new java.util.IdentityHashMap<>();

    KindRules(List<Rule> rules, Map<Kind, Set<Kind>> overrides) {
        this.rules = List.copyOf(rules);
        this.overrides = overrides;
        for (Rule r : this.rules) {
            for (Pattern p : r.conditions()) if (p != null) literals.put(p, RequiredLiterals.of(p));
        }
    }

    /** What a condition's pattern (one of these rules') cannot match without. */
    RequiredLiterals literals(Pattern conditionPattern) {
        return literals.get(conditionPattern);
    }

    public List<Rule> rules() {
        return rules;
    }

    /** The kinds that {@code kind} makes redundant when both are found. */
    public Set<Kind> overriddenBy(Kind kind) {
        return overrides.getOrDefault(kind, Set.of());
    }

    /** The project's rules ({@code projectDir/ontology/kinds.json}) if present, else the shipped ones. */
    public static KindRules load(Path projectDir) {
        return OntologyFile.read(projectDir, FILE, "the kind rules", KindRules::parse);
    }

    static KindRules parse(InputStream in, String source) {
        JsonNode root = StrictJson.read(in, source, "kind rules");
        if (root == null || !root.path("rules").isArray()) {
            throw new BadInputException(source + ": error: kind rules need a \"rules\" array");
        }
        Map<Kind, Set<Kind>> overrides = new EnumMap<>(Kind.class);
        JsonNode ov = root.path("overrides");
        if (!ov.isMissingNode() && !ov.isObject()) {
            throw new BadInputException(source + ": error: \"overrides\" must map a kind to a list of kinds");
        }
        for (Iterator<String> it = ov.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            Kind kind = kind(k, source + ": error: overrides");
            if (!ov.get(k).isArray()) throw new BadInputException(source + ": error: overrides." + k + " must be a list of kinds");
            Set<Kind> dropped = EnumSet.noneOf(Kind.class);
            for (JsonNode d : ov.get(k)) {
                if (!d.isTextual()) throw new BadInputException(source + ": error: overrides." + k + " must list kind names");
                dropped.add(kind(d.asText(), source + ": error: overrides." + k));
            }
            overrides.put(kind, dropped);
        }
        List<Rule> rules = new ArrayList<>();
        int n = 0;
        for (JsonNode r : root.get("rules")) {
            String where = source + ": error: rules[" + n++ + "]";
            for (Iterator<String> it = r.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!CONDITIONS.contains(f) && !f.equals("kind") && !f.equals("why") && !f.equals("tier") && !f.equals("yieldsTo")) {
                    throw new BadInputException(where + ": unknown field \"" + f + "\" (conditions: " + String.join(", ", CONDITIONS.stream().sorted().toList()) + ")");
                }
            }
            if (!r.isObject()) throw new BadInputException(where + ": a rule must be an object");
            Kind kind = kind(r.path("kind").asText(""), where + ".kind");
            Pattern host = pattern(r, "host", where);
            Pattern path = pattern(r, "path", where);
            Pattern url = pattern(r, "url", where);
            Pattern role = pattern(r, "role", where);
            Pattern title = pattern(r, "title", where);
            Pattern description = pattern(r, "description", where);
            Pattern text = pattern(r, "text", where);
            Pattern section = pattern(r, "section", where);
            Pattern list = pattern(r, "list", where);
            Pattern links = pattern(r, "links", where);
            Pattern authors = pattern(r, "authors", where);
            Pattern written = pattern(r, "written", where);
            if (host == null && path == null && url == null && role == null && title == null && description == null && text == null
                    && section == null && list == null && links == null && authors == null && written == null) {
                throw new BadInputException(where + ": a rule needs at least one condition (" + String.join(", ", CONDITIONS.stream().sorted().toList()) + ")");
            }
            Tier tier = r.has("tier") ? Tier.named(r.get("tier").asText(""), where) : Tier.WEAK;
            if (tier == Tier.HEADING && section == null) throw new BadInputException(where + ": a heading rule needs a \"section\" pattern");
            Set<Kind> yieldsTo = null;
            if (r.has("yieldsTo")) {
                if (!r.get("yieldsTo").isArray()) throw new BadInputException(where + ".yieldsTo must be a list of kinds");
                yieldsTo = EnumSet.noneOf(Kind.class);
                for (JsonNode k : r.get("yieldsTo")) yieldsTo.add(kind(k.asText(""), where + ".yieldsTo"));
            }
            rules.add(new Rule(kind, tier, host, path, url, role, title, description, text, section, list, links, authors, written, yieldsTo, r.path("why").asText(""), n));
        }
        return new KindRules(rules, overrides);
    }

    private static Kind kind(String name, String where) {
        Optional<Kind> k = Arrays.stream(Kind.values()).filter(v -> v.localName().equals(name)).findFirst();
        return k.orElseThrow(() -> new BadInputException(where + ": unknown kind \"" + name + "\" (one of: "
                + String.join(", ", Arrays.stream(Kind.values()).map(Kind::localName).toList()) + ")"));
    }

    private static Pattern pattern(JsonNode rule, String field, String where) {
        JsonNode v = rule.get(field);
        if (v == null) return null;
        if (!v.isTextual() || v.asText().isEmpty()) {
            throw new BadInputException(where + "." + field + ": must be a non-empty regular expression in a string");
        }
        try {
            return Pattern.compile(v.asText());
        } catch (PatternSyntaxException e) {
            throw new BadInputException(where + "." + field + ": not a valid regular expression (" + e.getDescription() + ")");
        }
    }
}
