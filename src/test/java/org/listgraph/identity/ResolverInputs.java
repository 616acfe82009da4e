package org.listgraph.identity;

import org.listgraph.entry.Entry;
import org.listgraph.entry.Kind;
import org.listgraph.entry.ListDocument;
import org.listgraph.entry.ListInfo;
import org.listgraph.entry.Problems;
import org.listgraph.markdown.ListReader;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Lists read from Markdown and recorded as Catalog records them, so a test can run one resolver on its own. */
final class ResolverInputs {
    static final IriMinter IRIS = new IriMinter(IriMinter.DEFAULT_BASE);
    static final UrlCanonicalizer URLS = new UrlCanonicalizer();
    /** Kinds play no part in who is who or which works are one, so every entry gets the same verdict. */
    private static final KindClassifier.Verdict ARTICLE =
            new KindClassifier.Verdict(EnumSet.of(Kind.ARTICLE), KindClassifier.Tier.FALLBACK, Map.of(Kind.ARTICLE, "Article: a test"));

    private ResolverInputs() {
    }

    static Overrides noOverrides() {
        return Overrides.inFolders(List.of());
    }

    /** One list as the Markdown reader reads it; its id names its file too. */
    static ListDocument read(String listId, String markdown) {
        return new ListReader().read(new ListInfo(listId, listId, listId + ".md", null, null, null), "0", markdown, false,
                new Problems(listId + ".md"));
    }

    /** What the lists say of each resource, by raw resource IRI, with its authors recorded in {@code people}. */
    static SortedMap<String, ResourceEvidence> evidence(PeopleResolver people, ListDocument... docs) {
        SortedMap<String, ResourceEvidence> resources = new TreeMap<>();
        for (ListDocument doc : docs) {
            for (Entry e : doc.entries()) {
                String canonical = URLS.canonical(e.identifyingLink().url());
                ResourceEvidence r = resources.computeIfAbsent(IRIS.resource(canonical), k -> new ResourceEvidence());
                r.add(e, canonical, ARTICLE, IRIS.list(doc.info().id()), URLS);
                r.addAuthors(e, people);
            }
        }
        return resources;
    }
}
