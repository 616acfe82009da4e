package org.listgraph.identity;

import org.listgraph.entry.UsageException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Mints the IRIs of every node from a configurable base. IRIs depend only on what identifies the
 * node (a canonical URL, a handle, a heading), never on reading order, so they survive unrelated edits.
 */
public final class IriMinter {
    /** The default base of instance IRIs. */
    public static final String DEFAULT_BASE = "https://w3id.org/listgraph/id/";
    private static final Pattern TRAILING_DASHES = Pattern.compile("(?<!-)-++$");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]+");
    private static final Pattern OUTER_DASHES = Pattern.compile("^-++|(?<!-)-++$");
    private final String base;

    public IriMinter(String base) {
        if (!base.matches("(?i)https?://[^\\s<>\"{}|\\\\^`]+")) {
            throw new UsageException("--base must be an absolute http(s) IRI such as " + DEFAULT_BASE + ", got '" + base + "'");
        }
        this.base = base.endsWith("/") || base.endsWith("#") ? base : base + "/";
    }

    public String base() {
        return base;
    }

    public String list(String listId) {
        return base + "list/" + listId;
    }

    /** The named graph that holds one list's entries and sections. */
    public String listGraph(String listId) {
        return base + "graph/" + listId;
    }

    /** The named graph that holds the facts shared across lists (resources, agents, topics). */
    public String sharedGraph() {
        return base + "graph/shared";
    }

    /** The named graph that records, per graph, its content hash, when it was loaded and by which versions. */
    public String metaGraph() {
        return base + "graph/meta";
    }

    /**
     * The named graph of the lists' history in git (written by {@code history}, kept by {@code build}); outside
     * {@code graph/}, so no list id can name it.
     */
    public String historyGraph() {
        return base + "history/graph";
    }

    /** The named graph of link checks (written by {@code check-links}, kept by {@code build}). */
    public String linksGraph() {
        return base + "links/graph";
    }

    /** A commit of the lists' git repository. */
    public String commit(String id) {
        return base + "history/commit/" + id;
    }

    /** Whoever made commits, by a key of their e-mail address. */
    public String committer(String key) {
        return base + "history/author/" + key;
    }

    /** The graphs other commands than build write into the store, which build leaves as they are. */
    public java.util.Set<String> sideGraphs() {
        return java.util.Set.of(historyGraph(), linksGraph());
    }

    /** The list a list graph holds, or null for the store's own graphs. */
    public String listOfGraph(String graphIri) {
        String prefix = base + "graph/";
        if (!graphIri.startsWith(prefix)) return null;
        String id = graphIri.substring(prefix.length());
        return id.equals("shared") || id.equals("meta") ? null : list(id);
    }

    public String resource(String canonicalUrl) {
        return resourceOfHash(hash(canonicalUrl, 16));
    }

    /** {@link #resource} of a URL whose {@code hash(url, 16)} is {@code urlHash}: an entry's key shares the hash. */
    public String resourceOfHash(String urlHash) {
        if (urlHash.length() != 16) throw new IllegalArgumentException("a resource's hash has 16 hex digits: " + urlHash);
        return base + "resource/" + urlHash;
    }

    public String entry(String listId, String key) {
        return base + "entry/" + listId + "/" + key;
    }

    public String section(String listId, String key) {
        return base + "section/" + listId + "/" + key;
    }

    public String topic(String key) {
        return base + "topic/" + key;
    }

    public String agent(String key) {
        return base + "agent/" + key;
    }

    public String account(String service, String name) {
        return base + "account/" + service + "/" + name.toLowerCase(Locale.ROOT); // handles are IRI-safe ([A-Za-z0-9_.-])
    }

    /** A series by its title: the same words name the same series in every list ("series/monitoring-and-tuning-…"). */
    public String series(String title) {
        return base + "series/" + wholeWordSlug(title);
    }

    public String organization(String name) {
        return base + "org/" + slug(name);
    }

    /** Lower-case ASCII words joined by dashes ("Tim Hockin" → "tim-hockin"). */
    public static String slug(String text) {
        String s = words(text);
        if (s.length() > 60) s = TRAILING_DASHES.matcher(s.substring(0, 60)).replaceAll("");
        return s.isEmpty() ? hash(text, 8) : s;
    }

    /** As {@link #slug}, but a long text is cut after its last whole word within 60 characters. */
    public static String wholeWordSlug(String text) {
        String s = words(text);
        if (s.length() > 60) {
            int cut = s.lastIndexOf('-', 60);
            s = s.substring(0, cut > 0 ? cut : 60);
        }
        return s.isEmpty() ? hash(text, 8) : s;
    }

    private static String words(String text) {
        String ascii = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
        return OUTER_DASHES.matcher(NON_ALNUM.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("-")).replaceAll("");
    }

    /** The first {@code hexChars} hex digits of the SHA-256 of a text. */
    public static String hash(String text, int hexChars) {
        if (hexChars < 0 || hexChars > 64) throw new IllegalArgumentException("a SHA-256 has 64 hex digits: " + hexChars);
        byte[] digest = SHA256.get().digest(text.getBytes(StandardCharsets.UTF_8));
        String hex = HexFormat.of().formatHex(digest, 0, (hexChars + 1) / 2); // only the bytes shown
        return hex.length() == hexChars ? hex : hex.substring(0, hexChars);
    }

    /** Lower-case hex SHA-256 of some bytes. */
    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(SHA256.get().digest(bytes));
    }

    /**
     * One digest per thread, reset by each {@code digest()}: looking the algorithm up for every hash was a third of
     * hashing an entry's URL, twice for every entry of every list.
     */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    });

    /** A readable key for a heading path ("Kubernetes", "Official documentation" → "kubernetes--official-documentation"). */
    public static String pathKey(List<String> path) {
        return String.join("--", path.stream().map(IriMinter::slug).toList());
    }
}
