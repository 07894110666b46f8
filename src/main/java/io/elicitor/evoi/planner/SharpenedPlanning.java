package io.elicitor.evoi.planner;

import io.elicitor.evoi.belief.ChoiceModel;
import io.elicitor.evoi.belief.MultinomialLogit;
import io.elicitor.evoi.strategy.QueryContext;
import io.elicitor.evoi.strategy.QueryStrategy;
import io.elicitor.evoi.value.PoolEvaluator;
import java.util.Objects;

/**
 * Another strategy, planning as if answers were less noisy: it chooses with the choice model's λ multiplied
 * by a factor, while the belief is still updated, and the asked query's EVOI still reported, with the real λ.
 * Selected by name as {@code <strategy>@<factor>}, for example {@code greedy-eus@2} ({@link StrategyRegistry}).
 *
 * <p>Why: every EVOI strategy is myopic. It values a question by what one noisy answer can change, so
 * when the belief is settled enough that no single answer moves the recommendation (on MovieLens about
 * four questions in ten) every slate is worth exactly 0 and the choice falls to a tie rule; and it
 * undervalues close calls among the top items, whose answers only pay off together with later ones.
 * Planning with a sharper λ credits that accumulated evidence. It is a heuristic, not a lookahead; its
 * effect on regret is measured in evoi/RESULTS.md. Cost: none beyond the inner strategy's; the pool
 * evaluator is re-used under the sharper model ({@link PoolEvaluator#withModel}).
 */
public final class SharpenedPlanning implements QueryStrategy {
    /** The largest factor accepted: beyond it the planning model is all but noiseless. */
    public static final double MAX_FACTOR = 100.0;

    private final QueryStrategy inner;
    private final double factor;
    private final String name;

    /** {@code inner}, planning with λ × {@code factor} (finite, in (0, {@link #MAX_FACTOR}]). */
    public SharpenedPlanning(QueryStrategy inner, double factor) {
        this.inner = Objects.requireNonNull(inner, "inner");
        if (!acceptsFactor(factor)) {
            throw new IllegalArgumentException("planning factor must be in (0, " + MAX_FACTOR + "], got " + factor);
        }
        if (inner instanceof SharpenedPlanning) {
            throw new IllegalArgumentException("planning factors do not nest: " + inner.name() + "@" + factor);
        }
        this.factor = factor;
        this.name = inner.name() + "@" + format(factor);
    }

    /** Whether {@code factor} is a planning factor: finite, in (0, {@link #MAX_FACTOR}]. */
    public static boolean acceptsFactor(double factor) {
        return factor > 0 && factor <= MAX_FACTOR;
    }

    /** A factor as it appears in a strategy name: {@code 2}, {@code 1.5}, never {@code 2.0}. */
    static String format(double factor) {
        return factor == Math.rint(factor) ? Long.toString((long) factor) : Double.toString(factor);
    }

    @Override
    public String name() {
        return name;
    }

    /** The strategy that does the choosing. */
    public QueryStrategy inner() {
        return inner;
    }

    /** The factor λ is multiplied by when planning. */
    public double factor() {
        return factor;
    }

    @Override
    public int[] select(QueryContext c) {
        ChoiceModel planning = new MultinomialLogit(c.model().lambda() * factor);
        PoolEvaluator evaluator = c.evaluator().withModel(planning);
        return inner.select(new QueryContext(c.posterior(), planning, c.search(), evaluator, c.slateSize(),
                c.excluded(), c.rng()));
    }
}
