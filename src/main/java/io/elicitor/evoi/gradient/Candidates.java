package io.elicitor.evoi.gradient;

import io.elicitor.evoi.TopK;
import io.elicitor.evoi.strategy.QueryContext;
import io.elicitor.evoi.value.PoolScores;
import io.elicitor.evoi.value.SlateValues;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The distinct candidate slates of one query (catalog indices, in the order they were found) with their exact
 * values, scored in batches by the context's {@code PoolEvaluator}; the gradient strategies' one bookkeeping of
 * "every seed, every mapped slate and every swap result is a candidate, and the best of them is asked". A slate
 * whose items all lie in the pool can start the pool's swap search. Not thread-safe; one per query.
 */
final class Candidates {
    private final QueryContext context;
    private final PoolScores pool;
    private final Map<Integer, Integer> poolIndex = new HashMap<>();
    private final Map<String, int[]> byKey = new LinkedHashMap<>();
    private final List<int[]> list = new ArrayList<>();
    private SlateValues values;

    /** No candidates yet, over the context's pool. */
    Candidates(QueryContext context, PoolScores pool) {
        this.context = context;
        this.pool = pool;
        int[] items = pool.items();
        for (int y = 0; y < items.length; y++) {
            poolIndex.put(items[y], y);
        }
    }

    /** Adds slates of pool indices not seen yet. */
    void addPool(int[][] poolSlates) {
        for (int[] s : poolSlates) {
            add(pool.toCatalog(s));
        }
    }

    /** Adds a slate of catalog indices unless it is already a candidate; true if it was new. */
    boolean add(int[] catalogSlate) {
        if (byKey.putIfAbsent(PoolScores.key(catalogSlate), catalogSlate) != null) {
            return false;
        }
        list.add(catalogSlate);
        return true;
    }

    /** Number of candidates so far. */
    int size() {
        return list.size();
    }

    /** Candidate i (catalog indices). */
    int[] get(int i) {
        return list.get(i);
    }

    /** Candidate i as pool indices, or null when one of its items is not in the pool. */
    int[] poolSlate(int i) {
        int[] s = list.get(i);
        int[] out = new int[s.length];
        for (int l = 0; l < s.length; l++) {
            Integer y = poolIndex.get(s[l]);
            if (y == null) {
                return null;
            }
            out[l] = y;
        }
        return out;
    }

    /** Exact values of every candidate, scoring those added since the last call in one batch. */
    SlateValues values() {
        int scored = values == null ? 0 : values.peu().length;
        if (scored < list.size()) {
            SlateValues more = context.evaluator().values(list.subList(scored, list.size()).toArray(new int[0][]));
            values = values == null ? more : values.followedBy(more);
        }
        return values;
    }

    /** Exact PEU of slates that are not (yet) candidates, catalog indices, in one batch. */
    double[] score(int[][] slates) {
        return context.evaluator().peu(slates);
    }

    /** Exact PEU of candidate i (scores pending candidates first). */
    double peu(int i) {
        return values().peu()[i];
    }

    /** Indices in {@code [from, to)} of the {@code n} candidates of largest exact PEU, best first. */
    List<Integer> best(int from, int to, int n) {
        double[] peu = values().peu();
        List<Integer> out = new ArrayList<>();
        if (from >= to || n <= 0) {
            return out;
        }
        TopK top = new TopK(n);
        for (int i = from; i < to; i++) {
            top.offer(i, peu[i]);
        }
        for (int i : top.indices()) {
            out.add(i);
        }
        return out;
    }

    /**
     * Runs the pool's swap search from each of the given candidates that lie in the pool and adds what it finds.
     */
    void swapFrom(List<Integer> starts, SwapSearch search, int rounds) {
        List<int[]> found = new ArrayList<>();
        for (int i : starts) {
            int[] start = poolSlate(i);
            if (start != null) {
                found.add(search.improve(start, peu(i), rounds).slate());
            }
        }
        for (int[] s : found) {
            add(pool.toCatalog(s));
        }
    }

    /** The candidate to ask: {@link SlateValues#best} at the evaluator's tie tolerance (catalog indices). */
    int[] best() {
        return list.get(values().best(context.evaluator().tieTolerance())).clone();
    }
}
