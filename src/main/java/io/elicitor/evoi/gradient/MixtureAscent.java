package io.elicitor.evoi.gradient;

import io.elicitor.evoi.Buffers;
import io.elicitor.evoi.belief.FastExp;
import io.elicitor.evoi.value.PoolScores;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Gradient ascent on {@code F(Q, Y)} for R restarts at once, each query vector a tempered softmax mixture of
 * pool items, {@code q = Σₚ softmax(a/τ)ₚ xₚ}, so that it never leaves the catalog's region (evoi/METHOD.md:
 * the relaxation is unbounded in {@code ‖q‖}). Y is the per-answer argmax over the pool of {@code vᵢ·y}
 * (exact PEU over the pool; a valid subgradient). The caller lowers the temperature τ over the steps, so a
 * mixture that starts broad sharpens towards the items it will be mapped back to.
 *
 * <p>All restarts are one tensor: a step is six products of {@code R·k} rows against the {@code M × d}
 * particles or the {@code P × d} pool, into arrays allocated once; softmaxes and coefficients are plain Java.
 * Not thread-safe; create one per query, inside the caller's ND4J workspace.
 */
final class MixtureAscent {
    private final PoolScores pool;
    private double temperature = 1.0;
    private final INDArray poolVectors;
    private final INDArray particles;
    private final int k;
    private final int rows;
    private final int p;
    private final int m;
    private final int d;
    private final float[] logits;
    private final float[] mix;
    private final float[] u;
    private final float[] r;
    private final float[] coefficients;
    private final float[] recommendationUtility;
    private final float[] answerValues;
    private final float[] mixGradient;
    private final float[] gradient;
    private final Adam adam;
    private final int[] recommendation;
    private final INDArray mixA;
    private final INDArray queryA;
    private final INDArray utilityA;
    private final INDArray coefficientA;
    private final INDArray vectorA;
    private final INDArray poolProductA;

    /** An ascent over {@code restarts} slates of size k; {@code poolVectors} is the pool's {@code P × d} matrix. */
    MixtureAscent(PoolScores pool, INDArray poolVectors, INDArray particles, int k, int restarts) {
        if (restarts < 1 || k < 2) {
            throw new IllegalArgumentException("need restarts >= 1 and k >= 2");
        }
        this.pool = pool;
        this.poolVectors = poolVectors.dataType() == DataType.FLOAT && poolVectors.ordering() == 'c'
                ? poolVectors : poolVectors.castTo(DataType.FLOAT).dup('c');
        this.particles = particles;
        this.k = k;
        this.rows = restarts * k;
        this.p = pool.size();
        this.m = pool.particles();
        this.d = (int) poolVectors.columns();
        this.logits = new float[rows * p];
        this.mix = new float[rows * p];
        this.u = new float[rows * m];
        this.r = new float[rows * m];
        this.coefficients = new float[rows * m];
        this.recommendationUtility = new float[rows * m];
        this.answerValues = new float[rows * p];
        this.mixGradient = new float[rows * p];
        this.gradient = new float[rows * p];
        this.adam = new Adam(rows * p);
        this.recommendation = new int[rows];
        this.mixA = Nd4j.createUninitialized(DataType.FLOAT, new long[] {rows, p}, 'c');
        this.queryA = Nd4j.createUninitialized(DataType.FLOAT, new long[] {rows, d}, 'c');
        this.utilityA = Nd4j.createUninitialized(DataType.FLOAT, new long[] {rows, m}, 'c');
        this.coefficientA = Nd4j.createUninitialized(DataType.FLOAT, new long[] {rows, m}, 'c');
        this.vectorA = Nd4j.createUninitialized(DataType.FLOAT, new long[] {rows, d}, 'c');
        this.poolProductA = Nd4j.createUninitialized(DataType.FLOAT, new long[] {rows, p}, 'c');
    }

    /** Number of restarts R. */
    int restarts() {
        return rows / k;
    }

