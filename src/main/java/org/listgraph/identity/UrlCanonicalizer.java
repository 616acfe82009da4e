package org.listgraph.identity;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the many spellings of one web address into one key: scheme ({@code http} = {@code https}),
 * host case and {@code www.}, default ports, trailing slashes and {@code index.html}, tracking
 * parameters, fragments (except {@code #!} routes), percent-encoding, and known moves of the same
 * content to a new address. The key identifies; the URLs as written are kept elsewhere.
 */
public final class UrlCanonicalizer {
    private static final Pattern TRACKING = Pattern.compile(
            "(?i)utm_[a-z_]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|ref_src|ref_url|_hsenc|_hsmi|share_key|igshid");
    private static final Pattern K8S_BLOG = Pattern.compile("^/(\\d{4})/(\\d{2})/([^/]+?)(?:\\.html?)?$");
    private static final Pattern INDEX = Pattern.compile("(?i)/index\\.(?:html?|php)$");
    private static final Pattern REPEATED_SLASHES = Pattern.compile("/{2,}");
    private static final java.util.Set<String> GIT_HOSTS = java.util.Set.of("github.com", "gitlab.com", "bitbucket.org");

    /** The canonical key of a URL (no scheme, lower-case host, cleaned path and query). */
    public String canonical(String url) {
        URI uri = parse(url);
        if (uri == null || uri.getHost() == null) return url.strip().toLowerCase(Locale.ROOT);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) host = host.substring(0, host.length() - 1);
        if (host.startsWith("www.")) host = host.substring(4);
        int port = uri.getPort();
        String path = normalisePercent(uri.getRawPath() == null ? "" : uri.getRawPath());
        path = REPEATED_SLASHES.matcher(path).replaceAll("/");
        path = INDEX.matcher(path).replaceFirst("/");
        while (path.endsWith("/")) path = path.substring(0, path.length() - 1);
        List<String> params = new ArrayList<>();
        if (uri.getRawQuery() != null) {
            for (String p : uri.getRawQuery().split("&")) {
                if (p.isEmpty()) continue;
                String name = p.contains("=") ? p.substring(0, p.indexOf('=')) : p;
                boolean ref = name.equalsIgnoreCase("ref") && !GIT_HOSTS.contains(host); // on GitHub and GitLab ?ref= names a branch
                if (!TRACKING.matcher(name).matches() && !ref) params.add(normalisePercent(p));
            }
        }
        String fragment = uri.getRawFragment();

        // Known moves of the same content.
        Matcher m;
        if (host.equals("blog.kubernetes.io") && (m = K8S_BLOG.matcher(path)).matches()) {
            host = "kubernetes.io";
            path = "/blog/" + m.group(1) + "/" + m.group(2) + "/" + m.group(3).toLowerCase(Locale.ROOT);
        } else if (host.equals("youtu.be") && path.length() > 1) {
            String id = path.substring(1);
            host = "youtube.com";
            path = "/watch";
            params.removeIf(p -> p.startsWith("v="));
            params.add("v=" + id);
        } else if (host.equals("m.youtube.com")) {
            host = "youtube.com";
        } else if (host.endsWith(".medium.com") && !host.equals("blog.medium.com") && host.indexOf('.') == host.length() - ".medium.com".length()) {
            path = "/@" + host.substring(0, host.indexOf('.')) + path;
            host = "medium.com";
        }
        if (host.equals("medium.com") && path.startsWith("/@")) {
            int end = path.indexOf('/', 2);
            path = (end < 0 ? path : path.substring(0, end)).toLowerCase(Locale.ROOT) + (end < 0 ? "" : path.substring(end)); // handles ignore case
        }
        if (host.equals("medium.com") || host.endsWith(".medium.com")) {
            params.removeIf(p -> p.startsWith("source=")); // medium marks where a reader clicked from
        }
        if (host.equals("youtube.com") && path.equals("/watch")) {
            params.removeIf(p -> !p.startsWith("v=")); // t=, list=, feature= do not change the video
        }
        params.sort(null);

        StringBuilder sb = new StringBuilder(host);
        if (port > 0 && port != 80 && port != 443) sb.append(':').append(port);
        sb.append(path);
        if (!params.isEmpty()) sb.append('?').append(String.join("&", params));
        if (fragment != null && (fragment.startsWith("!") || (host.equals("docs.google.com") && fragment.startsWith("gid=")))) {
            sb.append('#').append(fragment); // #! routes and spreadsheet tabs name different content
        }
        return sb.toString();
    }

    /**
     * A URL made safe to use as an IRI: characters not allowed in URLs are percent-encoded, and so
     * are brackets after the host (they only enclose an IPv6 address) and a '#' inside the fragment.
     */
    public static String toIri(String url) {
        StringBuilder sb = new StringBuilder();
        byte[] bytes = url.strip().getBytes(StandardCharsets.UTF_8);
        int scheme = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("://");
        int hostEnd = scheme < 0 ? 0 : scheme + 3;
        while (hostEnd < bytes.length && "/?#".indexOf(bytes[hostEnd]) < 0) hostEnd++;
        int fragment = -1;
        for (int i = 0; i < bytes.length; i++) {
            int c = bytes[i] & 0xff;
            boolean strayPercent = c == '%' && !(i + 2 < bytes.length && isHex((char) bytes[i + 1]) && isHex((char) bytes[i + 2]));
            boolean bracket = (c == '[' || c == ']') && i >= hostEnd;
            boolean secondHash = c == '#' && fragment >= 0;
            if (c == '#' && fragment < 0) fragment = i;
            if (c <= 0x20 || c >= 0x7f || "\"<>\\^`{|}".indexOf(c) >= 0 || strayPercent || bracket || secondHash) {
                sb.append('%').append(String.format("%02X", c));
            } else {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }

    private static URI parse(String url) {
        try {
            return new URI(toIri(url));
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** Decodes percent-escapes of unreserved characters and upper-cases the hex of the others. */
    private static String normalisePercent(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
                int v = Integer.parseInt(s.substring(i + 1, i + 3), 16);
                if (Character.isLetterOrDigit(v) && v < 0x80 || v == '-' || v == '.' || v == '_' || v == '~') {
                    sb.append((char) v);
                } else {
                    sb.append('%').append(s.substring(i + 1, i + 3).toUpperCase(Locale.ROOT));
                }
                i += 2;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
