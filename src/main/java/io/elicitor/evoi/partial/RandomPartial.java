package io.elicitor.evoi.partial;

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
            if (!PartialGrid.hasOptions(space, subset, k)) {
                if (attempt > 1000) {
                    throw new IllegalStateException("no subset of " + c.attributeCount() + " attributes has " + k + " options");
                }
                continue;
            }
            float[] grid = space.gridOptions(subset);
            int[] picks = c.rng().ints(0, grid.length / d).distinct().limit(k).toArray();
            return new PartialQuery(subset, PartialGrid.rows(grid, d, picks), k);
        }
    }
}
