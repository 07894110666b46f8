package io.elicitor.evoi.strategy;

import io.elicitor.evoi.belief.Posterior;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Baseline: the catalog's best item for each of k particles drawn from the posterior (Thompson samples),
 * never an excluded item. A draw whose best item is already in the slate contributes its best item not yet
 * in it, so the k items are distinct. One batched inner-product search, {@code O(N·d·k)}.
 */
public final class ThompsonStrategy implements QueryStrategy {
    @Override
    public String name() {
        return "thompson";
    }

    @Override
    public int[] select(QueryContext c) {
        int k = c.slateSize();
        if (c.eligibleCount() < k) {
            throw new IllegalStateException("only " + c.eligibleCount() + " items can be shown, slate needs " + k);
        }
        Posterior posterior = c.posterior();
        float[][] queries = new float[k][];
        for (int s = 0; s < k; s++) {
            queries[s] = posterior.particle(posterior.sampleIndex(c.rng()));
        }
        // Each draw's top k non-excluded items: at most k − 1 of them can already be taken.
        int[][] found = c.search().topK(queries, k, c.excluded());
        Set<Integer> picked = new LinkedHashSet<>();
        for (int[] list : found) {
            for (int item : list) {
                if (picked.add(item)) {
                    break;
                }
            }
        }
        if (picked.size() < k) {
            throw new IllegalStateException("inner-product search returned fewer than " + k + " eligible items");
        }
        return picked.stream().mapToInt(Integer::intValue).toArray();
    }
}
