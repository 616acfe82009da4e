package org.listgraph.entry;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The caps on one list file that keep time and memory bounded whatever the input: its size, the
 * length of a line, how deep lists and quotes nest, and how many entries it holds.
 * The defaults are far above any real list; {@code --limit NAME=VALUE} raises or lowers one.
 *
 * @param fileSize     bytes in one file (its AST takes about 12 times as much heap)
 * @param lineLength   characters in one line (flexmark's handling of escapes is quadratic in one line's text)
 * @param nestingDepth lists and block quotes inside each other (flexmark recurses once per level)
 * @param entries      entries read from one file
 */
public record InputLimits(long fileSize, int lineLength, int nestingDepth, int entries) {
    /** The default caps, as constants so option help can quote them. */
    public static final long DEFAULT_FILE_SIZE = 16L << 20;
    public static final int DEFAULT_LINE_LENGTH = 16 << 10, DEFAULT_NESTING_DEPTH = 100, DEFAULT_ENTRIES = 200_000;

    /** Generous caps that real lists never reach; see README's "Limits". */
    public static final InputLimits DEFAULTS = new InputLimits(DEFAULT_FILE_SIZE, DEFAULT_LINE_LENGTH, DEFAULT_NESTING_DEPTH, DEFAULT_ENTRIES);

    /** The names {@code --limit} takes, in the order of the record's components. */
    public static final List<String> NAMES = List.of("file-size", "line-length", "nesting-depth", "entries");

    /** Above this a nesting depth is no protection: flexmark overflows a 1 MB thread stack at about 1,000 levels. */
    public static final int MAX_NESTING_DEPTH = 500;

    private static final Pattern SIZE = Pattern.compile("(\\d{1,12})\\s*(|B|KB|K|MB|M|GB|G)", Pattern.CASE_INSENSITIVE);

    public InputLimits {
        if (fileSize < 1) throw new IllegalArgumentException("file-size must be at least 1 byte: " + fileSize);
        if (lineLength < 1) throw new IllegalArgumentException("line-length must be at least 1: " + lineLength);
        if (nestingDepth < 1 || nestingDepth > MAX_NESTING_DEPTH) {
            throw new IllegalArgumentException("nesting-depth must be between 1 and " + MAX_NESTING_DEPTH + ": " + nestingDepth);
        }
        if (entries < 1) throw new IllegalArgumentException("entries must be at least 1: " + entries);
    }

    /**
     * These limits with one changed, from {@code name=value} as typed after {@code --limit}; sizes
     * take a KB, MB or GB suffix (powers of 1024). An unknown name or a bad value is a usage error.
     */
    public InputLimits with(String assignment) {
        int eq = assignment.indexOf('=');
        if (eq < 0) throw new UsageException("--limit takes NAME=VALUE (e.g. line-length=200000), not '" + assignment + "'");
        String name = assignment.substring(0, eq).strip().toLowerCase(Locale.ROOT);
        String value = assignment.substring(eq + 1).strip();
        if (!NAMES.contains(name)) throw new UsageException("--limit: no limit '" + name + "'; known: " + String.join(", ", NAMES));
        long n = parse(name, value);
        try {
            return switch (name) {
                case "file-size" -> new InputLimits(n, lineLength, nestingDepth, entries);
                case "line-length" -> new InputLimits(fileSize, (int) n, nestingDepth, entries);
                case "nesting-depth" -> new InputLimits(fileSize, lineLength, (int) n, entries);
                default -> new InputLimits(fileSize, lineLength, nestingDepth, (int) n);
            };
        } catch (IllegalArgumentException e) {
            throw new UsageException("--limit " + e.getMessage());
        }
    }

    private static long parse(String name, String value) {
        Matcher m = SIZE.matcher(value);
        boolean sized = name.equals("file-size") || name.equals("line-length");
        if (!m.matches() || (!sized && !m.group(2).isEmpty())) {
            throw new UsageException("--limit " + name + " takes a whole number" + (sized ? " (with KB, MB or GB if you like)" : "")
                    + ", not '" + value + "'");
        }
        long n = Long.parseLong(m.group(1));
        int shift = switch (m.group(2).toUpperCase(Locale.ROOT)) {
            case "KB", "K" -> 10;
            case "MB", "M" -> 20;
            case "GB", "G" -> 30;
            default -> 0;
        };
        long max = name.equals("file-size") ? Long.MAX_VALUE >> 1 : Integer.MAX_VALUE;
        if (n > max >> shift) throw new UsageException("--limit " + name + "=" + value + " is too large; the most is " + max + (sized ? " (bytes or characters)" : ""));
        return n << shift;
    }

    /** "16 MB", "64 KB" or "1234 bytes": a size as the limits' messages print it. */
    public static String size(long bytes) {
        if (bytes >= 1 << 20 && bytes % (1 << 20) == 0) return (bytes >> 20) + " MB";
        if (bytes >= 1 << 10 && bytes % (1 << 10) == 0) return (bytes >> 10) + " KB";
        return bytes + " bytes";
    }
}
