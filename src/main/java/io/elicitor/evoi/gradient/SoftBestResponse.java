package io.elicitor.evoi.gradient;

import io.elicitor.evoi.Buffers;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The recommendation after each answer, smoothed: {@code ỹᵢ = Σ_y softmax_y(vᵢ·y / τ) y} over the pool, from
 * the answers' value vectors {@code vᵢ = Σⱼ πⱼ Rᵢⱼ wⱼ} ({@link SlateObjective#answerVectors}).
 * It is the gradient of {@code τ log Σ_y exp(vᵢ·y / τ)}, the smooth maximum that tends to PEU's
 * {@code max_y vᵢ·y} as {@code τ → 0}; so {@code F(Q, Ỹ)}'s query gradient is the exact gradient of the
 * smoothed PEU. Why smooth: where every answer leads to the same best item the hard maximum's gradient is
 * exactly 0 and an ascent cannot leave; the smoothed one still points to where answers start to matter.
 * Costs one {@code (B·k × d)·(d × P)} product and a softmax over the pool per answer. Used by every ascent that
 * moves query vectors continuously: partial items' values and the embedding-space item queries.
 */
public final class SoftBestResponse {
    private final INDArray pool;
    private final float[] poolVectors;
    private final int d;

    /** Over the pool items' vectors ({@code P × d}, row-major). */
    public SoftBestResponse(float[] poolVectors, int d) {
        this.poolVectors = poolVectors;
        this.pool = Buffers.fromArray(poolVectors, poolVectors.length / d, d);
        this.d = d;
    }

    /** Smoothed recommendations for the answers' value vectors ({@code rows × d} in, the same layout out). */
    public float[] of(float[] answerVectors, double temperature) {
        int rows = answerVectors.length / d;
        int p = poolVectors.length / d;
        INDArray values = Nd4j.createUninitialized(DataType.FLOAT, new long[] {rows, p}, 'c');
        Nd4j.gemm(Buffers.fromArray(answerVectors, rows, d), pool, values, false, true, 1.0, 0.0);
        float[] out = new float[rows * d];
        respond(Buffers.toArray(values), 0, rows, poolVectors, d, temperature, out, 0);
        return out;
    }

    /**
     * The smoothed recommendation of {@code rows} answers from their values over the pool,
     * {@code vy[at + r·P + y] = vᵣ·y}, written to {@code out[outAt + r·d ..]}: a softmax over the pool at τ, then
     * the weighted sum of the pool's vectors (weights below 10⁻¹² skipped).
     */
    static void respond(float[] vy, int at, int rows, float[] poolVectors, int d, double temperature, float[] out,
                        int outAt) {
        int p = poolVectors.length / d;
        double[] soft = new double[p];
        for (int r = 0; r < rows; r++) {
            int row = at + r * p;
            double max = Double.NEGATIVE_INFINITY;
            for (int y = 0; y < p; y++) {
                max = Math.max(max, vy[row + y]);
            }
            double z = 0;
            for (int y = 0; y < p; y++) {
                soft[y] = Math.exp((vy[row + y] - max) / temperature);
                z += soft[y];
            }
            int o = outAt + r * d;
            for (int y = 0; y < p; y++) {
                double a = soft[y] / z;
                if (a > 1e-12) {
                    for (int c = 0; c < d; c++) {
                        out[o + c] += (float) (a * poolVectors[y * d + c]);
                    }
                }
            }
        }
    }
}
