package io.elicitor.evoi.planner;

import io.elicitor.evoi.ItemMatrix;
import io.elicitor.evoi.belief.Belief;
import io.elicitor.evoi.belief.ChoiceModel;
import io.elicitor.evoi.belief.MultinomialLogit;
import io.elicitor.evoi.belief.Posterior;
import io.elicitor.evoi.partial.AttributeSpace;
import io.elicitor.evoi.partial.PartialContext;
import io.elicitor.evoi.partial.PartialGrid;
import io.elicitor.evoi.partial.PartialQuery;
import io.elicitor.evoi.partial.PartialStrategy;
import io.elicitor.evoi.strategy.QueryContext;
import io.elicitor.evoi.strategy.QueryStrategy;
import io.elicitor.evoi.value.CandidatePool;
import io.elicitor.evoi.value.InnerProductSearch;
import io.elicitor.evoi.value.PoolEvaluator;
import java.util.BitSet;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The engine's front door for one question: builds the candidate pool for the current belief, lets the
 * strategy choose a slate (or a partial query), scores it exactly and applies the stopping rule (EVOI below a
 * fraction of the utility scale, or the top item already very probably the best).
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
        return plan(belief, search, k, strategy, excluded, null, rng);
    }

    /**
     * As {@link #plan(Belief, InnerProductSearch, int, QueryStrategy, BitSet, Random)}, never asking a slate whose
     * every pair was {@code compared} already (null: repeats allowed). A strategy's repeated slate is replaced by the
     * allowed slate of largest exact EVOI that changes one of its items for another pool item ({@link #fresh}).
     */
    public PlannedQuery plan(Belief belief, InnerProductSearch search, int k, QueryStrategy strategy, BitSet excluded,
                             ComparedPairs compared, Random rng) {
        Posterior posterior = Posterior.of(belief);
        ChoiceModel model = new MultinomialLogit(settings.lambda());
        PoolEvaluator evaluator = evaluator(posterior, model, search, k, excluded, rng);
        int[] slate = strategy.select(new QueryContext(posterior, model, search, evaluator, k, excluded, rng));
        if (compared != null && compared.covers(slate)) {
            slate = fresh(slate, evaluator, compared);
        }
        double evoi = Math.max(0.0, evaluator.evoi(slate));
        return new PlannedQuery(slate, evoi, evaluator.utilityScale(), evaluator.probabilityCurrentBestIsBest(),
                stops(evaluator, evoi));
    }

    /**
     * Chooses the next partial query of k options showing s attributes. Recommendations after its answers come from
     * the same pool of real items as for {@link #plan}, so the two kinds' EVOI compare directly. Runs ND4J.
     */
    public PlannedPartialQuery planPartial(Belief belief, InnerProductSearch search, AttributeSpace space, int k, int s,
                                           PartialStrategy strategy, BitSet excluded, Random rng) {
        Posterior posterior = Posterior.of(belief);
        PoolEvaluator evaluator = evaluator(posterior, new MultinomialLogit(settings.lambda()), search, k, excluded, rng);
        PartialQuery q = strategy.select(new PartialContext(evaluator, search.items(), space, k, s, rng));
        double evoi = Math.max(0.0, PartialGrid.values(evaluator, q.options(), k, q.dimension()).evoi()[0]);
        return new PlannedPartialQuery(q, evoi, evaluator.utilityScale(), evaluator.probabilityCurrentBestIsBest(),
                stops(evaluator, evoi));
    }

    /**
     * The question of the kind {@code questions} asks for: the item query, the partial query, or for {@code mixed} the
     * partial query only when its exact EVOI is strictly larger (ties keep the item query, the lighter change for a
     * client). Each plan draws from its own fresh {@code rng}, so a mixed step plans either query exactly as a step of
     * that kind alone would. Runs ND4J: call it on a maths thread, inside an engine workspace.
     *
     * @param partial the partial strategy; may be null when {@code questions} asks items only
     * @param compared item pairs already compared, never asked again as a whole slate; null: repeats allowed
     */
    public PlannedQuestion planQuestion(Belief belief, InnerProductSearch search, Questions questions, int k,
                                        QueryStrategy strategy, PartialStrategy partial, BitSet excluded,
                                        ComparedPairs compared, Supplier<Random> rng) {
        PlannedQuery q = questions.kind() == QueryKind.PARTIAL ? null
                : plan(belief, search, k, strategy, excluded, compared, rng.get());
        PlannedPartialQuery p = questions.kind() == QueryKind.ITEMS ? null
                : planPartial(belief, search, questions.space(), k, questions.partialAttributes(), partial, excluded,
                        rng.get());
        return p != null && (q == null || p.evoi() > q.evoi()) ? new PlannedQuestion(null, p) : new PlannedQuestion(q, null);
    }

    /**
     * The best slate, by exact EVOI, that swaps one item of {@code slate} for another pool item and compares at least
     * one new pair; {@code slate} itself when every such swap repeats too (the pool is exhausted). Costs
     * {@code k · P} exact evaluations in one batch.
     */
    static int[] fresh(int[] slate, PoolEvaluator evaluator, ComparedPairs compared) {
        java.util.List<int[]> candidates = new java.util.ArrayList<>();
        for (int pos = 0; pos < slate.length; pos++) {
            for (int item : evaluator.pool().items()) {
                if (java.util.Arrays.stream(slate).noneMatch(i -> i == item)) {
                    int[] s = slate.clone();
                    s[pos] = item;
                    if (!compared.covers(s)) {
                        candidates.add(s);
                    }
                }
            }
        }
        return candidates.isEmpty() ? slate : candidates.get(evaluator.best(candidates.toArray(int[][]::new)));
    }

    private PoolEvaluator evaluator(Posterior posterior, ChoiceModel model, InnerProductSearch search, int k,
                                    BitSet excluded, Random rng) {
        ItemMatrix catalog = search.items();
        CandidatePool pool = CandidatePool.build(posterior, search, Math.max(settings.poolMeanTop(), k),
                settings.poolSamples(), excluded, rng);
        return new PoolEvaluator(posterior, model, catalog, pool);
    }

    private boolean stops(PoolEvaluator evaluator, double evoi) {
        return evoi < settings.stopEvoiFraction() * evaluator.utilityScale()
                || evaluator.probabilityCurrentBestIsBest() >= settings.stopConfidence();
    }
}
