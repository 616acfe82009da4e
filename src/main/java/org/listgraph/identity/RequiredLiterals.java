package org.listgraph.identity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The strings a regular expression cannot match without, at least one of which every match contains
 * (in ASCII lower case): a test of a few {@code indexOf} calls that rules most inputs out before the
 * regex runs. {@code (?i)\b(talks?|keynote)\b} needs "talk" or "keynote"; a pattern this analysis does not
 * understand (or that can match without any literal, as {@code ^(?!.*\bby\b)}) gets no filter and always runs.
 *
 * <p>Why it is safe: each part of a match matches its part of the pattern, so a string every match of a part
 * contains is in every match of the whole; lookarounds, anchors and optional parts require nothing. Java's
 * {@code (?i)} folds ASCII letters only (no {@code u} flag, which this refuses), so comparing ASCII-lowered
 * text with ASCII-lowered literals never misses a match, whatever the case flags.
 */
public final class RequiredLiterals {
    /** How many alternative strings a part may stand for before only what it requires is kept. */
    private static final int MAX_EXACT = 64;
    /** A literal shorter than this occurs in almost any text: filtering on it would cost more than it saves. */
    private static final int MIN_LENGTH = 2;
    private static final RequiredLiterals NONE = new RequiredLiterals(null);

    /** At least one of these (ASCII lower case) is in every match; null: no filter. */
    private final String[] any;

    private RequiredLiterals(String[] any) {
        this.any = any;
    }

    /** What {@code p} requires, or a filter that lets every input through when that cannot be told. */
    public static RequiredLiterals of(Pattern p) {
        // Flags given to compile (and, on some JDKs, inline ones) show here: case, dot-all and line modes change no literal.
        if ((p.flags() & ~(Pattern.CASE_INSENSITIVE | Pattern.DOTALL | Pattern.MULTILINE | Pattern.UNIX_LINES)) != 0) return NONE;
        try {
            Analysis analysis = new Analysis(p.pattern());
            Info info = analysis.whole();
            Set<String> required = info.required();
            if (required == null || required.isEmpty() || required.stream().anyMatch(s -> s.length() < MIN_LENGTH)) return NONE;
            return new RequiredLiterals(minimal(required));
        } catch (Unsupported | RuntimeException | StackOverflowError e) {
            // Anything this reading cannot follow (a pattern nested thousands deep, say) only loses the filter.
            return NONE;
        }
    }

    /** Whether the regex may find a match in the text whose {@link #asciiLower} is {@code lowered}. */
    public boolean mayMatch(String lowered) {
        if (any == null) return true;
        for (String s : any) if (lowered.indexOf(s) >= 0) return true;
        return false;
    }

    /** Whether this filter can rule anything out. */
    public boolean filters() {
        return any != null;
    }

    /** The required strings (for tests and diagnostics), empty when there is no filter. */
    public List<String> literals() {
        return any == null ? List.of() : List.of(any);
    }

    /** {@code s} with ASCII letters in lower case and every other character kept: the form {@link #mayMatch} takes. */
    public static String asciiLower(String s) {
        int i = 0;
        int n = s.length();
        while (i < n && (s.charAt(i) < 'A' || s.charAt(i) > 'Z')) i++;
        if (i == n) return s;
        char[] c = s.toCharArray();
        for (; i < n; i++) if (c[i] >= 'A' && c[i] <= 'Z') c[i] = (char) (c[i] + ('a' - 'A'));
        return new String(c);
    }

