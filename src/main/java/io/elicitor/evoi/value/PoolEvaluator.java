package io.elicitor.evoi.value;

import io.elicitor.evoi.Buffers;
import io.elicitor.evoi.EngineWorkspace;
import io.elicitor.evoi.ItemMatrix;
import io.elicitor.evoi.belief.ChoiceModel;
import io.elicitor.evoi.belief.Logit;
import io.elicitor.evoi.belief.Posterior;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Exact posterior expected utility of queries, with the recommendation after each answer taken from a
 * candidate pool.
 *
 * <p>For a slate Q with answer probabilities {@code Rᵢⱼ = R(i|Q; wⱼ)} under the choice model,
 * {@code PEU(Q) = Σᵢ max_y vᵢ·y} with {@code vᵢ = Σⱼ πⱼ Rᵢⱼ wⱼ}, and {@code EVOI(Q) = PEU(Q) − max_y w̄·y}.
 * The particle-by-pool score matrix {@code S = W Yᵀ} ({@code M × P}) is computed once; a batch of B slates
 * then costs one {@code (B·k × d)·(d × M)} product for the answer probabilities and one
 * {@code (B·k × M)·(M × P)} product for the per-answer values.
 */
public final class PoolEvaluator {
    private static final int CHUNK_ROWS = 4096;

    private final Posterior posterior;
    private final ChoiceModel model;
    private final ItemMatrix catalog;
    private final CandidatePool pool;
    private final INDArray scores;
    private final float[] weights;
    private final float[] expectedUtility;
    private final int bestPoolIndex;
    private final double probabilityBestIsBest;
    private final double utilityScale;

    /** Scores every particle against every pool item. */
    public PoolEvaluator(Posterior posterior, ChoiceModel model, ItemMatrix catalog, CandidatePool pool) {
        this.posterior = posterior;
        this.model = model;
        this.catalog = catalog;
        this.pool = pool;
        INDArray poolVectors = catalog.rows(pool.items());
        int m = posterior.size();
        int p = pool.size();
        this.scores = Nd4j.create(DataType.FLOAT, new long[] {m, p}, 'f');
        Nd4j.gemm(posterior.particles(), poolVectors, scores, false, true, 1.0, 0.0);
        this.expectedUtility = Buffers.toArray(posterior.weightRow().mmul(scores));
        this.weights = posterior.floatWeights();
        int best = 0;
        for (int i = 1; i < p; i++) {
            if (expectedUtility[i] > expectedUtility[best]) {
                best = i;
            }
        }
        this.bestPoolIndex = best;
        double[] w = posterior.weights();
        float[] s = Buffers.toArray(scores);
        double agree = 0;
        double scale = 0;
        for (int j = 0; j < m; j++) {
            int arg = 0;
            double sum = 0;
            int row = j * p;
            for (int i = 0; i < p; i++) {
                sum += s[row + i];
                if (s[row + i] > s[row + arg]) {
                    arg = i;
                }
            }
            if (arg == best) {
                agree += w[j];
            }
            scale += w[j] * (s[row + arg] - sum / p);
        }
        this.probabilityBestIsBest = agree;
        this.utilityScale = scale;
    }

    /** The same belief and pool under another choice model; shares the score matrix, so it costs nothing. */
    private PoolEvaluator(PoolEvaluator from, ChoiceModel model) {
        this.posterior = from.posterior;
        this.model = model;
        this.catalog = from.catalog;
        this.pool = from.pool;
        this.scores = from.scores;
        this.weights = from.weights;
        this.expectedUtility = from.expectedUtility;
        this.bestPoolIndex = from.bestPoolIndex;
        this.probabilityBestIsBest = from.probabilityBestIsBest;
        this.utilityScale = from.utilityScale;
    }

    /**
     * This evaluator with answers scored under {@code other} instead (for planning with another λ). The
     * belief, the pool, the current best item and the utility scale do not depend on the choice model, so
     * they are shared, not recomputed.
     */
    public PoolEvaluator withModel(ChoiceModel other) {
        return new PoolEvaluator(this, java.util.Objects.requireNonNull(other, "model"));
    }

