package io.elicitor.evoi.gradient;

import io.elicitor.evoi.Buffers;
import io.elicitor.evoi.EngineFixture;
import io.elicitor.evoi.EngineWorkspace;
import io.elicitor.evoi.belief.Posterior;
import io.elicitor.evoi.strategy.QueryContext;
import io.elicitor.evoi.value.PoolScores;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The analytic gradients of {@code F(Q, Y)} (evoi/METHOD.md) against central finite differences computed in
 * double precision, against ND4J SameDiff's automatic differentiation, and through the softmax-mixture
 * parameterisation of the gradient strategy.
 */
class SlateObjectiveTest {
    static {
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
    }

    /** A random posterior: Gaussian particles, uneven weights. */
    static Posterior randomPosterior(int m, int d, Random rng) {
        float[] w = new float[m * d];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) rng.nextGaussian();
        }
        double[] pi = new double[m];
        for (int j = 0; j < m; j++) {
            pi[j] = 0.1 + rng.nextDouble();
        }
        return new Posterior(Nd4j.create(w, new long[] {m, d}, 'c'), pi);
    }

    /** n Gaussian values of standard deviation {@code scale}. */
    static float[] randomVectors(int n, Random rng, double scale) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (rng.nextGaussian() * scale);
        }
        return v;
    }

    /** F per slate in double precision, straight from the definition. */
    static double[] objective(Posterior p, double lambda, double[] q, double[] y, int k) {
        int d = p.dimension();
        int m = p.size();
        float[] w = Buffers.toArray(p.particles());
        double[] pi = p.weights();
        int b = q.length / (k * d);
        double[] out = new double[b];
        for (int s = 0; s < b; s++) {
            for (int j = 0; j < m; j++) {
                double[] u = new double[k];
                double max = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < k; i++) {
                    for (int c = 0; c < d; c++) {
                        u[i] += w[j * d + c] * q[(s * k + i) * d + c];
                    }
                    max = Math.max(max, lambda * u[i]);
                }
                double z = 0;
                double num = 0;
                for (int i = 0; i < k; i++) {
                    double e = Math.exp(lambda * u[i] - max);
                    double sij = 0;
                    for (int c = 0; c < d; c++) {
                        sij += w[j * d + c] * y[(s * k + i) * d + c];
                    }
                    z += e;
                    num += e * sij;
                }
                out[s] += pi[j] * num / z;
            }
        }
        return out;
    }

    private static double[] toDouble(float[] a) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i];
        }
        return out;
    }

    private static double relativeError(float[] analytic, double[] reference) {
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < analytic.length; i++) {
            diff += (analytic[i] - reference[i]) * (analytic[i] - reference[i]);
            norm += reference[i] * reference[i];
        }
        return Math.sqrt(diff / Math.max(norm, 1e-300));
    }

    /** Central differences of the summed objective with respect to every coordinate of {@code x}. */
    private static double[] centralDifferences(double[] x, java.util.function.Function<double[], Double> f, double h) {
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double keep = x[i];
            x[i] = keep + h;
            double up = f.apply(x);
            x[i] = keep - h;
            double down = f.apply(x);
            x[i] = keep;
            g[i] = (up - down) / (2 * h);
        }
        return g;
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }

    @Test
    void analyticGradientsMatchCentralDifferences() {
        Random rng = new Random(42);
        for (int trial = 0; trial < 6; trial++) {
            int k = 2 + trial % 5;
            int d = 5 + trial;
            int m = 40 + 10 * trial;
            double lambda = 0.5 + trial;
            Posterior p = randomPosterior(m, d, rng);
            int b = 3;
            float[] q = randomVectors(b * k * d, rng, 1.0 / Math.sqrt(d));
            float[] y = randomVectors(b * k * d, rng, 1.0 / Math.sqrt(d));
            SlateObjective.Evaluation e = new SlateObjective(p, lambda).evaluate(q, y, k);
            double[] qd = toDouble(q);
            double[] yd = toDouble(y);
            double[] reference = objective(p, lambda, qd, yd, k);
            for (int s = 0; s < b; s++) {
                assertEquals(reference[s], e.values()[s], 1e-5 * Math.max(1, Math.abs(reference[s])), "F of slate " + s);
            }
            double[] gq = centralDifferences(qd, x -> sum(objective(p, lambda, x, yd, k)), 1e-5);
            double[] gy = centralDifferences(yd, x -> sum(objective(p, lambda, qd, x, k)), 1e-5);
            double errQ = relativeError(e.queryGradient(), gq);
            double errY = relativeError(e.recommendationGradient(), gy);
            assertTrue(errQ < 1e-3, "trial " + trial + ": dF/dQ relative error " + errQ);
            assertTrue(errY < 1e-3, "trial " + trial + ": dF/dY relative error " + errY);
            // The answers' value vectors are dF/dY, which does not depend on Y.
            double errV = relativeError(new SlateObjective(p, lambda).answerVectors(q, k), gy);
            assertTrue(errV < 1e-3, "trial " + trial + ": answer vectors relative error " + errV);
        }
    }

    @Test
    void queryGradientMatchesSameDiff() {
        Random rng = new Random(7);
        int m = 64;
        int d = 6;
        int k = 3;
        double lambda = 2.0;
        Posterior p = randomPosterior(m, d, rng);
        float[] q = randomVectors(k * d, rng, 0.5);
        float[] y = randomVectors(k * d, rng, 0.5);
        SlateObjective.Evaluation e = new SlateObjective(p, lambda).evaluate(q, y, k);

        SameDiff sd = SameDiff.create();
        SDVariable qv = sd.var("q", Nd4j.create(q, new long[] {k, d}, 'c'));
        SDVariable w = sd.constant("w", p.particles());
        SDVariable yv = sd.constant("y", Nd4j.create(y, new long[] {k, d}, 'c'));
        float[] pi = new float[m];
        double[] weights = p.weights();
        for (int j = 0; j < m; j++) {
            pi[j] = (float) weights[j];
        }
        SDVariable piv = sd.constant("pi", Nd4j.create(pi, new long[] {m, 1}, 'c'));
        SDVariable logits = w.mmul(sd.transpose(qv)).mul(lambda);            // M × k
        SDVariable r = sd.nn().softmax(logits, 1);                        // answer probabilities per particle
        SDVariable s = w.mmul(sd.transpose(yv));                            // M × k utilities of the recommendations
        SDVariable f = r.mul(s).sum(true, 1).mul(piv).sum();              // Σⱼ πⱼ Σᵢ Rᵢⱼ sᵢⱼ
        f.markAsLoss();
        Map<String, INDArray> grads = sd.calculateGradients(new HashMap<>(), "q");
        float[] oracle = Buffers.toArray(grads.get("q"));
        double out = f.eval().getDouble(0);

        assertEquals(out, e.values()[0], 1e-5 * Math.max(1, Math.abs(out)));
        double err = relativeError(e.queryGradient(), toDouble(oracle));
        assertTrue(err < 1e-4, "dF/dQ differs from SameDiff's by " + err);
    }

    @Test
    void mixtureGradientMatchesCentralDifferences() {
        EngineFixture f = EngineFixture.create(60, 5, 80, 1, 2.0, 3);
        for (int k = 2; k <= 3; k++) {
            QueryContext c = f.pooledContext(k, 12, null, k);
            PoolScores pool = c.poolScores();
            int kk = k;
            EngineWorkspace.run(() -> {
                INDArray poolVectors = c.catalog().rows(pool.items());
                float[] x = Buffers.toArray(poolVectors);
                int d = (int) poolVectors.columns();
                int restarts = 2;
                MixtureAscent ascent = new MixtureAscent(pool, poolVectors, c.posterior().particles(), kk, restarts);
                Random rng = new Random(kk);
                int rows = restarts * kk;
                float[] logits = randomVectors(rows * pool.size(), rng, 1.0);
                int[] fixedY = rng.ints(rows, 0, pool.size()).toArray();
                // Pairs at τ = 1; triples through the tempered softmax(a/τ) the annealing uses.
                double tau = kk == 2 ? 1.0 : 0.4;
                ascent.setLogits(logits);
                ascent.setTemperature(tau);
                ascent.value(fixedY);
                float[] analytic = ascent.gradient().clone();
                double[] y = new double[rows * d];
                for (int row = 0; row < rows; row++) {
                    for (int cc = 0; cc < d; cc++) {
                        y[row * d + cc] = x[fixedY[row] * d + cc];
                    }
                }
                double[] a = toDouble(logits);
                double[] fd = centralDifferences(a, v -> sum(objective(c.posterior(), c.model().lambda(),
                        mixture(java.util.Arrays.stream(v).map(a0 -> a0 / tau).toArray(), x, rows, pool.size(), d), y, kk)),
                        1e-5);
                double err = relativeError(analytic, fd);
                assertTrue(err < 1e-3, "k " + kk + ": dF/da relative error " + err);
                return null;
            });
        }
    }

    /** {@code q = softmax(a)·X} row by row, in double. */
    private static double[] mixture(double[] a, float[] x, int rows, int p, int d) {
        double[] q = new double[rows * d];
        for (int r = 0; r < rows; r++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int y = 0; y < p; y++) {
                max = Math.max(max, a[r * p + y]);
            }
            double z = 0;
            double[] e = new double[p];
            for (int y = 0; y < p; y++) {
                e[y] = Math.exp(a[r * p + y] - max);
                z += e[y];
            }
            for (int y = 0; y < p; y++) {
                for (int c = 0; c < d; c++) {
                    q[r * d + c] += e[y] / z * x[y * d + c];
                }
            }
        }
        return q;
    }
}
