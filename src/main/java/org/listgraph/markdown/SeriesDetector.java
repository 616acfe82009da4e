package org.listgraph.markdown;

import org.listgraph.entry.Entry;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides whether a line without a link of its own names a series whose parts are the entries nested
 * under it, and what the series is called. A line that only groups entries ("IPTables", "Overlay network
 * plugins:") is no series; one is when its entries are numbered parts, when it says "series", or when every
 * entry is on one site at a URL that spells the line's words ("Monitoring and Tuning the Linux Networking
 * Stack" over …/monitoring-tuning-linux-networking-stack-receiving-data/).
 */
final class SeriesDetector {
    private SeriesDetector() {
    }

    private static final Pattern SERIES_WORD = Pattern.compile("(?i)\\bseries\\b");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern TRAILING_COLON = Pattern.compile("[:：]$");
    private static final Pattern WWW = Pattern.compile("^www\\.");
    private static final Set<String> STOP = Set.of("and", "the", "of", "for", "to", "in", "on", "a", "an", "with", "by", "from",
            "at", "into", "part", "parts", "series", "blog", "post", "posts");
    /** The spaced dash that starts a line's description ("Name - what it is"). */
    private static final Pattern DESCRIBED = Pattern.compile("\\s[-–—]\\s+\\S");
    /** Where a title's series prefix ends: "Understanding kubernetes networking: pods". */
    private static final Pattern PREFIX_END = Pattern.compile("(?:(?<!\\s)|\\G)(?:\\s++[-–—]\\s|\\s*+(?::|,\\s*+part\\b))");

    /**
     * The series title, or empty when the line is a group rather than a series. {@code partTitle} says whether
     * a child's title reads as a numbered part ("…, Part 2").
     */
    static Optional<String> title(String label, List<Entry> children, java.util.function.Predicate<String> partTitle) {
        String line = label == null ? "" : TRAILING_COLON.matcher(label.strip()).replaceAll("").strip();
        if (children.size() < 2 || line.isEmpty()) return Optional.empty();
        if (children.stream().allMatch(e -> partTitle.test(e.title()))) return Optional.of(line);
        if (SERIES_WORD.matcher(line).find()) return Optional.of(commonPrefix(children).orElse(line));
        List<String> words = significantWords(line);
        if (words.size() < 2 || !oneHost(children)) return Optional.empty();
        for (Entry e : children) {
            String url = e.identifyingLink().url().toLowerCase(Locale.ROOT);
            if (!words.stream().allMatch(url::contains)) return Optional.empty();
        }
        return Optional.of(line);
    }

    /**
     * What a label line names, without what it says about it: "The SSA Form - Video Lectures from NPTEL's
     * Compilers Course:" names "The SSA Form", as the text after a spaced dash on an entry's line describes it.
     */
    static String name(String label) {
        if (label == null) return null;
        var described = DESCRIBED.matcher(label);
        return described.find() && described.start() > 0 ? label.substring(0, described.start()).strip() : label;
    }

    private static List<String> significantWords(String line) {
        List<String> out = new ArrayList<>();
        var m = WORD.matcher(line.toLowerCase(Locale.ROOT));
        while (m.find()) if (m.group().length() >= 3 && !STOP.contains(m.group())) out.add(m.group());
        return out;
    }

    private static boolean oneHost(List<Entry> children) {
        return children.stream().map(e -> host(e.identifyingLink().url())).distinct().count() == 1
                && host(children.get(0).identifyingLink().url()) != null;
    }

    private static String host(String url) {
        try {
            String h = URI.create(url.strip()).getHost();
            return h == null ? null : WWW.matcher(h.toLowerCase(Locale.ROOT)).replaceFirst("");
        } catch (IllegalArgumentException notAUri) {
            return null;
        }
    }

    /** The words every child's title starts with, up to a colon or dash, when that is at least two words. */
    private static Optional<String> commonPrefix(List<Entry> children) {
        String first = null;
        for (Entry e : children) {
            var m = PREFIX_END.matcher(e.title());
            if (!m.find() || m.start() == 0) return Optional.empty();
            String prefix = e.title().substring(0, m.start()).strip();
            if (first == null) first = prefix;
            else if (!first.equalsIgnoreCase(prefix)) return Optional.empty();
        }
        return first != null && SPACES.split(first).length >= 2 ? Optional.of(first) : Optional.empty();
    }
}
