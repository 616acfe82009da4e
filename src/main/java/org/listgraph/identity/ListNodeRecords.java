package org.listgraph.identity;

import org.listgraph.entry.CompactRecordInput;
import org.listgraph.entry.CompactRecordInput.MalformedRecordsException;
import org.listgraph.entry.CompactRecordOutput;
import org.listgraph.entry.Entry;
import org.listgraph.entry.ListDocument;
import org.listgraph.identity.Identified.EntryNode;
import org.listgraph.identity.Identified.ListNode;
import org.listgraph.identity.Identified.SectionNode;

import java.util.ArrayList;
import java.util.List;

/** Writes an identified list in the compact form of {@link CompactRecordOutput} and reads it back. */
public final class ListNodeRecords {
    private ListNodeRecords() {
    }

    /** Writes the list: its document once, each entry node naming its entry by index. */
    public static void write(CompactRecordOutput out, ListNode list) {
        ListDocument doc = list.document();
        out.document(doc);
        out.string(list.iri());
        out.string(list.graphIri());
        out.string(list.revisionOfIri());
        java.util.Map<org.listgraph.entry.Section, Integer> sectionIndex = new java.util.HashMap<>();
        for (int i = doc.sections().size() - 1; i >= 0; i--) sectionIndex.put(doc.sections().get(i), i); // the first of equals
        out.count(list.sections().size());
        for (SectionNode s : list.sections()) {
            Integer at = sectionIndex.get(s.section());
            if (at == null) throw new IllegalArgumentException("section node " + s.iri() + " names a section that is not its list's");
            out.string(s.iri());
            out.count(at);
            out.string(s.broaderIri());
            out.strings(s.topicIris());
        }
        out.count(list.entries().size());
        for (EntryNode e : list.entries()) {
            int index = e.entry().index();
            // The same object as a rule (the converter makes both from one reading); equal content is enough.
            if (index >= doc.entries().size() || doc.entries().get(index) != e.entry() && !doc.entries().get(index).equals(e.entry())) {
                throw new IllegalArgumentException("entry node " + e.iri() + " names an entry that is not its list's");
            }
            out.string(e.iri());
            out.count(index);
            out.string(e.resourceIri());
            out.string(e.sectionIri());
            out.string(e.parentIri());
        }
    }

    /** Reads a list {@link #write} wrote. */
    public static ListNode read(CompactRecordInput in) {
        ListDocument doc = in.document();
        String iri = in.string(), graphIri = in.string(), revisionOf = in.string();
        int n = in.count();
        List<SectionNode> sections = new ArrayList<>(Math.min(n, doc.sections().size()));
        for (int i = 0; i < n; i++) {
            String sectionIri = in.string();
            sections.add(new SectionNode(sectionIri, pick(doc.sections(), in.count()), in.string(), in.strings()));
        }
        n = in.count();
        List<EntryNode> entries = new ArrayList<>(Math.min(n, doc.entries().size()));
        for (int i = 0; i < n; i++) {
            String entryIri = in.string();
            Entry entry = pick(doc.entries(), in.count());
            entries.add(new EntryNode(entryIri, entry, in.string(), in.string(), in.string()));
        }
        return new ListNode(doc, iri, graphIri, revisionOf, sections, entries);
    }

    private static <T> T pick(List<T> all, int i) {
        if (i >= all.size()) throw new MalformedRecordsException("no item " + i + " of " + all.size());
        return all.get(i);
    }
}
