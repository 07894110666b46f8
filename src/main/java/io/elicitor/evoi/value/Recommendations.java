package io.elicitor.evoi.value;

import io.elicitor.evoi.ItemMatrix;
import io.elicitor.evoi.belief.Belief;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * What to recommend under a belief: the catalog items with the largest posterior expected utility
 * {@code EU(x) = w̄·x}. Because utility is linear in w, this is one maximum inner product search for the
 * posterior mean, exact or approximate as the catalog's search is. The service's recommendations and the
 * simulation harness's regret both come from here. Cost: one search ({@code O(N·d)} exact) plus
 * {@code O(limit·d)}. Stateless and thread-safe.
 */
public final class Recommendations {
    private Recommendations() {}

    /** A recommended catalog item and its posterior expected utility. */
    public record Scored(int item, double expectedUtility) {}

    /** The {@code limit} best items by expected utility, best first, never an {@code excluded} one (may be null). */
    public static List<Scored> top(Belief belief, InnerProductSearch search, int limit, BitSet excluded) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1, got " + limit);
        }
        ItemMatrix items = search.items();
        float[] mean = belief.mean();
        int[] top = search.topK(mean, Math.min(limit, items.size()), excluded == null ? new BitSet() : excluded);
        List<Scored> out = new ArrayList<>(top.length);
        for (int i : top) {
            float[] x = items.row(i);
            double eu = 0;
            for (int j = 0; j < x.length; j++) {
                eu += (double) x[j] * mean[j];
            }
            out.add(new Scored(i, eu));
        }
        return out;
    }

    /** Catalog indices of the {@code limit} best items, best first, nothing excluded. */
    public static int[] items(Belief belief, InnerProductSearch search, int limit) {
        return search.topK(belief.mean(), Math.min(limit, search.items().size()), new BitSet());
    }
}