    /** The belief this evaluator scores under. */
    public Posterior posterior() {
        return posterior;
    }

    /** The choice model answers are scored under. */
    public ChoiceModel model() {
        return model;
    }

    /** The pool this evaluator recommends from. */
    public CandidatePool pool() {
        return pool;
    }

    /** {@code EU* = max_y w̄·y} over the pool: the value of recommending now, without asking. */
    public double currentBestExpectedUtility() {
        return expectedUtility[bestPoolIndex];
    }

    /** Catalog index of the pool item with the largest expected utility. */
    public int currentBestItem() {
        return pool.item(bestPoolIndex);
    }

    /** Posterior probability that the currently recommended item is the best in the pool. */
    public double probabilityCurrentBestIsBest() {
        return probabilityBestIsBest;
    }

    /**
     * A scale for utilities under this belief: the expected gap between a user's best pool item and the
     * pool's average, {@code Σⱼ πⱼ (max_y wⱼ·y − mean_y wⱼ·y)}. Stopping thresholds are fractions of it.
     */
    public double utilityScale() {
        return utilityScale;
    }

    /** The particle weights {@code πⱼ} as the kernels use them, float32 (a copy). */
    float[] particleWeights() {
        return weights.clone();
    }

    /** Expected utility {@code w̄·y} of each pool item, in pool order (a copy). */
    public float[] expectedUtilities() {
        return expectedUtility.clone();
    }

    /**
     * The score matrix item by item: {@code out[y·M + j] = wⱼ·x_y} ({@code P × M}, row-major; a copy). It is
     * the column-major score matrix's own memory, so this is one bulk copy.
     */
    public float[] scoresByItem() {
        float[] out = new float[(int) scores.length()];
        scores.data().asNio().order(java.nio.ByteOrder.nativeOrder()).asFloatBuffer().get(out, 0, out.length);
        return out;
    }

    /** Index of the slate to ask among {@code slates} (catalog indices): {@link SlateValues#best} at {@link #tieTolerance()}. */
    public int best(int[][] slates) {
        return values(slates).best(tieTolerance());
    }

    /**
     * EVOI differences below this are float32 rounding, not information: {@code 10⁻⁶} of the utility scale.
     * Strategies treat slates that close to the best EVOI as tied ({@link SlateValues#best}).
     */
    public double tieTolerance() {
        return tieTolerance(utilityScale);
    }

    /** The tie tolerance for a given utility scale: {@code 10⁻⁶} of it. */
    public static double tieTolerance(double utilityScale) {
        return 1e-6 * utilityScale;
    }

    /** Exact EVOI of one slate of catalog indices (never negative). */
    public double evoi(int[] slate) {
        return values(new int[][] {slate}).evoi()[0];
    }

    /** Exact PEU of each slate (catalog indices; all slates of one size k ≥ 2). */
    public double[] peu(int[][] slates) {
        return values(slates).peu();
    }

    /** Exact PEU, EVOI and EUS of each slate (catalog indices; all slates of one size k ≥ 2). */
    public SlateValues values(int[][] slates) {
        int b = slates.length;
        if (b == 0) {
            return new SlateValues(new double[0], new double[0], new double[0]);
        }
        int k = slates[0].length;
        int[] flat = new int[b * k];
        for (int s = 0; s < b; s++) {
            if (slates[s].length != k) {
                throw new IllegalArgumentException("all slates in a batch must have the same size");
            }
            System.arraycopy(slates[s], 0, flat, s * k, k);
        }
        return valuesOfVectors(catalog.rows(flat), k);
    }

