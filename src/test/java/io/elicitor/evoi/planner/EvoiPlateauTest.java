package io.elicitor.evoi.planner;

import io.elicitor.evoi.EngineFixture;
import io.elicitor.evoi.EngineWorkspace;
import io.elicitor.evoi.gradient.GradientStrategy;
import io.elicitor.evoi.strategy.ExhaustiveStrategy;
import io.elicitor.evoi.strategy.GreedyEusStrategy;
import io.elicitor.evoi.strategy.QueryContext;
import io.elicitor.evoi.strategy.QueryIterationStrategy;
import io.elicitor.evoi.value.PoolEvaluator;
import io.elicitor.evoi.value.SlateValues;
import io.elicitor.evoi.value.PoolScores;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * When no slate has positive EVOI (no answer can change the recommendation, which on real posteriors is
 * about four questions in ten), strategies ask the best recommendation set by EUS, not whichever slate
 * float rounding favours.
 */
class EvoiPlateauTest {
    @Test
    void slateValuesPreferEvoiThenEusThenTheEarliest() {
        SlateValues v = new SlateValues(new double[3],
                new double[] {0.10, 0.10 + 1e-9, 0.05}, new double[] {1.0, 0.5, 2.0});
        assertEquals(0, v.best(1e-6), "within the tolerance EVOI ties and EUS decides");
        assertEquals(1, v.best(0.0), "without tolerance the larger EVOI wins");
        SlateValues flat = new SlateValues(new double[3], new double[3], new double[] {1.0, 3.0, 3.0});
        assertEquals(1, flat.best(0.0), "equal EUS too: the earliest");
    }

    @Test
    void onASettledBeliefEverySlateIsWorthExactlyNothing() {
        EngineFixture f = EngineFixture.settled(40, 6, 32, 3.0, 21);
        QueryContext c = f.wholeCatalogContext(2, null, 1);
        SlateValues v = c.evaluator().values(EngineFixture.allPairs(40));
        for (double evoi : v.evoi()) {
            assertEquals(0.0, evoi, 0.0);
        }
    }

    @Test
    void thePlannerReportsAPlateauOnASettledBeliefAndNotOnAnUncertainOne() {
        QueryPlanner planner = new QueryPlanner(EngineSettings.defaults().withLambda(3.0));
        EngineFixture settled = EngineFixture.settled(40, 6, 32, 3.0, 2);
        PlannedQuery flat = EngineWorkspace.run(() -> planner.plan(settled.posterior.belief(), settled.search, 2,
                new ExhaustiveStrategy(), new java.util.BitSet(), new java.util.Random(1)));
        assertTrue(PlannedQuery.onPlateau(flat.evoi(), flat.utilityScale()), "EVOI " + flat.evoi());
        EngineFixture uncertain = EngineFixture.create(40, 6, 256, 1, 3.0, 2);
        PlannedQuery useful = EngineWorkspace.run(() -> planner.plan(uncertain.posterior.belief(), uncertain.search, 2,
                new ExhaustiveStrategy(), new java.util.BitSet(), new java.util.Random(1)));
        assertTrue(!PlannedQuery.onPlateau(useful.evoi(), useful.utilityScale()), "EVOI " + useful.evoi());
    }

    @Test
    void exhaustiveAsksTheBestRecommendationSetWhenEveryEvoiIsZero() {
        for (long seed = 1; seed <= 5; seed++) {
            EngineFixture f = EngineFixture.settled(40, 6, 32, 3.0, seed);
            QueryContext c = f.wholeCatalogContext(2, null, seed);
            double[] eus = c.evaluator().values(EngineFixture.allPairs(40)).eus();
            double best = java.util.Arrays.stream(eus).max().orElseThrow();
            int[] chosen = new ExhaustiveStrategy().select(c);
            assertEquals(best, c.evaluator().values(new int[][] {chosen}).eus()[0], 1e-12, "seed " + seed);
        }
    }

    @Test
    void gradientAndQueryIterationAskASlateAtLeastAsGoodAsGreedysOnAPlateau() {
        for (long seed = 1; seed <= 5; seed++) {
            for (int k = 2; k <= 4; k++) {
                EngineFixture f = EngineFixture.settled(60, 6, 32, 3.0, seed);
                QueryContext c = f.wholeCatalogContext(k, null, seed);
                int[] greedy = new GreedyEusStrategy().select(c);
                int[] gradient = EngineWorkspace.run(() -> new GradientStrategy().select(c));
                double greedyEus = eus(c, greedy);
                assertTrue(eus(c, gradient) >= greedyEus - 1e-9, "gradient, seed " + seed + ", k " + k);
                assertEquals(0.0, c.evaluator().evoi(gradient), 0.0);
                // Query iteration starts from the top expected-utility slate: it must ask the best set it visits.
                PoolScores pool = c.poolScores();
                double visitedBest = Double.NEGATIVE_INFINITY;
                for (int[] s : QueryIterationStrategy.iterate(pool, pool.topExpectedUtility(k))) {
                    visitedBest = Math.max(visitedBest, eus(c, pool.toCatalog(s)));
                }
                assertEquals(visitedBest, eus(c, new QueryIterationStrategy().select(c)), 1e-12, "query iteration, seed " + seed);
            }
        }
    }

    private static double eus(QueryContext c, int[] slate) {
        return c.evaluator().values(new int[][] {slate}).eus()[0];
    }
}
