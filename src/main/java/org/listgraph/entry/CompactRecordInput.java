package org.listgraph.entry;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads back what {@link CompactRecordOutput} wrote, making every record through its constructor, so what comes
 * back is checked as a freshly read list is. Bytes that are cut short or do not fit the form give a
 * {@link MalformedRecordsException}, never an allocation of more items than the input has bytes.
 */
public final class CompactRecordInput {
    private final byte[] buf;
    private int at;
    private final int end;
    /** The strings read so far, by number: each is one instance however often it is used. */
    private final List<String> strings = new ArrayList<>();

    /** Reads {@code length} bytes of {@code buf} from {@code offset}. */
    public CompactRecordInput(byte[] buf, int offset, int length) {
        if (offset < 0 || length < 0 || offset + length > buf.length) throw new IllegalArgumentException("outside the array");
        this.buf = buf;
        this.at = offset;
        this.end = offset + length;
    }

    /** Thrown when the bytes are not records this version wrote. */
    public static final class MalformedRecordsException extends RuntimeException {
        public MalformedRecordsException(String message) {
            super(message);
        }
    }

    /** Whether every byte has been read. */
    public boolean atEnd() {
        return at == end;
    }

    public int count() {
        int n = 0;
        for (int shift = 0; shift < 32; shift += 7) {
            int b = next();
            n |= (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                if (n < 0) throw new MalformedRecordsException("a negative count");
                return n;
            }
        }
        throw new MalformedRecordsException("a count longer than five bytes");
    }

    /** A count of things each written in at least one byte: no more than the bytes left. */
    private int size() {
        int n = count();
        if (n > end - at) throw new MalformedRecordsException("a count of " + n + " with " + (end - at) + " bytes left");
        return n;
    }

    public boolean bool() {
        int b = next();
        if (b > 1) throw new MalformedRecordsException("a boolean of " + b);
        return b == 1;
    }

    /** An enum constant of {@code values}, or null. */
    public <E extends Enum<E>> E constant(E[] values) {
        int n = count();
        if (n > values.length) throw new MalformedRecordsException("no constant " + n);
        return n == 0 ? null : values[n - 1];
    }

    public String string() {
        int tag = count();
        if (tag == 0) return null;
        if (tag >= 2) {
            if (tag - 2 >= strings.size()) throw new MalformedRecordsException("string " + (tag - 2) + " was not written before");
            return strings.get(tag - 2);
        }
        if (tag != 1) throw new MalformedRecordsException("a string tag of " + tag);
        int bytes = size();
        int stop = at + bytes;
        boolean ascii = true;
        for (int i = at; i < stop && ascii; i++) ascii = buf[i] > 0;
        String s;
        if (ascii) {
            s = new String(buf, at, bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
            at = stop;
        } else {
            char[] chars = new char[bytes];
            int n = 0;
            while (at < stop) {
                int b = buf[at++] & 0xff;
                if (b < 0x80) {
                    chars[n++] = (char) b;
                } else if ((b & 0xe0) == 0xc0) {
                    chars[n++] = (char) ((b & 0x1f) << 6 | continuation(stop));
                } else if ((b & 0xf0) == 0xe0) {
                    int c = (b & 0x0f) << 12 | continuation(stop) << 6;
                    chars[n++] = (char) (c | continuation(stop));
                } else {
                    throw new MalformedRecordsException("a bad string byte " + b);
                }
            }
            s = new String(chars, 0, n);
        }
        strings.add(s);
        return s;
    }

    private int continuation(int stop) {
        if (at >= stop) throw new MalformedRecordsException("a string cut short");
        int b = buf[at++] & 0xff;
        if ((b & 0xc0) != 0x80) throw new MalformedRecordsException("a bad string byte " + b);
        return b & 0x3f;
    }

    public List<String> strings() {
        int n = size();
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(string());
        return out;
    }

    public SourcePosition position() {
        return new SourcePosition(string(), count(), count());
    }

    public ListDocument document() {
        ListInfo info = info();
        String sha = string();
        int n = size();
        List<Section> sections = new ArrayList<>(n);
        for (int i = 0; i < n; i++) sections.add(new Section(strings(), count(), position()));
        n = size();
        List<Entry> entries = new ArrayList<>(n);
        for (int i = 0; i < n; i++) entries.add(entry(i));
        n = size();
        List<Problem> problems = new ArrayList<>(n);
        for (int i = 0; i < n; i++) problems.add(new Problem(position(), constant(Severity.values()), string()));
        n = size();
        List<Prose> prose = new ArrayList<>(n);
        for (int i = 0; i < n; i++) prose.add(new Prose(strings(), string(), strings(), position()));
        n = size();
        List<Outline.HeadingAt> headings = new ArrayList<>(n);
        for (int i = 0; i < n; i++) headings.add(new Outline.HeadingAt(count(), string(), string(), position()));
        n = size();
        List<Outline.TargetAt> targets = new ArrayList<>(n);
        for (int i = 0; i < n; i++) targets.add(new Outline.TargetAt(string(), string(), bool(), position()));
        Outline outline = new Outline(headings, targets, new java.util.TreeSet<>(strings()));
        return new ListDocument(info, sha, sections, entries, problems, prose, outline);
    }

    private ListInfo info() {
        String id = string(), title = string(), file = string(), origin = string(), license = string(), revisionOf = string();
        List<String> lintOff = strings();
        Kind list = constant(Kind.values());
        int n = size();
        List<KindDefaults.SectionKind> sections = new ArrayList<>(n);
        for (int i = 0; i < n; i++) sections.add(new KindDefaults.SectionKind(Pattern.compile(string()), constant(Kind.values())));
        KindDefaults kinds = list == null && sections.isEmpty() ? KindDefaults.NONE : new KindDefaults(list, sections);
        return new ListInfo(id, title, file, origin, license, revisionOf, lintOff, kinds);
    }

    private Entry entry(int index) {
        SourcePosition position = position();
        int parent = count() - 1;
        List<String> sectionPath = strings();
        String title = string(), label = string();
        int n = size();
        List<Link> links = new ArrayList<>(n);
        for (int i = 0; i < n; i++) links.add(new Link(string(), string(), constant(LinkRole.values()), position()));
        String description = string();
        List<Author> authors = authors();
        String date = string();
        boolean featured = bool();
        String site = string();
        boolean part = bool();
        String markdown = string();
        List<String> tags = strings();
        Series series = bool() ? new Series(string(), string(), authors()) : null;
        return new Entry(position, index, parent, sectionPath, title, label, links, description, authors, date, featured, site, part,
                markdown, tags, series);
    }

    private List<Author> authors() {
        int n = size();
        List<Author> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String name = string();
            int m = size();
            List<Account> accounts = new ArrayList<>(m);
            for (int j = 0; j < m; j++) accounts.add(new Account(string(), string(), string()));
            out.add(new Author(name, accounts, string(), strings()));
        }
        return out;
    }

    private int next() {
        if (at >= end) throw new MalformedRecordsException("the records end early");
        return buf[at++] & 0xff;
    }
}
