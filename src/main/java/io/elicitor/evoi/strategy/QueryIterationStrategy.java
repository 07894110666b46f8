package io.elicitor.evoi.strategy;

import io.elicitor.evoi.value.PoolScores;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Viappiani & Boutilier's query iteration: start from the k pool items with the largest expected utility,
 * then replace the slate by {@code T(Q)}, the best pool item after each answer ({@code argmax_y vᵢ·y}, kept
 * distinct), until a slate repeats (a fixed point or a cycle) or {@value #MAX_ROUNDS} rounds pass. This is
 * coordinate ascent on {@code F(Q, Y)}; every slate visited is re-scored by exact EVOI in one batch and the
 * best is asked (ties to the largest EUS). Cost {@code O(rounds·k·M·P)} plus the re-scoring.
 */
public final class QueryIterationStrategy implements QueryStrategy {
    static final int MAX_ROUNDS = 20;

    @Override
    public String name() {
        return "query-iteration";
    }

    @Override
    public int[] select(QueryContext c) {
        PoolScores pool = c.poolScores();
        int[] start = pool.topExpectedUtility(c.slateSize());
        List<int[]> visited = iterate(pool, start);
        int[][] slates = pool.toCatalog(visited);
        return slates[c.evaluator().best(slates)];
    }

    /** The slates visited from {@code start} (pool indices, start included), in order, without repeats. */
    public static List<int[]> iterate(PoolScores pool, int[] start) {
        List<int[]> visited = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int[] q = start;
        for (int round = 0; round <= MAX_ROUNDS && seen.add(PoolScores.key(q)); round++) {
            visited.add(q);
            q = pool.bestPerAnswer(q);
        }
        return visited;
    }
}
