package io.elicitor.evoi.belief;

import java.util.Random;

/**
 * Systematic resampling: {@code count} draws from a weighted set with one uniform offset, at positions
 * {@code (u + i)/count}, so that an item of weight π is drawn {@code ⌊count·π⌋} or {@code ⌈count·π⌉} times. Lower
 * variance than independent draws and {@code O(n + count)}. The one resampler of the engine: the belief uses it
 * when its effective sample size halves ({@link Posterior#resample}), the gradient strategy to pick its screening
 * particles. Stateless; the randomness is one {@code nextDouble} of the caller's source.
 */
public final class SystematicResampling {
    private SystematicResampling() {}

    /** Indices of {@code count} draws from {@code weights} (non-negative, summing to 1), in increasing order. */
    public static int[] draw(double[] weights, int count, Random rng) {
        if (weights.length == 0 || count < 1) {
            throw new IllegalArgumentException("need at least one weight and one draw, got " + weights.length
                    + " and " + count);
        }
        int n = weights.length;
        int[] picks = new int[count];
        double step = 1.0 / count;
        double u = rng.nextDouble() * step;
        double c = weights[0];
        int j = 0;
        for (int i = 0; i < count; i++) {
            double target = u + i * step;
            while (target > c && j < n - 1) {
                j++;
                c += weights[j];
            }
            picks[i] = j;
        }
        return picks;
    }
}
