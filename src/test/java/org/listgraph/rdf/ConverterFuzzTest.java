package org.listgraph.rdf;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.listgraph.entry.InputLimits;
import org.listgraph.testing.ConversionCheck;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzzing the whole conversion: random bytes, Markdown token soup, invalid UTF-8, deep nesting,
 * megabyte lines, huge lists and mutated seed lists all convert to a graph that reads back, or stop
 * with the one documented error line, in time bounded by their size, with every problem inside the
 * file. The seeds are fixed so a CI run is reproducible; {@code -Djqwik.tries.default=N} runs a
 * longer campaign (see README, "Tests").
 */
class ConverterFuzzTest {
    /** The seed of every property: fixed, so every run tries the same cases (change it to explore others). */
    static final String SEED = "20261124";
    static final AtomicInteger CASES = new AtomicInteger();
    static final AtomicInteger REFUSED = new AtomicInteger();
    static final java.util.concurrent.atomic.AtomicLong BYTES = new java.util.concurrent.atomic.AtomicLong();
    static final java.util.concurrent.atomic.AtomicLong LARGEST = new java.util.concurrent.atomic.AtomicLong();
    static Path dir;

    @BeforeContainer
    static void makeFolder() throws IOException {
        dir = Files.createTempDirectory("listgraph-fuzz");
    }

    @AfterContainer
    static void removeFolder() throws IOException {
        System.out.println("fuzz: " + CASES.get() + " cases, " + REFUSED.get() + " refused with an error line; " + (BYTES.get() >> 10)
                + " KB in all, the largest " + (LARGEST.get() >> 10) + " KB");
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static ConversionCheck.Outcome check(byte[] input) {
        count(input);
        ConversionCheck.Outcome o = ConversionCheck.check(dir, "fuzz.md", input);
        if (o.refused()) REFUSED.incrementAndGet();
        return o;
    }

    private static void count(byte[] input) {
        CASES.incrementAndGet();
        BYTES.addAndGet(input.length);
        LARGEST.accumulateAndGet(input.length, Math::max);
    }

    // ---- Inputs ----

    /** Markdown and HTML pieces, control characters and odd Unicode that lists are made of or break on. */
    private static final String[] TOKENS = {
            "- ", "* ", "+ ", "1. ", "2) ", "> ", "# ", "## ", "### ", "  ", "    ", "\t", "\n", "\n\n", "\r\n", "\r",
            "[", "]", "(", ")", "![", "](", "[x](https://example.com/a)", "<https://example.org/b>", "https://example.net/c d",
            "[t]: https://example.com/ref", "[t]", "`", "``", "```\n", "~~~", "*", "**", "_", "~~", "\\", "\\[", "|", "| a | b |\n|---|---|\n",
            "---\n", "===", "<", ">", "<a href=\"https://example.com/h\">h</a>", "<div>", "</div>", "<!--", "-->", "<br>",
            "<blockquote class=\"twitter-tweet\"><p>t</p>&mdash; A (@a) <a href=\"https://twitter.com/a/status/1\">May 1, 2020</a></blockquote>",
            "&amp;", "&#x41;", "&#0;", "&bogus;", "by ", "by @alice", " - ", " — ", "(2019)", "(video)", "[slides](s.pdf)", "(#anchor)",
            "Part 1", "Kubernetes networking", "Tim Hockin", "@bob", "https://github.com/a/b", "https://youtu.be/x", "mailto:x@y",
            "javascript:alert(1)", "http://[::1]:80/", "http://%zz/", "https://é.example/ü", "\u0000", "\u0001", "\u0007", "\u001b[31m",
            "\u007f", "\u0085", "\u00a0", "\u200b", "\u200e", "\u2028", "\ufeff", "\ufffd", "\ud83c\udf1f", "Ã©", "ðŸŒŸ", "â€™", "x", "word",
    };

    /** Bytes no UTF-8 decoder accepts: lone continuations, truncated sequences, surrogates, overlongs, 0xFF. */
    private static final byte[][] INVALID_UTF8 = {
            {(byte) 0x80}, {(byte) 0xBF}, {(byte) 0xC3}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xFF}, {(byte) 0xFE},
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
    };

