package io.elicitor.simulation;

import java.util.List;

/**
 * One strategy's regret minus a reference strategy's, user by user, after t = 0..T answers, with a 95%
 * interval. Users are paired (same user, same session and answer seeds), so the interval is that of the
 * per-user differences: much narrower than comparing the two strategies' own intervals, and the right test
 * of "is A below B".
 *
 * @param reference the strategy subtracted
 * @param users users finished under both
 * @param difference mean of {@code r_t(strategy) − r_t(reference)}: negative means the strategy has less regret
 * @param low lower end of its 95% interval (normal approximation)
 * @param high upper end
 */
public record PairedDifference(String reference, int users, double[] difference, double[] low, double[] high) {

    /** The paired difference of {@code traces} minus {@code referenceTraces}, matched by position. */
    public static PairedDifference of(String reference, List<UserTrace> referenceTraces, List<UserTrace> traces) {
        if (traces.isEmpty() || traces.size() != referenceTraces.size()) {
            throw new IllegalArgumentException("need the same non-zero number of users, got " + traces.size()
                    + " and " + referenceTraces.size());
        }
        int n = traces.size();
        int len = traces.get(0).regret().length;
        double[] mean = new double[len];
        double[] low = new double[len];
        double[] high = new double[len];
        for (int t = 0; t < len; t++) {
            double s = 0;
            double s2 = 0;
            for (int u = 0; u < n; u++) {
                double d = traces.get(u).regret()[t] - referenceTraces.get(u).regret()[t];
                s += d;
                s2 += d * d;
            }
            mean[t] = s / n;
            double var = n > 1 ? Math.max(0, (s2 - n * mean[t] * mean[t]) / (n - 1)) : 0;
            double half = 1.96 * Math.sqrt(var / n);
            low[t] = mean[t] - half;
            high[t] = mean[t] + half;
        }
        return new PairedDifference(reference, n, mean, low, high);
    }
}
