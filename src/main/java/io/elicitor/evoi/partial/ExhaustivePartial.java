package io.elicitor.evoi.partial;

import io.elicitor.evoi.Combinations;
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
        int d = c.space().dimension();
        int k = c.slateSize();
        GreedyPartial.Seeds seeds = GreedyPartial.seeds(c);
        List<int[]> subsets = seeds.subsets();
        List<float[]> grids = seeds.grids();
        long total = 0;
        for (int q = 0; q < grids.size() && total <= BUDGET; q++) {
            total += Combinations.count(grids.get(q).length / d, k); // stops once past the budget: cannot overflow
        }
        List<int[]> querySubsets = new ArrayList<>();
        List<float[]> queries = new ArrayList<>();
        if (total <= BUDGET) {
            for (int q = 0; q < subsets.size(); q++) {
                float[] grid = grids.get(q);
                int[] pick = Combinations.first(k);
                do {
                    querySubsets.add(subsets.get(q));
                    queries.add(PartialGrid.rows(grid, d, pick));
                } while (Combinations.next(pick, grid.length / d));
            }
        } else {
            querySubsets.addAll(subsets);
            queries.addAll(seeds.queries());
            for (int q = 0; q < BUDGET; q++) {
                int at = c.rng().nextInt(subsets.size());
                float[] grid = grids.get(at);
                int[] pick = c.rng().ints(0, grid.length / d).distinct().limit(k).toArray();
                querySubsets.add(subsets.get(at));
                queries.add(PartialGrid.rows(grid, d, pick));
            }
        }
        return PartialGrid.best(c.evaluator(), querySubsets, queries, k);
    }
}
