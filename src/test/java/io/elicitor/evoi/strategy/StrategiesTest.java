package io.elicitor.evoi.strategy;

import io.elicitor.evoi.Combinations;
import io.elicitor.evoi.EngineFixture;
import io.elicitor.evoi.EngineWorkspace;
import io.elicitor.evoi.StrategyContracts;
import io.elicitor.evoi.planner.StrategyRegistry;
import io.elicitor.evoi.value.CandidatePool;
import io.elicitor.evoi.value.PoolScores;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every built-in strategy returns k distinct, non-excluded items; the discrete baselines do what they claim. */
class StrategiesTest {
    @Test
    void registryHasEveryStrategyOfTheIssue() {
        assertTrue(StrategyRegistry.builtIn().names().containsAll(List.of("random", "exploit", "exhaustive", "thompson",
                "greedy-eus", "query-iteration", "gradient")));
    }

    @Test
    void everyStrategyReturnsKDistinctNonExcludedItems() {
        EngineFixture f = EngineFixture.create(300, 8, 256, 2, 2.0, 4);
        BitSet excluded = new BitSet();
        Random rng = new Random(1);
        for (int i = 0; i < 120; i++) {
            excluded.set(rng.nextInt(300));
        }
        // Exclude the items every strategy would like most, too.
        for (int i : f.search.topK(f.posterior.mean(), 10, null)) {
            excluded.set(i);
        }
        StrategyRegistry registry = StrategyRegistry.builtIn().replacing(new ExhaustiveStrategy(2000));
        for (String name : registry.names()) {
            QueryStrategy s = registry.find(name).orElseThrow();
            for (int k = 2; k <= 6; k++) {
                QueryContext c = f.pooledContext(k, 48, excluded, k);
                int kk = k;
                int[] slate = EngineWorkspace.run(() -> s.select(c));
                StrategyContracts.assertValidSlate(slate, kk, c);
            }
        }
    }

    @Test
    void exhaustiveScoresAllPairsAndAllTriplesOfThePoolPrefix() {
        assertEquals(256, ExhaustiveStrategy.largestPrefix(2, 32_640));
        assertTrue(Combinations.count(ExhaustiveStrategy.largestPrefix(3, 32_640), 3) <= 32_640);
        assertTrue(Combinations.count(ExhaustiveStrategy.largestPrefix(3, 32_640) + 1, 3) > 32_640);
        EngineFixture f = EngineFixture.create(24, 6, 256, 2, 2.0, 8);
        for (int k = 2; k <= 3; k++) {
            QueryContext c = f.wholeCatalogContext(k, null, k);
            double best = Double.NEGATIVE_INFINITY;
            for (int a = 0; a < 24; a++) {
                for (int b = a + 1; b < 24; b++) {
                    if (k == 2) {
                        best = Math.max(best, c.evaluator().peu(new int[][] {{a, b}})[0]);
                    } else {
                        for (int d = b + 1; d < 24; d++) {
                            best = Math.max(best, c.evaluator().peu(new int[][] {{a, b, d}})[0]);
                        }
                    }
                }
            }
            double found = c.evaluator().peu(new int[][] {new ExhaustiveStrategy().select(c)})[0];
            assertEquals(best, found, 1e-6 * Math.abs(best), "k " + k);
        }
    }

    @Test
    void greedyEusAddsTheItemWithTheLargestExpectedUtilityOfSelection() {
        EngineFixture f = EngineFixture.create(60, 6, 300, 2, 2.0, 12);
        for (int k = 2; k <= 4; k++) {
            QueryContext c = f.wholeCatalogContext(k, null, k);
            PoolScores pool = c.poolScores();
            int[] slate = GreedyEusStrategy.slate(pool, k);
            assertEquals(pool.topExpectedUtility(1)[0], slate[0], "greedy starts from the top expected-utility item");
            for (int t = 1; t < k; t++) {
                int[] prefix = java.util.Arrays.copyOf(slate, t + 1);
                double chosen = eus(f, pool, prefix);
                for (int y = 0; y < pool.size(); y++) {
                    final int candidate = y;
                    if (java.util.Arrays.stream(slate, 0, t).anyMatch(i -> i == candidate)) {
                        continue;
                    }
                    prefix[t] = y;
                    assertTrue(eus(f, pool, prefix) <= chosen + 1e-6, "step " + t + ": item " + y + " beats the greedy choice");
                }
            }
        }
    }

    /** EUS_R = F(Q, Q) in double precision, for a slate of pool indices. */
    private static double eus(EngineFixture f, PoolScores pool, int[] slate) {
        return f.eusReference(pool.toCatalog(slate));
    }

    @Test
    void queryIterationEndsAtAFixedPointOrTheBestSlateItVisited() {
        EngineFixture f = EngineFixture.create(200, 8, 256, 3, 2.0, 5);
        QueryContext c = f.pooledContext(3, 64, null, 3);
        PoolScores pool = c.poolScores();
        List<int[]> visited = QueryIterationStrategy.iterate(pool, pool.topExpectedUtility(3));
        assertTrue(visited.size() >= 1 && visited.size() <= QueryIterationStrategy.MAX_ROUNDS + 1);
        int[] chosen = new QueryIterationStrategy().select(c);
        double value = c.evaluator().peu(new int[][] {chosen})[0];
        for (int[] s : visited) {
            assertTrue(c.evaluator().peu(new int[][] {pool.toCatalog(s)})[0] <= value + 1e-9);
        }
    }

    @Test
    void thompsonShowsSampledParticlesFavourites() {
        EngineFixture f = EngineFixture.create(500, 8, 256, 1, 2.0, 6);
        QueryContext c = f.pooledContext(4, 32, null, 4);
        int[] slate = new ThompsonStrategy().select(c);
        // Replaying the draws: each item is the best, or the best not yet taken, of the drawn particle.
        Random replay = new Random(4);
        CandidatePool.ofSize(f.posterior, f.search, 32, 8, null, replay);
        java.util.Set<Integer> taken = new java.util.HashSet<>();
        for (int s = 0; s < 4; s++) {
            int j = f.posterior.sampleIndex(replay);
            int[] top = f.search.topK(f.posterior.particle(j), 4, null);
            int expected = java.util.Arrays.stream(top).filter(i -> !taken.contains(i)).findFirst().orElseThrow();
            assertEquals(expected, slate[s], "draw " + s);
            taken.add(expected);
        }
    }
}
