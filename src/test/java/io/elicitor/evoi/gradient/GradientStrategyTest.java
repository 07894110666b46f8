package io.elicitor.evoi.gradient;

import io.elicitor.evoi.EngineFixture;
import io.elicitor.evoi.EngineWorkspace;
import io.elicitor.evoi.StrategyContracts;
import io.elicitor.evoi.strategy.ExhaustiveStrategy;
import io.elicitor.evoi.strategy.GreedyEusStrategy;
import io.elicitor.evoi.strategy.QueryContext;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gradient strategy finds the exhaustive optimum on tiny catalogs and is never worse than greedy EUS. */
class GradientStrategyTest {
    private static final int SEEDS = 20;

    /** How many of 20 seeded posteriors over a catalog of n items the gradient strategy solves exactly. */
    private static int exactOptimumCount(int n, int k) {
        int hits = 0;
        for (int seed = 1; seed <= SEEDS; seed++) {
            EngineFixture f = EngineFixture.create(n, 6, 256, 2, 2.0, 1000L * k + seed);
            QueryContext c = f.wholeCatalogContext(k, null, seed);
            double[] values = EngineWorkspace.run(() -> {
                double best = c.evaluator().peu(new int[][] {new ExhaustiveStrategy().select(c)})[0];
                double found = c.evaluator().peu(new int[][] {new GradientStrategy().select(c)})[0];
                return new double[] {best, found};
            });
            if (values[1] >= values[0] - 1e-6 * Math.abs(values[0])) {
                hits++;
            }
        }
        return hits;
    }

    @Test
    void findsTheExhaustiveOptimumOfPairsOnTinyCatalogs() {
        int hits = exactOptimumCount(40, 2);
        assertTrue(hits >= 16, "exhaustive optimum found in " + hits + " of " + SEEDS + " cases");
    }

    @Test
    void findsTheExhaustiveOptimumOfTriplesOnTinyCatalogs() {
        int hits = exactOptimumCount(30, 3);
        assertTrue(hits >= 16, "exhaustive optimum found in " + hits + " of " + SEEDS + " cases");
    }

    @Test
    void isNeverWorseThanGreedyEusForSlatesOfTwoToSix() {
        for (int k = 2; k <= 6; k++) {
            EngineFixture f = EngineFixture.create(400, 8, 256, 3, 2.0, 50 + k);
            QueryContext c = f.pooledContext(k, 64, null, k);
            int kk = k;
            EngineWorkspace.run(() -> {
                int[] slate = new GradientStrategy().select(c);
                StrategyContracts.assertValidSlate(slate, kk, c);
                double gradient = c.evaluator().evoi(slate);
                double greedy = c.evaluator().evoi(new GreedyEusStrategy().select(c));
                assertTrue(gradient >= greedy - 1e-9, "k " + kk + ": gradient " + gradient + " < greedy " + greedy);
                return null;
            });
        }
    }

    @Test
    void withTheAscentIsNeverWorseThanItsBestSeed() {
        GradientStrategy.Settings ascent = new GradientStrategy.Settings(8, 40, 0.3, 2, 3, 3, 4, 256, 0.2, 0.3);
        for (int k = 2; k <= 6; k++) {
            EngineFixture f = EngineFixture.create(400, 8, 256, 3, 2.0, 90 + k);
            int kk = k;
            EngineWorkspace.run(() -> {
                // The same context seed: both draw the same screening particles and the same seeds.
                QueryContext c = f.pooledContext(kk, 96, null, kk);
                double seeds = c.evaluator().evoi(new GradientStrategy(ascent.withSteps(0).withoutSwaps()).select(c));
                QueryContext again = f.pooledContext(kk, 96, null, kk);
                double withAscent = again.evaluator().evoi(new GradientStrategy(ascent.withoutSwaps()).select(again));
                assertTrue(withAscent >= seeds - 1e-9, "k " + kk + ": ascent " + withAscent + " < best seed " + seeds);
                return null;
            });
        }
    }

    @Test
    void isReproducibleFromTheContextsSeed() {
        EngineFixture f = EngineFixture.create(300, 8, 256, 2, 2.0, 9);
        int[] first = EngineWorkspace.run(() -> new GradientStrategy().select(f.pooledContext(3, 64, null, 77)));
        int[] second = EngineWorkspace.run(() -> new GradientStrategy().select(f.pooledContext(3, 64, null, 77)));
        assertArrayEquals(first, second);
    }

    @Test
    void rejectsInconsistentSettings() {
        assertThrows(IllegalArgumentException.class, () -> new GradientStrategy.Settings(2, 10, 0.3, 1, 1, 1, 2, 0));
        assertThrows(IllegalArgumentException.class, () -> new GradientStrategy.Settings(8, -1, 0.3, 1, 1, 1, 2, 0));
        assertThrows(IllegalArgumentException.class, () -> new GradientStrategy.Settings(8, 10, 0, 1, 1, 1, 2, 0));
        assertThrows(IllegalArgumentException.class, () -> new GradientStrategy.Settings(8, 10, 0.3, 1, 1, 0, 2, 0));
        assertThrows(IllegalArgumentException.class, () -> new GradientStrategy.Settings(8, 10, 0.3, 1, 1, 1, 2, 0, 1.0, 0.3));
        assertThrows(IllegalArgumentException.class, () -> new GradientStrategy.Settings(8, 10, 0.3, 1, 1, 1, 2, 0, 0.2, 0));
        assertThrows(IllegalArgumentException.class, () -> new GradientStrategy.Settings(8, 10, 0.3, 1, 1, 1, 2, 0, 0.2, 1.5));
    }
}