    /**
     * Replaces utilities {@code u[(s·k + i)·M + j] = wⱼ·qᵢ} of B slates by {@code πⱼ R(i | Qₛ; wⱼ)} in place:
     * a logistic for pairs (one exponential per slate and particle), a stable softmax otherwise. Adds each
     * slate's {@code EUS_R = Σᵢ Σⱼ πⱼ Rᵢⱼ wⱼ·qᵢ} into {@code eus[at + s]} on the way.
     */
    private void choiceProbabilitiesTimesWeights(float[] u, int b, int k, int m, double[] eus, int at) {
        double lambda = model.lambda();
        float[] pi = weights;
        if (k == 2) {
            for (int s = 0; s < b; s++) {
                int r0 = 2 * s * m;
                int r1 = r0 + m;
                double sum = 0;
                for (int j = 0; j < m; j++) {
                    double p0 = Logit.EXACT.pairProbability(lambda, u[r0 + j] - u[r1 + j]);
                    sum += pi[j] * (p0 * u[r0 + j] + (1.0 - p0) * u[r1 + j]);
                    u[r0 + j] = (float) (pi[j] * p0);
                    u[r1 + j] = (float) (pi[j] * (1.0 - p0));
                }
                eus[at + s] = sum;
            }
            return;
        }
        double[] e = new double[k];
        for (int s = 0; s < b; s++) {
            int base = s * k * m;
            double sum = 0;
            for (int j = 0; j < m; j++) {
                double z = Logit.EXACT.weights(lambda, u, base + j, m, k, e);
                for (int i = 0; i < k; i++) {
                    double r = e[i] / z;
                    sum += pi[j] * r * u[base + i * m + j];
                    u[base + i * m + j] = (float) (pi[j] * r);
                }
            }
            eus[at + s] = sum;
        }
    }

    /**
     * Exact PEU, EVOI and EUS of B slates given as vectors ({@code B·k × d}, slate b in rows {@code b·k..b·k+k−1}),
     * in chunks as {@link #values}: relaxed query vectors and partial items are scored like catalog items.
     */
    public SlateValues valuesOfVectors(INDArray slateVectors, int k) {
        int rows = (int) slateVectors.rows();
        if (k < 2 || rows % k != 0) {
            throw new IllegalArgumentException("need B*k rows with k >= 2, got " + rows + " rows for k=" + k);
        }
        int b = rows / k;
        SlateValues out = new SlateValues(new double[b], new double[b], new double[b]);
        int perChunk = Math.max(1, CHUNK_ROWS / k);
        for (int start = 0; start < b; start += perChunk) {
            int at = start;
            int end = Math.min(b, start + perChunk);
            EngineWorkspace.step(() -> evaluate(end - at == b ? slateVectors : slateVectors.get(
                    NDArrayIndex.interval((long) at * k, (long) end * k), NDArrayIndex.all()), k, out, at));
        }
        return out;
    }

    /**
     * Fills {@code out} at {@code at..at+B−1} for B slates given as item vectors ({@code B·k × d}); returns
     * {@code out}. Run in {@link EngineWorkspace#step}: its {@code B·k × M} arrays are dropped with the chunk.
     */
    private SlateValues evaluate(INDArray slateVectors, int k, SlateValues out, int at) {
        int rows = (int) slateVectors.rows();
        int m = posterior.size();
        int b = rows / k;
        INDArray g = Nd4j.createUninitialized(DataType.FLOAT, new long[] {rows, m}, 'c');
        Nd4j.gemm(slateVectors.castTo(DataType.FLOAT), posterior.particles(), g, false, true, 1.0, 0.0);
        float[] u = Buffers.toArray(g);
        choiceProbabilitiesTimesWeights(u, b, k, m, out.eus(), at);
        INDArray values = Nd4j.createUninitialized(DataType.FLOAT, new long[] {rows, pool.size()}, 'c');
        Nd4j.gemm(Buffers.fromArray(u, rows, m), scores, values, false, false, 1.0, 0.0);
        float[] v = Buffers.toArray(values);
        int p = pool.size();
        for (int s = 0; s < b; s++) {
            double peu = 0;
            double gain = 0;
            for (int i = 0; i < k; i++) {
                int row = (s * k + i) * p;
                float best = Float.NEGATIVE_INFINITY;
                for (int y = row, end = row + p; y < end; y++) {
                    best = Math.max(best, v[y]);
                }
                peu += best;
                gain += best - v[row + bestPoolIndex];
            }
            out.peu()[at + s] = peu;
            out.evoi()[at + s] = gain;
        }
        return out;
    }
}
