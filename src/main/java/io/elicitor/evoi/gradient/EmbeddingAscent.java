package io.elicitor.evoi.gradient;

import io.elicitor.evoi.Buffers;
import io.elicitor.evoi.belief.Posterior;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Gradient ascent of the Monte Carlo EVOI over free query vectors in the embedding space, R restarts of k
 * vectors at once (the paper's route to large catalogs: the vectors are mapped to items by an inner-product
 * index afterwards). The recommendation after each answer is the soft best response over the pool,
 * {@code ỹᵢ = Σ_y softmax_y(vᵢ·y / τ) y}, so a step follows the exact gradient of the smoothed PEU
 * {@code Σᵢ τ log Σ_y exp(vᵢ·y / τ)} ({@link SlateObjective} with Y held at ỹ: {@code F(Q, Y) = Σᵢ vᵢ(Q)·yᵢ}
 * and ỹᵢ is the gradient of the smooth maximum). After every Adam step each vector is projected onto the
 * ball of radius ρ (the relaxation is unbounded in {@code ‖q‖}). Cost per step: a few products of
 * {@code R·k} rows against the M particles and the P pool items. Not thread-safe; one per query.
 */
final class EmbeddingAscent {
    private final SlateObjective objective;
    private final INDArray pool;
    private final float[] poolArray;
    private final int p;
    private final int d;
    private final int k;
    private final float[] queries;
    private final Adam adam;
    private final double radius;

    /**
     * Restarts starting at {@code starts} ({@code R·k × d}, row-major) over the given particles, the pool's
     * vectors ({@code P × d}, row-major) and the radius ρ of the region the vectors stay in.
     */
    EmbeddingAscent(Posterior particles, double lambda, float[] poolVectors, int k, float[] starts, double radius) {
        this.objective = new SlateObjective(particles, lambda);
        this.d = particles.dimension();
        this.p = poolVectors.length / d;
        this.k = k;
        this.poolArray = poolVectors;
        this.pool = Buffers.fromArray(poolVectors, p, d);
        this.queries = starts.clone();
        this.adam = new Adam(queries.length);
        if (!(radius > 0)) {
            throw new IllegalArgumentException("radius must be positive, got " + radius);
        }
        this.radius = radius;
        project();
    }

    /** The current query vectors ({@code R·k × d}, row-major; a view, do not keep). */
    float[] queries() {
        return queries;
    }

    /** One Adam step of size {@code rate} (in units of the embedding) with the best response smoothed at τ. */
    void step(double temperature, double rate) {
        adam.ascend(queries, gradient(queries, temperature), rate);
        project();
    }

    /** The gradient of the smoothed PEU at {@code q} ({@code R·k × d} in, the same layout out). */
    float[] gradient(float[] q, double temperature) {
        float[] y = softBestResponse(objective.answerVectors(q, k), temperature);
        return objective.evaluate(q, y, k).queryGradient();
    }

    /** {@code ỹᵢ = Σ_y softmax_y(vᵢ·y / τ) y} over the pool for each answer's value vector ({@code rows × d}). */
    float[] softBestResponse(float[] answerVectors, double temperature) {
        int rows = answerVectors.length / d;
        INDArray values = Nd4j.createUninitialized(DataType.FLOAT, new long[] {rows, p}, 'c');
        Nd4j.gemm(Buffers.fromArray(answerVectors, rows, d), pool, values, false, true, 1.0, 0.0);
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
                        out[r * d + c] += (float) (a * poolArray[y * d + c]);
                    }
                }
            }
        }
        return out;
    }

    /** Scales every vector longer than ρ back onto the sphere of radius ρ. */
    private void project() {
        for (int row = 0; row < queries.length / d; row++) {
            double norm = 0;
            for (int c = 0; c < d; c++) {
                norm += (double) queries[row * d + c] * queries[row * d + c];
            }
            norm = Math.sqrt(norm);
            if (norm > radius) {
                float scale = (float) (radius / norm);
                for (int c = 0; c < d; c++) {
                    queries[row * d + c] *= scale;
                }
            }
        }
    }
}
