package io.elicitor.evoi.planner;

import io.elicitor.evoi.value.PoolEvaluator;

/**
 * A chosen slate with the numbers that justify it.
 *
 * @param items catalog indices of the slate
 * @param evoi exact EVOI of the slate over the candidate pool
 * @param utilityScale the utility scale the stopping threshold is relative to
 * @param probabilityTopIsBest posterior probability that the current recommendation is the best pool item
 * @param stop whether another question is judged not worth asking
 */
public record PlannedQuery(int[] items, double evoi, double utilityScale, double probabilityTopIsBest, boolean stop) {
    /**
     * Whether the slate sits on an EVOI plateau: its EVOI is 0 up to float rounding, so no answer to it can
     * change the recommendation. For an EVOI-maximising strategy that means no slate it considered could.
     */
    public static boolean onPlateau(double evoi, double utilityScale) {
        return evoi <= PoolEvaluator.tieTolerance(utilityScale);
    }
}
