package io.elicitor.evoi.partial;

import java.util.ArrayList;
import java.util.List;

/**
 * Greedy EUS over the grid: for every attribute subset the greedy choice set among its grid options
 * ({@link PartialGrid#greedy}), then the subset whose greedy query has the largest exact EVOI. Costs
 * {@code O(subsets · k · grid · M)} plus one exact evaluation per subset.
 */
public final class GreedyPartial implements PartialStrategy {
    @Override
    public String name() {
        return "greedy-eus";
    }

    @Override
    public PartialQuery select(PartialContext c) {
        Seeds seeds = seeds(c);
        return PartialGrid.best(c.evaluator(), seeds.subsets(), seeds.queries(), c.slateSize());
    }

    /** The greedy grid query of every searched subset, in subset order. */
    record Seeds(List<int[]> subsets, List<float[]> grids, List<int[]> picks, List<float[]> queries) {}

    static Seeds seeds(PartialContext c) {
        AttributeSpace space = c.space();
        int d = space.dimension();
        int k = c.slateSize();
        List<int[]> subsets = PartialGrid.subsets(space, c.attributeCount(), k, c.rng());
        if (subsets.isEmpty()) {
            throw new IllegalStateException("no subset of " + c.attributeCount() + " attributes has " + k + " options");
        }
        List<float[]> grids = new ArrayList<>(subsets.size());
        List<int[]> picks = new ArrayList<>(subsets.size());
        List<float[]> queries = new ArrayList<>(subsets.size());
        for (int[] subset : subsets) {
            float[] grid = space.gridOptions(subset);
            int[] pick = PartialGrid.greedy(c.evaluator(), grid, grid.length / d, k);
            grids.add(grid);
            picks.add(pick);
            queries.add(PartialGrid.rows(grid, d, pick));
        }
        return new Seeds(subsets, grids, picks, queries);
    }
}
