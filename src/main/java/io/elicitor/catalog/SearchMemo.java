package io.elicitor.catalog;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Arrays;
import java.util.BitSet;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Recent graph-search results by exact query: the same query vector (bit for bit), k and excluded items give the
 * same walk over the same immutable graphs, so a repeat is answered from here. Why: one question searches the
 * posterior mean's top 64 twice (the candidate pool, then the question's explanation), and a particle that
 * survives an answer unchanged is the same Thompson draw in the next question; at a million items each walk costs
 * 0.3–3 ms. Bounded by entry count (each about 200 bytes at d = 32: the query, the excluded ids, the result).
 * Thread-safe.
 */
final class SearchMemo {
    private final Cache<Key, int[]> results;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    /** A memo of at most {@code entries} results, least recently used evicted first. */
    SearchMemo(int entries) {
        if (entries < 1) {
            throw new IllegalArgumentException("entries must be positive, got " + entries);
        }
        this.results = Caffeine.newBuilder().maximumSize(entries).build();
    }

    /** The result for this query, from the memo or from {@code search} (then remembered). */
    int[] get(float[] query, int k, BitSet excluded, Supplier<int[]> search) {
        Key key = new Key(query.clone(), k, excluded == null ? new int[0] : excluded.stream().toArray());
        int[] found = results.getIfPresent(key);
        if (found != null) {
            hits.increment();
            return found.clone();
        }
        misses.increment();
        found = search.get();
        results.put(key, found.clone());
        return found;
    }

    /** Searches answered from the memo so far. */
    long hits() {
        return hits.sum();
    }

    /** Searches that walked the graphs so far. */
    long misses() {
        return misses.sum();
    }

    /** A query as compared: its floats, k, and the excluded rows in increasing order. */
    private record Key(float[] query, int k, int[] excluded) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && k == other.k && Arrays.equals(query, other.query)
                    && Arrays.equals(excluded, other.excluded);
        }

        @Override
        public int hashCode() {
            return (Arrays.hashCode(query) * 31 + k) * 31 + Arrays.hashCode(excluded);
        }

        @Override
        public String toString() {
            return "Key[k=" + k + ", d=" + query.length + ", excluded=" + excluded.length + "]";
        }
    }
}
