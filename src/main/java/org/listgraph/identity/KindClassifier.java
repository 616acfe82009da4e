package org.listgraph.identity;

import org.listgraph.entry.Entry;
import org.listgraph.entry.Kind;
import org.listgraph.entry.LinkRole;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Decides what kind of work an entry links to, from the host and path of its URL and the roles of
 * its links (a {@code [recording]} or {@code [slides]} link makes a talk). A first cut: the rules
 * are ordered, the first match wins, {@link Kind#WEBSITE} is the fallback.
 */
public final class KindClassifier {
    private static final Pattern SLIDE_HOSTS = Pattern.compile("(?:^|\\.)(?:speakerdeck\\.com|slideshare\\.net|speakerd\\.s3\\.amazonaws\\.com|sched\\.com|sched\\.org)$");
    private static final Pattern SLIDE_PATH = Pattern.compile("(?i)(?:/slides?/|slides?[^/]*\\.pdf$|/presentations?/)");
    private static final Pattern VIDEO_HOSTS = Pattern.compile("(?:^|\\.)(?:youtube\\.com|vimeo\\.com|skillsmatter\\.com)$");
    private static final Pattern GITHUB_DISCUSSION = Pattern.compile("^github\\.com/[^/]+/[^/]+/(?:issues|pull|discussions)/\\d+");
    private static final Pattern SPEC = Pattern.compile("(?i)(?:/spec(?:ification)?\\.md$|/keps?/|/rfc\\d+|tools\\.ietf\\.org/html/rfc|rfc-editor\\.org|/enhancements/(?:pull|tree|blob)/)");
    private static final Pattern SOFTWARE = Pattern.compile("^(?:github\\.com|gitlab\\.com|bitbucket\\.org)/[^/]+/[^/]+(?:/tree/[^/]+)?$");
    private static final Pattern DOCS = Pattern.compile("(?i)(?:^docs?\\.|\\.readthedocs\\.io|/docs?/|/documentation/|^wiki\\.|wikipedia\\.org/wiki/)");
    private static final Pattern SOCIAL = Pattern.compile("^(?:twitter\\.com|x\\.com)/[^/]+/status/\\d+");
    private static final Pattern BOOK = Pattern.compile("(?:^learning\\.oreilly\\.com/library/|^oreilly\\.com/library/|^manning\\.com/books/)");
    private static final Pattern COURSE = Pattern.compile("(?i)(?:^academy\\.|/course/|/courses/|coursera\\.org|udemy\\.com|edx\\.org)");
    private static final Pattern ARTICLE = Pattern.compile("(?i)(?:medium\\.com|^blog\\.|/blog/|/posts?/|/articles?/|gist\\.github\\.com|thenewstack\\.io|dev\\.to|lwn\\.net|/\\d{4}/\\d{2}/)");

    /** The kind of the resource an entry names; {@code canonicalUrl} is the key of its identifying link. */
    public Kind classify(Entry entry, String canonicalUrl) {
        String u = canonicalUrl.toLowerCase(Locale.ROOT);
        String host = u.contains("/") ? u.substring(0, u.indexOf('/')) : u;
        boolean hasSlidesOrRecording = entry.linkWith(LinkRole.RECORDING).isPresent() || entry.linkWith(LinkRole.SLIDES).isPresent();
        if (hasSlidesOrRecording || SLIDE_HOSTS.matcher(host).find() || SLIDE_PATH.matcher(u).find()) return Kind.TALK;
        if (SOCIAL.matcher(u).find()) return Kind.SOCIAL_POST;
        if (GITHUB_DISCUSSION.matcher(u).find()) return Kind.DISCUSSION;
        if (SPEC.matcher(u).find()) return Kind.SPECIFICATION;
        if (BOOK.matcher(u).find()) return Kind.BOOK;
        if (COURSE.matcher(u).find()) return Kind.COURSE;
        if (VIDEO_HOSTS.matcher(host).find()) return Kind.VIDEO;
        if (u.endsWith(".pdf")) return Kind.PAPER;
        if (SOFTWARE.matcher(u).find()) return Kind.SOFTWARE;
        if (DOCS.matcher(u).find()) return Kind.DOCUMENTATION;
        if (ARTICLE.matcher(u).find()) return Kind.ARTICLE;
        return Kind.WEBSITE;
    }
}
