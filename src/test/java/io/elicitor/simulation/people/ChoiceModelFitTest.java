package io.elicitor.simulation.people;

import io.elicitor.evoi.belief.Observation;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The per-person logit: its gradient against central differences, and that it learns from answers. */
class ChoiceModelFitTest {
    @Test
    void theGradientMatchesCentralDifferences() {
        Random rng = new Random(5);
        List<Observation> answers = answers(new double[] {1, -2, 0.5}, 12, 3, rng);
        double[] prior = {0.1, 0.2, -0.3};
        double[] w = {0.4, -0.7, 1.1};
        double[] g = new double[3];
        ChoiceModelFit.objective(answers, 2.0, prior, w, g);
        for (int c = 0; c < 3; c++) {
            double h = 1e-6;
            double[] up = w.clone();
            double[] down = w.clone();
            up[c] += h;
            down[c] -= h;
            double numeric = (ChoiceModelFit.objective(answers, 2.0, prior, up, null)
                    - ChoiceModelFit.objective(answers, 2.0, prior, down, null)) / (2 * h);
            assertEquals(numeric, g[c], 1e-5 * Math.max(1, Math.abs(numeric)));
        }
    }

    @Test
    void withoutAnswersItIsThePriorAndWithManyItPointsAtTheTruth() {
        double[] prior = {0, 0, 0};
        assertArrayEquals(prior, ChoiceModelFit.fit(List.of(), 2.0, prior));
        double[] truth = {1, -2, 0.5};
        double[] w = ChoiceModelFit.fit(answers(truth, 400, 2, new Random(6)), 2.0, prior);
        double cos = dot(w, truth) / Math.sqrt(dot(w, w) * dot(truth, truth));
        assertTrue(cos > 0.95, "cosine to the truth " + cos);
        double[] g = new double[3];
        ChoiceModelFit.objective(answers(truth, 400, 2, new Random(6)), 2.0, prior, w, g);
        assertTrue(Math.sqrt(dot(g, g)) < 1e-3, "a minimum: gradient " + java.util.Arrays.toString(g));
    }

    /** Answers of a logit user with vector {@code truth} to random k-item questions in 3 dimensions. */
    private static List<Observation> answers(double[] truth, int n, int k, Random rng) {
        List<Observation> out = new ArrayList<>();
        for (int a = 0; a < n; a++) {
            float[] x = new float[k * 3];
            double[] u = new double[k];
            double z = 0;
            for (int i = 0; i < k; i++) {
                for (int c = 0; c < 3; c++) {
                    x[i * 3 + c] = (float) rng.nextGaussian();
                    u[i] += 2.0 * truth[c] * x[i * 3 + c];
                }
                u[i] = Math.exp(u[i]);
                z += u[i];
            }
            double r = rng.nextDouble() * z;
            int chosen = 0;
            while (chosen < k - 1 && (r -= u[chosen]) > 0) {
                chosen++;
            }
            out.add(new Observation(x, k, chosen));
        }
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
