package io.elicitor.evoi.gradient;

import io.elicitor.evoi.belief.Posterior;
import io.elicitor.evoi.Buffers;
import io.elicitor.evoi.strategy.QueryContext;
import io.elicitor.evoi.strategy.QueryStrategy;
import io.elicitor.evoi.value.PoolScores;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@code gradient-embedding}: query vectors ascend the smoothed Monte Carlo EVOI in the embedding space itself
 * ({@link EmbeddingAscent}, starting from the gradient strategy's seed slates, projected onto the ball of the
 * pool's largest item norm, the best response soft over the pool with τ annealed from 0.3 to 0.003 of the
 * utility scale), and each vector is mapped to catalog items by the context's inner-product search (exact, or
 * the ANN index on large catalogs): the top {@code retrieved} items per vector, so queries may show items
 * outside the candidate pool. At the half-way point and at the end every restart gives two slates, the top
 * retrieved item per vector and the retrieved item nearest to it, each distinct; all are scored exactly.
 * The best of them is improved by coordinate moves among its vectors' retrieved items (exact scores), and the
 * pool's swap search runs from the best seeds and the best mapped slate lying in the pool, as in
 * {@link GradientStrategy}. The answer is the best candidate by {@code SlateValues.best}; the seeds are
 * candidates, so it is never worse than the best seed. Cost: the ascent is independent of N; the mapping is
 * {@code 2·R·k} inner-product searches over the catalog.
 */
public final class EmbeddingStrategy implements QueryStrategy {
    private final String name;
    private final GradientStrategy seeds;
    private final Settings settings;

    /**
     * Tunables of the embedding ascent, validated eagerly.
     *
     * @param steps Adam steps on the query vectors
     * @param rate Adam step size as a fraction of the ball's radius
     * @param retrieved items the inner-product search returns per query vector
     * @param localRounds coordinate-move rounds among the retrieved items from the best mapped slate
     */
    public record Settings(int steps, double rate, int retrieved, int localRounds) {
        /** Validates every field. */
        public Settings {
            if (steps < 1 || !(rate > 0) || retrieved < 1 || localRounds < 0) {
                throw new IllegalArgumentException("need steps >= 1, rate > 0, retrieved >= 1 and localRounds >= 0");
            }
        }

        /** 40 steps at 0.1 of the radius, 8 items retrieved per vector, 2 rounds of coordinate moves. */
        public static Settings defaults() {
            return new Settings(40, 0.1, 8, 2);
        }
    }

    /** Seeds and swap search as {@code base} (its Adam steps are not used), the embedding ascent as {@code settings}. */
    public EmbeddingStrategy(GradientStrategy.Settings base, Settings settings) {
        this("gradient-embedding", base, settings);
    }

