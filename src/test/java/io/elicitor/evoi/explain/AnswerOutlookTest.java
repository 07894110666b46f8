package io.elicitor.evoi.explain;

import io.elicitor.evoi.belief.Belief;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The outlook of a question against a direct computation of the posterior after each answer, and EVOI. */
class AnswerOutlookTest {
    private static final double LAMBDA = 2.0;
    /** The scores are float32, as the engine's; the references here are double: agreement to about 1e-7. */
    private static final double FLOAT_SCORES = 1e-6;

    @Test
    void probabilitiesRegretsAndTheirAverageMatchDirectComputation() {
        Belief b = ExplainFixture.belief(11, 300, new float[] {-1f, 0.2f, 0.4f, -0.3f, 0.6f});
        float[] candidates = ExplainFixture.items(12, 40);
        for (int k = 2; k <= 4; k++) {
            float[] options = java.util.Arrays.copyOf(candidates, k * ExplainFixture.D);
            AnswerOutlook.Outlook o = AnswerOutlook.of(b, options, k, candidates, 40, LAMBDA);
            double[][] direct = direct(b, options, k, candidates, 40);
            double probabilities = 0;
            for (int i = 0; i < k; i++) {
                assertEquals(direct[0][i], o.probability()[i], 1e-9, "P(" + i + ")");
                assertEquals(direct[1][i], o.regretAfter()[i], FLOAT_SCORES, "regret after " + i);
                probabilities += o.probability()[i];
            }
            assertEquals(1.0, probabilities, 1e-9);
            assertEquals(direct[2][0], o.regretNow(), FLOAT_SCORES);
            assertEquals(direct[2][1], o.expectedReduction(), FLOAT_SCORES, "Σ P(i)·reduction(i) is the EVOI");
            assertTrue(o.expectedReduction() >= -1e-12, "EVOI is never negative");
        }
    }

    @Test
    void theTopItemsRegretIsTheRegretOfRecommendingNow() {
        Belief b = ExplainFixture.belief(13, 400, new float[] {0.5f, -0.2f, 0.4f, 0.1f, -0.6f});
        float[] candidates = ExplainFixture.items(14, 60);
        int[] all = java.util.stream.IntStream.range(0, 60).toArray();
        TopItem top = TopItem.of(b, candidates, all);
        AnswerOutlook.Outlook o = AnswerOutlook.of(b, java.util.Arrays.copyOf(candidates, 2 * ExplainFixture.D), 2,
                candidates, 60, LAMBDA);
        assertEquals(o.regretNow(), top.expectedRegret(), 1e-12); // the same float32 scores: equal to rounding
        // Directly: the item of largest expected utility, and the weight of the particles for which it is best.
        float[] w = b.particles();
        double[] pi = b.weights();
        double[] expected = new double[60];
        int[] bestOf = new int[400];
        for (int j = 0; j < 400; j++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int y = 0; y < 60; y++) {
                double u = AnswerOutlook.dot(w, j * 5, candidates, y * 5, 5);
                expected[y] += pi[j] * u;
                if (u > max) {
                    max = u;
                    bestOf[j] = y;
                }
            }
        }
        int argmax = 0;
        for (int y = 1; y < 60; y++) {
            argmax = expected[y] > expected[argmax] ? y : argmax;
        }
        assertEquals(argmax, top.item());
        double p = 0;
        for (int j = 0; j < 400; j++) {
            p += bestOf[j] == argmax ? pi[j] : 0;
        }
        assertEquals(p, top.probabilityBest(), 1e-9); // no near-ties in this fixture: float32 picks the same bests
    }

    /** [P(i)], [regret after i], [regret now, EVOI] by the textbook formulas, in the plainest loops. */
    private static double[][] direct(Belief b, float[] options, int k, float[] cand, int p) {
        int d = ExplainFixture.D;
        int m = b.size();
        float[] w = b.particles();
        double[] pi = b.weights();
        double[][] u = new double[m][p];
        double[][] q = new double[m][k];
        for (int j = 0; j < m; j++) {
            for (int y = 0; y < p; y++) {
                for (int c = 0; c < d; c++) {
                    u[j][y] += (double) w[j * d + c] * cand[y * d + c];
                }
            }
            double z = 0;
            for (int i = 0; i < k; i++) {
                double s = 0;
                for (int c = 0; c < d; c++) {
                    s += (double) w[j * d + c] * options[i * d + c];
                }
                q[j][i] = Math.exp(LAMBDA * s);
                z += q[j][i];
            }
            for (int i = 0; i < k; i++) {
                q[j][i] /= z;
            }
        }
        double[] prob = new double[k];
        double[] after = new double[k];
        double evoi = -maxExpected(pi, u, p);
        for (int i = 0; i < k; i++) {
            double[] post = new double[m];
            for (int j = 0; j < m; j++) {
                post[j] = pi[j] * q[j][i];
                prob[i] += post[j];
            }
            for (int j = 0; j < m; j++) {
                post[j] /= prob[i];
            }
            after[i] = expectedMax(post, u) - maxExpected(post, u, p);
            evoi += prob[i] * maxExpected(post, u, p);
        }
        return new double[][] {prob, after, {expectedMax(pi, u) - maxExpected(pi, u, p), evoi}};
    }

    private static double expectedMax(double[] pi, double[][] u) {
        double s = 0;
        for (int j = 0; j < pi.length; j++) {
            s += pi[j] * java.util.Arrays.stream(u[j]).max().orElseThrow();
        }
        return s;
    }

    private static double maxExpected(double[] pi, double[][] u, int p) {
        double best = Double.NEGATIVE_INFINITY;
        for (int y = 0; y < p; y++) {
            double e = 0;
            for (int j = 0; j < pi.length; j++) {
                e += pi[j] * u[j][y];
            }
            best = Math.max(best, e);
        }
        return best;
    }
}
