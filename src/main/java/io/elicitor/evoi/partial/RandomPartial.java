package io.elicitor.evoi.partial;

import java.util.List;

/** The baseline: s attributes drawn uniformly, then k distinct grid options of them drawn uniformly. */
public final class RandomPartial implements PartialStrategy {
    @Override
    public String name() {
        return "random";
    }

    @Override
    public PartialQuery select(PartialContext c) {
        AttributeSpace space = c.space();
        int d = space.dimension();
        int k = c.slateSize();
        for (int attempt = 0; ; attempt++) {
            int[] subset = PartialGrid.randomSubset(space.size(), c.attributeCount(), c.rng()).stream()
                    .mapToInt(Integer::intValue).toArray();
            float[] grid = space.gridOptions(subset);
            int n = grid.length / d;
            if (n < k) {
                if (attempt > 1000) {
                    throw new IllegalStateException("no subset of " + c.attributeCount() + " attributes has " + k + " options");
                }
                continue;
            }
            int[] picks = c.rng().ints(0, n).distinct().limit(k).toArray();
            return new PartialQuery(subset, PartialGrid.rows(grid, d, picks), k);
        }
    }

    /** Subsets with at least k grid options; the strategies skip the others (a constant attribute has one value). */
    static boolean enoughOptions(AttributeSpace space, int[] subset, int k) {
        long n = 1;
        for (int a : subset) {
            n *= space.attribute(a).choices();
        }
        return n >= k;
    }

    /** The subsets of {@code all} with at least k grid options. */
    static List<int[]> usable(AttributeSpace space, List<int[]> all, int k) {
        return all.stream().filter(s -> enoughOptions(space, s, k)).toList();
    }
}
