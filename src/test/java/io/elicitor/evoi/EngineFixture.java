package io.elicitor.evoi;

import io.elicitor.evoi.belief.GaussianPrior;
import io.elicitor.evoi.belief.MultinomialLogit;
import io.elicitor.evoi.belief.Observation;
import io.elicitor.evoi.belief.Posterior;
import io.elicitor.evoi.belief.Rejuvenation;
import io.elicitor.evoi.strategy.QueryContext;
import io.elicitor.evoi.value.CandidatePool;
import io.elicitor.evoi.value.ExactInnerProductSearch;
import io.elicitor.evoi.value.InnerProductSearch;
import io.elicitor.evoi.value.PoolEvaluator;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** Small seeded catalogs, posteriors and query contexts for the engine's unit tests. */
public final class EngineFixture {
    static {
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
    }

    public final ItemMatrix items;
    public final InnerProductSearch search;
    public final GaussianPrior prior;
    public final MultinomialLogit model;
    public final Posterior posterior;

    private EngineFixture(ItemMatrix items, GaussianPrior prior, double lambda, Posterior posterior) {
        this.items = items;
        this.search = new ExactInnerProductSearch(items);
        this.prior = prior;
        this.model = new MultinomialLogit(lambda);
        this.posterior = posterior;
    }

    /**
     * n Gaussian items in d dimensions, a prior scaled to them, and the posterior of M particles after
     * {@code answers} random pairs answered by a user drawn from the prior.
     */
    public static EngineFixture create(int n, int d, int m, int answers, double lambda, long seed) {
        Random rng = new Random(seed);
        float[] x = new float[n * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (rng.nextGaussian() / Math.sqrt(d));
        }
        ItemMatrix items = new ItemMatrix(Buffers.fromArray(x, n, d));
        GaussianPrior prior = GaussianPrior.scaledTo(items);
        MultinomialLogit model = new MultinomialLogit(lambda);
        float[] user = Buffers.toArray(prior.sample(1, rng));
        Posterior p = Posterior.fromPrior(prior, m, rng);
        List<Observation> history = new ArrayList<>();
        for (int a = 0; a < answers; a++) {
            int i = rng.nextInt(n);
            int j = rng.nextInt(n - 1);
            j = j >= i ? j + 1 : j;
            double ui = dot(items.row(i), user);
            double uj = dot(items.row(j), user);
            int chosen = rng.nextDouble() < 1 / (1 + Math.exp(-lambda * (ui - uj))) ? 0 : 1;
            Observation o = Observation.of(items, new int[] {i, j}, chosen);
            history.add(o);
            p = p.observe(o, history, model, prior, Rejuvenation.standard(d), rng);
        }
        return new EngineFixture(items, prior, lambda, p);
    }

    /**
     * n Gaussian items in d dimensions and a settled belief: M equally weighted copies of one user drawn from
     * the prior. Nothing is uncertain, so no answer can change the recommendation and every slate's EVOI is 0.
     */
    public static EngineFixture settled(int n, int d, int m, double lambda, long seed) {
        EngineFixture f = create(n, d, 2, 0, lambda, seed);
        float[] user = Buffers.toArray(f.prior.sample(1, new Random(seed + 1)));
        float[] particles = new float[m * d];
        for (int j = 0; j < m; j++) {
            System.arraycopy(user, 0, particles, j * d, d);
        }
        double[] w = new double[m];
        java.util.Arrays.fill(w, 1.0 / m);
        return new EngineFixture(f.items, f.prior, lambda, new Posterior(Nd4j.create(particles, new long[] {m, d}, 'c'), w));
    }

    /** Every pair {a < b} of indices 0..n−1, in lexicographic order. */
    public static int[][] allPairs(int n) {
        int[][] out = new int[n * (n - 1) / 2][];
        int at = 0;
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                out[at++] = new int[] {a, b};
            }
        }
        return out;
    }

    /** A context whose pool is the whole catalog (minus excluded items). */
    public QueryContext wholeCatalogContext(int k, BitSet excluded, long seed) {
        int[] all = java.util.stream.IntStream.range(0, items.size())
                .filter(i -> excluded == null || !excluded.get(i)).toArray();
        PoolEvaluator evaluator = new PoolEvaluator(posterior, model, items, CandidatePool.of(all));
        return new QueryContext(posterior, model, search, evaluator, k, excluded, new Random(seed));
    }

    /** A context with a built pool of the given size. */
    public QueryContext pooledContext(int k, int poolSize, BitSet excluded, long seed) {
        Random rng = new Random(seed);
        CandidatePool pool = CandidatePool.ofSize(posterior, search, poolSize, poolSize / 4, excluded, rng);
        PoolEvaluator evaluator = new PoolEvaluator(posterior, model, items, pool);
        return new QueryContext(posterior, model, search, evaluator, k, excluded, rng);
    }

    /** Exact PEU of a slate over the given pool, in double precision, straight from the definition. */
    public double peuReference(int[] slate, int[] pool) {
        double[] w = posterior.weights();
        float[] particles = Buffers.toArray(posterior.particles());
        int d = items.dimension();
        int k = slate.length;
        double[][] v = new double[k][d];
        for (int j = 0; j < w.length; j++) {
            double[] u = new double[k];
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < k; i++) {
                u[i] = model.lambda() * dot(items.row(slate[i]), particles, j * d);
                max = Math.max(max, u[i]);
            }
            double z = 0;
            for (int i = 0; i < k; i++) {
                u[i] = Math.exp(u[i] - max);
                z += u[i];
            }
            for (int i = 0; i < k; i++) {
                for (int c = 0; c < d; c++) {
                    v[i][c] += w[j] * u[i] / z * particles[j * d + c];
                }
            }
        }
        double peu = 0;
        for (int i = 0; i < k; i++) {
            double best = Double.NEGATIVE_INFINITY;
            for (int y : pool) {
                float[] x = items.row(y);
                double s = 0;
                for (int c = 0; c < d; c++) {
                    s += v[i][c] * x[c];
                }
                best = Math.max(best, s);
            }
            peu += best;
        }
        return peu;
    }

    /** Expected utility of selection {@code EUS_R(Q) = Σⱼ πⱼ Σᵢ R(i|Q; wⱼ) wⱼ·qᵢ}, in double precision. */
    public double eusReference(int[] slate) {
        double[] w = posterior.weights();
        float[] particles = Buffers.toArray(posterior.particles());
        int d = items.dimension();
        int k = slate.length;
        double total = 0;
        for (int j = 0; j < w.length; j++) {
            double[] u = new double[k];
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < k; i++) {
                u[i] = dot(items.row(slate[i]), particles, j * d);
                max = Math.max(max, u[i]);
            }
            double z = 0;
            double n = 0;
            for (int i = 0; i < k; i++) {
                double e = Math.exp(model.lambda() * (u[i] - max));
                z += e;
                n += e * u[i];
            }
            total += w[j] * n / z;
        }
        return total;
    }

    public static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }

    private static double dot(float[] a, float[] b, int offset) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[offset + i];
        }
        return s;
    }
}
