package io.elicitor.evoi.gradient;

import io.elicitor.evoi.Buffers;
import io.elicitor.evoi.belief.Logit;
import io.elicitor.evoi.belief.Posterior;
import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The relaxed objective {@code F(Q, Y) = Σᵢ Σⱼ πⱼ R(i|Q; wⱼ) wⱼ·yᵢ} of evoi/METHOD.md for free query
 * vectors Q and recommendation vectors Y, with its analytic gradients
 * {@code ∂F/∂yᵢ = Σⱼ πⱼ Rᵢⱼ wⱼ} and {@code ∂F/∂q_l = λ Σⱼ πⱼ R_lj (s_lj − s̄ⱼ) wⱼ}, where
 * {@code sᵢⱼ = wⱼ·yᵢ} and {@code s̄ⱼ = Σᵢ Rᵢⱼ sᵢⱼ}.
 *
 * <p>A batch of B slates costs two products: {@code (2Bk × d)·(d × M)} for the utilities and
 * {@code (2Bk × M)·(M × d)} for both gradients; the softmax and coefficients in between are plain Java
 * over {@code B·k·M} values. The static kernels are shared with the gradient strategy.
 */
public final class SlateObjective {
    private final INDArray particles;
    private final float[] weights;
    private final double lambda;
    private final int m;
    private final int d;

    /** Values and gradients of a batch: {@code values[b]}, gradients laid out like the inputs ({@code B·k × d}). */
    public record Evaluation(double[] values, float[] queryGradient, float[] recommendationGradient) {}

    /** The objective for a belief and a logit choice model with inverse temperature λ. */
    public SlateObjective(Posterior posterior, double lambda) {
        Objects.requireNonNull(posterior, "posterior");
        if (!(lambda > 0) || !Double.isFinite(lambda)) {
            throw new IllegalArgumentException("lambda must be positive and finite, got " + lambda);
        }
        this.particles = posterior.particles();
        this.weights = posterior.floatWeights();
        this.lambda = lambda;
        this.m = posterior.size();
        this.d = posterior.dimension();
    }

    /**
     * F and its gradients for B slates: {@code queries} and {@code recommendations} are row-major
     * {@code B·k × d} (slate b in rows {@code b·k..b·k+k−1}, recommendation i belonging to answer i).
     */
    public Evaluation evaluate(float[] queries, float[] recommendations, int k) {
        Objects.requireNonNull(queries, "queries");
        Objects.requireNonNull(recommendations, "recommendations");
        if (k < 2 || queries.length == 0 || queries.length % (k * d) != 0 || recommendations.length != queries.length) {
            throw new IllegalArgumentException("need B*k*d query and recommendation values with k >= 2, d = " + d
                    + "; got " + queries.length + " and " + recommendations.length + " for k = " + k);
        }
        int rows = queries.length / d;
        int b = rows / k;
        float[] both = new float[2 * queries.length];
        System.arraycopy(queries, 0, both, 0, queries.length);
        System.arraycopy(recommendations, 0, both, queries.length, queries.length);
        INDArray utilities = Nd4j.createUninitialized(DataType.FLOAT, new long[] {2L * rows, m}, 'c');
        Nd4j.gemm(Buffers.fromArray(both, 2L * rows, d), particles, utilities, false, true, 1.0, 0.0);
        float[] u = Buffers.toArray(utilities);
        int half = rows * m;
        float[] r = new float[half];
        choiceProbabilities(u, b, k, m, lambda, r);
        float[] s = new float[half];
        System.arraycopy(u, half, s, 0, half);
        float[] coefficients = new float[2 * half];
        double[] values = valueAndQueryCoefficients(r, s, b, k, m, weights, lambda, coefficients);
        for (int row = 0; row < rows; row++) {
            for (int j = 0; j < m; j++) {
                coefficients[half + row * m + j] = weights[j] * r[row * m + j];
            }
        }
        INDArray gradients = Nd4j.createUninitialized(DataType.FLOAT, new long[] {2L * rows, d}, 'c');
        Nd4j.gemm(Buffers.fromArray(coefficients, 2L * rows, m), particles, gradients, false, false, 1.0, 0.0);
        float[] g = Buffers.toArray(gradients);
        float[] gq = new float[queries.length];
        float[] gy = new float[queries.length];
        System.arraycopy(g, 0, gq, 0, gq.length);
        System.arraycopy(g, gq.length, gy, 0, gy.length);
        return new Evaluation(values, gq, gy);
    }

