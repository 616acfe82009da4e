package org.listgraph.identity;

import java.util.AbstractSet;
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
    private String[] items = SortedStrings.NONE;

    @Override
    public boolean add(String s) {
        String[] had = items;
        items = SortedStrings.with(items, s);
        return items != had;
    }

    @Override
    public boolean addAll(Collection<? extends String> c) {
        boolean changed = false;
        for (String s : c) changed |= add(s);
        return changed;
    }

    @Override
    public boolean contains(Object o) {
        return SortedStrings.contains(items, o);
    }

    @Override
    public boolean remove(Object o) {
        if (!(o instanceof String s)) return false;
        String[] had = items;
        items = SortedStrings.without(items, s);
        return items != had;
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
