package io.elicitor.evoi;

import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.Random;
import java.util.Set;

/**
 * The few hundred items among which queries and per-answer recommendations are scored exactly: the top
 * items under the posterior mean plus the best item of each of several Thompson samples, so that items
 * some plausible users love are present even when the mean does not favour them. Excluded items never
 * enter. Cost {@code O(N·d)} per scored vector.
 */
public final class CandidatePool {
    private final int[] items;

    private CandidatePool(int[] items) {
        this.items = items;
    }

    /**
     * Builds the pool: {@code meanTop} best items by posterior mean, then each of {@code samples} Thompson
     * draws' best item, deduplicated, in that order.
     */
    public static CandidatePool build(Posterior posterior, ItemMatrix catalog, int meanTop, int samples,
                                      BitSet excluded, Random rng) {
        if (meanTop < 1) {
            throw new IllegalArgumentException("meanTop must be >= 1, got " + meanTop);
        }
        Set<Integer> chosen = new LinkedHashSet<>();
        for (int i : ItemMatrix.topK(catalog.scores(posterior.mean()), meanTop, excluded)) {
            chosen.add(i);
        }
        for (int s = 0; s < samples; s++) {
            float[] w = posterior.particle(posterior.sampleIndex(rng));
            int[] best = ItemMatrix.topK(catalog.scores(w), 1, excluded);
            if (best.length > 0) {
                chosen.add(best[0]);
            }
        }
        return new CandidatePool(chosen.stream().mapToInt(Integer::intValue).toArray());
    }

    /** A pool of exactly the given catalog indices. */
    public static CandidatePool of(int[] items) {
        if (items.length == 0) {
            throw new IllegalArgumentException("a candidate pool needs at least one item");
        }
        return new CandidatePool(items.clone());
    }

    /** The pool's catalog indices, best by posterior mean first (a copy). */
    public int[] items() {
        return items.clone();
    }

    /** Number of items P. */
    public int size() {
        return items.length;
    }

    /** Catalog index of the pool's i-th item. */
    public int item(int i) {
        return items[i];
    }
}
