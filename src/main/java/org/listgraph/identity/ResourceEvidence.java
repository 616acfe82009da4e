package org.listgraph.identity;

import org.listgraph.entry.Entry;
import org.listgraph.entry.LinkRole;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the lists say of one resource (one canonical URL) before works are clustered; people and
 * works both read it, so it is sorted throughout and does not depend on the order lists came in.
 */
final class ResourceEvidence {
    /** Where slides live: slide hosts, presentations in Google Docs, PDFs and paths that say slides. */
    private static final Pattern SLIDES_URL = Pattern.compile(
            "(?i)^((speakerdeck\\.com|([a-z]+\\.)?slideshare\\.net|speakerd\\.s3\\.amazonaws\\.com)/|docs\\.google\\.com/presentation/)|\\.pdf$|/slides?/");
    /** A work's URL on an author's own account: speakerdeck.com/thockin/…, slideshare.net/ThomasGraf5/…, medium.com/@user/…. */
    private static final Pattern URL_HANDLE = Pattern.compile(
            "^(?:[a-z]{2}\\.)?(speakerdeck|slideshare)\\.(?:com|net)/([A-Za-z0-9_.-]+)/[^/]+|^medium\\.com/@([A-Za-z0-9_.-]+)/[^/]+|^(twitter)\\.com/([A-Za-z0-9_]+)/status/");

    /** The titles entries give it, sorted, with how often each is given ({@code null} while each is given once). */
    private String[] titles = SortedStrings.NONE;
    private int[] titleCounts;
    final KindEvidence kind = new KindEvidence();
    // Sorted sets as bare arrays (SortedStrings): up to a million resources hold a dozen each.
    /** The URLs as written, as IRIs; but for the one that is "https://" + its only canonical URL (see {@link #httpsCanonical}). */
    private String[] urls = SortedStrings.NONE;
    /**
     * Whether "https://" + {@code canonicals[0]} is one of the URLs, while this has one canonical URL: most URLs are
     * written so, and each held again beside its canonical form was a hundred megabytes at a million resources.
     */
    private boolean httpsCanonical;
    private String[] canonicals = SortedStrings.NONE;
    private String[] recordings = SortedStrings.NONE;
    private String[] slides = SortedStrings.NONE;
    private String[] creators = SortedStrings.NONE;
    /** Agent keys that some entry names as this work's only author. */
    private String[] soleAuthors = SortedStrings.NONE;
    private String[] topics = SortedStrings.NONE;
    /** Topics of the scheme that an entry's title or description names, besides those it is listed under. */
    private String[] derived = SortedStrings.NONE;
    private String[] lists = SortedStrings.NONE;
    private String[] parts = SortedStrings.NONE;
    private String[] partOf = SortedStrings.NONE;
    private String[] related = SortedStrings.NONE;

    /** Records what one entry of a list says of this resource: its title, kind, URLs, recordings, slides and list. */
    void add(Entry e, String canonical, KindClassifier.Verdict verdict, String listIri, UrlCanonicalizer canonicalizer) {
        urlAccounts = null;
        addTitle(e.title(), 1);
        kind.add(verdict);
        addUrl(canonical, UrlCanonicalizer.toIri(e.identifyingLink().url()));
        for (var l : e.linksWith(LinkRole.RECORDING)) recordings = SortedStrings.with(recordings, UrlCanonicalizer.toIri(l.url()));
        for (var l : e.linksWith(LinkRole.SLIDES)) slides = SortedStrings.with(slides, UrlCanonicalizer.toIri(l.url()));
        if (!e.linksWith(LinkRole.RECORDING).isEmpty()) {
            // "[Title](speakerdeck…), [recording](youtube…)": the title's link is the talk's slides.
            e.linkWith(LinkRole.MAIN).filter(l -> SLIDES_URL.matcher(canonicalizer.canonical(l.url())).find())
                    .ifPresent(l -> slides = SortedStrings.with(slides, UrlCanonicalizer.toIri(l.url())));
        }
        lists = SortedStrings.with(lists, listIri);
    }

    private static boolean isHttpsOf(String url, String canonical) {
        return url.length() == "https://".length() + canonical.length() && url.startsWith("https://") && url.endsWith(canonical);
    }

    /** The URLs with the one left implicit by {@link #httpsCanonical}. */
    private String[] allUrls() {
        if (!httpsCanonical) return urls;
        if (canonicals.length != 1) throw new IllegalStateException("an implicit URL stands for the only canonical URL");
        return SortedStrings.with(urls, "https://" + canonicals[0]);
    }

    /** Records a URL as written (as an IRI) with its canonical form. */
    void addUrl(String canonical, String url) {
        if (httpsCanonical && !canonical.equals(canonicals[0])) { // a second canonical URL (two with one IRI hash)
            urls = allUrls();
            httpsCanonical = false;
        }
        canonicals = SortedStrings.with(canonicals, canonical);
        if (canonicals.length == 1 && isHttpsOf(url, canonical)) httpsCanonical = true;
        else urls = SortedStrings.with(urls, url);
    }

