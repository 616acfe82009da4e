package org.listgraph.rdf;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * A 128-bit digest of the records a {@link SubjectGraph} makes one subject's triples from: for one program (the
 * salt names it), equal digests mean equal triples, so a build can tell an unchanged subject of the shared graph
 * without making its triples. Records are encoded component by component, each value with its type and length,
 * so no two different records encode alike; a value of a type this does not know is refused rather than guessed.
 * One digest serves one thread.
 */
public final class RecordDigest {
    private static final ClassValue<Method[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected Method[] computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Method[] accessors = new Method[components.length];
            for (int i = 0; i < components.length; i++) {
                accessors[i] = components[i].getAccessor();
                accessors[i].setAccessible(true); // records private to a graph class are read too
            }
            return accessors;
        }
    };

    /** The salt's own SHA-256, as two longs. */
    private final long[] saltDigest;
    private final MessageDigest sha;
    private byte[] buf = new byte[512];
    private int size;

    /** A digest for the program and rules named by {@code salt} (records alone do not say how triples are made of them). */
    public RecordDigest(String salt) {
        try {
            this.sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        this.saltDigest = twoLongs(sha.digest(salt.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The digest of {@code subject} described by {@code records} in that order, as two longs (high, low): the SHA-256
     * of their encoding XOR the salt's. Hashing the salt with every subject cost as much as the subject itself; the
     * XOR keeps what matters, as the digests of different records differ by a given value no likelier than they collide.
     */
    public long[] of(String subject, List<Object> records) {
        size = 0;
        string(subject);
        count(records.size());
        for (Object r : records) value(r);
        sha.update(buf, 0, size);
        long[] d = twoLongs(sha.digest());
        return new long[]{d[0] ^ saltDigest[0], d[1] ^ saltDigest[1]};
    }

    private static long[] twoLongs(byte[] digest) {
        ByteBuffer d = ByteBuffer.wrap(digest);
        return new long[]{d.getLong(), d.getLong()};
    }

    private void value(Object v) {
        if (v == null) {
            put('N');
        } else if (v instanceof String s) {
            put('S');
            string(s);
        } else if (v instanceof Boolean b) {
            put(b ? 'T' : 'F');
        } else if (v instanceof Integer || v instanceof Long) {
            put('I');
            string(v.toString());
        } else if (v instanceof Enum<?> e) {
            put('E');
            string(e.getDeclaringClass().getName());
            string(e.name());
        } else if (v instanceof List<?> list) {
            put('L');
            count(list.size());
            for (Object x : list) value(x);
        } else if (v instanceof java.util.SortedSet<?> set && set.comparator() == null) {
            put('L'); // iterated in its natural order, as a list would be
            count(set.size());
            for (Object x : set) value(x);
        } else if (v instanceof Record r) {
            put('R');
            string(r.getClass().getName());
            Method[] accessors = COMPONENTS.get(r.getClass());
            count(accessors.length);
            for (Method m : accessors) value(read(m, r));
        } else if (v instanceof Collection<?>) {
            throw new IllegalArgumentException("a collection with no fixed order cannot be digested: " + v.getClass().getName());
        } else {
            throw new IllegalArgumentException("no digest for a value of type " + v.getClass().getName());
        }
    }

    private static Object read(Method accessor, Record r) {
        try {
            return accessor.invoke(r);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + accessor + " of a record", e);
        }
    }

    private void string(String s) {
        count(s.length());
        room(2 * s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            buf[size++] = (byte) (c >>> 8);
            buf[size++] = (byte) c;
        }
    }

    private void count(int n) {
        room(4);
        buf[size++] = (byte) (n >>> 24);
        buf[size++] = (byte) (n >>> 16);
        buf[size++] = (byte) (n >>> 8);
        buf[size++] = (byte) n;
    }

    private void put(char tag) {
        room(1);
        buf[size++] = (byte) tag;
    }

    private void room(int n) {
        if (size + n > buf.length) buf = Arrays.copyOf(buf, Math.max(2 * buf.length, size + n));
    }
}
