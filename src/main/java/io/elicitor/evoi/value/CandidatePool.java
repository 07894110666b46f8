package io.elicitor.evoi.value;

import io.elicitor.evoi.belief.Posterior;
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
    public static CandidatePool build(Posterior posterior, InnerProductSearch search, int meanTop, int samples,
                                      BitSet excluded, Random rng) {
        if (meanTop < 1) {
            throw new IllegalArgumentException("meanTop must be >= 1, got " + meanTop);
        }
        // One batched search: the mean's top items, then each distinct Thompson draw's best (draws of one particle
        // are searched once; resampled posteriors repeat particles often).
        int[] drawn = distinctDraws(posterior, samples, rng);
        float[][] queries = new float[drawn.length + 1][];
        int[] ks = new int[drawn.length + 1];
        queries[0] = posterior.mean();
        ks[0] = meanTop;
        for (int s = 0; s < drawn.length; s++) {
            queries[s + 1] = posterior.particle(drawn[s]);
            ks[s + 1] = 1;
        }
        int[][] found = search.topK(queries, ks, excluded);
        Set<Integer> chosen = new LinkedHashSet<>();
        for (int i : found[0]) {
            chosen.add(i);
        }
        for (int s = 1; s < found.length; s++) {
            if (found[s].length > 0) {
                chosen.add(found[s][0]);
            }
        }
        if (chosen.isEmpty()) {
            throw new IllegalStateException("every catalog item is excluded");
        }
        return new CandidatePool(chosen.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * A pool of exactly {@code size} items (fewer only when fewer are eligible): the best item of each of
     * {@code samples} Thompson draws, then the best items by posterior mean until the pool is full. Items
     * by mean come first in the result. Two searches: the mean's top {@code size}, the draws' top 1.
     */
    public static CandidatePool ofSize(Posterior posterior, InnerProductSearch search, int size, int samples,
                                       BitSet excluded, Random rng) {
        if (size < 1 || samples < 0) {
            throw new IllegalArgumentException("need size >= 1 and samples >= 0, got " + size + " and " + samples);
        }
        Set<Integer> sampled = new LinkedHashSet<>();
        if (samples > 0) {
            int[] drawn = distinctDraws(posterior, samples, rng);
            float[][] queries = new float[drawn.length][];
            for (int s = 0; s < drawn.length; s++) {
                queries[s] = posterior.particle(drawn[s]);
            }
            for (int[] found : search.topK(queries, 1, excluded)) {
                if (found.length > 0 && sampled.size() < size) {
                    sampled.add(found[0]);
                }
            }
        }
        int[] byMean = search.topK(posterior.mean(), size, excluded);
        Set<Integer> fromMean = new LinkedHashSet<>();
        for (int i : byMean) {
            if (sampled.size() + fromMean.size() >= size) {
                break;
            }
            if (!sampled.contains(i)) {
                fromMean.add(i);
            }
        }
        // Mean order first: the sampled items that the mean also ranks, then the mean's others, then the rest.
        Set<Integer> ordered = new LinkedHashSet<>();
        for (int i : byMean) {
            if (sampled.contains(i) || fromMean.contains(i)) {
                ordered.add(i);
            }
        }
        ordered.addAll(sampled);
        if (ordered.isEmpty()) {
            throw new IllegalStateException("every catalog item is excluded");
        }
        return new CandidatePool(ordered.stream().mapToInt(Integer::intValue).toArray());
    }

    /** {@code samples} particle indices drawn by weight, repeats dropped (first draw order kept). */
    private static int[] distinctDraws(Posterior posterior, int samples, Random rng) {
        Set<Integer> drawn = new LinkedHashSet<>();
        for (int s = 0; s < samples; s++) {
            drawn.add(posterior.sampleIndex(rng));
        }
        return drawn.stream().mapToInt(Integer::intValue).toArray();
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
