package io.elicitor.evoi.explain;

import io.elicitor.evoi.belief.Belief;
import io.elicitor.evoi.partial.AttributeSpace;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A small attribute world: "price" (numeric, mean 20, std 4, one decimal) in column 0, "colour" (red, green, blue)
 * in columns 1-3, "size" (numeric, mean 5, std 0.5, no decimals) in column 4; and seeded random beliefs over it.
 */
final class ExplainFixture {
    static final int D = 5;
    static final String[] LEVELS = {null, "red", "green", "blue", null};
    static final AttributeSpace SPACE = new AttributeSpace(List.of(
            new AttributeSpace.Attribute("price", new int[] {0}, false, new float[] {-2f, -1f, 0f, 1f, 2f}, 20, 4, 1),
            new AttributeSpace.Attribute("colour", new int[] {1, 2, 3}, true, new float[0], 0, 0, 0),
            new AttributeSpace.Attribute("size", new int[] {4}, false, new float[] {-1f, 0f, 1f}, 5, 0.5, 0)), D);

    private ExplainFixture() {}

    /** M particles from N(centre, 1) per column, with random weights summing to 1. */
    static Belief belief(long seed, int m, float[] centre) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] particles = new float[m * D];
        double[] weights = new double[m];
        double total = 0;
        for (int j = 0; j < m; j++) {
            for (int c = 0; c < D; c++) {
                particles[j * D + c] = (float) (centre[c] + r.nextGaussian());
            }
            weights[j] = 0.1 + r.nextDouble();
            total += weights[j];
        }
        float[] mean = new float[D];
        for (int j = 0; j < m; j++) {
            weights[j] /= total;
        }
        double s = 0;
        for (int j = 0; j < m - 1; j++) {
            s += weights[j];
        }
        weights[m - 1] = 1.0 - s;
        for (int j = 0; j < m; j++) {
            for (int c = 0; c < D; c++) {
                mean[c] += (float) (weights[j] * particles[j * D + c]);
            }
        }
        return Belief.restore(D, particles, weights, mean);
    }

    /** n random items: price and size standardised in [-2, 2], one colour set. */
    static float[] items(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[n * D];
        for (int i = 0; i < n; i++) {
            x[i * D] = (float) (r.nextDouble() * 4 - 2);
            x[i * D + 1 + r.nextInt(3)] = 1f;
            x[i * D + 4] = (float) (r.nextDouble() * 4 - 2);
        }
        return x;
    }
}
