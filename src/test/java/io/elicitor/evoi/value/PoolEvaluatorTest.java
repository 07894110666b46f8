package io.elicitor.evoi.value;

import io.elicitor.evoi.EngineFixture;
import io.elicitor.evoi.strategy.QueryContext;
import java.util.Random;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Exact PEU/EVOI over the pool: agrees with the definition, is never negative, and is 0 for uninformative slates. */
class PoolEvaluatorTest {
    @Test
    void peuMatchesTheDefinitionInDoublePrecision() {
        EngineFixture f = EngineFixture.create(80, 6, 300, 2, 3.0, 11);
        QueryContext c = f.wholeCatalogContext(3, null, 1);
        Random rng = new Random(5);
        for (int trial = 0; trial < 10; trial++) {
            int k = 2 + trial % 3;
            int[] slate = rng.ints(0, 80).distinct().limit(k).toArray();
            double expected = f.peuReference(slate, c.pool().items());
            double actual = c.evaluator().peu(new int[][] {slate})[0];
            assertEquals(expected, actual, 1e-5 * Math.max(1, Math.abs(expected)), "slate " + trial);
        }
    }

    @Test
    void evoiIsNonNegativeForRandomSlates() {
        for (long seed = 1; seed <= 4; seed++) {
            EngineFixture f = EngineFixture.create(200, 8, 512, (int) seed, 2.0, seed);
            QueryContext c = f.pooledContext(2, 64, null, seed);
            Random rng = new Random(seed);
            double scale = c.evaluator().utilityScale();
            for (int trial = 0; trial < 50; trial++) {
                int k = 2 + rng.nextInt(5);
                int[] slate = rng.ints(0, 200).distinct().limit(k).toArray();
                SlateValues v = c.evaluator().values(new int[][] {slate});
                double evoi = v.evoi()[0];
                // Computed answer by answer against the current best's value in the same row: exactly >= 0.
                assertTrue(evoi >= 0.0, "EVOI " + evoi + " of a random slate is negative");
                assertEquals(v.peu()[0] - c.evaluator().currentBestExpectedUtility(), evoi, 1e-5 * scale);
            }
        }
    }

    @Test
    void evoiOfASlateOfIdenticalItemsIsZero() {
        EngineFixture f = EngineFixture.create(100, 8, 512, 3, 2.0, 3);
        QueryContext c = f.wholeCatalogContext(2, null, 1);
        for (int item : new int[] {0, 17, 99}) {
            for (int k = 2; k <= 6; k++) {
                int[] slate = new int[k];
                java.util.Arrays.fill(slate, item);
                assertEquals(0.0, c.evaluator().evoi(slate), 0.0, "item " + item + ", k " + k);
            }
        }
    }

    @Test
    void eusMatchesTheDefinitionInDoublePrecision() {
        EngineFixture f = EngineFixture.create(80, 6, 300, 2, 3.0, 13);
        QueryContext c = f.pooledContext(2, 40, null, 2);
        Random rng = new Random(7);
        for (int trial = 0; trial < 10; trial++) {
            int k = 2 + trial % 4;
            int[] slate = rng.ints(0, 80).distinct().limit(k).toArray();
            double expected = f.eusReference(slate);
            double actual = c.evaluator().values(new int[][] {slate}).eus()[0];
            assertEquals(expected, actual, 1e-5 * Math.max(1, Math.abs(expected)), "slate " + trial);
            assertTrue(actual <= c.evaluator().peu(new int[][] {slate})[0] + 1e-5, "EUS is a lower bound on PEU");
        }
    }
}
