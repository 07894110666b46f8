package io.elicitor.evoi.planner;

import io.elicitor.evoi.ItemMatrix;
import io.elicitor.evoi.belief.Belief;
import io.elicitor.evoi.belief.ChoiceModel;
import io.elicitor.evoi.belief.MultinomialLogit;
import io.elicitor.evoi.belief.Posterior;
import io.elicitor.evoi.strategy.QueryContext;
import io.elicitor.evoi.strategy.QueryStrategy;
import io.elicitor.evoi.value.CandidatePool;
import io.elicitor.evoi.value.InnerProductSearch;
import io.elicitor.evoi.value.PoolEvaluator;
import java.util.BitSet;
import java.util.Random;

/**
 * The engine's front door for one question: builds the candidate pool for the current belief, lets the
 * strategy choose a slate, scores it exactly and applies the stopping rule (EVOI below a fraction of the
 * utility scale, or the top item already very probably the best).
 */
public final class QueryPlanner {
    private final EngineSettings settings;

    /** A planner with the given settings. */
    public QueryPlanner(EngineSettings settings) {
        this.settings = settings;
    }

    /**
     * Chooses the next slate of size k for a belief, never showing an {@code excluded} item. Runs ND4J: call it on a
     * maths thread, inside an engine workspace.
     */
    public PlannedQuery plan(Belief belief, InnerProductSearch search, int k, QueryStrategy strategy, BitSet excluded,
                             Random rng) {
        Posterior posterior = Posterior.of(belief);
        ChoiceModel model = new MultinomialLogit(settings.lambda());
        ItemMatrix catalog = search.items();
        CandidatePool pool = CandidatePool.build(posterior, search, Math.max(settings.poolMeanTop(), k),
                settings.poolSamples(), excluded, rng);
        PoolEvaluator evaluator = new PoolEvaluator(posterior, model, catalog, pool);
        int[] slate = strategy.select(new QueryContext(posterior, model, search, evaluator, k, excluded, rng));
        double evoi = Math.max(0.0, evaluator.evoi(slate));
        double scale = evaluator.utilityScale();
        double confidence = evaluator.probabilityCurrentBestIsBest();
        boolean stop = evoi < settings.stopEvoiFraction() * scale || confidence >= settings.stopConfidence();
        return new PlannedQuery(slate, evoi, scale, confidence, stop);
    }
}
