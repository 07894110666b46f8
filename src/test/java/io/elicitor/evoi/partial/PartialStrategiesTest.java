package io.elicitor.evoi.partial;

import io.elicitor.evoi.EngineWorkspace;
import io.elicitor.evoi.belief.Logit;
import io.elicitor.evoi.belief.Posterior;
import io.elicitor.evoi.gradient.StackedObjective;
import io.elicitor.evoi.value.PoolEvaluator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every partial strategy asks a question a person can be shown; exhaustive is the best grid query; gradient is
 * never below greedy, its best seed; sessions ascending together ask what each would ask alone; a partial answer moves the belief as the likelihood says.
 */
class PartialStrategiesTest {
    private static final List<PartialStrategy> ALL = List.of(new RandomPartial(), new GreedyPartial(),
            new ExhaustivePartial(), new GradientPartial());

    @Test
    void everyStrategyAsksAQuestionThatCanBeShown() {
        PartialFixture f = new PartialFixture(2, 2.0, 21);
        for (PartialStrategy strategy : ALL) {
            for (int k = 2; k <= 4; k++) {
                for (int s = 1; s <= 4; s++) {
                    PartialContext c = f.context(k, s, 31L * k + s);
                    PartialQuery q = EngineWorkspace.run(() -> strategy.select(c));
                    assertEquals(k, q.size());
                    assertEquals(s, q.attributes().length, strategy.name());
                    float[] shown = q.options();
                    f.space.round(shown, q.attributes());
                    assertArrayEquals(shown, q.options(), strategy.name() + ": the options are already as shown");
                    assertFalse(PartialGrid.repeatsAnOption(q.options(), k), strategy.name() + " shows an option twice");
                }
            }
        }
    }

    @Test
    void exhaustiveFindsTheBestGridPairOfEverySubset() {
        PartialFixture f = new PartialFixture(3, 2.0, 22);
        PartialContext c = f.context(2, 1, 4);
        double best = Double.NEGATIVE_INFINITY;
        for (int[] subset : f.space.subsets(1)) {
            float[] grid = f.space.gridOptions(subset);
            int n = grid.length / PartialFixture.D;
            for (int a = 0; a < n; a++) {
                for (int b = a + 1; b < n; b++) {
                    float[] q = PartialGrid.rows(grid, PartialFixture.D, new int[] {a, b});
                    best = Math.max(best, EngineWorkspace.run(() ->
                            PartialGrid.values(c.evaluator(), q, 2, PartialFixture.D).evoi()[0]));
                }
            }
        }
        PartialQuery chosen = EngineWorkspace.run(() -> new ExhaustivePartial().select(c));
        double found = evoi(c.evaluator(), chosen);
        assertEquals(best, found, c.evaluator().tieTolerance() + 1e-12);
    }

    @Test
    void whereTheGridCanBeListedGradientIsNeverBelowItsOptimum() {
        for (long seed = 1; seed <= 4; seed++) {
            PartialFixture f = new PartialFixture(2, 3.0, 60 + seed);
            for (int s = 1; s <= 2; s++) {
                int attributes = s;
                PartialContext grid = f.context(2, attributes, seed);
                PartialContext ascent = f.context(2, attributes, seed);
                double exhaustive = evoi(grid.evaluator(), EngineWorkspace.run(() -> new ExhaustivePartial().select(grid)));
                double gradient = evoi(grid.evaluator(), EngineWorkspace.run(() -> new GradientPartial().select(ascent)));
                assertTrue(gradient >= exhaustive - grid.evaluator().tieTolerance(), "seed " + seed + " s " + s + ": "
                        + gradient + " < the grid's optimum " + exhaustive);
            }
        }
    }

    @Test
    void gradientIsNeverBelowGreedyAndSometimesAbove() {
        int above = 0;
        int cases = 0;
        for (long seed = 1; seed <= 6; seed++) {
            PartialFixture f = new PartialFixture(2, 3.0, 40 + seed);
            for (int k = 2; k <= 3; k++) {
                PartialContext c = f.context(k, 2, seed);
                double greedy = evoi(c.evaluator(), EngineWorkspace.run(() -> new GreedyPartial().select(c)));
                double gradient = evoi(c.evaluator(), EngineWorkspace.run(() -> new GradientPartial().select(c)));
                assertTrue(gradient >= greedy - c.evaluator().tieTolerance(), "seed " + seed + " k " + k + ": "
                        + gradient + " < greedy " + greedy);
                above += gradient > greedy + 1e-3 * c.evaluator().utilityScale() ? 1 : 0;
                cases++;
            }
        }
        assertTrue(above > 0, "over " + cases + " posteriors the ascent never improved on its seeds");
    }

    @Test
    void sessionsAscendingTogetherAskWhatEachWouldAskAlone() {
        for (int k : new int[] {2, 3}) {
            List<PartialContext> alone = new ArrayList<>();
            List<PartialContext> together = new ArrayList<>();
            List<PartialContext> asTensors = new ArrayList<>();
            for (long seed = 1; seed <= 4; seed++) {
                PartialFixture f = new PartialFixture((int) seed, 4.0, 40 + seed);
                alone.add(f.context(k, 2, seed));
                together.add(f.context(k, 2, seed));
                asTensors.add(f.context(k, 2, seed));
            }
            GradientPartial gradient = new GradientPartial();
            List<PartialQuery> batched = EngineWorkspace.run(() -> gradient.selectAll(together));
            List<PartialQuery> tensor = EngineWorkspace.run(
                    () -> gradient.selectAll(asTensors, StackedObjective.Form.TENSOR_OPS));
            for (int i = 0; i < alone.size(); i++) {
                PartialContext c = alone.get(i);
                PartialQuery single = EngineWorkspace.run(() -> gradient.select(c));
                for (PartialQuery other : List.of(batched.get(i), tensor.get(i))) {
                    assertArrayEquals(single.attributes(), other.attributes(), "k = " + k + ", session " + i);
                    assertArrayEquals(single.options(), other.options(), 1e-6f, "k = " + k + ", session " + i);
                }
            }
        }
    }

    @Test
    void aPartialAnswerReweightsParticlesByItsLikelihood() {
        PartialFixture f = new PartialFixture(0, 0.5, 23);
        PartialContext c = f.context(3, 2, 6);
        PartialQuery q = EngineWorkspace.run(() -> new GreedyPartial().select(c));
        Posterior before = f.engine.posterior;
        Posterior after = before.observe(q.observation(1), List.of(q.observation(1)), f.engine.model, f.engine.prior,
                null, new java.util.Random(1));
        float[] particles = io.elicitor.evoi.Buffers.toArray(before.particles());
        double[] expected = new double[before.size()];
        double sum = 0;
        for (int j = 0; j < expected.length; j++) {
            double[] u = new double[3];
            for (int i = 0; i < 3; i++) {
                for (int col = 0; col < PartialFixture.D; col++) {
                    u[i] += (double) q.options()[i * PartialFixture.D + col] * particles[j * PartialFixture.D + col];
                }
            }
            double[] e = new double[3];
            double z = Logit.EXACT.weights(0.5, u, 3, e);
            expected[j] = before.weights()[j] * e[1] / z;
            sum += expected[j];
        }
        double[] w = after.weights();
        for (int j = 0; j < expected.length; j++) {
            assertEquals(expected[j] / sum, w[j], 1e-6 / expected.length + 1e-5 * w[j]);
        }
    }

    static double evoi(PoolEvaluator evaluator, PartialQuery q) {
        return EngineWorkspace.run(() -> PartialGrid.values(evaluator, q.options(), q.size(), q.dimension()).evoi()[0]);
    }

}
