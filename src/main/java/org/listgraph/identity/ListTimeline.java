package org.listgraph.identity;

import org.listgraph.entry.Entry;
import org.listgraph.entry.EntryHistory;
import org.listgraph.entry.ListDocument;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One list's entries through its versions, oldest first: the commit each entry (by canonical URL) first appeared in, and
 * the one that took it out when it is gone. An entry that comes back keeps the commit it first appeared in. It can be
 * saved ({@link #entries}, {@link #lastCommit}, {@link #lastBlob}) and taken up again from there, so a later run reads
 * only the newer versions.
 */
public final class ListTimeline {
    private final String listId;
    private final UrlCanonicalizer urls = new UrlCanonicalizer();
    private final Map<String, EntryHistory> entries = new TreeMap<>();
    private String lastCommit;
    private String lastBlob;

    /** A list whose history has not been read yet. */
    public ListTimeline(String listId) {
        this.listId = listId;
    }

    /** Takes up a saved timeline: its entries (those not removed are the ones in the version last read) and where it stopped. */
    public static ListTimeline resume(String listId, Collection<EntryHistory> saved, String lastCommit, String lastBlob) {
        ListTimeline t = new ListTimeline(listId);
        for (EntryHistory h : saved) {
            if (!h.listId().equals(listId)) throw new IllegalArgumentException("an entry of list " + h.listId() + " in the timeline of " + listId);
            t.entries.put(h.canonicalUrl(), h);
        }
        t.lastCommit = lastCommit;
        t.lastBlob = lastBlob;
        return t;
    }

    /**
     * The list as it was at {@code commit}: {@code doc} read from blob {@code blob}, or both null where the file was not
     * there (deleted, or not yet added): then every entry it had is gone at that commit.
     */
    public void at(String commit, String blob, ListDocument doc) {
        if (blob != null && blob.equals(lastBlob)) {
            lastCommit = commit;
            return;
        }
        Map<String, String[]> now = new HashMap<>(); // canonical URL -> {url, label}
        if (doc != null) {
            for (Entry e : doc.entries()) {
                String url = e.identifyingLink().url();
                now.putIfAbsent(urls.canonical(url), new String[]{url, e.label() != null ? e.label() : e.title()});
            }
        }
        for (Map.Entry<String, String[]> n : now.entrySet()) {
            EntryHistory was = entries.get(n.getKey());
            String added = was == null ? commit : was.addedIn(); // back after being removed: it first came earlier
            entries.put(n.getKey(), new EntryHistory(listId, n.getKey(), n.getValue()[0], n.getValue()[1], added, null));
        }
        for (EntryHistory h : new ArrayList<>(entries.values())) {
            if (!h.removed() && !now.containsKey(h.canonicalUrl())) {
                entries.put(h.canonicalUrl(), new EntryHistory(listId, h.canonicalUrl(), h.url(), h.label(), h.addedIn(), commit));
            }
        }
        lastCommit = commit;
        lastBlob = blob;
    }

    /** Every entry the list has had, by canonical URL. */
    public List<EntryHistory> entries() {
        return List.copyOf(entries.values());
    }

    public String listId() {
        return listId;
    }

    /** The commit of the last version read, or null. */
    public String lastCommit() {
        return lastCommit;
    }

    /** The blob of the last version read, or null (no file then). */
    public String lastBlob() {
        return lastBlob;
    }
}
