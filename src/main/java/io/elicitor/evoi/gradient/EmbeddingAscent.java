package io.elicitor.evoi.gradient;

import io.elicitor.evoi.belief.Posterior;

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
    private final SoftBestResponse responses;
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
        this.k = k;
        this.responses = new SoftBestResponse(poolVectors, d);
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
        float[] y = responses.of(objective.answerVectors(q, k), temperature);
        return objective.evaluate(q, y, k).queryGradient();
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
