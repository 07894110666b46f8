package io.elicitor.catalog;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A small immutable insertion-ordered map for an item's attributes: two arrays, about 40 bytes plus 8 per
 * entry, where a {@code LinkedHashMap} costs about 200 bytes for one entry. A million items each hold one.
 */
final class Attributes extends AbstractMap<String, Object> {
    static final Attributes EMPTY = new Attributes(new String[0], new Object[0]);

    private final String[] keys;
    private final Object[] values;

    private Attributes(String[] keys, Object[] values) {
        this.keys = keys;
        this.values = values;
    }

    /** The entries in order; keys must be distinct (a later duplicate replaces the earlier value). */
    static Attributes of(List<String> keys, List<Object> values) {
        if (keys.isEmpty()) {
            return EMPTY;
        }
        java.util.LinkedHashMap<String, Object> dedup = null;
        if (keys.size() > 1 && keys.stream().distinct().count() != keys.size()) {
            dedup = new java.util.LinkedHashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                dedup.put(keys.get(i), values.get(i));
            }
            return new Attributes(dedup.keySet().toArray(new String[0]), dedup.values().toArray());
        }
        return new Attributes(keys.toArray(new String[0]), values.toArray());
    }

    @Override
    public int size() {
        return keys.length;
    }

    @Override
    public Object get(Object key) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i].equals(key)) {
                return values[i];
            }
        }
        return null;
    }

    @Override
    public boolean containsKey(Object key) {
        for (String k : keys) {
            if (k.equals(key)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Set<Map.Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int i;

                    @Override
                    public boolean hasNext() {
                        return i < keys.length;
                    }

                    @Override
                    public Map.Entry<String, Object> next() {
                        if (i >= keys.length) {
                            throw new NoSuchElementException();
                        }
                        Map.Entry<String, Object> e = new SimpleImmutableEntry<>(keys[i], values[i]);
                        i++;
                        return e;
                    }
                };
            }

            @Override
            public int size() {
                return keys.length;
            }
        };
    }
}
