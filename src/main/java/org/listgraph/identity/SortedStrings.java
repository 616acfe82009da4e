package org.listgraph.identity;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.RandomAccess;

/**
 * Sets of strings held as bare arrays, sorted and without repeats, with the shared empty array for an empty set.
 * Identity keeps a dozen such sets for each of up to a million resources, most empty or of one string: an object
 * around each array was 16 bytes more per set, as much as the array of a one-string set itself.
 */
final class SortedStrings {
    static final String[] NONE = new String[0];

    private SortedStrings() {
    }

    /** The set with {@code s} added: {@code set} itself when it has it already, else a new array. */
    static String[] with(String[] set, String s) {
        if (s == null) throw new NullPointerException("no null in a sorted set");
        int at = Arrays.binarySearch(set, s);
        if (at >= 0) return set;
        int insert = -at - 1;
        String[] more = new String[set.length + 1];
        System.arraycopy(set, 0, more, 0, insert);
        more[insert] = s;
        System.arraycopy(set, insert, more, insert + 1, set.length - insert);
        return more;
    }

    /** The set with every string of {@code add} added. */
    static String[] withAll(String[] set, Collection<String> add) {
        for (String s : add) set = with(set, s);
        return set;
    }

    /** The union of two sets, merged in one pass. */
    static String[] union(String[] a, String[] b) {
        if (b.length == 0) return a;
        if (a.length == 0) return b;
        String[] out = new String[a.length + b.length];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < a.length && j < b.length) {
            int c = a[i].compareTo(b[j]);
            if (c < 0) out[n++] = a[i++];
            else if (c > 0) out[n++] = b[j++];
            else {
                out[n++] = a[i++];
                j++;
            }
        }
        while (i < a.length) out[n++] = a[i++];
        while (j < b.length) out[n++] = b[j++];
        if (n == a.length) return a;
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /** The set without {@code s}. */
    static String[] without(String[] set, String s) {
        int at = Arrays.binarySearch(set, s);
        if (at < 0) return set;
        if (set.length == 1) return NONE;
        String[] fewer = new String[set.length - 1];
        System.arraycopy(set, 0, fewer, 0, at);
        System.arraycopy(set, at + 1, fewer, at, set.length - at - 1);
        return fewer;
    }

    /** Whether the set holds {@code o}, by binary search. */
    static boolean contains(String[] set, Object o) {
        return o instanceof String s && Arrays.binarySearch(set, s) >= 0;
    }

    /** A read-only list over the set, in its order; the array must not change while the view is used. */
    static List<String> view(String[] set) {
        return set.length == 0 ? List.of() : new View(set);
    }

    private static final class View extends AbstractList<String> implements RandomAccess {
        private final String[] items;

        View(String[] items) {
            this.items = items;
        }

        @Override
        public String get(int index) {
            return items[index];
        }

        @Override
        public int size() {
            return items.length;
        }

        @Override
        public boolean contains(Object o) {
            return SortedStrings.contains(items, o);
        }

        @Override
        public int indexOf(Object o) {
            int at = o instanceof String s ? Arrays.binarySearch(items, s) : -1;
            return at < 0 ? -1 : at;
        }
    }
}
