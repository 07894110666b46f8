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

    /**
     * {@code curves} minus {@code referenceCurves} over the users finished in both: each array holds user u's
     * regret curve {@code r_0..r_T} at index u, or {@code null} while that user is not finished. Empty when no
     * user is finished in both.
     *
     * @throws IllegalArgumentException when the two hold different numbers of users
     */
    public static java.util.Optional<PairedDifference> overFinished(String reference, double[][] referenceCurves,
                                                                    double[][] curves) {
        if (referenceCurves.length != curves.length) {
            throw new IllegalArgumentException("the runs hold " + curves.length + " and " + referenceCurves.length
                    + " users: not the same users");
        }
        List<double[]> ref = new java.util.ArrayList<>();
        List<double[]> other = new java.util.ArrayList<>();
        for (int u = 0; u < curves.length; u++) {
            if (referenceCurves[u] != null && curves[u] != null) {
                ref.add(referenceCurves[u]);
                other.add(curves[u]);
            }
        }
        return ref.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(ofRegrets(reference, ref, other));
    }

    /**
     * The paired difference of per-user regret curves {@code regrets} minus {@code referenceRegrets}, matched by
     * position (user u's curve {@code r_0..r_T} at index u of both lists; all curves of one length).
     */
    public static PairedDifference ofRegrets(String reference, List<double[]> referenceRegrets, List<double[]> regrets) {
        if (regrets.isEmpty() || regrets.size() != referenceRegrets.size()) {
            throw new IllegalArgumentException("need the same non-zero number of users, got " + regrets.size()
                    + " and " + referenceRegrets.size());
        }
        int n = regrets.size();
        List<double[]> differences = new java.util.ArrayList<>(n);
        for (int u = 0; u < n; u++) {
            double[] a = regrets.get(u);
            double[] r = referenceRegrets.get(u);
            if (a.length != r.length) {
                throw new IllegalArgumentException("user " + u + " has curves of " + a.length + " and " + r.length + " points");
            }
            double[] d = new double[a.length];
            for (int t = 0; t < d.length; t++) {
                d[t] = a[t] - r[t];
            }
            differences.add(d);
        }
        double[][] interval = Intervals.of(differences);
        return new PairedDifference(reference, n, interval[0], interval[1], interval[2]);
    }
}
