package io.elicitor.evoi.explain;

import io.elicitor.evoi.Buffers;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Every particle's utility for every candidate, {@code scores[j·P + y] = wⱼ·x_y}, in float32 from one ND4J product
 * as the engine's own score matrices ({@code PoolEvaluator}), and each particle's best, {@code best[j] = max_y wⱼ·x_y};
 * sums over particles ({@link #expected}) are in double. The product is why explanations run on a maths thread: a
 * loop in Java took 40% of a {@code /next-query}'s CPU on the cars (1,024 × 406 × 10), the product a few percent.
 */
record ParticleScores(float[] scores, double[] best, int particles, int candidates) {
    /** The scores of {@code p} candidates ({@code candidates} row-major {@code p × d}) under {@code particles}. */
    static ParticleScores of(float[] particles, int m, float[] candidates, int p, int d) {
        INDArray product = Nd4j.createUninitialized(DataType.FLOAT, new long[] {m, p}, 'c');
        Nd4j.gemm(Buffers.fromArray(particles, m, d), Buffers.fromArray(candidates, p, d), product, false, true, 1.0,
                0.0);
        float[] scores = Buffers.toArray(product);
        double[] best = new double[m];
        for (int j = 0; j < m; j++) {
            float top = Float.NEGATIVE_INFINITY;
            for (int y = j * p, end = y + p; y < end; y++) {
                top = Math.max(top, scores[y]);
            }
            best[j] = top;
        }
        return new ParticleScores(scores, best, m, p);
    }

    /** {@code out[y] = Σⱼ πⱼ s_{jy}}: the expected utility of each candidate under weights {@code pi}. */
    double[] expected(double[] pi) {
        double[] out = new double[candidates];
        for (int j = 0; j < particles; j++) {
            double w = pi[j];
            if (w == 0) {
                continue;
            }
            int row = j * candidates;
            for (int y = 0; y < candidates; y++) {
                out[y] += w * scores[row + y];
            }
        }
        return out;
    }
}
