package io.elicitor.evoi.gradient;

import io.elicitor.evoi.EngineFixture;
import io.elicitor.evoi.EngineWorkspace;
import io.elicitor.evoi.strategy.QueryContext;
import io.elicitor.evoi.value.PoolScores;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The map-back defect of issue 15 item 4: with the seed's logit at {@code ln P + 2} and six Adam steps of 0.5,
 * the largest mixture weight could not leave the seed once P ≥ 58. With the tempered start (the seed at weight
 * 0.2) and τ annealed from 1, the ascent must be able to map back to another slate: here the seed is two nearly
 * identical items (EVOI near 0, an obviously poor question) in a pool of 120, and the ascent must move the
 * largest weights to a slate of larger exact EVOI.
 */
class MixtureMapBackTest {
    /** The pool index of the item nearest to pool item a, other than a. */
    private static int nearest(float[] x, int p, int d, int a) {
        int best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int y = 0; y < p; y++) {
            double s = 0;
            for (int c = 0; c < d; c++) {
                s += (x[y * d + c] - x[a * d + c]) * (x[y * d + c] - x[a * d + c]);
            }
            if (y != a && s < bestDistance) {
                bestDistance = s;
                best = y;
            }
        }
        return best;
    }

    /** Runs the strategy's annealed ascent from one seed slate and returns the largest-weight slate at the end. */
    private static int[] ascend(QueryContext c, PoolScores pool, int[] seed, double peak, int steps, double rate,
                                double finalTemperature) {
        INDArray poolVectors = c.catalog().rows(pool.items());
        MixtureAscent ascent = new MixtureAscent(pool, poolVectors, c.posterior().particles(), seed.length, 1);
        ascent.start(new int[][] {seed}, peak);
        for (int step = 1; step <= steps; step++) {
            ascent.setTemperature(Math.pow(finalTemperature, (step - 1) / (double) Math.max(1, steps - 1)));
            ascent.value(null);
            ascent.gradient();
            ascent.adamStep(rate);
        }
        ascent.value(null);
        return ascent.largestWeights()[0];
    }

    @Test
    void theAnnealedAscentMapsBackAwayFromAPoorSeed() {
        EngineFixture f = EngineFixture.create(400, 6, 256, 2, 2.0, 11);
        QueryContext c = f.pooledContext(2, 120, null, 5);
        EngineWorkspace.run(() -> {
            PoolScores pool = c.poolScores();
            assertEquals(120, pool.size());
            float[] x = io.elicitor.evoi.Buffers.toArray(c.catalog().rows(pool.items()));
            int a = pool.topExpectedUtility(1)[0];
            int[] seed = {a, nearest(x, pool.size(), 6, a)};
            double seedEvoi = c.evaluator().evoi(pool.toCatalog(seed));

            int[] moved = ascend(c, pool, seed, MixtureAscent.peakFor(0.2, pool.size()), 40, 0.3, 0.3);
            assertFalse(Arrays.equals(seed, moved), "the ascent mapped back to its seed " + Arrays.toString(seed));
            double movedEvoi = c.evaluator().evoi(pool.toCatalog(moved));
            assertTrue(movedEvoi > seedEvoi + 1e-6, "mapped slate EVOI " + movedEvoi + " not above the seed's " + seedEvoi);

            // The old start: a logit peak of ln P + 2 that six steps of 0.5 cannot overcome.
            int[] stuck = ascend(c, pool, seed, Math.log(pool.size()) + 2, 6, 0.5, 1.0);
            assertTrue(Arrays.equals(seed, stuck), "the old start moved to " + Arrays.toString(stuck));
            return null;
        });
    }

    @Test
    void peakForGivesTheSeedItsWeight() {
        for (int p : new int[] {2, 96, 2048}) {
            double peak = MixtureAscent.peakFor(0.2, p);
            double weight = Math.exp(peak) / (Math.exp(peak) + p - 1);
            assertEquals(0.2, weight, 1e-12, "P = " + p);
        }
    }
}
