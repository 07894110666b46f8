package io.elicitor.evoi.planner;

/**
 * The question chosen for a step: an item query or a partial one, never both.
 *
 * @param items the item query, or null when the partial query is asked
 * @param partial the partial query, or null when the item query is asked
 */
public record PlannedQuestion(PlannedQuery items, PlannedPartialQuery partial) {
    /** Exactly one of the two. */
    public PlannedQuestion {
        if ((items == null) == (partial == null)) {
            throw new IllegalArgumentException("a question is an item query or a partial query");
        }
    }

    /** Whether the partial query is asked. */
    public boolean isPartial() {
        return partial != null;
    }

    /** Exact EVOI of the question asked. */
    public double evoi() {
        return isPartial() ? partial.evoi() : items.evoi();
    }

    /** The utility scale the stopping threshold is relative to. */
    public double utilityScale() {
        return isPartial() ? partial.utilityScale() : items.utilityScale();
    }

    /** Posterior probability that the current recommendation is the best pool item. */
    public double probabilityTopIsBest() {
        return isPartial() ? partial.probabilityTopIsBest() : items.probabilityTopIsBest();
    }

    /** Whether another question is judged not worth asking. */
    public boolean stop() {
        return isPartial() ? partial.stop() : items.stop();
    }
}
