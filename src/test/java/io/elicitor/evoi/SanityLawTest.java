package io.elicitor.evoi;

import io.elicitor.evoi.belief.Observation;
import io.elicitor.evoi.belief.Posterior;
import io.elicitor.evoi.belief.Rejuvenation;
import io.elicitor.evoi.gradient.GradientStrategy;
import io.elicitor.evoi.strategy.GreedyEusStrategy;
import io.elicitor.evoi.strategy.QueryContext;
import io.elicitor.evoi.strategy.QueryStrategy;
import io.elicitor.evoi.strategy.RandomStrategy;
import io.elicitor.evoi.value.CandidatePool;
import io.elicitor.evoi.value.PoolEvaluator;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * evoi/METHOD.md's sanity law: with users drawn from the prior itself and answering by the model's own
 * likelihood, no strategy's mean regret may rise with more answers (within noise).
 */
class SanityLawTest {
    private static final int USERS = 30;
    private static final int ANSWERS = 4;

    @Test
    void meanRegretDoesNotRiseWithMoreAnswers() {
        EngineFixture f = EngineFixture.create(150, 4, 2, 0, 2.0, 17);
        for (QueryStrategy s : new QueryStrategy[] {new GreedyEusStrategy(), new GradientStrategy(), new RandomStrategy()}) {
            double[][] regret = new double[ANSWERS + 1][USERS];
            for (int u = 0; u < USERS; u++) {
                double[] r = run(f, s, Seeds.random(31, u));
                for (int t = 0; t <= ANSWERS; t++) {
                    regret[t][u] = r[t];
                }
            }
            double first = mean(regret[0]);
            double last = mean(regret[ANSWERS]);
            double noise = 2 * standardError(regret[0], regret[ANSWERS]);
            assertTrue(last <= first + noise, s.name() + ": mean regret rose from " + first + " to " + last
                    + " (noise " + noise + ")");
        }
    }

    /** Regret of the posterior-mean recommendation after 0..ANSWERS answers of one simulated user. */
    private static double[] run(EngineFixture f, QueryStrategy strategy, Random rng) {
        float[] user = Buffers.toArray(f.prior.sample(1, rng));
        float[] utility = f.items.scores(user);
        float best = Float.NEGATIVE_INFINITY;
        for (float v : utility) {
            best = Math.max(best, v);
        }
        Posterior p = Posterior.fromPrior(f.prior, 256, rng);
        List<Observation> history = new ArrayList<>();
        double[] regret = new double[ANSWERS + 1];
        BitSet none = new BitSet();
        for (int t = 0; t <= ANSWERS; t++) {
            int rec = f.search.topK(p.mean(), 1, none)[0];
            regret[t] = best - utility[rec];
            if (t == ANSWERS) {
                break;
            }
            Posterior current = p;
            int[] q = EngineWorkspace.run(() -> {
                CandidatePool pool = CandidatePool.ofSize(current, f.search, 48, 12, none, rng);
                PoolEvaluator e = new PoolEvaluator(current, f.model, f.items, pool);
                return strategy.select(new QueryContext(current, f.model, f.search, e, 2, none, rng));
            });
            double p0 = 1 / (1 + Math.exp(-f.model.lambda() * (utility[q[0]] - utility[q[1]])));
            Observation o = Observation.of(f.items, q, rng.nextDouble() < p0 ? 0 : 1);
            history.add(o);
            p = p.observe(o, history, f.model, f.prior, Rejuvenation.standard(f.items.dimension()), rng);
        }
        return regret;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    /** Standard error of the mean paired difference. */
    private static double standardError(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = b[i] - a[i];
        }
        double m = mean(d);
        double ss = 0;
        for (double x : d) {
            ss += (x - m) * (x - m);
        }
        return Math.sqrt(ss / (d.length - 1) / d.length);
    }
}
