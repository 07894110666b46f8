package io.elicitor.evoi.partial;

import java.util.ArrayList;
import java.util.Arrays;
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
    record Seeds(List<int[]> subsets, List<float[]> grids, List<int[]> picks, List<float[]> queries) {
        /** These seeds and those of the {@code extra} subsets not among them. */
        Seeds with(PartialContext c, List<int[]> extra) {
            Seeds out = new Seeds(new ArrayList<>(subsets), new ArrayList<>(grids), new ArrayList<>(picks),
                    new ArrayList<>(queries));
            for (int[] subset : extra) {
                if (out.subsets.stream().noneMatch(s -> Arrays.equals(s, subset))) {
                    out.add(c, subset);
                }
            }
            return out;
        }

        private void add(PartialContext c, int[] subset) {
            int d = c.space().dimension();
            float[] grid = c.space().gridOptions(subset);
            int[] pick = PartialGrid.greedy(c.evaluator(), grid, grid.length / d, c.slateSize());
            subsets.add(subset);
            grids.add(grid);
            picks.add(pick);
            queries.add(PartialGrid.rows(grid, d, pick));
        }
    }

    static Seeds seeds(PartialContext c) {
        List<int[]> subsets = PartialGrid.subsets(c.space(), c.attributeCount(), c.slateSize(), c.rng());
        if (subsets.isEmpty()) {
            throw new IllegalStateException("no subset of " + c.attributeCount() + " attributes has " + c.slateSize()
                    + " options");
        }
        return new Seeds(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>()).with(c, subsets);
    }
}
