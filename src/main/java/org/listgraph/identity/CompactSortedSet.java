package org.listgraph.identity;

import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A set of strings in natural order, held in one sorted array of exactly its size: an empty set holds no array of
 * its own, and the object nothing but the array. Evidence keeps a dozen sets per resource, most of them empty or
 * holding one or two strings, and as {@code TreeSet}s they were the largest part of a build's heap (80 bytes each
 * when empty, 40 more per string); now 16 bytes, 4 more per string. Adding copies the array, which is cheap at the
 * sizes evidence has (a resource's lists are the largest, at most the number of lists).
 */
final class CompactSortedSet extends AbstractSet<String> {
    private static final String[] NONE = new String[0];
    private String[] items = NONE;

    @Override
    public boolean add(String s) {
        if (s == null) throw new NullPointerException("no null in a sorted set");
        int at = Arrays.binarySearch(items, s);
        if (at >= 0) return false;
        int insert = -at - 1;
        String[] more = new String[items.length + 1];
        System.arraycopy(items, 0, more, 0, insert);
        more[insert] = s;
        System.arraycopy(items, insert, more, insert + 1, items.length - insert);
        items = more;
        return true;
    }

    @Override
    public boolean addAll(Collection<? extends String> c) {
        boolean changed = false;
        for (String s : c) changed |= add(s);
        return changed;
    }

    @Override
    public boolean contains(Object o) {
        return o instanceof String s && Arrays.binarySearch(items, s) >= 0;
    }

    @Override
    public boolean remove(Object o) {
        if (!(o instanceof String s)) return false;
        int at = Arrays.binarySearch(items, s);
        if (at < 0) return false;
        String[] fewer = items.length == 1 ? NONE : new String[items.length - 1];
        System.arraycopy(items, 0, fewer, 0, at);
        System.arraycopy(items, at + 1, fewer, at, items.length - at - 1);
        items = fewer;
        return true;
    }

    /** The smallest string. */
    String first() {
        if (items.length == 0) throw new NoSuchElementException("empty set");
        return items[0];
    }

    @Override
    public int size() {
        return items.length;
    }

    @Override
    public Iterator<String> iterator() {
        return new Iterator<>() {
            private int next;
            private boolean removable;

            @Override
            public boolean hasNext() {
                return next < items.length;
            }

            @Override
            public String next() {
                if (next >= items.length) throw new NoSuchElementException();
                removable = true;
                return items[next++];
            }

            @Override
            public void remove() {
                if (!removable) throw new IllegalStateException("next() first");
                CompactSortedSet.this.remove(items[--next]);
                removable = false;
            }
        };
    }
}
