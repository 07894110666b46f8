package io.elicitor.simulation;

import java.util.Arrays;
import java.util.List;

/**
 * One strategy's results over all simulated users.
 *
 * @param users number of users
 * @param regret mean normalised regret after t = 0..T answers
 * @param regretLow lower end of its 95% interval (normal approximation)
 * @param regretHigh upper end of its 95% interval
 * @param regretRatio {@code regret[t] / regret[0]}
 * @param top10 share of users whose truly best item is in the top 10 after T answers
 * @param msPerQueryP50 median milliseconds to choose (or, over HTTP, to serve) a query
 * @param msPerQueryP99 99th percentile of the same
 * @param msPerAnswerP50 median milliseconds of {@code /answer} (HTTP runs only, else null)
 * @param msPerAnswerP99 99th percentile of the same
 * @param answerAccuracy share of answers that picked the truly best item of their slate
 * @param plateauShare share of asked slates with EVOI 0 (no answer could change the recommendation)
 */
public record StrategySummary(int users, double[] regret, double[] regretLow, double[] regretHigh, double[] regretRatio,
                              double top10, double msPerQueryP50, double msPerQueryP99, Double msPerAnswerP50,
                              Double msPerAnswerP99, double answerAccuracy, double plateauShare) {

    /** Aggregates the traces of one strategy; {@code traces} must be non-empty and of equal length. */
    public static StrategySummary of(List<UserTrace> traces) {
        if (traces.isEmpty()) {
            throw new IllegalArgumentException("no traces");
        }
        int n = traces.size();
        double[][] interval = Intervals.of(traces.stream().map(UserTrace::regret).toList());
        double[] mean = interval[0];
        double[] low = interval[1];
        double[] high = interval[2];
        int len = mean.length;
        double[] ratio = new double[len];
        for (int t = 0; t < len; t++) {
            ratio[t] = mean[0] > 0 ? mean[t] / mean[0] : Double.NaN;
        }
        double top10 = traces.stream().filter(UserTrace::bestInTop10).count() / (double) n;
        double[] q = traces.stream().flatMapToDouble(u -> Arrays.stream(u.queryMillis())).sorted().toArray();
        double[] a = traces.stream().flatMapToDouble(u -> Arrays.stream(u.answerMillis())).sorted().toArray();
        long answers = traces.stream().mapToLong(u -> u.queryMillis().length).sum();
        double accuracy = answers == 0 ? Double.NaN : traces.stream().mapToInt(UserTrace::correctAnswers).sum() / (double) answers;
        double plateaus = answers == 0 ? Double.NaN : traces.stream().mapToInt(UserTrace::plateauQueries).sum() / (double) answers;
        return new StrategySummary(n, mean, low, high, ratio, top10, percentile(q, 0.50), percentile(q, 0.99),
                a.length == 0 ? null : percentile(a, 0.50), a.length == 0 ? null : percentile(a, 0.99), accuracy, plateaus);
    }

    /** The nearest-rank percentile of sorted values; NaN when empty. */
    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
