package io.elicitor.evoi.value;

import io.elicitor.evoi.TopK;
import io.elicitor.evoi.belief.Logit;
import io.elicitor.evoi.belief.SystematicResampling;
import java.util.Arrays;
import java.util.BitSet;

/**
 * The candidate pool seen from the particles, as plain Java arrays for the discrete strategies' small
 * kernels: scores item by item, {@code scores[y·M + j] = wⱼ·x_y} ({@code P × M}), weights {@code πⱼ}, expected
 * utilities, and which pool items may be shown. Built once per query in {@code O(M·P)}.
 */
public final class PoolScores {
    private final int particles;
    private final int size;
    private final float[] scores;
    private final float[] weights;
    private final float[] expectedUtility;
    private final boolean[] showable;
    private final int[] items;
    private final double lambda;
    /** Posterior particle index of each column here (the identity unless this is a screening subsample). */
    private final int[] particleIndex;
    private float[] exps;

    private PoolScores(PoolEvaluator e, BitSet excluded, int slateSize) {
        this.items = e.pool().items();
        this.size = items.length;
        this.particles = e.posterior().size();
        this.scores = e.scoresByItem();
        this.weights = e.particleWeights();
        this.expectedUtility = e.expectedUtilities();
        this.lambda = e.model().lambda();
        this.showable = new boolean[size];
        int count = 0;
        for (int p = 0; p < size; p++) {
            showable[p] = !excluded.get(items[p]);
            count += showable[p] ? 1 : 0;
        }
        if (count < slateSize) {
            throw new IllegalStateException("candidate pool has " + count + " showable items, slate needs " + slateSize);
        }
        this.particleIndex = java.util.stream.IntStream.range(0, particles).toArray();
    }

    private PoolScores(PoolScores full, int[] index) {
        this.items = full.items;
        this.size = full.size;
        this.showable = full.showable;
        this.lambda = full.lambda;
        this.particleIndex = index;
        this.particles = index.length;
        int m = full.particles;
        int ms = index.length;
        this.scores = new float[size * ms];
        this.weights = new float[ms];
        Arrays.fill(weights, 1f / ms);
        this.expectedUtility = new float[size];
        for (int y = 0; y < size; y++) {
            double eu = 0;
            for (int t = 0; t < ms; t++) {
                float v = full.scores[y * m + index[t]];
                scores[y * ms + t] = v;
                eu += v;
            }
            expectedUtility[y] = (float) (eu / ms);
        }
    }

    /**
     * A screening view on {@code target} equally weighted particles drawn by systematic resampling (this
     * view itself when there are no more particles than that): an unbiased, cheaper stand-in for searching
     * among slates, whose winners are then scored exactly over all particles.
     */
    public PoolScores screening(int target, java.util.Random rng) {
        if (target <= 0 || target >= particles) {
            return this;
        }
        double[] w = new double[particles];
        for (int j = 0; j < particles; j++) {
            w[j] = weights[j];
        }
        int[] index = SystematicResampling.draw(w, target, rng);
        for (int i = 0; i < target; i++) {
            index[i] = particleIndex[index[i]];
        }
        return new PoolScores(this, index);
    }

    /**
     * The pool of {@code evaluator} under its belief and choice model, with the items in {@code excluded} marked
     * not showable; fails if fewer than {@code slateSize} pool items may be shown.
     */
    public static PoolScores of(PoolEvaluator evaluator, BitSet excluded, int slateSize) {
        return new PoolScores(evaluator, excluded, slateSize);
    }

    /** Particles M (columns of the score matrix; fewer in a screening view). */
    public int particles() {
        return particles;
    }

    /** Pool items P. */
    public int size() {
        return size;
    }

    /** {@code scores[y·M + j] = wⱼ·x_y} ({@code P × M}, row-major); shared, callers must not modify it. */
    public float[] scores() {
        return scores;
    }

    /** Particle weights {@code πⱼ} as float32; shared, callers must not modify them. */
    public float[] weights() {
        return weights;
    }

    /** Expected utility {@code w̄·y} of each pool item; shared, callers must not modify it. */
    public float[] expectedUtility() {
        return expectedUtility;
    }

    /** Whether each pool item may be shown; shared, callers must not modify it. */
    public boolean[] showable() {
        return showable;
    }

    /** Catalog index of each pool item; shared, callers must not modify it. */
    public int[] items() {
        return items;
    }

    /** The choice model's λ the exponentials use. */
    public double lambda() {
        return lambda;
    }

