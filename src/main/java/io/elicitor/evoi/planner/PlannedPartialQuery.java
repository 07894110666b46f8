package io.elicitor.evoi.planner;

import io.elicitor.evoi.partial.PartialQuery;

/**
 * A chosen partial query with the numbers that justify it; the same fields as {@link PlannedQuery}.
 *
 * @param query the options and the attributes they show
 * @param evoi exact EVOI of the query over the candidate pool of real items
 * @param utilityScale the utility scale the stopping threshold is relative to
 * @param probabilityTopIsBest posterior probability that the current recommendation is the best pool item
 * @param stop whether another question is judged not worth asking
 */
public record PlannedPartialQuery(PartialQuery query, double evoi, double utilityScale, double probabilityTopIsBest,
                                  boolean stop) {}