    @Provide
    Arbitrary<String> soup() {
        return Arbitraries.of(TOKENS).list().ofMaxSize(400).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<byte[]> randomBytes() {
        // NUL is rare, so most inputs get past the binary-file check and into the parser.
        Arbitrary<Byte> anyByte = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just((byte) 0)),
                Tuple.of(400, Arbitraries.bytes().between((byte) -128, (byte) 127).filter(b -> b != 0)));
        return anyByte.list().ofMaxSize(4096).map(ConverterFuzzTest::bytes);
    }

    @Provide
    Arbitrary<byte[]> soupWithInvalidUtf8() {
        Arbitrary<byte[]> piece = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.of(TOKENS).map(t -> t.getBytes(StandardCharsets.UTF_8))),
                Tuple.of(1, Arbitraries.of(INVALID_UTF8)));
        return piece.list().ofMaxSize(400).map(ConverterFuzzTest::concat);
    }

    /** Nesting shapes and depths from 1 to 3,000, over and under the nesting-depth limit. */
    @Provide
    Arbitrary<Nested> deepNesting() {
        Arbitrary<Integer> depth = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.integers().between(1, 120)),
                Tuple.of(1, Arbitraries.integers().between(120, 3_000)));
        Arbitrary<String> shape = Arbitraries.of("dashes", "quotes", "ordered", "indented", "quote-list", "brackets", "emphasis", "images",
                "html", "tabs");
        return Combinators.combine(shape, depth).as((sh, n) -> new Nested(sh, n, nest(sh, n)));
    }

    /** A nested input with how it was made: list and quote shapes open one container per level, the others none. */
    record Nested(String shape, int levels, String text) {
        boolean containers() {
            return !List.of("brackets", "emphasis", "images", "html").contains(shape);
        }

        /** The deepest line's nesting: "indented" stops at 400 lines. */
        int depth() {
            return shape.equals("indented") ? Math.min(levels, 400) : levels;
        }

        int longestLine() {
            int longest = 0;
            for (String line : text.split("\n")) longest = Math.max(longest, line.length());
            return longest;
        }
    }

    static String nest(String shape, int n) {
        String link = "[x](https://example.com/deep)";
        return switch (shape) {
            case "dashes" -> "- ".repeat(n) + link + "\n";
            case "quotes" -> ">".repeat(n) + " " + link + "\n";
            case "ordered" -> "1. ".repeat(n) + link + "\n";
            case "indented" -> {
                StringBuilder s = new StringBuilder();
                for (int i = 0; i < Math.min(n, 400); i++) s.append("  ".repeat(i)).append("- [x").append(i).append("](https://example.com/").append(i).append(")\n");
                yield s.toString();
            }
            case "quote-list" -> "> - ".repeat(n) + link + "\n";
            case "brackets" -> "[".repeat(n) + "x" + "](https://example.com/b)".repeat(n) + "\n";
            case "emphasis" -> "*_".repeat(n) + "x" + "_*".repeat(n) + "\n";
            case "images" -> "![".repeat(n) + "x" + "](https://example.com/i)".repeat(n) + "\n";
            case "html" -> "<div>".repeat(n) + link + "</div>".repeat(n) + "\n";
            default -> "\t- ".repeat(n) + link + "\n";
        };
    }

    /** Megabyte lines, long paragraphs and huge lists (the expensive shapes, so fewer tries). */
    @Provide
    Arbitrary<String> huge() {
        Arbitrary<String> piece = Arbitraries.of("[", "&amp;", "\\[", "`a` ``", "<b>x</b> ", "[a](https://example.com/x) ", "x ", "*a_ ",
                "https://example.com/y ", "&amp;\n", "- [a](https://example.com/z) d\n", "> q\n", "|a|b|\n");
        Arbitrary<Integer> size = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.integers().between(1_000, 200_000)),
                Tuple.of(1, Arbitraries.integers().between(900_000, 1_100_000)));
        // Many-line pieces stay under 150 KB: they are read in full (a 1 MB list with its graph checks takes ~20 s).
        return Combinators.combine(piece, size).as((p, n) -> p.repeat(Math.max(1, (p.contains("\n") ? Math.min(n, 150_000) : n) / p.length())));
    }

    /** A seed list with 1 to 8 edits: byte flips, lines deleted, duplicated or swapped, Markdown inserted, a cut. */
    @Provide
    Arbitrary<byte[]> mutatedSeed() {
        Arbitrary<Path> seed = Arbitraries.of(seedFiles());
        Arbitrary<Long> randomness = Arbitraries.longs();
        Arbitrary<Integer> edits = Arbitraries.integers().between(1, 8);
        return Combinators.combine(seed, randomness, edits).as(ConverterFuzzTest::mutate);
    }

    private static List<Path> seedFiles() {
        try (Stream<Path> s = Files.list(Path.of("lists"))) {
            return s.filter(p -> p.toString().endsWith(".md") && !p.getFileName().toString().equals("README.md")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] mutate(Path seed, long randomness, int edits) {
        Random random = new Random(randomness);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(seed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int e = 0; e < edits && bytes.length > 0; e++) {
            List<byte[]> lines = lines(bytes);
            int a = random.nextInt(lines.size());
            int b = random.nextInt(lines.size());
            switch (random.nextInt(6)) {
                case 0 -> bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
                case 1 -> {
                    lines.remove(a);
                    bytes = concat(lines);
                }
                case 2 -> {
                    lines.add(a, lines.get(a).clone());
                    bytes = concat(lines);
                }
                case 3 -> {
                    byte[] t = lines.get(a);
                    lines.set(a, lines.get(b));
                    lines.set(b, t);
                    bytes = concat(lines);
                }
                case 4 -> {
                    int at = random.nextInt(bytes.length + 1);
                    byte[] token = TOKENS[random.nextInt(TOKENS.length)].getBytes(StandardCharsets.UTF_8);
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    out.write(bytes, 0, at);
                    out.writeBytes(token);
                    out.write(bytes, at, bytes.length - at);
                    bytes = out.toByteArray();
                }
                default -> bytes = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
            }
        }
        return bytes;
    }

    /** The lines of {@code bytes}, each with its line break. */
    private static List<byte[]> lines(byte[] bytes) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                lines.add(java.util.Arrays.copyOfRange(bytes, start, i + 1));
                start = i + 1;
            }
        }
        if (start < bytes.length || lines.isEmpty()) lines.add(java.util.Arrays.copyOfRange(bytes, start, bytes.length));
        return lines;
    }

    private static byte[] concat(List<byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.forEach(out::writeBytes);
        return out.toByteArray();
    }

    private static byte[] bytes(List<Byte> list) {
        byte[] b = new byte[list.size()];
        for (int i = 0; i < b.length; i++) b[i] = list.get(i);
        return b;
    }

    // ---- Properties ----

    @Property(seed = SEED)
    void randomBytesConvertOrStopWithOneErrorLine(@ForAll("randomBytes") byte[] input) {
        check(input);
    }

    @Property(seed = SEED)
    void markdownSoupConvertsOrStopsWithOneErrorLine(@ForAll("soup") String input) {
        check(input.getBytes(StandardCharsets.UTF_8));
    }

    @Property(seed = SEED)
    void invalidUtf8IsReadWithAWarningNeverACrash(@ForAll("soupWithInvalidUtf8") byte[] input) {
        check(input);
    }

    @Property(seed = SEED, tries = 60)
    void deepNestingIsReadOrRefusedAtTheDepthLimitNeverAStackOverflow(@ForAll("deepNesting") Nested input) {
        ConversionCheck.Outcome o = check(input.text().getBytes(StandardCharsets.UTF_8));
        boolean tooLong = input.longestLine() > InputLimits.DEFAULTS.lineLength();
        boolean tooDeep = input.containers() && input.depth() > InputLimits.DEFAULTS.nestingDepth();
        // Refused exactly when a line is over the length cap or the containers over the depth cap, and then for that reason.
        assertEquals(tooLong || tooDeep, o.refused(), input.shape() + " × " + input.levels() + ": " + o.error());
        if (o.refused()) {
            assertTrue(o.error().contains(tooLong ? "line-length limit" : "nesting-depth limit"), o.error());
        }
    }

    @Property(seed = SEED, tries = 25)
    void megabyteLinesAndHugeListsTakeTimeInProportionToTheirSize(@ForAll("huge") String input) {
        byte[] bytes = input.getBytes(StandardCharsets.UTF_8);
        ConversionCheck.Outcome o = check(bytes);
        int longest = 0;
        for (String line : input.split("[\r\n]")) longest = Math.max(longest, line.length());
        assertEquals(longest > InputLimits.DEFAULTS.lineLength(), o.refused(), "refused only for a line over the limit: " + o.error());
    }

    @Property(seed = SEED)
    void mutatedSeedListsConvertTheSameTwice(@ForAll("mutatedSeed") byte[] input) {
        count(input);
        if (ConversionCheck.checkDeterministic(dir, "mutated.md", input).refused()) REFUSED.incrementAndGet();
    }
}