    /** Records a title given {@code count} times. */
    void addTitle(String title, int count) {
        int at = Arrays.binarySearch(titles, title);
        if (at >= 0) {
            if (titleCounts == null) {
                titleCounts = new int[titles.length];
                Arrays.fill(titleCounts, 1);
            }
            titleCounts[at] += count;
            return;
        }
        int insert = -at - 1;
        titles = SortedStrings.with(titles, title);
        if (titleCounts == null && count == 1) return;
        int[] counts = new int[titles.length];
        for (int i = 0, j = 0; i < counts.length; i++) counts[i] = i == insert ? count : titleCounts == null ? 1 : titleCounts[j++];
        titleCounts = counts;
    }

    /** The title most entries give it, the first in string order among those given equally often (as {@link Clustering#pick}). */
    String title() {
        if (titles.length == 0) throw new java.util.NoSuchElementException("no entry gave this resource a title");
        int best = 0;
        for (int i = 1; i < titles.length && titleCounts != null; i++) if (titleCounts[i] > titleCounts[best]) best = i;
        return titles[best];
    }

    /** Records the authors an entry names, each as {@code people} keys them; an entry's only author is a sole author. */
    void addAuthors(Entry e, PeopleResolver people) {
        for (org.listgraph.entry.Author a : e.authors()) {
            String agent = people.add(a);
            creators = SortedStrings.with(creators, agent);
            if (e.authors().size() == 1) soleAuthors = SortedStrings.with(soleAuthors, agent);
        }
    }

    void addTopics(java.util.Collection<String> listedUnder) {
        topics = SortedStrings.withAll(topics, listedUnder);
    }

    void addDerived(String topic) {
        derived = SortedStrings.with(derived, topic);
    }

    void addPart(String iri) {
        parts = SortedStrings.with(parts, iri);
    }

    void addPartOf(String iri) {
        partOf = SortedStrings.with(partOf, iri);
    }

    void addRelated(String iri) {
        related = SortedStrings.with(related, iri);
    }

    // Read-only views, each sorted and without repeats.
    List<String> urls() {
        return SortedStrings.view(allUrls());
    }

    List<String> canonicals() {
        return SortedStrings.view(canonicals);
    }

    List<String> recordings() {
        return SortedStrings.view(recordings);
    }

    List<String> slides() {
        return SortedStrings.view(slides);
    }

    List<String> creators() {
        return SortedStrings.view(creators);
    }

    List<String> soleAuthors() {
        return SortedStrings.view(soleAuthors);
    }

    List<String> topics() {
        return SortedStrings.view(topics);
    }

    List<String> derived() {
        return SortedStrings.view(derived);
    }

    List<String> lists() {
        return SortedStrings.view(lists);
    }

    List<String> parts() {
        return SortedStrings.view(parts);
    }

    List<String> partOf() {
        return SortedStrings.view(partOf);
    }

    List<String> related() {
        return SortedStrings.view(related);
    }

    void absorb(ResourceEvidence o) {
        urlAccounts = null;
        for (int i = 0; i < o.titles.length; i++) addTitle(o.titles[i], o.titleCounts == null ? 1 : o.titleCounts[i]);
        kind.absorb(o.kind);
        urls = SortedStrings.union(allUrls(), o.allUrls());
        httpsCanonical = false;
        canonicals = SortedStrings.union(canonicals, o.canonicals);
        recordings = SortedStrings.union(recordings, o.recordings);
        slides = SortedStrings.union(slides, o.slides);
        creators = SortedStrings.union(creators, o.creators);
        soleAuthors = SortedStrings.union(soleAuthors, o.soleAuthors);
        topics = SortedStrings.union(topics, o.topics);
        derived = SortedStrings.union(derived, o.derived);
        lists = SortedStrings.union(lists, o.lists);
        parts = SortedStrings.union(parts, o.parts);
        partOf = SortedStrings.union(partOf, o.partOf);
        related = SortedStrings.union(related, o.related);
    }

    private static final java.util.regex.Pattern SCHEME_AND_WWW = java.util.regex.Pattern.compile("^(?i)https?://(www\\.)?");

    /** {@link #urlAccounts()}, kept once worked out (people and works both ask, several times); null until then. */
    private Set<String> urlAccounts;

    /**
     * "service/handle|Spelling" for each account this work's URLs (canonical, and as written for the spelling) are
     * hosted on; unmodifiable, and worked out once: the URLs do not change once identity resolves.
     */
    Set<String> urlAccounts() {
        if (urlAccounts == null) urlAccounts = accountsOfUrls();
        return urlAccounts;
    }

    private Set<String> accountsOfUrls() {
        Set<String> out = new TreeSet<>();
        Set<String> all = new TreeSet<>(Arrays.asList(canonicals));
        for (String u : allUrls()) all.add(SCHEME_AND_WWW.matcher(u).replaceFirst(""));
        for (String c : all) {
            Matcher m = URL_HANDLE.matcher(c);
            if (!m.find()) continue;
            if (m.group(1) != null) out.add(m.group(1) + "/" + m.group(2).toLowerCase(Locale.ROOT) + "|" + m.group(2));
            else if (m.group(3) != null) out.add("medium/" + m.group(3).toLowerCase(Locale.ROOT) + "|" + m.group(3));
            else out.add("twitter/" + m.group(5).toLowerCase(Locale.ROOT) + "|" + m.group(5));
        }
        return out.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(out);
    }
}
