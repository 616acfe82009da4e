package org.listgraph.identity;

import org.listgraph.entry.Entry;
import org.listgraph.entry.LinkRole;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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

    final Map<String, Integer> titles = new TreeMap<>();
    final KindEvidence kind = new KindEvidence();
    final CompactSortedSet urls = new CompactSortedSet();
    final CompactSortedSet canonicals = new CompactSortedSet();
    final CompactSortedSet recordings = new CompactSortedSet();
    final CompactSortedSet slides = new CompactSortedSet();
    final CompactSortedSet creators = new CompactSortedSet();
    /** Agent keys that some entry names as this work's only author. */
    final CompactSortedSet soleAuthors = new CompactSortedSet();
    final CompactSortedSet topics = new CompactSortedSet();
    /** Topics of the scheme that an entry's title or description names, besides those it is listed under. */
    final CompactSortedSet derived = new CompactSortedSet();
    final CompactSortedSet lists = new CompactSortedSet();
    final CompactSortedSet parts = new CompactSortedSet();
    final CompactSortedSet partOf = new CompactSortedSet();
    final CompactSortedSet related = new CompactSortedSet();

    /** Records what one entry of a list says of this resource: its title, kind, URLs, recordings, slides and list. */
    void add(Entry e, String canonical, KindClassifier.Verdict verdict, String listIri, UrlCanonicalizer canonicalizer) {
        urlAccounts = null;
        titles.merge(e.title(), 1, Integer::sum);
        kind.add(verdict);
        urls.add(UrlCanonicalizer.toIri(e.identifyingLink().url()));
        canonicals.add(canonical);
        e.linksWith(LinkRole.RECORDING).forEach(l -> recordings.add(UrlCanonicalizer.toIri(l.url())));
        e.linksWith(LinkRole.SLIDES).forEach(l -> slides.add(UrlCanonicalizer.toIri(l.url())));
        if (!e.linksWith(LinkRole.RECORDING).isEmpty()) {
            // "[Title](speakerdeck…), [recording](youtube…)": the title's link is the talk's slides.
            e.linkWith(LinkRole.MAIN).filter(l -> SLIDES_URL.matcher(canonicalizer.canonical(l.url())).find())
                    .ifPresent(l -> slides.add(UrlCanonicalizer.toIri(l.url())));
        }
        lists.add(listIri);
    }

    /** Records the authors an entry names, each as {@code people} keys them; an entry's only author is a sole author. */
    void addAuthors(Entry e, PeopleResolver people) {
        for (org.listgraph.entry.Author a : e.authors()) {
            String agent = people.add(a);
            creators.add(agent);
            if (e.authors().size() == 1) soleAuthors.add(agent);
        }
    }

    void absorb(ResourceEvidence o) {
        urlAccounts = null;
        o.titles.forEach((t, c) -> titles.merge(t, c, Integer::sum));
        kind.absorb(o.kind);
        urls.addAll(o.urls);
        canonicals.addAll(o.canonicals);
        recordings.addAll(o.recordings);
        slides.addAll(o.slides);
        creators.addAll(o.creators);
        soleAuthors.addAll(o.soleAuthors);
        topics.addAll(o.topics);
        derived.addAll(o.derived);
        lists.addAll(o.lists);
        parts.addAll(o.parts);
        partOf.addAll(o.partOf);
        related.addAll(o.related);
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
        Set<String> all = new TreeSet<>(canonicals);
        urls.forEach(u -> all.add(SCHEME_AND_WWW.matcher(u).replaceFirst("")));
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