    /** Drops strings that contain another of the set (a text with "talks" has "talk"), shortest first. */
    private static String[] minimal(Set<String> strings) {
        List<String> bySize = new ArrayList<>(strings);
        bySize.sort(Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder()));
        List<String> kept = new ArrayList<>();
        for (String s : bySize) if (kept.stream().noneMatch(s::contains)) kept.add(s);
        return kept.toArray(String[]::new);
    }

    /** A construct the analysis does not model: the pattern gets no filter. */
    private static final class Unsupported extends Exception {
        Unsupported() {
            super(null, null, false, false);
        }
    }

    /**
     * What a part of a pattern matches: {@code exact}, the whole set of (lowered) strings it can match, when
     * that is small and known; else {@code need}, strings one of which each of its matches contains (null: none).
     */
    private record Info(Set<String> exact, Set<String> need) {
        static final Info EMPTY = new Info(Set.of(""), null);
        static final Info ANYTHING = new Info(null, null);

        /** The strings one of which every match contains, or null when a match can contain none. */
        Set<String> required() {
            if (exact == null) return need;
            return exact.contains("") ? null : exact;
        }
    }

    /** The more selective of two requirements (null: none): the one whose shortest string is longer, then the smaller set. */
    private static Set<String> better(Set<String> a, Set<String> b) {
        if (a == null) return b;
        if (b == null) return a;
        int la = a.stream().mapToInt(String::length).min().orElse(0);
        int lb = b.stream().mapToInt(String::length).min().orElse(0);
        if (la != lb) return la > lb ? a : b;
        return a.size() <= b.size() ? a : b;
    }

    /** A recursive-descent reading of Java's regex syntax, enough to find literals; anything else is {@link Unsupported}. */
    private static final class Analysis {
        private final String re;
        private int at;

        Analysis(String re) {
            this.re = re;
        }

        /** The whole pattern. */
        Info whole() throws Unsupported {
            Info info = alternation();
            if (at != re.length()) throw new Unsupported();
            return info;
        }

        /** alternation := sequence ('|' sequence)*, up to a ')' or the end. */
        Info alternation() throws Unsupported {
            List<Info> branches = new ArrayList<>();
            branches.add(sequence());
            while (at < re.length() && re.charAt(at) == '|') {
                at++;
                branches.add(sequence());
            }
            if (branches.size() == 1) return branches.get(0);
            Set<String> exact = new TreeSet<>();
            for (Info b : branches) {
                if (b.exact() == null || exact.size() + b.exact().size() > MAX_EXACT) {
                    exact = null;
                    break;
                }
                exact.addAll(b.exact());
            }
            if (exact != null) return new Info(exact, null);
            Set<String> need = new TreeSet<>();
            for (Info b : branches) {
                Set<String> r = b.required();
                if (r == null) return Info.ANYTHING; // one branch requires nothing, so the whole does not
                need.addAll(r);
            }
            return new Info(null, need);
        }

        /** sequence := (atom quantifier?)*: exact strings are joined while few; else the best requirement of any run is kept. */
        private Info sequence() throws Unsupported {
            Set<String> run = Set.of("");
            Set<String> best = null;
            boolean broken = false;
            while (at < re.length() && re.charAt(at) != '|' && re.charAt(at) != ')') {
                Info item = quantified(atom());
                if (item.exact() != null && (long) run.size() * item.exact().size() <= MAX_EXACT) {
                    run = cross(run, item.exact());
                    continue;
                }
                broken = true;
                best = better(best, new Info(run, null).required());
                if (item.exact() != null) {
                    run = item.exact();
                } else {
                    best = better(best, item.need());
                    run = Set.of("");
                }
            }
            if (!broken) return new Info(run, null);
            return new Info(null, better(best, new Info(run, null).required()));
        }

        private static Set<String> cross(Set<String> a, Set<String> b) {
            Set<String> out = new TreeSet<>();
            for (String x : a) for (String y : b) out.add(x + y);
            return out;
        }

        /** Applies a quantifier after {@code item}, if there is one. */
        private Info quantified(Info item) throws Unsupported {
            if (at >= re.length()) return item;
            char c = re.charAt(at);
            int min;
            int max;
            if (c == '?' || c == '*' || c == '+') {
                at++;
                min = c == '+' ? 1 : 0;
                max = c == '?' ? 1 : Integer.MAX_VALUE;
            } else if (c == '{') {
                int close = re.indexOf('}', at);
                if (close < 0) throw new Unsupported();
                String[] bounds = re.substring(at + 1, close).split(",", -1);
                try {
                    min = Integer.parseInt(bounds[0].trim());
                    max = bounds.length == 1 ? min : bounds[1].isBlank() ? Integer.MAX_VALUE : Integer.parseInt(bounds[1].trim());
                } catch (NumberFormatException e) {
                    throw new Unsupported();
                }
                if (bounds.length > 2) throw new Unsupported();
                at = close + 1;
            } else {
                return item;
            }
            if (at < re.length() && (re.charAt(at) == '?' || re.charAt(at) == '+')) at++; // lazy or possessive: same strings
            if (min == 0) {
                if (max == 1 && item.exact() != null && item.exact().size() < MAX_EXACT) {
                    Set<String> or = new TreeSet<>(item.exact());
                    or.add("");
                    return new Info(or, null);
                }
                return Info.ANYTHING; // may be absent or repeated: requires nothing, and ends a run of exact strings
            }
            if (min == 1 && max == 1) return item;
            return new Info(null, item.required()); // at least once: requires what one occurrence does
        }

        /** One atom: a literal, an escape, a class, a dot, an anchor or a group. */
        private Info atom() throws Unsupported {
            char c = re.charAt(at++);
            switch (c) {
                case '^', '$' -> {
                    return Info.EMPTY;
                }
                case '.' -> {
                    return Info.ANYTHING;
                }
                case '[' -> {
                    skipClass();
                    return Info.ANYTHING;
                }
                case '(' -> {
                    return group();
                }
                case '\\' -> {
                    return escape();
                }
                case '*', '+', '?', '{' -> throw new Unsupported(); // a quantifier with nothing before it: not ours to read
                default -> {
                    return literal(c);
                }
            }
        }

        private static Info literal(char c) {
            return new Info(Set.of(String.valueOf(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c)), null);
        }

        /** After '(': a group, a lookaround (requires nothing), or inline flags. */
        private Info group() throws Unsupported {
            if (at < re.length() && re.charAt(at) == '?') {
                at++;
                if (at >= re.length()) throw new Unsupported();
                char kind = re.charAt(at);
                if (kind == '=' || kind == '!') {
                    at++;
                    return lookaround();
                }
                if (kind == '<' && at + 1 < re.length() && (re.charAt(at + 1) == '=' || re.charAt(at + 1) == '!')) {
                    at += 2;
                    return lookaround();
                }
                if (kind == '<') { // a named group: (?<name>X)
                    int close = re.indexOf('>', at);
                    if (close < 0) throw new Unsupported();
                    at = close + 1;
                } else if (kind == ':' || kind == '>') { // non-capturing or atomic: matches what X matches
                    at++;
                } else {
                    // Inline flags, (?is) or (?i:X). Case flags do not matter (see the class comment); comments mode
                    // (x) changes what is literal and Unicode case (u, U) folds beyond ASCII: no filter for those.
                    while (at < re.length() && "idmsU-ux".indexOf(re.charAt(at)) >= 0) {
                        char f = re.charAt(at++);
                        if (f == 'x' || f == 'u' || f == 'U') throw new Unsupported();
                    }
                    if (at >= re.length()) throw new Unsupported();
                    if (re.charAt(at) == ')') {
                        at++;
                        return Info.EMPTY;
                    }
                    if (re.charAt(at) != ':') throw new Unsupported();
                    at++;
                }
            }
            Info inner = alternation();
            expect(')');
            return inner;
        }

        private Info lookaround() throws Unsupported {
            alternation();
            expect(')');
            return Info.EMPTY;
        }

        private void expect(char c) throws Unsupported {
            if (at >= re.length() || re.charAt(at) != c) throw new Unsupported();
            at++;
        }

        /** After '\\'. */
        private Info escape() throws Unsupported {
            if (at >= re.length()) throw new Unsupported();
            char c = re.charAt(at++);
            if (!Character.isLetterOrDigit(c)) return literal(c);
            int control = "tnrfae".indexOf(c);
            if (control >= 0) return literal("\t\n\r\f\u0007\u001B".charAt(control));
            switch (c) {
                case 'b', 'B' -> {
                    if (at < re.length() && re.charAt(at) == '{') throw new Unsupported();
                    return Info.EMPTY;
                }
                case 'A', 'z', 'Z', 'G' -> {
                    return Info.EMPTY;
                }
                case 'd', 'D', 's', 'S', 'w', 'W', 'h', 'H', 'v', 'V', 'R', 'X' -> {
                    return Info.ANYTHING;
                }
                case 'p', 'P' -> {
                    if (at < re.length() && re.charAt(at) == '{') {
                        int close = re.indexOf('}', at);
                        if (close < 0) throw new Unsupported();
                        at = close + 1;
                    } else {
                        at++;
                    }
                    return Info.ANYTHING;
                }
                default -> throw new Unsupported(); // octal, hex, Unicode and control escapes, back references, \Q…\E
            }
        }

        /** After '[': moves past the class, nested classes included. */
        private void skipClass() throws Unsupported {
            if (at < re.length() && re.charAt(at) == '^') at++;
            if (at < re.length() && re.charAt(at) == ']') throw new Unsupported(); // a leading ']' is literal in Java: not modelled
            int depth = 1;
            while (at < re.length()) {
                char c = re.charAt(at++);
                if (c == '\\') {
                    if (at < re.length() && re.charAt(at) == 'Q') throw new Unsupported();
                    at++;
                } else if (c == '[') {
                    depth++;
                } else if (c == ']' && --depth == 0) {
                    return;
                }
            }
            throw new Unsupported();
        }
    }
}