    /**
     * Starts restart b at its seed slate (pool indices): slot l's logits are {@code peak} on the seed item and 0
     * elsewhere; items that may not be shown get weight 0 for good. A peak of {@code ln(w (P−1) / (1 − w))}
     * gives the seed the mixture weight w at τ = 1 ({@link #peakFor}).
     */
    void start(int[][] seeds, double peak) {
        if (seeds.length != restarts()) {
            throw new IllegalArgumentException("need " + restarts() + " seed slates, got " + seeds.length);
        }
        for (int b = 0; b < seeds.length; b++) {
            for (int l = 0; l < k; l++) {
                int row = b * k + l;
                for (int y = 0; y < p; y++) {
                    logits[row * p + y] = pool.showable()[y] ? 0f : Float.NEGATIVE_INFINITY;
                }
                logits[row * p + seeds[b][l]] = (float) peak;
            }
        }
        adam.reset();
    }

    /** The logit peak that gives a seed item the mixture weight {@code weight} among P items at τ = 1. */
    static double peakFor(double weight, int p) {
        return Math.log(weight * Math.max(1, p - 1) / (1 - weight));
    }

    /** The mixture's temperature τ from now on: {@code softmax(a/τ)}; 1 at the start. */
    void setTemperature(double value) {
        if (!(value > 0)) {
            throw new IllegalArgumentException("temperature must be positive, got " + value);
        }
        temperature = value;
    }

    /** Sets the logits directly ({@code R·k × P}, row-major); for tests. */
    void setLogits(float[] values) {
        System.arraycopy(values, 0, logits, 0, logits.length);
    }

    /**
     * F of each restart at the current logits, with Y the per-answer argmax over the pool, or the given pool
     * items ({@code fixedRecommendations[row]}, for tests) when not null. Leaves what {@link #gradient} needs.
     */
    double[] value(int[] fixedRecommendations) {
        softmaxRows();
        Buffers.copyInto(mix, mixA);
        Nd4j.gemm(mixA, poolVectors, queryA, false, false, 1.0, 0.0);
        Nd4j.gemm(queryA, particles, utilityA, false, true, 1.0, 0.0);
        Buffers.copyOut(utilityA, u);
        SlateObjective.choiceProbabilities(u, restarts(), k, m, pool.lambda(), r);
        float[] pi = pool.weights();
        if (fixedRecommendations == null) {
            for (int row = 0; row < rows; row++) {
                for (int j = 0; j < m; j++) {
                    coefficients[row * m + j] = pi[j] * r[row * m + j];
                }
            }
            Buffers.copyInto(coefficients, coefficientA);
            Nd4j.gemm(coefficientA, particles, vectorA, false, false, 1.0, 0.0);
            Nd4j.gemm(vectorA, poolVectors, poolProductA, false, true, 1.0, 0.0);
            Buffers.copyOut(poolProductA, answerValues);
            for (int row = 0; row < rows; row++) {
                int best = 0;
                int base = row * p;
                for (int y = 1; y < p; y++) {
                    if (answerValues[base + y] > answerValues[base + best]) {
                        best = y;
                    }
                }
                recommendation[row] = best;
            }
        } else {
            System.arraycopy(fixedRecommendations, 0, recommendation, 0, rows);
        }
        float[] s = pool.scores();
        for (int row = 0; row < rows; row++) {
            int y = recommendation[row];
            int base = row * m;
            System.arraycopy(s, y * m, recommendationUtility, base, m);
        }
        return SlateObjective.valueAndQueryCoefficients(r, recommendationUtility, restarts(), k, m, pi, pool.lambda(),
                coefficients);
    }

