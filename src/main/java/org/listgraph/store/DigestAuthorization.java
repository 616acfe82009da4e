package org.listgraph.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP Digest authentication (RFC 7616, MD5 and SHA-256, qop=auth) for one user at one server, as
 * Virtuoso's {@code /sparql-auth} and {@code /sparql-graph-crud-auth} ask for it: Java's HTTP client
 * answers Basic challenges only. After the first challenge every request is answered directly, with
 * the server's nonce and a growing nonce count, until the server calls the nonce stale.
 */
final class DigestAuthorization {
    // A name starts only where no name character precedes it, and is taken whole (possessive): a header of 16k
    // name characters with no '=' is then one linear scan, not a scan from every position of it.
    private static final Pattern PARAM = Pattern.compile("(?<![A-Za-z-])([A-Za-z-]++)\\s*+=\\s*+(?:\"((?:[^\"\\\\]|\\\\.)*+)\"|([^\\s,]*+))");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String user, password, realm, nonce, opaque, algorithm;
    private final boolean qopAuth;
    private int count;

    private DigestAuthorization(String user, String password, Map<String, String> challenge) {
        this.user = user;
        this.password = password;
        this.realm = challenge.getOrDefault("realm", "");
        this.nonce = challenge.getOrDefault("nonce", "");
        this.opaque = challenge.get("opaque");
        this.algorithm = challenge.getOrDefault("algorithm", "MD5");
        String qop = challenge.get("qop");
        this.qopAuth = qop != null && java.util.Arrays.stream(qop.split(",")).map(String::strip).anyMatch("auth"::equalsIgnoreCase);
    }

    /**
     * The authorization for a {@code WWW-Authenticate} header value, or null when the header is not a
     * Digest challenge this class can answer (another scheme, or an algorithm other than MD5 and SHA-256).
     */
    static DigestAuthorization answering(String wwwAuthenticate, String user, String password) {
        if (wwwAuthenticate == null || !wwwAuthenticate.regionMatches(true, 0, "Digest ", 0, 7)) return null;
        Map<String, String> challenge = new LinkedHashMap<>();
        Matcher m = PARAM.matcher(wwwAuthenticate.substring(7));
        while (m.find()) {
            challenge.put(m.group(1).toLowerCase(Locale.ROOT), m.group(2) != null ? m.group(2).replaceAll("\\\\(.)", "$1") : m.group(3));
        }
        String algorithm = challenge.getOrDefault("algorithm", "MD5").toUpperCase(Locale.ROOT);
        if (!algorithm.equals("MD5") && !algorithm.equals("SHA-256") || !challenge.containsKey("nonce")) return null;
        return new DigestAuthorization(user, password, challenge);
    }

    /** Whether a challenge says only that the nonce ran out (the password was right; answer the new one). */
    static boolean isStale(String wwwAuthenticate) {
        return wwwAuthenticate != null && wwwAuthenticate.matches("(?is).*\\bstale\\s*=\\s*\"?true\"?.*");
    }

    /** The {@code Authorization} header value for one request; {@code uri} is its path and query as sent. */
    String header(String method, String uri) {
        byte[] c = new byte[16];
        RANDOM.nextBytes(c);
        return header(method, uri, HexFormat.of().formatHex(c));
    }

    /** As {@link #header(String, String)}, with the client nonce given. */
    synchronized String header(String method, String uri, String cnonce) {
        String ha1 = hash(user + ":" + realm + ":" + password);
        String ha2 = hash(method + ":" + uri);
        StringBuilder h = new StringBuilder("Digest username=\"").append(quoted(user)).append("\", realm=\"").append(quoted(realm))
                .append("\", nonce=\"").append(quoted(nonce)).append("\", uri=\"").append(quoted(uri)).append("\", algorithm=").append(algorithm);
        if (qopAuth) {
            String nc = String.format(Locale.ROOT, "%08x", ++count);
            h.append(", qop=auth, nc=").append(nc).append(", cnonce=\"").append(cnonce).append("\", response=\"")
                    .append(hash(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2)).append('"');
        } else {
            h.append(", response=\"").append(hash(ha1 + ":" + nonce + ":" + ha2)).append('"');
        }
        if (opaque != null) h.append(", opaque=\"").append(quoted(opaque)).append('"');
        return h.toString();
    }

    private String hash(String s) {
        try {
            MessageDigest md = MessageDigest.getInstance(algorithm.equalsIgnoreCase("SHA-256") ? "SHA-256" : "MD5");
            return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no " + algorithm, e);
        }
    }

    private static String quoted(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
