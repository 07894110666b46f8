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
        GreedyPartial.Seeds seeds = GreedyPartial.seeds(c);
        java.util.Optional<PartialQuery> optimum = gridOptimum(c, seeds);
        if (optimum.isPresent()) {
            return optimum.get();
        }
        int d = c.space().dimension();
        int k = c.slateSize();
        List<int[]> subsets = seeds.subsets();
        List<float[]> grids = seeds.grids();
        List<int[]> querySubsets = new ArrayList<>(subsets);
        List<float[]> queries = new ArrayList<>(seeds.queries());
        for (int q = 0; q < BUDGET; q++) {
            int at = c.rng().nextInt(subsets.size());
            float[] grid = grids.get(at);
            int[] pick = c.rng().ints(0, grid.length / d).distinct().limit(k).toArray();
            querySubsets.add(subsets.get(at));
            queries.add(PartialGrid.rows(grid, d, pick));
        }
        return PartialGrid.best(c.evaluator(), querySubsets, queries, k);
    }

    /**
     * The best grid query of the searched subsets, every one scored exactly, when they number at most
     * {@link #BUDGET}; empty beyond that. Draws nothing from the context's random stream.
     */
    static java.util.Optional<PartialQuery> gridOptimum(PartialContext c, GreedyPartial.Seeds seeds) {
        int d = c.space().dimension();
        int k = c.slateSize();
        long total = 0;
        for (int q = 0; q < seeds.grids().size() && total <= BUDGET; q++) {
            total += Combinations.count(seeds.grids().get(q).length / d, k); // stops past the budget: cannot overflow
        }
        if (total > BUDGET) {
            return java.util.Optional.empty();
        }
        List<int[]> querySubsets = new ArrayList<>();
        List<float[]> queries = new ArrayList<>();
        for (int q = 0; q < seeds.subsets().size(); q++) {
            float[] grid = seeds.grids().get(q);
            int[] pick = Combinations.first(k);
            do {
                querySubsets.add(seeds.subsets().get(q));
                queries.add(PartialGrid.rows(grid, d, pick));
            } while (Combinations.next(pick, grid.length / d));
        }
        return java.util.Optional.of(PartialGrid.best(c.evaluator(), querySubsets, queries, k));
    }
}