    /** {@code ∂F/∂a} at the point of the last {@link #value} call ({@code R·k × P}, row-major; a view, do not keep). */
    float[] gradient() {
        Buffers.copyInto(coefficients, coefficientA);
        Nd4j.gemm(coefficientA, particles, vectorA, false, false, 1.0, 0.0);
        Nd4j.gemm(vectorA, poolVectors, poolProductA, false, true, 1.0, 0.0);
        Buffers.copyOut(poolProductA, mixGradient);
        for (int row = 0; row < rows; row++) {
            int base = row * p;
            double dot = 0;
            for (int y = 0; y < p; y++) {
                dot += (double) mix[base + y] * mixGradient[base + y];
            }
            for (int y = 0; y < p; y++) {
                gradient[base + y] = (float) (mix[base + y] * (mixGradient[base + y] - dot) / temperature);
            }
        }
        return gradient;
    }

    /** One Adam ascent step of size {@code rate} along the last {@link #gradient}. */
    void adamStep(double rate) {
        adam.ascend(logits, gradient, rate);
    }

    /** Each restart's slate as the slot-wise largest mixture weights (largest logits), distinct (pool indices). */
    int[][] largestWeights() {
        return distinctSlates(mix);
    }

    /** Each restart's slate as the pool items nearest to its query vectors, distinct (pool indices). */
    int[][] nearestItems(float[] poolArray, float[] poolNorms) {
        float[] q = new float[rows * d];
        Buffers.copyOut(queryA, q);
        float[] closeness = new float[rows * p];
        for (int row = 0; row < rows; row++) {
            for (int y = 0; y < p; y++) {
                double dot = 0;
                for (int c = 0; c < d; c++) {
                    dot += q[row * d + c] * poolArray[y * d + c];
                }
                // −‖q − x‖² up to a per-row constant: larger is nearer.
                closeness[row * p + y] = (float) (2 * dot - poolNorms[y]);
            }
        }
        return distinctSlates(closeness);
    }

    /** Each restart's per-answer recommendations of the last {@link #value} call, made distinct and showable. */
    int[][] recommendations() {
        int[][] out = new int[restarts()][];
        for (int b = 0; b < out.length; b++) {
            int[] slate = new int[k];
            boolean[] taken = new boolean[p];
            for (int l = 0; l < k; l++) {
                int row = b * k + l;
                int y = recommendation[row];
                if (!pool.showable()[y] || taken[y]) {
                    y = -1;
                    for (int c = 0; c < p; c++) {
                        if (pool.showable()[c] && !taken[c] && (y < 0 || answerValues[row * p + c] > answerValues[row * p + y])) {
                            y = c;
                        }
                    }
                }
                slate[l] = y;
                taken[y] = true;
            }
            out[b] = slate;
        }
        return out;
    }

    /** Slot-wise argmax of a {@code R·k × P} preference, distinct within each slate and showable. */
    private int[][] distinctSlates(float[] preference) {
        int[][] out = new int[restarts()][];
        for (int b = 0; b < out.length; b++) {
            int[] slate = new int[k];
            boolean[] taken = new boolean[p];
            for (int l = 0; l < k; l++) {
                int base = (b * k + l) * p;
                int best = -1;
                for (int y = 0; y < p; y++) {
                    if (pool.showable()[y] && !taken[y] && (best < 0 || preference[base + y] > preference[base + best])) {
                        best = y;
                    }
                }
                slate[l] = best;
                taken[best] = true;
            }
            out[b] = slate;
        }
        return out;
    }

    private void softmaxRows() {
        for (int row = 0; row < rows; row++) {
            int base = row * p;
            float max = Float.NEGATIVE_INFINITY;
            for (int y = 0; y < p; y++) {
                max = Math.max(max, logits[base + y]);
            }
            double z = 0;
            for (int y = 0; y < p; y++) {
                float a = logits[base + y];
                double e = a == Float.NEGATIVE_INFINITY ? 0 : FastExp.exp((a - max) / temperature);
                mix[base + y] = (float) e;
                z += e;
            }
            for (int y = 0; y < p; y++) {
                mix[base + y] = (float) (mix[base + y] / z);
            }
        }
    }
}
