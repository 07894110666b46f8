package io.elicitor.evoi;

import java.util.BitSet;
import java.util.Random;

/**
 * Everything a strategy may look at when choosing a slate: the belief, the choice model, the catalog's
 * vectors, the candidate pool with its exact evaluator, the slate size, items it must not show, and a
 * seeded random source.
 */
public record QueryContext(Posterior posterior, ChoiceModel model, ItemMatrix catalog, PoolEvaluator evaluator,
                           int slateSize, BitSet excluded, Random rng) {
    /** Validates eagerly. */
    public QueryContext {
        if (slateSize < 2) {
            throw new IllegalArgumentException("slate size must be >= 2, got " + slateSize);
        }
        if (posterior.dimension() != catalog.dimension()) {
            throw new IllegalArgumentException("posterior dimension " + posterior.dimension()
                    + " differs from catalog dimension " + catalog.dimension());
        }
        excluded = excluded == null ? new BitSet() : excluded;
    }

    /** The candidate pool. */
    public CandidatePool pool() {
        return evaluator.pool();
    }

    /** Number of catalog items that may be shown. */
    public int eligibleCount() {
        return catalog.size() - excluded.cardinality();
    }
}
