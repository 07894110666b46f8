package io.elicitor.evoi.planner;

import io.elicitor.evoi.EngineFixture;
import io.elicitor.evoi.belief.Belief;
import io.elicitor.evoi.strategy.ExhaustiveStrategy;
import io.elicitor.evoi.strategy.QueryContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The repeat rule: a slate whose every pair was compared is never asked; the best one-item change is instead. */
class ComparedPairsTest {
    @Test
    void aSlateIsCoveredWhenEveryPairWasCompared() {
        ComparedPairs c = ComparedPairs.of(List.of(new int[] {1, 2}, new int[] {3, 4, 5}));
        assertTrue(c.covers(new int[] {2, 1}));
        assertTrue(c.covers(new int[] {5, 3}));
        assertTrue(c.covers(new int[] {3, 4, 5}));
        assertFalse(c.covers(new int[] {1, 3}));
        assertFalse(c.covers(new int[] {1, 2, 3}), "pairs 1-3 and 2-3 are new");
        assertFalse(ComparedPairs.NONE.covers(new int[] {1, 2}));
        assertEquals(4, c.size());
    }

    @Test
    void thePlannerReplacesARepeatedSlateByTheBestOneItemChange() {
        EngineFixture f = EngineFixture.create(40, 4, 256, 2, 3.0, 21);
        Belief belief = Belief.restore(4, org.nd4j.linalg.factory.Nd4j.toFlattened(f.posterior.particles()).toFloatVector(),
                f.posterior.weights(), meanOf(f));
        QueryPlanner planner = new QueryPlanner(EngineSettings.defaults().withLambda(3.0).withParticles(256));
        ExhaustiveStrategy exhaustive = new ExhaustiveStrategy(1_000_000);
        PlannedQuery first = planner.plan(belief, f.search, 2, exhaustive, new BitSet(), new Random(5));
        ComparedPairs asked = ComparedPairs.of(List.of(first.items()));
        PlannedQuery again = planner.plan(belief, f.search, 2, exhaustive, new BitSet(), null, new Random(5));
        assertArrayEquals(first.items(), again.items(), "without the rule the same question again");
        PlannedQuery fresh = planner.plan(belief, f.search, 2, exhaustive, new BitSet(), asked, new Random(5));
        assertFalse(asked.covers(fresh.items()));
        // Brute force over every one-item change of the repeated slate, scored by the same evaluator.
        QueryContext c = f.pooledContext(2, 64, new BitSet(), 5);
        assertTrue(fresh.evoi() <= first.evoi() + 1e-9, "the repeated slate was the best");
        int[] brute = QueryPlanner.fresh(first.items(), c.evaluator(), asked);
        double best = Double.NEGATIVE_INFINITY;
        List<int[]> all = new ArrayList<>();
        for (int pos = 0; pos < 2; pos++) {
            for (int item : c.evaluator().pool().items()) {
                int[] s = first.items().clone();
                if (Arrays.stream(s).noneMatch(i -> i == item)) {
                    s[pos] = item;
                    all.add(s);
                    best = Math.max(best, c.evaluator().evoi(s));
                }
            }
        }
        assertEquals(best, c.evaluator().evoi(brute), 1e-9);
        assertTrue(all.size() > 2);
    }

    private static float[] meanOf(EngineFixture f) {
        float[] p = org.nd4j.linalg.factory.Nd4j.toFlattened(f.posterior.particles()).toFloatVector();
        double[] w = f.posterior.weights();
        float[] mean = new float[4];
        for (int j = 0; j < w.length; j++) {
            for (int c = 0; c < 4; c++) {
                mean[c] += (float) (w[j] * p[j * 4 + c]);
            }
        }
        return mean;
    }
}
