package org.listgraph;

import org.junit.jupiter.api.Test;
import org.listgraph.entry.InputLimits;
import org.listgraph.identity.KindRules;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every regular expression of the product (each static Pattern of every class, and every pattern
 * of ontology/kinds.json) is run, as a search to the end and as a whole match, on hostile lines as
 * long as the line-length cap: runs of spaces, tabs, letters, and of each punctuation mark the
 * pattern itself names, alone and between words. None may overflow the stack or take more than
 * {@value #BUDGET_MILLIS} ms on one line, so no line a user writes can make one run away.
 */
class RegexSafetyTest {
    static final int CAP = InputLimits.DEFAULT_LINE_LENGTH;
    static final long BUDGET_MILLIS = 250;

    /** Thrown from {@link Deadline#charAt} when a match has run past its budget. */
    static final class TooSlow extends RuntimeException {
        TooSlow() {
            super(null, null, false, false);
        }
    }

    /** A line that ends a match in progress when its time is up (the matcher reads every character through charAt). */
    record Deadline(String text, long until, int[] calls) implements CharSequence {
        @Override
        public char charAt(int index) {
            if ((++calls[0] & 0xFFF) == 0 && System.nanoTime() > until) throw new TooSlow();
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Deadline(text.substring(start, end), until, calls);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    @Test
    void noPatternOfTheProductRunsAwayOrOverflowsOnALineAsLongAsTheCap() throws Exception {
        Map<String, Pattern> patterns = productPatterns();
        assertTrue(patterns.size() > 250, "found only " + patterns.size() + " patterns; is target/classes there?");
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, Pattern> p : patterns.entrySet()) {
            for (Map.Entry<String, String> line : hostileLines(p.getValue()).entrySet()) {
                String problem = run(p.getValue(), line.getValue());
                if (problem != null) failures.add(p.getKey() + " on " + line.getKey() + ": " + problem);
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " pattern(s) unsafe:\n" + String.join("\n", failures));
    }

    /** Null when both a full search and a whole match end in time, else what went wrong. */
    private static String run(Pattern pattern, String text) {
        long start = System.nanoTime();
        Deadline line = new Deadline(text, start + BUDGET_MILLIS * 1_000_000, new int[1]);
        try {
            Matcher m = pattern.matcher(line);
            while (m.find()) {
                if (m.end() == m.start() && m.end() == text.length()) break;
            }
            pattern.matcher(line).matches();
            return null;
        } catch (TooSlow e) {
            return "over " + BUDGET_MILLIS + " ms";
        } catch (StackOverflowError e) {
            return "stack overflow";
        }
    }

    /** Lines a user could write to defeat {@code pattern}: runs of one character and of word-and-mark pairs, as long as the cap. */
    static Map<String, String> hostileLines(Pattern pattern) {
        Set<String> units = new LinkedHashSet<>(List.of(" ", "\t", "a", "A", "1", "a ", "a.", "a-", "a,", "ab ", "- ", "* ", "**a", "[a](", "a:", " and "));
        for (char c : pattern.pattern().toCharArray()) {
            if (Character.isLetterOrDigit(c) || Character.isWhitespace(c)) continue;
            units.add(String.valueOf(c));
            units.add("a" + c);
            units.add(c + " ");
        }
        Map<String, String> lines = new LinkedHashMap<>();
        for (String unit : units) {
            String line = unit.repeat(CAP / unit.length());
            lines.put("'" + unit.replace("\t", "\\t") + "' x " + CAP / unit.length(), line);
            lines.put("'" + unit.replace("\t", "\\t") + "' x " + (CAP / unit.length() - 1) + " then '!'", line.substring(0, line.length() - unit.length()) + "!");
        }
        lines.put("a URL of " + CAP + " characters", ("https://example.com/" + "a/".repeat(CAP)).substring(0, CAP));
        lines.put("a host of " + CAP + " characters", ("https://" + "a.".repeat(CAP)).substring(0, CAP));
        return lines;
    }

    /** Every static Pattern of the product's classes, and every pattern in ontology/kinds.json, by where it is. */
    static Map<String, Pattern> productPatterns() throws IOException, ReflectiveOperationException {
        Map<String, Pattern> out = new LinkedHashMap<>();
        Path classes = Path.of("target", "classes");
        List<String> names;
        try (Stream<Path> files = Files.walk(classes)) {
            names = files.map(f -> classes.relativize(f).toString()).filter(n -> n.endsWith(".class")).sorted().toList();
        }
        for (String file : names) {
            String name = file.substring(0, file.length() - ".class".length()).replace('/', '.');
            Class<?> type = Class.forName(name, false, RegexSafetyTest.class.getClassLoader());
            for (Field f : type.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers()) || f.getType() != Pattern.class) continue;
                f.setAccessible(true);
                Pattern p = (Pattern) f.get(null);
                if (p != null) out.put(type.getSimpleName() + "." + f.getName(), p);
            }
        }
        int n = 0;
        for (KindRules.Rule rule : KindRules.load(Path.of("")).rules()) {
            n++;
            for (RecordComponent c : KindRules.Rule.class.getRecordComponents()) {
                if (c.getType() == Pattern.class && c.getAccessor().invoke(rule) instanceof Pattern p) out.put("kinds.json rule " + n + " " + c.getName(), p);
            }
        }
        return out;
    }
}
