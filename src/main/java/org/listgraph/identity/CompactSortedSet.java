package org.listgraph.identity;

import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A set of strings in natural order, held in one sorted array: an empty set holds no array at all. Evidence keeps
 * a dozen sets per resource, most of them empty or holding one or two strings, and as {@code TreeSet}s they were
 * the largest part of a build's heap (80 bytes each when empty, 40 more per string).
 */
final class CompactSortedSet extends AbstractSet<String> {
    private static final String[] NONE = new String[0];
    private String[] items = NONE;
    private int size;

    @Override
    public boolean add(String s) {
        if (s == null) throw new NullPointerException("no null in a sorted set");
        int at = Arrays.binarySearch(items, 0, size, s);
        if (at >= 0) return false;
        int insert = -at - 1;
        if (size == items.length) items = Arrays.copyOf(items, size == 0 ? 1 : size < 8 ? size * 2 : size + size / 2);
        System.arraycopy(items, insert, items, insert + 1, size - insert);
        items[insert] = s;
        size++;
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
        return o instanceof String s && Arrays.binarySearch(items, 0, size, s) >= 0;
    }

    @Override
    public boolean remove(Object o) {
        if (!(o instanceof String s)) return false;
        int at = Arrays.binarySearch(items, 0, size, s);
        if (at < 0) return false;
        System.arraycopy(items, at + 1, items, at, size - at - 1);
        items[--size] = null;
        return true;
    }

    /** The smallest string. */
    String first() {
        if (size == 0) throw new NoSuchElementException("empty set");
        return items[0];
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Iterator<String> iterator() {
        return new Iterator<>() {
            private int next;
            private boolean removable;

            @Override
            public boolean hasNext() {
                return next < size;
            }

            @Override
            public String next() {
                if (next >= size) throw new NoSuchElementException();
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
