package io.elicitor.evoi.gradient;

import io.elicitor.evoi.Buffers;
import io.elicitor.evoi.EngineFixture;
import io.elicitor.evoi.EngineWorkspace;
import io.elicitor.evoi.StrategyContracts;
import io.elicitor.evoi.belief.Posterior;
import io.elicitor.evoi.strategy.ExhaustiveStrategy;
import io.elicitor.evoi.strategy.GreedyEusStrategy;
import io.elicitor.evoi.strategy.QueryContext;
import java.util.Random;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The embedding-space ascent: its gradient is that of the smoothed PEU (central differences in double), and the
 * strategy finds the exhaustive optimum on small catalogs, never asks less than greedy EUS, and replays from
 * its seed.
 */
class EmbeddingStrategyTest {
    /** Smoothed PEU {@code Σᵢ τ log Σ_y exp(vᵢ·y / τ)} of one slate of free vectors, in double, from the definition. */
    private static double smoothedPeu(Posterior p, double lambda, double[] q, float[] pool, int k, double tau) {
        int d = p.dimension();
        int m = p.size();
        float[] w = Buffers.toArray(p.particles());
        double[] pi = p.weights();
        double[][] v = new double[k][d];
        for (int j = 0; j < m; j++) {
            double[] u = new double[k];
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < k; i++) {
                for (int c = 0; c < d; c++) {
                    u[i] += lambda * w[j * d + c] * q[i * d + c];
                }
                max = Math.max(max, u[i]);
            }
            double z = 0;
            for (int i = 0; i < k; i++) {
                u[i] = Math.exp(u[i] - max);
                z += u[i];
            }
            for (int i = 0; i < k; i++) {
                for (int c = 0; c < d; c++) {
                    v[i][c] += pi[j] * u[i] / z * w[j * d + c];
                }
            }
        }
        int n = pool.length / d;
        double total = 0;
        for (int i = 0; i < k; i++) {
            double[] s = new double[n];
            double max = Double.NEGATIVE_INFINITY;
            for (int y = 0; y < n; y++) {
                for (int c = 0; c < d; c++) {
                    s[y] += v[i][c] * pool[y * d + c];
                }
                max = Math.max(max, s[y]);
            }
            double z = 0;
            for (int y = 0; y < n; y++) {
                z += Math.exp((s[y] - max) / tau);
            }
            total += max + tau * Math.log(z);
        }
        return total;
    }

    @Test
    void ascentGradientIsThatOfTheSmoothedPeu() {
        EngineFixture f = EngineFixture.create(60, 5, 96, 2, 2.0, 21);
        Random rng = new Random(4);
        int d = 5;
        float[] pool = Buffers.toArray(f.items.rows(java.util.stream.IntStream.range(0, 30).toArray()));
        for (int k = 2; k <= 4; k++) {
            for (double tau : new double[] {0.05, 0.3}) {
                float[] q = new float[k * d];
                for (int i = 0; i < q.length; i++) {
                    q[i] = (float) (rng.nextGaussian() * 0.4);
                }
                int kk = k;
                float[] analytic = EngineWorkspace.run(() ->
                        new EmbeddingAscent(f.posterior, 2.0, pool, kk, q, 10.0).gradient(q, tau).clone());
                double[] qd = new double[q.length];
                for (int i = 0; i < q.length; i++) {
                    qd[i] = q[i];
                }
                double diff = 0;
                double norm = 0;
                for (int i = 0; i < qd.length; i++) {
                    double keep = qd[i];
                    qd[i] = keep + 1e-5;
                    double up = smoothedPeu(f.posterior, 2.0, qd, pool, k, tau);
                    qd[i] = keep - 1e-5;
                    double down = smoothedPeu(f.posterior, 2.0, qd, pool, k, tau);
                    qd[i] = keep;
                    double fd = (up - down) / 2e-5;
                    diff += (analytic[i] - fd) * (analytic[i] - fd);
                    norm += fd * fd;
                }
                double err = Math.sqrt(diff / norm);
                assertTrue(err < 2e-3, "k " + k + ", tau " + tau + ": relative error " + err);
            }
        }
    }

    @Test
    void findsTheExhaustiveOptimumOfPairsOnSmallCatalogs() {
        int hits = 0;
        for (int seed = 1; seed <= 20; seed++) {
            EngineFixture f = EngineFixture.create(40, 6, 256, 2, 2.0, 2000L + seed);
            QueryContext c = f.wholeCatalogContext(2, null, seed);
            double[] values = EngineWorkspace.run(() -> new double[] {
                    c.evaluator().peu(new int[][] {new ExhaustiveStrategy().select(c)})[0],
                    c.evaluator().peu(new int[][] {new EmbeddingStrategy().select(c)})[0]});
            hits += values[1] >= values[0] - 1e-6 * Math.abs(values[0]) ? 1 : 0;
        }
        assertTrue(hits >= 16, "exhaustive optimum found in " + hits + " of 20 cases");
    }

    @Test
    void isNeverWorseThanGreedyEusForSlatesOfTwoToSix() {
        for (int k = 2; k <= 6; k++) {
            EngineFixture f = EngineFixture.create(400, 8, 256, 3, 2.0, 70 + k);
            QueryContext c = f.pooledContext(k, 48, null, k);
            int kk = k;
            EngineWorkspace.run(() -> {
                int[] slate = new EmbeddingStrategy().select(c);
                StrategyContracts.assertValidSlate(slate, kk, c);
                double embedding = c.evaluator().evoi(slate);
                double greedy = c.evaluator().evoi(new GreedyEusStrategy().select(c));
                assertTrue(embedding >= greedy - 1e-9, "k " + kk + ": embedding " + embedding + " < greedy " + greedy);
                return null;
            });
        }
    }

    @Test
    void isReproducibleFromTheContextsSeed() {
        EngineFixture f = EngineFixture.create(300, 8, 256, 2, 2.0, 9);
        int[] first = EngineWorkspace.run(() -> new EmbeddingStrategy().select(f.pooledContext(3, 64, null, 77)));
        int[] second = EngineWorkspace.run(() -> new EmbeddingStrategy().select(f.pooledContext(3, 64, null, 77)));
        assertArrayEquals(first, second);
    }

    @Test
    void rejectsInconsistentSettings() {
        assertThrows(IllegalArgumentException.class, () -> new EmbeddingStrategy.Settings(0, 0.1, 8, 2));
        assertThrows(IllegalArgumentException.class, () -> new EmbeddingStrategy.Settings(10, 0, 8, 2));
        assertThrows(IllegalArgumentException.class, () -> new EmbeddingStrategy.Settings(10, 0.1, 0, 2));
        assertThrows(IllegalArgumentException.class, () -> new EmbeddingStrategy.Settings(10, 0.1, 8, -1));
    }
}