    /**
     * The value vector of each answer, {@code vᵢ = Σⱼ πⱼ R(i|Q; wⱼ) wⱼ} ({@code = ∂F/∂yᵢ}, which does not depend
     * on Y), for B slates of free query vectors ({@code B·k × d} in, the same layout out): what the best
     * recommendation after answer i maximises, {@code max_y vᵢ·y}. Two products, as half of {@link #evaluate}.
     */
    public float[] answerVectors(float[] queries, int k) {
        Objects.requireNonNull(queries, "queries");
        if (k < 2 || queries.length == 0 || queries.length % (k * d) != 0) {
            throw new IllegalArgumentException("need B*k*d query values with k >= 2, d = " + d + "; got " + queries.length
                    + " for k = " + k);
        }
        int rows = queries.length / d;
        INDArray utilities = Nd4j.createUninitialized(DataType.FLOAT, new long[] {rows, m}, 'c');
        Nd4j.gemm(Buffers.fromArray(queries, rows, d), particles, utilities, false, true, 1.0, 0.0);
        float[] r = new float[rows * m];
        choiceProbabilities(Buffers.toArray(utilities), rows / k, k, m, lambda, r);
        for (int row = 0; row < rows; row++) {
            for (int j = 0; j < m; j++) {
                r[row * m + j] *= weights[j];
            }
        }
        INDArray v = Nd4j.createUninitialized(DataType.FLOAT, new long[] {rows, d}, 'c');
        Nd4j.gemm(Buffers.fromArray(r, rows, m), particles, v, false, false, 1.0, 0.0);
        return Buffers.toArray(v);
    }

    /**
     * Choice probabilities {@code r[(s·k + i)·M + j] = R(i | Qₛ; wⱼ)} from utilities laid out the same way
     * ({@code u[(s·k + i)·M + j] = wⱼ·qᵢ}), by a stable softmax per slate and particle.
     */
    static void choiceProbabilities(float[] u, int b, int k, int m, double lambda, float[] r) {
        choiceProbabilities(u, 0, b, k, m, lambda, r);
    }

    /** The same for B slates whose values start at offset {@code at} of u and of r (several sessions stacked in one array). */
    static void choiceProbabilities(float[] u, int at, int b, int k, int m, double lambda, float[] r) {
        if (k == 2) {
            // Pairs: the logistic, one exponential per slate and particle.
            for (int s = 0; s < b; s++) {
                int r0 = at + 2 * s * m;
                int r1 = r0 + m;
                for (int j = 0; j < m; j++) {
                    double p0 = Logit.FAST.pairProbability(lambda, u[r0 + j] - u[r1 + j]);
                    r[r0 + j] = (float) p0;
                    r[r1 + j] = (float) (1.0 - p0);
                }
            }
            return;
        }
        double[] e = new double[k];
        for (int s = 0; s < b; s++) {
            int base = at + s * k * m;
            for (int j = 0; j < m; j++) {
                double z = Logit.FAST.weights(lambda, u, base + j, m, k, e);
                for (int i = 0; i < k; i++) {
                    r[base + i * m + j] = (float) (e[i] / z);
                }
            }
        }
    }

    /**
     * Given choice probabilities r and recommendation utilities {@code s[(s·k + i)·M + j] = wⱼ·yᵢ}, returns
     * {@code F} per slate and writes the query-gradient coefficients
     * {@code cq[(s·k + l)·M + j] = λ πⱼ R_lj (s_lj − s̄ⱼ)} (so that {@code ∂F/∂q_l = Σⱼ cq_lj wⱼ}).
     */
    static double[] valueAndQueryCoefficients(float[] r, float[] s, int b, int k, int m, float[] pi, double lambda,
                                              float[] cq) {
        return valueAndQueryCoefficients(r, s, 0, b, k, m, pi, lambda, cq);
    }

    /** The same for B slates whose values start at offset {@code from} of r, s and cq; the returned F from index 0. */
    static double[] valueAndQueryCoefficients(float[] r, float[] s, int from, int b, int k, int m, float[] pi,
                                              double lambda, float[] cq) {
        double[] values = new double[b];
        for (int slate = 0; slate < b; slate++) {
            int base = from + slate * k * m;
            double f = 0;
            for (int j = 0; j < m; j++) {
                double mean = 0;
                for (int i = 0; i < k; i++) {
                    int at = base + i * m + j;
                    mean += (double) r[at] * s[at];
                }
                f += pi[j] * mean;
                double scale = lambda * pi[j];
                for (int i = 0; i < k; i++) {
                    int at = base + i * m + j;
                    cq[at] = (float) (scale * r[at] * (s[at] - mean));
                }
            }
            values[slate] = f;
        }
        return values;
    }
}
