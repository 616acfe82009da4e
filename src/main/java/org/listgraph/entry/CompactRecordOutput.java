package org.listgraph.entry;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a read list's records in a compact binary form that {@link CompactRecordInput} reads back: numbers as
 * variable-length integers, each distinct string once (later uses name it by number), and no class names. A list
 * is written to a temporary file after identity and to the build cache, and read back several times per build;
 * Java serialization of the same records was three to ten times larger and slower, and let a cache file name the
 * classes it makes.
 */
public final class CompactRecordOutput {
    private byte[] buf = new byte[4096];
    private int size;
    /** Each string written so far, with its number. */
    private final Map<String, Integer> strings = new HashMap<>();

    /** The bytes written so far. */
    public byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    /** A number from 0 up, in one to five bytes. */
    public void count(int n) {
        if (n < 0) throw new IllegalArgumentException("a count is not negative: " + n);
        while ((n & ~0x7f) != 0) {
            put((n & 0x7f) | 0x80);
            n >>>= 7;
        }
        put(n);
    }

    public void bool(boolean b) {
        put(b ? 1 : 0);
    }

    /** An enum constant, or null. */
    public void constant(Enum<?> e) {
        count(e == null ? 0 : e.ordinal() + 1);
    }

    /**
     * A string or null. The first use of a string writes its chars (as Java's modified UTF-8 does, so any char
     * sequence, even half a surrogate pair, comes back as it was); a later one writes its number.
     */
    public void string(String s) {
        if (s == null) {
            count(0);
            return;
        }
        Integer known = strings.get(s);
        if (known != null) {
            count(known + 2);
            return;
        }
        strings.put(s, strings.size());
        count(1);
        int bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            bytes += c != 0 && c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
        }
        count(bytes);
        room(bytes);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != 0 && c < 0x80) {
                buf[size++] = (byte) c;
            } else if (c < 0x800) {
                buf[size++] = (byte) (0xc0 | c >> 6);
                buf[size++] = (byte) (0x80 | c & 0x3f);
            } else {
                buf[size++] = (byte) (0xe0 | c >> 12);
                buf[size++] = (byte) (0x80 | c >> 6 & 0x3f);
                buf[size++] = (byte) (0x80 | c & 0x3f);
            }
        }
    }

    /** Strings in the collection's order. */
    public void strings(Collection<String> all) {
        count(all.size());
        for (String s : all) string(s);
    }

    public void position(SourcePosition p) {
        string(p.file());
        count(p.line());
        count(p.column());
    }

    public void document(ListDocument d) {
        info(d.info());
        string(d.sha256());
        count(d.sections().size());
        for (Section s : d.sections()) {
            strings(s.path());
            count(s.level());
            position(s.position());
        }
        count(d.entries().size());
        for (Entry e : d.entries()) entry(e);
        count(d.problems().size());
        for (Problem p : d.problems()) {
            position(p.position());
            constant(p.severity());
            string(p.message());
        }
        count(d.prose().size());
        for (Prose p : d.prose()) {
            strings(p.sectionPath());
            string(p.text());
            strings(p.links());
            position(p.position());
        }
        Outline o = d.outline();
        count(o.headings().size());
        for (Outline.HeadingAt h : o.headings()) {
            count(h.level());
            string(h.text());
            string(h.anchor());
            position(h.position());
        }
        count(o.targets().size());
        for (Outline.TargetAt t : o.targets()) {
            string(t.target());
            string(t.text());
            bool(t.image());
            position(t.position());
        }
        strings(o.anchors());
    }

    private void info(ListInfo i) {
        string(i.id());
        string(i.title());
        string(i.file());
        string(i.origin());
        string(i.license());
        string(i.revisionOf());
        strings(i.lintOff());
        constant(i.kinds().list());
        count(i.kinds().sections().size());
        for (KindDefaults.SectionKind s : i.kinds().sections()) {
            // The source alone: the manifest compiles a heading pattern with no flags (inline ones are in the source), and
            // Pattern.flags() would add flags set inside it, which compiled again would apply to the whole pattern.
            string(s.heading().pattern());
            constant(s.kind());
        }
    }

    private void entry(Entry e) {
        position(e.position());
        count(e.parentIndex() + 1);
        strings(e.sectionPath());
        string(e.title());
        string(e.label());
        count(e.links().size());
        for (Link l : e.links()) {
            string(l.url());
            string(l.text());
            constant(l.role());
            position(l.position());
        }
        string(e.description());
        authors(e.authors());
        string(e.date());
        bool(e.featured());
        string(e.site());
        bool(e.part());
        string(e.markdown());
        strings(e.tags());
        bool(e.series() != null);
        if (e.series() != null) {
            string(e.series().title());
            string(e.series().line());
            authors(e.series().authors());
        }
    }

    private void authors(List<Author> authors) {
        count(authors.size());
        for (Author a : authors) {
            string(a.name());
            count(a.accounts().size());
            for (Account acc : a.accounts()) {
                string(acc.service());
                string(acc.serviceHomepage());
                string(acc.name());
            }
            string(a.homepage());
            strings(a.affiliations());
        }
    }

    private void put(int b) {
        room(1);
        buf[size++] = (byte) b;
    }

    private void room(int n) {
        if (size + n > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
    }

    @Override
    public String toString() {
        return "CompactRecordOutput[" + size + " bytes, " + strings.size() + " strings]";
    }
}
