package io.elicitor.evoi.partial;

import java.util.ArrayList;
import java.util.List;

/**
 * The reference among grid queries: every set of k distinct grid options of every searched subset, scored
 * exactly, when there are at most {@link #BUDGET} such queries in all. Beyond that it scores a seeded uniform
 * sample of {@link #BUDGET} of them together with greedy's query of every subset, so it is never below greedy
 * but is no longer exhaustive (bench output says so by its EVOI ratio, not by name).
 */
public final class ExhaustivePartial implements PartialStrategy {
    /** Most queries scored per decision. */
    public static final int BUDGET = 20_000;

    @Override
    public String name() {
        return "exhaustive";
    }

    @Override
    public PartialQuery select(PartialContext c) {
        AttributeSpace space = c.space();
        int d = space.dimension();
        int k = c.slateSize();
        GreedyPartial.Seeds seeds = GreedyPartial.seeds(c);
        List<int[]> subsets = seeds.subsets();
        long total = 0;
        for (int[] s : subsets) {
            total += combinations(space.gridOptions(s).length / d, k);
        }
        List<int[]> querySubsets = new ArrayList<>();
        List<float[]> queries = new ArrayList<>();
        if (total <= BUDGET) {
            for (int[] s : subsets) {
                float[] grid = space.gridOptions(s);
                int n = grid.length / d;
                int[] pick = new int[k];
                for (int i = 0; i < k; i++) {
                    pick[i] = i;
                }
                do {
                    querySubsets.add(s);
                    queries.add(PartialGrid.rows(grid, d, pick));
                } while (AttributeSpace.nextCombination(pick, n));
            }
        } else {
            querySubsets.addAll(subsets);
            queries.addAll(seeds.queries());
            for (int q = 0; q < BUDGET; q++) {
                int[] s = subsets.get(c.rng().nextInt(subsets.size()));
                float[] grid = space.gridOptions(s);
                int[] pick = c.rng().ints(0, grid.length / d).distinct().limit(k).toArray();
                querySubsets.add(s);
                queries.add(PartialGrid.rows(grid, d, pick));
            }
        }
        return PartialGrid.best(c.evaluator(), querySubsets, queries, k);
    }

    static long combinations(int n, int k) {
        long c = 1;
        for (int i = 0; i < k; i++) {
            c = c * (n - i) / (i + 1);
        }
        return Math.max(0, c);
    }
}
