package io.elicitor.evoi.gradient;

import io.elicitor.evoi.Buffers;
import io.elicitor.evoi.value.PoolScores;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * PEU of every single-slot variation of a slate at once: slot l of slate Q replaced by each pool item b.
 * The P slates' weighted answer probabilities come from {@link PoolScores#exps()} without further
 * exponentials; then {@code Vᵦ = Cᵦ·W} ({@code P·k × M} by {@code M × d}) and {@code Vᵦ·X_poolᵀ}
 * ({@code P·k × d} by {@code d × P}) give every answer's best pool value. Going through d rather than
 * through the {@code M × P} score matrix costs {@code P·k·(M + P)·d} instead of {@code P·k·M·P}.
 * The same quantity as {@link PoolEvaluator#peu} up to float rounding; winners are re-scored there.
 */
final class SlotScan {
    private final PoolScores pool;
    private final INDArray particles;
    private final INDArray poolVectors;
    private final int k;
    private final float[] coefficients;
    private final float[] values;
    private final INDArray coefficientA;
    private final INDArray vectorA;
    private final INDArray valueA;

    /** A scanner for slates of size k over the pool whose vectors are {@code poolVectors} ({@code P × d}). */
    SlotScan(PoolScores pool, INDArray particles, INDArray poolVectors, int k) {
        this.pool = pool;
        this.particles = particles;
        this.poolVectors = poolVectors;
        this.k = k;
        int p = pool.size();
        int m = pool.particles();
        int d = (int) poolVectors.columns();
        this.coefficients = new float[p * (k - 1) * m];
        this.values = new float[p * (k - 1) * p];
        this.coefficientA = Nd4j.createUninitialized(DataType.FLOAT, new long[] {(long) p * (k - 1), m}, 'c');
        this.vectorA = Nd4j.createUninitialized(DataType.FLOAT, new long[] {(long) p * (k - 1), d}, 'c');
        this.valueA = Nd4j.createUninitialized(DataType.FLOAT, new long[] {(long) p * (k - 1), p}, 'c');
    }

    /**
     * {@code out[b]} = PEU of the slate with slot {@code slot} showing pool item b; {@code -∞} where b may not be
     * shown or is already elsewhere in the slate.
     */
    double[] peuOfSwaps(int[] slate, int slot) {
        int p = pool.size();
        int m = pool.particles();
        float[] e = pool.exps();
        float[] pi = pool.weights();
        float[] rest = new float[m];
        for (int i = 0; i < k; i++) {
            if (i != slot) {
                int row = slate[i] * m;
                for (int j = 0; j < m; j++) {
                    rest[j] += e[row + j];
                }
            }
        }
        int rows = k - 1;
        for (int b = 0; b < p; b++) {
            int base = b * rows * m;
            int row = b * m;
            for (int j = 0; j < m; j++) {
                float z = rest[j] + e[row + j];
                // All exponentials underflowing (utilities > 87/λ below a particle's best) counts as a tie.
                float scale = z > 0 ? pi[j] / z : pi[j] / k;
                for (int i = 0; i < rows; i++) {
                    float ei = i == slot ? e[row + j] : e[slate[i] * m + j];
                    coefficients[base + i * m + j] = z > 0 ? scale * ei : scale;
                }
            }
        }
        Buffers.copyInto(coefficients, coefficientA);
        Nd4j.gemm(coefficientA, particles, vectorA, false, false, 1.0, 0.0);
        Nd4j.gemm(vectorA, poolVectors, valueA, false, true, 1.0, 0.0);
        Buffers.copyOut(valueA, values);
        float[] eu = pool.expectedUtility();
        double[] out = new double[p];
        float[] last = new float[p];
        for (int b = 0; b < p; b++) {
            double peu = 0;
            System.arraycopy(eu, 0, last, 0, p);
            for (int i = 0; i < rows; i++) {
                int base = (b * rows + i) * p;
                float best = Float.NEGATIVE_INFINITY;
                for (int y = 0; y < p; y++) {
                    float v = values[base + y];
                    best = Math.max(best, v);
                    last[y] -= v;
                }
                peu += best;
            }
            float best = Float.NEGATIVE_INFINITY;
            for (int y = 0; y < p; y++) {
                best = Math.max(best, last[y]);
            }
            out[b] = peu + best;
        }
        for (int b = 0; b < p; b++) {
            if (!pool.showable()[b]) {
                out[b] = Double.NEGATIVE_INFINITY;
            }
        }
        for (int i = 0; i < k; i++) {
            if (i != slot) {
                out[slate[i]] = Double.NEGATIVE_INFINITY;
            }
        }
        return out;
    }
}
