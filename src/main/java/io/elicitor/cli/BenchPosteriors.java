package io.elicitor.cli;

import io.elicitor.catalog.CatalogRegistry;
import io.elicitor.evoi.Buffers;
import io.elicitor.evoi.EngineWorkspace;
import io.elicitor.evoi.ItemMatrix;
import io.elicitor.evoi.Seeds;
import io.elicitor.evoi.belief.Logit;
import io.elicitor.evoi.belief.MultinomialLogit;
import io.elicitor.evoi.belief.Observation;
import io.elicitor.evoi.belief.Posterior;
import io.elicitor.evoi.belief.Prior;
import io.elicitor.evoi.belief.Rejuvenation;
import io.elicitor.evoi.planner.StrategyRegistry;
import io.elicitor.evoi.strategy.QueryContext;
import io.elicitor.evoi.strategy.QueryStrategy;
import io.elicitor.evoi.value.CandidatePool;
import io.elicitor.evoi.value.InnerProductSearch;
import io.elicitor.evoi.value.PoolEvaluator;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;

/**
 * The posteriors the benchmarks measure on. {@code bench-query}'s: a user drawn from the prior answers {@code --answers}
 * greedy-EUS item queries by the logit, with the repeat's own seed, so every strategy and both query kinds
 * are measured on the same beliefs.
 */
final class BenchPosteriors {
    private BenchPosteriors() {}

    /** The posterior after {@code b.answers} greedy-EUS queries answered by a user drawn from the prior. */
    static Posterior simulated(BenchQueryCommand b, InnerProductSearch search, Prior prior, int r) {
        Random rng = Seeds.random(b.seed, 1_000_000L + r + b.warmup);
        MultinomialLogit model = new MultinomialLogit(b.lambda);
        float[] user = Buffers.toArray(prior.sample(1, rng));
        Posterior posterior = Posterior.fromPrior(prior, b.particles, rng);
        QueryStrategy asker = StrategyRegistry.builtIn().find("greedy-eus").orElseThrow();
        Rejuvenation rejuvenation = Rejuvenation.standard(search.items().dimension());
        List<Observation> history = new ArrayList<>();
        BitSet none = new BitSet();
        for (int a = 0; a < b.answers; a++) {
            Posterior current = posterior;
            int[] q = EngineWorkspace.run(() -> {
                CandidatePool candidates = CandidatePool.ofSize(current, search, b.pool, Math.max(1, b.pool / 4), none, rng);
                PoolEvaluator evaluator = new PoolEvaluator(current, model, search.items(), candidates);
                return asker.select(new QueryContext(current, model, search, evaluator, b.slate, none, rng));
            });
            int chosenIndex = answer(b.lambda, search.items(), q, user, rng);
            Observation o = Observation.of(search.items(), q, chosenIndex);
            history.add(o);
            posterior = posterior.observe(o, history, model, prior, rejuvenation, rng);
        }
        return posterior;
    }

    /**
     * The posterior of M particles after {@code answers} random pairs answered by a user drawn from the catalog's
     * prior ({@code bench-batch}: beliefs that differ from session to session as live ones do). Call outside any
     * engine workspace: the posterior outlives the call.
     */
    static Posterior randomPairs(CatalogRegistry.Entry entry, MultinomialLogit model, int m, int answers, Random rng) {
        ItemMatrix items = entry.search().items();
        float[] user = Buffers.toArray(entry.prior().sample(1, rng));
        Posterior posterior = Posterior.fromPrior(entry.prior(), m, rng);
        Rejuvenation rejuvenation = Rejuvenation.standard(items.dimension());
        List<Observation> history = new ArrayList<>();
        for (int a = 0; a < answers; a++) {
            int first = rng.nextInt(items.size());
            int[] pair = {first, (first + 1 + rng.nextInt(items.size() - 1)) % items.size()};
            Observation o = Observation.of(items, pair, answer(model.lambda(), items, pair, user, rng));
            history.add(o);
            posterior = posterior.observe(o, history, model, entry.prior(), rejuvenation, rng);
        }
        return posterior;
    }

    /** The simulated user's answer to slate {@code q}: a draw from the logit over its true utilities. */
    private static int answer(double lambda, ItemMatrix matrix, int[] q, float[] user, Random rng) {
        double[] u = new double[q.length];
        for (int i = 0; i < q.length; i++) {
            float[] x = matrix.row(q[i]);
            for (int c = 0; c < x.length; c++) {
                u[i] += (double) x[c] * user[c];
            }
        }
        return Logit.EXACT.sample(lambda, u, rng.nextDouble());
    }

}