    /** The same under another name (ablations). */
    public EmbeddingStrategy(String name, GradientStrategy.Settings base, Settings settings) {
        this.name = Objects.requireNonNull(name, "name");
        this.seeds = new GradientStrategy(Objects.requireNonNull(base, "base").withSteps(0));
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The defaults of both. */
    public EmbeddingStrategy() {
        this(GradientStrategy.Settings.defaults(), Settings.defaults());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int[] select(QueryContext c) {
        GradientStrategy.Settings base = seeds.settings();
        PoolScores pool = c.poolScores();
        int k = c.slateSize();
        PoolScores screen = pool.screening(base.screeningParticles(), c.rng());
        INDArray particles = screen == pool ? c.posterior().particles()
                : Nd4j.pullRows(c.posterior().particles(), 1, screen.particleIndex());
        int[][] seedSlates = seeds.seeds(pool, screen, k, c.posterior(), c.rng());
        INDArray poolVectors = c.catalog().rows(pool.items());
        Candidates candidates = new Candidates(c, pool);
        candidates.addPool(seedSlates);
        int seedCount = candidates.size();
        int d = (int) poolVectors.columns();
        float[] poolArray = Buffers.toArray(poolVectors);
        Posterior screening = screen == pool ? c.posterior() : new Posterior(particles, uniform(screen.particles()));
        EmbeddingAscent ascent = new EmbeddingAscent(screening, pool.lambda(), poolArray, k,
                starts(seedSlates, poolArray, d), radius(poolArray, pool.showable(), d));
        double scale = c.evaluator().utilityScale() > 0 ? c.evaluator().utilityScale() : 1.0;
        double rate = settings.rate() * radius(poolArray, pool.showable(), d);
        int steps = settings.steps();
        int checkpoint = Math.max(1, steps / 2);
        Map<Integer, int[]> retrievedFor = new HashMap<>();
        for (int step = 1; step <= steps; step++) {
            double t = (step - 1) / (double) Math.max(1, steps - 1);
            ascent.step(scale * 0.3 * Math.pow(0.01, t), rate);
            if (step % checkpoint == 0 || step == steps) {
                map(c, ascent.queries(), k, candidates, retrievedFor);
            }
        }
        int mappedEnd = candidates.size();
        if (settings.localRounds() > 0 && mappedEnd > seedCount) {
            int start = candidates.best(seedCount, mappedEnd, 1).get(0);
            RetrievedSearch.improve(candidates, start, retrievedFor.get(start), settings.localRounds());
        }
        GradientStrategy.swapSearch(candidates, seedCount, screen, particles, poolVectors, pool, c, k, base);
        return candidates.best();
    }

    /**
     * Maps every restart's vectors to catalog items by the inner-product search and adds two slates per restart
     * (the top item per vector, the retrieved item nearest to it; both distinct); records for each new candidate
     * the items retrieved for its restart's vectors (what the coordinate moves from it may use).
     */
    private void map(QueryContext c, float[] q, int k, Candidates candidates, Map<Integer, int[]> retrievedFor) {
        int d = c.catalog().dimension();
        int rows = q.length / d;
        float[][] vectors = new float[rows][];
        for (int row = 0; row < rows; row++) {
            vectors[row] = Arrays.copyOfRange(q, row * d, (row + 1) * d);
        }
        int[][] hits = c.search().topK(vectors, settings.retrieved(), c.excluded());
        double[][] distance = new double[rows][];
        for (int row = 0; row < rows; row++) {
            distance[row] = distances(c, vectors[row], hits[row]);
        }
        for (int b = 0; b < rows / k; b++) {
            int[] union = Arrays.stream(hits, b * k, (b + 1) * k).flatMapToInt(Arrays::stream).distinct().toArray();
            for (double[][] order : new double[][][] {null, distance}) {
                int[] slate = distinct(hits, order, b, k);
                if (slate != null && candidates.add(slate)) {
                    retrievedFor.put(candidates.size() - 1, union);
                }
            }
        }
    }

    /**
     * Restart b's slate taking, for each vector in turn, the retrieved item not yet in the slate that comes first
     * in search order ({@code distance} null) or is nearest; null when a vector has no such item.
     */
    private static int[] distinct(int[][] hits, double[][] distance, int b, int k) {
        int[] slate = new int[k];
        for (int l = 0; l < k; l++) {
            int row = b * k + l;
            int best = -1;
            for (int h = 0; h < hits[row].length; h++) {
                int y = hits[row][h];
                boolean taken = false;
                for (int i = 0; i < l; i++) {
                    taken |= slate[i] == y;
                }
                if (!taken && (best < 0 || (distance != null && distance[row][h] < distance[row][best]))) {
                    best = h;
                }
            }
            if (best < 0) {
                return null;
            }
            slate[l] = hits[row][best];
        }
        return slate;
    }

    /** Squared distances from q to each hit. */
    private static double[] distances(QueryContext c, float[] q, int[] hits) {
        double[] out = new double[hits.length];
        for (int h = 0; h < hits.length; h++) {
            float[] x = c.catalog().row(hits[h]);
            for (int i = 0; i < x.length; i++) {
                out[h] += (double) (x[i] - q[i]) * (x[i] - q[i]);
            }
        }
        return out;
    }

    /** The seeds' item vectors as the restarts' starting points ({@code R·k × d}). */
    private static float[] starts(int[][] seedSlates, float[] poolArray, int d) {
        int k = seedSlates[0].length;
        float[] out = new float[seedSlates.length * k * d];
        for (int b = 0; b < seedSlates.length; b++) {
            for (int l = 0; l < k; l++) {
                System.arraycopy(poolArray, seedSlates[b][l] * d, out, (b * k + l) * d, d);
            }
        }
        return out;
    }

    /** The largest norm among the showable pool items: the ball the query vectors stay in. */
    static double radius(float[] poolArray, boolean[] showable, int d) {
        double max = 0;
        for (int y = 0; y < showable.length; y++) {
            if (showable[y]) {
                double s = 0;
                for (int i = 0; i < d; i++) {
                    s += (double) poolArray[y * d + i] * poolArray[y * d + i];
                }
                max = Math.max(max, s);
            }
        }
        return Math.sqrt(max);
    }

    private static double[] uniform(int m) {
        double[] w = new double[m];
        Arrays.fill(w, 1.0 / m);
        return w;
    }
}
