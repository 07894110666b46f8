package io.elicitor.evoi.explain;

import java.util.Arrays;
import java.util.Comparator;

/** Weighted means and quantiles of one value per particle: the posterior summaries every explanation reports. */
final class WeightedQuantiles {
    private WeightedQuantiles() {}

    /** {@code Σ πⱼ vⱼ} for weights summing to 1. */
    static double mean(double[] values, double[] weights) {
        double s = 0;
        for (int j = 0; j < values.length; j++) {
            s += weights[j] * values[j];
        }
        return s;
    }

    /**
     * The smallest value whose cumulative weight reaches {@code q} (the inverse of the weighted empirical CDF), for
     * {@code q} in (0, 1]. Sorting costs {@code O(M log M)}.
     */
    static double quantile(double[] values, double[] weights, double q) {
        if (!(q > 0 && q <= 1)) {
            throw new IllegalArgumentException("q must be in (0, 1], got " + q);
        }
        Integer[] order = new Integer[values.length];
        for (int j = 0; j < order.length; j++) {
            order[j] = j;
        }
        Arrays.sort(order, Comparator.comparingDouble(j -> values[j]));
        double cumulative = 0;
        for (int j : order) {
            cumulative += weights[j];
            if (cumulative >= q - 1e-12) {
                return values[j];
            }
        }
        return values[order[order.length - 1]];
    }
}
