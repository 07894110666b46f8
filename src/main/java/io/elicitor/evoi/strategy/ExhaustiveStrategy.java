package io.elicitor.evoi.strategy;

import io.elicitor.evoi.Combinations;
import io.elicitor.evoi.value.SlateValues;
import java.util.ArrayList;
import java.util.List;

/**
 * The quality ceiling: every k-subset of the pool's best items, each scored by exact EVOI in batches; the
 * largest wins, ties going to the largest EUS ({@link SlateValues#best}).
 * The pool prefix is the largest P with {@code C(P, k) ≤ maxSlates}, so cost stays bounded
 * ({@code O(maxSlates·k·M·(d + P))}); with the default budget that is P = 256 for pairs.
 */
public final class ExhaustiveStrategy implements QueryStrategy {
    private final long maxSlates;

    /** Scores at most {@code maxSlates} slates per query. */
    public ExhaustiveStrategy(long maxSlates) {
        if (maxSlates < 1) {
            throw new IllegalArgumentException("maxSlates must be >= 1, got " + maxSlates);
        }
        this.maxSlates = maxSlates;
    }

    /** The default budget, 32,640 slates: all pairs of 256 items. */
    public ExhaustiveStrategy() {
        this(32_640);
    }

    @Override
    public String name() {
        return "exhaustive";
    }

    @Override
    public int[] select(QueryContext c) {
        int k = c.slateSize();
        int p = Math.min(c.pool().size(), largestPrefix(k, maxSlates));
        if (p < k) {
            throw new IllegalStateException("candidate pool has " + c.pool().size() + " items, slate needs " + k);
        }
        List<int[]> slates = new ArrayList<>();
        int[] pick = Combinations.first(k);
        do {
            int[] s = new int[k];
            for (int i = 0; i < k; i++) {
                s[i] = c.pool().item(pick[i]);
            }
            slates.add(s);
        } while (Combinations.next(pick, p));
        int[][] all = slates.toArray(new int[0][]);
        return all[c.evaluator().best(all)];
    }

    /** Largest P with C(P, k) ≤ budget. */
    static int largestPrefix(int k, long budget) {
        int p = k;
        while (Combinations.count(p + 1, k) <= budget && p < 100_000) {
            p++;
        }
        return p;
    }
}
