package org.listgraph.markdown;

import org.listgraph.entry.Account;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Recognises links to a person's or organisation's profile on a known service (GitHub, Twitter, …). */
public final class ProfileLinks {
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}");
    private static final Pattern OUTER_SLASHES = Pattern.compile("^/++|(?<!/)/++$");
    private static final Pattern SLASHES = Pattern.compile("/+");
    private static final Pattern MEDIUM_SUBDOMAIN = Pattern.compile("(?<![a-z0-9-])-*+([a-z0-9][a-z0-9-]*+)\\.medium\\.com");
    /** First path segments on github.com that are site pages, not users. */
    private static final Set<String> GITHUB_RESERVED = Set.of(
            "about", "orgs", "topics", "features", "marketplace", "explore", "sponsors", "settings", "login",
            "pricing", "collections", "trending", "enterprise", "search", "issues", "pulls", "notifications");
    private static final Set<String> TWITTER_RESERVED = Set.of("i", "home", "search", "intent", "share", "hashtag");

    private ProfileLinks() {
    }

    /** The account a URL is the profile page of, if it is one. */
    static Optional<Account> account(String url) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (Exception e) {
            return Optional.empty();
        }
        String host = uri.getHost();
        String path = uri.getRawPath();
        if (host == null) return Optional.empty();
        host = host.toLowerCase(Locale.ROOT);
        if (host.startsWith("www.")) host = host.substring(4);
        if (path == null) path = "";
        String[] seg = SLASHES.split(OUTER_SLASHES.matcher(path).replaceAll(""));
        String first = seg.length > 0 ? seg[0] : "";
        switch (host) {
            case "github.com", "gitlab.com" -> {
                if (seg.length == 1 && SEGMENT.matcher(first).matches() && !GITHUB_RESERVED.contains(first.toLowerCase(Locale.ROOT))) {
                    return Optional.of(new Account(host.substring(0, host.indexOf('.')), "https://" + host + "/", first));
                }
            }
            case "twitter.com", "x.com", "mobile.twitter.com" -> {
                if (seg.length == 1 && SEGMENT.matcher(first).matches() && !TWITTER_RESERVED.contains(first.toLowerCase(Locale.ROOT))) {
                    return Optional.of(new Account("twitter", "https://twitter.com/", first));
                }
            }
            case "medium.com" -> {
                if (seg.length == 1 && first.startsWith("@") && SEGMENT.matcher(first.substring(1)).matches()) {
                    return Optional.of(new Account("medium", "https://medium.com/", first.substring(1)));
                }
            }
            case "linkedin.com" -> {
                if (seg.length == 2 && first.equals("in") && SEGMENT.matcher(seg[1]).matches()) {
                    return Optional.of(new Account("linkedin", "https://www.linkedin.com/", seg[1]));
                }
            }
            case "speakerdeck.com", "slideshare.net" -> {
                if (seg.length == 1 && SEGMENT.matcher(first).matches()) {
                    return Optional.of(new Account(host.substring(0, host.indexOf('.')), "https://" + host + "/", first));
                }
            }
            default -> {
                Matcher m = MEDIUM_SUBDOMAIN.matcher(host);
                if (m.matches() && !m.group(1).equals("blog") && (seg.length == 0 || first.isEmpty())) {
                    return Optional.of(new Account("medium", "https://medium.com/", m.group(1)));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The profile page of an account, as {@link #account} reads it back: medium.com/@name, linkedin.com/in/name, and the
     * service's home page followed by the name elsewhere (github.com/name, twitter.com/name).
     */
    public static String profileUrl(String serviceHomepage, String name) {
        String home = serviceHomepage.endsWith("/") ? serviceHomepage : serviceHomepage + "/";
        if (home.contains("://medium.com/")) return home + "@" + name;
        if (home.contains("linkedin.com/")) return home + "in/" + name;
        return home + name;
    }
}
