package io.elicitor.evoi.partial;

import io.elicitor.evoi.Buffers;
import io.elicitor.evoi.EngineWorkspace;
import io.elicitor.evoi.belief.Posterior;
import io.elicitor.evoi.gradient.SlateObjective;
import io.elicitor.evoi.gradient.SoftBestResponse;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The partial objective's analytic gradient, through the relaxation of numeric values and categorical levels,
 * against central differences computed in double precision; and the objective at the (sharply) smoothed best
 * responses the ascent uses is the exact PEU the evaluator reports.
 */
class PartialObjectiveTest {
    private static final int K = 3;

    @Test
    void parameterGradientMatchesCentralDifferences() {
        PartialFixture f = new PartialFixture(2, 2.0, 11);
        List<int[]> subsets = List.of(new int[] {0, 4}, new int[] {1, 2, 3});
        OptionRelaxation relaxation = new OptionRelaxation(f.space, subsets, K);
        Random rng = new Random(5);
        float[] parameters = new float[subsets.size() * K * PartialFixture.D];
        for (int i = 0; i < parameters.length; i++) {
            parameters[i] = (float) rng.nextGaussian();
        }
        float[] recommendations = new float[parameters.length];
        for (int row = 0; row < subsets.size() * K; row++) {
            System.arraycopy(f.engine.items.row(rng.nextInt(f.engine.items.size())), 0, recommendations,
                    row * PartialFixture.D, PartialFixture.D);
        }
        float[] p = parameters;
        float[] analytic = EngineWorkspace.run(() -> {
            float[] x = relaxation.options(p);
            float[] g = new SlateObjective(f.engine.posterior, 2.0).evaluate(x, recommendations, K).queryGradient();
            return relaxation.parameterGradient(p, g);
        });
        double scale = 0;
        for (float g : analytic) {
            scale = Math.max(scale, Math.abs(g));
        }
        assertTrue(scale > 1e-3, "a gradient that vanishes everywhere tests nothing");
        double h = 1e-3;
        boolean[] active = activeParameters(relaxation, p.length);
        for (int i = 0; i < p.length; i++) {
            double numeric = 0;
            if (active[i]) {
                float[] up = p.clone();
                float[] down = p.clone();
                up[i] += (float) h;
                down[i] -= (float) h;
                numeric = (objective(f.engine.posterior, relaxation.options(up), recommendations)
                        - objective(f.engine.posterior, relaxation.options(down), recommendations)) / (up[i] - down[i]);
            }
            assertEquals(numeric, analytic[i], 2e-3 * scale + 1e-4, "parameter " + i);
        }
    }

    @Test
    void theObjectiveAtSharpSoftBestResponsesIsTheExactPeu() {
        PartialFixture f = new PartialFixture(3, 2.0, 12);
        PartialContext c = f.context(K, 2, 3);
        PartialQuery q = new RandomPartial().select(c);
        double peu = EngineWorkspace.run(() -> PartialGrid.values(c.evaluator(), q.options(), K, PartialFixture.D).peu()[0]);
        float[] pool = Buffers.toArray(f.engine.items.rows(c.evaluator().pool().items()));
        // At a vanishing temperature the smoothed recommendation after each answer is the best pool item itself.
        float[] y = EngineWorkspace.run(() -> new SoftBestResponse(pool, PartialFixture.D).of(
                new SlateObjective(f.engine.posterior, 2.0).answerVectors(q.options(), K), 1e-7 * c.evaluator().utilityScale()));
        double f0 = objective(f.engine.posterior, q.options(), y);
        assertEquals(peu, f0, 1e-4 * Math.abs(peu) + 1e-5);
    }

    /** Which parameters belong to some query's attributes (the others must get no gradient). */
    private static boolean[] activeParameters(OptionRelaxation relaxation, int n) {
        float[] ones = new float[n];
        java.util.Arrays.fill(ones, 1f);
        float[] x = relaxation.options(ones);
        boolean[] active = new boolean[n];
        for (int i = 0; i < n; i++) {
            active[i] = x[i] != 0f;
        }
        return active;
    }

    /** {@code Σ_b Σᵢ Σⱼ πⱼ R(i|Q_b; wⱼ) wⱼ·yᵢ} in double precision, straight from the definition. */
    static double objective(Posterior p, float[] q, float[] y) {
        int d = p.dimension();
        float[] w = Buffers.toArray(p.particles());
        double[] pi = p.weights();
        int b = q.length / (K * d);
        double total = 0;
        for (int s = 0; s < b; s++) {
            for (int j = 0; j < p.size(); j++) {
                double[] u = new double[K];
                double[] v = new double[K];
                double max = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < K; i++) {
                    for (int c = 0; c < d; c++) {
                        u[i] += 2.0 * q[(s * K + i) * d + c] * w[j * d + c];
                        v[i] += (double) y[(s * K + i) * d + c] * w[j * d + c];
                    }
                    max = Math.max(max, u[i]);
                }
                double z = 0;
                double num = 0;
                for (int i = 0; i < K; i++) {
                    double e = Math.exp(u[i] - max);
                    z += e;
                    num += e * v[i];
                }
                total += pi[j] * num / z;
            }
        }
        return total;
    }
}
