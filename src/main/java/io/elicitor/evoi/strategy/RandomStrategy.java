package io.elicitor.evoi.strategy;

import java.util.LinkedHashSet;
import java.util.Set;

/** Baseline: k distinct items drawn uniformly from the eligible catalog. */
public final class RandomStrategy implements QueryStrategy {
    @Override
    public String name() {
        return "random";
    }

    @Override
    public int[] select(QueryContext c) {
        if (c.eligibleCount() < c.slateSize()) {
            throw new IllegalStateException("only " + c.eligibleCount() + " items can be shown, slate needs " + c.slateSize());
        }
        Set<Integer> picked = new LinkedHashSet<>();
        while (picked.size() < c.slateSize()) {
            int i = c.rng().nextInt(c.catalog().size());
            if (!c.excluded().get(i)) {
                picked.add(i);
            }
        }
        return picked.stream().mapToInt(Integer::intValue).toArray();
    }
}
