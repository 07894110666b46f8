package io.elicitor.cli;

import io.elicitor.evoi.Seeds;
import io.elicitor.evoi.belief.MultinomialLogit;
import io.elicitor.evoi.belief.Posterior;
import io.elicitor.evoi.partial.AttributeSpace;
import io.elicitor.evoi.partial.PartialContext;
import io.elicitor.evoi.partial.PartialGrid;
import io.elicitor.evoi.partial.PartialQuery;
import io.elicitor.evoi.partial.PartialStrategy;
import io.elicitor.evoi.value.CandidatePool;
import io.elicitor.evoi.value.InnerProductSearch;
import io.elicitor.evoi.value.PoolEvaluator;
import java.util.BitSet;
import java.util.List;
import java.util.Random;

/**
 * One {@code bench-query --query-kind partial} repeat: the same pool and evaluator as for item queries, every
 * partial strategy's query of {@code --slate} options over {@code --partial-attributes} attributes, its exact
 * EVOI over the pool of real items and the milliseconds its {@code select} took.
 */
final class BenchPartial {
    private BenchPartial() {}

    /** Rows: exact EVOI per strategy, ms per strategy, and {pool ms, pool size}; as {@code BenchQueryCommand.measure}. */
    static double[][] measure(InnerProductSearch search, Posterior posterior, AttributeSpace space,
                              List<PartialStrategy> chosen, BenchQueryCommand b, int r) {
        MultinomialLogit model = new MultinomialLogit(b.lambda);
        long p0 = System.nanoTime();
        CandidatePool candidates = CandidatePool.ofSize(posterior, search, b.pool, Math.max(1, b.pool / 4), new BitSet(),
                Seeds.random(b.seed, 3_000_000L + r));
        PoolEvaluator evaluator = new PoolEvaluator(posterior, model, search.items(), candidates);
        double poolTime = (System.nanoTime() - p0) / 1e6;
        double[][] out = new double[3][chosen.size()];
        for (int i = 0; i < chosen.size(); i++) {
            PartialStrategy strategy = chosen.get(i);
            Random rng = Seeds.random(b.seed ^ strategy.name().hashCode(), 4_000_000L + r);
            PartialContext context = new PartialContext(evaluator, search.items(), space, b.slate, b.partialAttributes, rng);
            long t = System.nanoTime();
            PartialQuery q = strategy.select(context);
            out[1][i] = (System.nanoTime() - t) / 1e6;
            if (q.size() != b.slate || q.attributes().length != b.partialAttributes) {
                throw new IllegalStateException(strategy.name() + " returned a query of " + q.size() + " options over "
                        + q.attributes().length + " attributes");
            }
            out[0][i] = PartialGrid.values(evaluator, q.options(), q.size(), q.dimension()).evoi()[0];
        }
        out[2] = new double[] {poolTime, candidates.size()};
        return out;
    }

    /**
     * The fields partial lines add after {@code strategy}: the query kind, s, and (when greedy-eus ran too) on how
     * many posteriors this strategy's exact EVOI fell below greedy's by more than 10⁻⁶ of greedy's.
     */
    static String fields(int attributes, double[] evoi, double[] greedy) {
        StringBuilder out = new StringBuilder("\"queryKind\":\"partial\",\"partialAttributes\":" + attributes + ",");
        if (greedy != null) {
            int below = 0;
            for (int r = 0; r < evoi.length; r++) {
                below += evoi[r] < greedy[r] - 1e-6 * Math.abs(greedy[r]) ? 1 : 0;
            }
            out.append("\"belowGreedyRepeats\":").append(below).append(',');
        }
        return out.toString();
    }
}
