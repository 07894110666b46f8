package io.elicitor.evoi.planner;

import io.elicitor.evoi.EngineFixture;
import io.elicitor.evoi.EngineWorkspace;
import io.elicitor.evoi.belief.MultinomialLogit;
import io.elicitor.evoi.strategy.ExhaustiveStrategy;
import io.elicitor.evoi.strategy.GreedyEusStrategy;
import io.elicitor.evoi.strategy.QueryContext;
import io.elicitor.evoi.strategy.QueryStrategy;
import io.elicitor.evoi.value.CandidatePool;
import io.elicitor.evoi.value.PoolEvaluator;
import java.util.BitSet;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Strategies planning with a sharper λ ({@code name@factor}): resolution by name, what they choose, what is reported. */
class SharpenedPlanningTest {
    private final StrategyRegistry registry = StrategyRegistry.builtIn();

    @Test
    void theRegistryResolvesAFactorSuffixOnAnyRegisteredName() {
        QueryStrategy s = registry.find("greedy-eus@2").orElseThrow();
        SharpenedPlanning sharp = assertInstanceOf(SharpenedPlanning.class, s);
        assertEquals("greedy-eus@2", sharp.name());
        assertEquals("greedy-eus", sharp.inner().name());
        assertEquals(2.0, sharp.factor());
        assertEquals("gradient@1.5", registry.find("gradient@1.5").orElseThrow().name());
        assertEquals("exhaustive@2", registry.find("exhaustive@2.0").orElseThrow().name(), "names are canonical");
        assertEquals("exploit", registry.find("exploit").orElseThrow().name());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"greedy-eus@0", "greedy-eus@", "greedy-eus@-1", "greedy-eus@1e3", "greedy-eus@101",
        "greedy-eus@NaN", "greedy-eus@Infinity", "greedy-eus@2@2", "psychic@2", "@2", "greedy-eus@ 2", "greedy-eus@0x2"})
    void badFactorsAndUnknownNamesAreNotFound(String name) {
        assertTrue(registry.find(name).isEmpty(), name);
    }

    @Test
    void theRefusalNamesTheStrategiesAndTheSuffix() {
        String m = registry.unknown("psychic@2");
        assertTrue(m.contains("'psychic@2'") && m.contains("greedy-eus") && m.contains("@factor"), m);
    }

    @Test
    void factorsAreValidatedAndDoNotNest() {
        QueryStrategy greedy = new GreedyEusStrategy();
        assertThrows(IllegalArgumentException.class, () -> new SharpenedPlanning(greedy, 0));
        assertThrows(IllegalArgumentException.class, () -> new SharpenedPlanning(greedy, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new SharpenedPlanning(greedy, 1000));
        assertThrows(IllegalArgumentException.class, () -> new SharpenedPlanning(new SharpenedPlanning(greedy, 2), 2));
    }

    @Test
    void anEvaluatorUnderAnotherModelScoresLikeOneBuiltForIt() {
        EngineFixture f = EngineFixture.create(30, 5, 128, 3, 2.0, 4);
        QueryContext c = f.wholeCatalogContext(2, null, 1);
        PoolEvaluator built = new PoolEvaluator(f.posterior, new MultinomialLogit(6.0), f.items, c.pool());
        PoolEvaluator derived = c.evaluator().withModel(new MultinomialLogit(6.0));
        int[][] pairs = EngineFixture.allPairs(30);
        assertArrayEquals(built.values(pairs).evoi(), derived.values(pairs).evoi(), 1e-12);
        assertArrayEquals(built.values(pairs).eus(), derived.values(pairs).eus(), 1e-12);
        assertEquals(c.evaluator().utilityScale(), derived.utilityScale());
        assertEquals(c.evaluator().currentBestItem(), derived.currentBestItem());
    }

    @Test
    void factorOneChoosesWhatTheStrategyItselfChooses() {
        for (String name : new String[] {"exhaustive", "greedy-eus", "gradient"}) {
            for (long seed = 1; seed <= 3; seed++) {
                EngineFixture f = EngineFixture.create(40, 6, 256, 2, 3.0, seed);
                int[] plain = registry.find(name).orElseThrow().select(f.pooledContext(2, 24, null, seed));
                int[] one = registry.find(name + "@1").orElseThrow().select(f.pooledContext(2, 24, null, seed));
                assertArrayEquals(plain, one, name + " seed " + seed);
            }
        }
    }

    @Test
    void exhaustiveWithAFactorAsksTheBestSlateUnderTheSharperModel() {
        int differs = 0;
        for (long seed = 1; seed <= 8; seed++) {
            EngineFixture f = EngineFixture.create(40, 6, 256, 3, 2.0, seed);
            QueryContext c = f.wholeCatalogContext(2, null, seed);
            int[][] pairs = EngineFixture.allPairs(40);
            PoolEvaluator sharp = new PoolEvaluator(f.posterior, new MultinomialLogit(6.0), f.items, c.pool());
            int[] expected = pairs[sharp.values(pairs).best(sharp.tieTolerance())];
            int[] chosen = registry.find("exhaustive@3").orElseThrow().select(c);
            assertArrayEquals(expected, sorted(chosen), "seed " + seed);
            differs += java.util.Arrays.equals(sorted(new ExhaustiveStrategy().select(c)), expected) ? 0 : 1;
        }
        assertTrue(differs > 0, "a factor of 3 should change the question on some of 8 posteriors");
    }

    @Test
    void thePlannerReportsTheAskedSlatesEvoiUnderTheRealModel() {
        EngineFixture f = EngineFixture.create(40, 6, 256, 2, 3.0, 9);
        QueryPlanner planner = new QueryPlanner(EngineSettings.defaults().withLambda(3.0).withParticles(256));
        PlannedQuery q = EngineWorkspace.run(() -> planner.plan(f.posterior.belief(), f.search, 2,
                registry.find("exhaustive@4").orElseThrow(), new BitSet(), new Random(1)));
        PlannedQuery same = EngineWorkspace.run(() -> planner.plan(f.posterior.belief(), f.search, 2,
                registry.find("exhaustive@4").orElseThrow(), new BitSet(), new Random(1)));
        assertArrayEquals(q.items(), same.items(), "seeded: the same question twice");
        double real = EngineWorkspace.run(() -> {
            CandidatePool pool = CandidatePool.build(f.posterior, f.search, 64, 32, new BitSet(), new Random(1));
            return new PoolEvaluator(f.posterior, new MultinomialLogit(3.0), f.items, pool).evoi(q.items());
        });
        assertEquals(real, q.evoi(), 1e-9);
    }

    private static int[] sorted(int[] slate) {
        int[] s = slate.clone();
        java.util.Arrays.sort(s);
        return s;
    }
}
