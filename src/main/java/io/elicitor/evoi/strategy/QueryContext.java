package io.elicitor.evoi.strategy;

import io.elicitor.evoi.ItemMatrix;
import io.elicitor.evoi.belief.ChoiceModel;
import io.elicitor.evoi.belief.Posterior;
import io.elicitor.evoi.value.CandidatePool;
import io.elicitor.evoi.value.InnerProductSearch;
import io.elicitor.evoi.value.PoolEvaluator;
import io.elicitor.evoi.value.PoolScores;
import java.util.BitSet;
import java.util.Random;

/**
 * Everything a strategy may look at when choosing a slate: the belief, the choice model, an inner-product search over the
 * catalog, the candidate pool with its exact evaluator, the slate size, items it must not show, and a
 * seeded random source.
 */
public record QueryContext(Posterior posterior, ChoiceModel model, InnerProductSearch search, PoolEvaluator evaluator,
                           int slateSize, BitSet excluded, Random rng) {
    /** Validates eagerly. */
    public QueryContext {
        if (slateSize < 2) {
            throw new IllegalArgumentException("slate size must be >= 2, got " + slateSize);
        }
        if (posterior.dimension() != search.items().dimension()) {
            throw new IllegalArgumentException("posterior dimension " + posterior.dimension()
                    + " differs from catalog dimension " + search.items().dimension());
        }
        excluded = excluded == null ? new BitSet() : excluded;
    }

    /** The catalog's item vectors. */
    public ItemMatrix catalog() {
        return search.items();
    }

    /** The candidate pool. */
    public CandidatePool pool() {
        return evaluator.pool();
    }

    /** The pool as plain arrays for the discrete strategies' kernels; fails if fewer than k pool items may be shown. */
    public PoolScores poolScores() {
        return PoolScores.of(evaluator, excluded, slateSize);
    }

    /** Number of catalog items that may be shown. */
    public int eligibleCount() {
        return search.items().size() - excluded.cardinality();
    }
}
