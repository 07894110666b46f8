package io.elicitor.evoi.partial;

import io.elicitor.evoi.Buffers;
import io.elicitor.evoi.belief.Logit;
import io.elicitor.evoi.belief.Posterior;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The recommendation after each answer, smoothed: {@code ỹᵢ = Σ_y softmax_y(vᵢ·y / τ) y} over the pool, with
 * {@code vᵢ = Σⱼ πⱼ Rᵢⱼ wⱼ}. It is the gradient of {@code τ log Σ_y exp(vᵢ·y / τ)}, the smooth maximum that
 * tends to PEU's {@code max_y vᵢ·y} as {@code τ → 0}; so {@code F(Q, Ỹ)}'s query gradient is the exact gradient
 * of the smoothed PEU. Why smooth: where every answer leads to the same best item the hard maximum's gradient
 * is exactly 0 and an ascent cannot leave; the smoothed one still points to where answers start to matter.
 * Costs three products per call: {@code (B·k × d)·(d × M)}, {@code (B·k × M)·(M × d)}, {@code (B·k × d)·(d × P)}.
 */
final class SoftBestResponse {
    private final INDArray particles;
    private final float[] weights;
    private final double lambda;
    private final INDArray pool;
    private final float[] poolVectors;
    private final int d;

    SoftBestResponse(Posterior posterior, double lambda, float[] poolVectors, int d) {
        this.particles = posterior.particles();
        this.weights = posterior.floatWeights();
        this.lambda = lambda;
        this.poolVectors = poolVectors;
        this.pool = Buffers.fromArray(poolVectors, poolVectors.length / d, d);
        this.d = d;
    }

    /** Smoothed recommendations for B queries of k options ({@code B·k × d} in, the same layout out). */
    float[] of(float[] options, int k, double temperature) {
        int rows = options.length / d;
        int m = weights.length;
        int p = poolVectors.length / d;
        INDArray utilities = Nd4j.createUninitialized(DataType.FLOAT, new long[] {rows, m}, 'c');
        Nd4j.gemm(Buffers.fromArray(options, rows, d), particles, utilities, false, true, 1.0, 0.0);
        float[] u = Buffers.toArray(utilities);
        double[] e = new double[k];
        for (int s = 0; s < rows / k; s++) {
            int base = s * k * m;
            for (int j = 0; j < m; j++) {
                double z = Logit.FAST.weights(lambda, u, base + j, m, k, e);
                for (int i = 0; i < k; i++) {
                    u[base + i * m + j] = (float) (weights[j] * e[i] / z);
                }
            }
        }
        INDArray v = Nd4j.createUninitialized(DataType.FLOAT, new long[] {rows, d}, 'c');
        Nd4j.gemm(Buffers.fromArray(u, rows, m), particles, v, false, false, 1.0, 0.0);
        INDArray values = Nd4j.createUninitialized(DataType.FLOAT, new long[] {rows, p}, 'c');
        Nd4j.gemm(v, pool, values, false, true, 1.0, 0.0);
        float[] vy = Buffers.toArray(values);
        float[] out = new float[rows * d];
        double[] soft = new double[p];
        for (int r = 0; r < rows; r++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int y = 0; y < p; y++) {
                max = Math.max(max, vy[r * p + y]);
            }
            double z = 0;
            for (int y = 0; y < p; y++) {
                soft[y] = Math.exp((vy[r * p + y] - max) / temperature);
                z += soft[y];
            }
            for (int y = 0; y < p; y++) {
                double a = soft[y] / z;
                if (a > 1e-12) {
                    for (int c = 0; c < d; c++) {
                        out[r * d + c] += (float) (a * poolVectors[y * d + c]);
                    }
                }
            }
        }
        return out;
    }
}
