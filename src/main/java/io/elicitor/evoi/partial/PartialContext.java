package io.elicitor.evoi.partial;

import io.elicitor.evoi.ItemMatrix;
import io.elicitor.evoi.value.PoolEvaluator;
import java.util.Objects;
import java.util.Random;

/**
 * Everything a partial-query strategy may look at: the exact evaluator (belief, choice model and the pool of
 * real items recommendations come from), the catalog's item vectors, the attribute space, the number of options k, the number of shown
 * attributes s and a seeded random source.
 */
public record PartialContext(PoolEvaluator evaluator, ItemMatrix catalog, AttributeSpace space, int slateSize,
                             int attributeCount, Random rng) {
    /** Largest number of options. */
    public static final int MAX_OPTIONS = 4;
    /** Largest number of shown attributes. */
    public static final int MAX_ATTRIBUTES = 4;

    /** Validates eagerly. */
    public PartialContext {
        Objects.requireNonNull(evaluator, "evaluator");
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(rng, "rng");
        if (slateSize < 2 || slateSize > MAX_OPTIONS) {
            throw new IllegalArgumentException("a partial query has 2.." + MAX_OPTIONS + " options, got " + slateSize);
        }
        if (attributeCount < 1 || attributeCount > Math.min(MAX_ATTRIBUTES, space.size())) {
            throw new IllegalArgumentException("a partial query shows 1.." + Math.min(MAX_ATTRIBUTES, space.size())
                    + " attributes here, got " + attributeCount);
        }
        if (space.dimension() != evaluator.posterior().dimension()) {
            throw new IllegalArgumentException("attribute space of dimension " + space.dimension()
                    + " for a belief of dimension " + evaluator.posterior().dimension());
        }
    }

    /** The λ of the choice model answers are scored under. */
    public double lambda() {
        return evaluator.model().lambda();
    }
}