    /** Posterior particle index of each column (the identity unless this is a screening view); shared. */
    public int[] particleIndex() {
        return particleIndex;
    }

    /** Catalog indices of each slate of pool indices. */
    public int[][] toCatalog(java.util.List<int[]> poolSlates) {
        int[][] out = new int[poolSlates.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = toCatalog(poolSlates.get(i));
        }
        return out;
    }

    /** Catalog indices of a slate of pool indices. */
    public int[] toCatalog(int[] poolSlate) {
        int[] out = new int[poolSlate.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = items[poolSlate[i]];
        }
        return out;
    }

    /** The k showable pool items with the largest expected utility, best first. */
    public int[] topExpectedUtility(int k) {
        TopK top = new TopK(k);
        for (int p = 0; p < size; p++) {
            if (showable[p]) {
                top.offer(p, expectedUtility[p]);
            }
        }
        return top.indices();
    }

    /** The showable pool item that particle j likes best. */
    public int bestFor(int particle) {
        int best = -1;
        for (int p = 0; p < size; p++) {
            if (showable[p] && (best < 0 || scores[p * particles + particle] > scores[best * particles + particle])) {
                best = p;
            }
        }
        return best;
    }

    /**
     * The value {@code vᵢ·y} of recommending each pool item y after each answer i to a slate of pool items:
     * {@code out[i·P + y] = Σⱼ πⱼ R(i | Q; wⱼ) wⱼ·y}. Cost {@code O(k·M·P)}.
     */
    public float[] answerValues(int[] slate) {
        int k = slate.length;
        int m = particles;
        float[] coef = new float[k * m];
        double[] e = new double[k];
        double[] u = new double[k];
        for (int j = 0; j < m; j++) {
            for (int i = 0; i < k; i++) {
                u[i] = scores[slate[i] * m + j];
            }
            double z = Logit.FAST.weights(lambda, u, k, e);
            for (int i = 0; i < k; i++) {
                coef[i * m + j] = (float) (weights[j] * e[i] / z);
            }
        }
        float[] out = new float[k * size];
        for (int y = 0; y < size; y++) {
            int row = y * m;
            for (int i = 0; i < k; i++) {
                int c = i * m;
                float acc = 0;
                for (int j = 0; j < m; j++) {
                    acc += coef[c + j] * scores[row + j];
                }
                out[i * size + y] = acc;
            }
        }
        return out;
    }

    /**
     * The query-iteration map {@code T(Q)}: for each answer, the showable pool item best after that answer,
     * kept distinct (answers are served in slate order; a taken item yields to the answer's next best).
     */
    public int[] bestPerAnswer(int[] slate) {
        float[] v = answerValues(slate);
        int k = slate.length;
        int[] out = new int[k];
        boolean[] taken = new boolean[size];
        for (int i = 0; i < k; i++) {
            int best = -1;
            for (int y = 0; y < size; y++) {
                if (showable[y] && !taken[y] && (best < 0 || v[i * size + y] > v[i * size + best])) {
                    best = y;
                }
            }
            out[i] = best;
            taken[best] = true;
        }
        return out;
    }

    /**
     * {@code exps[y·M + j] = exp(λ(wⱼ·x_y − max_y' wⱼ·x_y'))}, computed on first use: with these, the logit
     * probabilities of any slate of pool items need no further exponential.
     */
    public float[] exps() {
        if (exps == null) {
            exps = exps(scores, size, particles, lambda);
        }
        return exps;
    }

    /**
     * {@code e[y·M + j] = exp(λ(s[y·M + j] − max_y s[y·M + j]))} for n candidates' scores laid out item by item
     * ({@code n × M}): each particle's logit weights, shifted by its best candidate so none overflows.
     */
    public static float[] exps(float[] scores, int n, int m, double lambda) {
        float[] max = new float[m];
        Arrays.fill(max, Float.NEGATIVE_INFINITY);
        for (int y = 0; y < n; y++) {
            for (int j = 0; j < m; j++) {
                max[j] = Math.max(max[j], scores[y * m + j]);
            }
        }
        float[] e = new float[m * n];
        for (int y = 0; y < n; y++) {
            for (int j = 0; j < m; j++) {
                e[y * m + j] = (float) Logit.FAST.exp(lambda * (scores[y * m + j] - max[j]));
            }
        }
        return e;
    }

    /** A canonical key of a slate (its sorted items), to de-duplicate slates. */
    public static String key(int[] slate) {
        int[] s = slate.clone();
        Arrays.sort(s);
        return Arrays.toString(s);
    }
}
