package io.elicitor.evoi;

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
}
