package io.elicitor.experiment;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/**
 * The statistics behind experiment results: intervals for proportions and means, the difference of two
 * proportions, an always-valid sequential test, and the sample-ratio-mismatch check.
 */
public final class Statistics {
    /** z for a two-sided 95% interval. */
    public static final double Z95 = 1.959963984540054;

    private Statistics() {}

    /** A value with a 95% interval. */
    public record Interval(double estimate, double low, double high) {
        /** Whether the interval excludes {@code value}. */
        public boolean excludes(double value) {
            return value < low || value > high;
        }
    }

    /**
     * Wilson score interval of a proportion: unlike the plain normal interval it stays inside [0, 1] and
     * keeps its coverage near 0 and 1 and for small n. NaN estimate for n = 0.
     */
    public static Interval wilson(long successes, long n) {
        if (n == 0) {
            return new Interval(Double.NaN, 0, 1);
        }
        double p = successes / (double) n;
        double z2 = Z95 * Z95;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
        return new Interval(p, Math.max(0, centre - half), Math.min(1, centre + half));
    }

    /** Mean with a normal-approximation interval from the count, sum and sum of squares. */
    public static Interval mean(long n, double sum, double sumSquares) {
        if (n == 0) {
            return new Interval(Double.NaN, Double.NaN, Double.NaN);
        }
        double m = sum / n;
        double var = n > 1 ? Math.max(0, (sumSquares - n * m * m) / (n - 1)) : 0;
        double half = Z95 * Math.sqrt(var / n);
        return new Interval(m, m - half, m + half);
    }

    /** {@code p_b − p_a} with the unpooled normal (Wald) interval. */
    public static Interval differenceOfProportions(long successesA, long nA, long successesB, long nB) {
        if (nA == 0 || nB == 0) {
            return new Interval(Double.NaN, Double.NaN, Double.NaN);
        }
        double pa = successesA / (double) nA;
        double pb = successesB / (double) nB;
        double se = Math.sqrt(pa * (1 - pa) / nA + pb * (1 - pb) / nB);
        double d = pb - pa;
        return new Interval(d, d - Z95 * se, d + Z95 * se);
    }

    /**
     * Always-valid p-value of the mixture sequential probability ratio test (mSPRT; Johari, Pekelis, Walsh,
     * "Always valid inference", 2017) for {@code p_b − p_a = 0}, with a normal mixing distribution of
     * variance {@code tau2} over the effect and the normal approximation of the difference. It stays valid
     * however often results are looked at, so an experiment may be stopped as soon as it is below α.
     * This is the value at the current sample (the running minimum over looks is also valid and smaller).
     */
    public static double alwaysValidPValue(long successesA, long nA, long successesB, long nB, double tau2) {
        if (nA == 0 || nB == 0) {
            return 1.0;
        }
        double pa = successesA / (double) nA;
        double pb = successesB / (double) nB;
        // A floor on the variance keeps 0/n or n/n arms from giving an infinite likelihood ratio.
        double v = Math.max(pa * (1 - pa), 0.25 / nA) / nA + Math.max(pb * (1 - pb), 0.25 / nB) / nB;
        double d = pb - pa;
        double logLambda = 0.5 * Math.log(v / (v + tau2)) + d * d * tau2 / (2 * v * (v + tau2));
        return Math.min(1.0, Math.exp(-logLambda));
    }

    /**
     * p-value of Pearson's chi-squared test that {@code counts} follow the shares {@code weights}: a small
     * value (below 0.001 by convention) means assignment is broken, not that an arm is better.
     */
    public static double sampleRatioPValue(long[] counts, double[] weights) {
        if (counts.length != weights.length || counts.length < 2) {
            throw new IllegalArgumentException("need one weight per count and at least two arms");
        }
        long n = 0;
        double w = 0;
        for (int i = 0; i < counts.length; i++) {
            n += counts[i];
            w += weights[i];
        }
        if (n == 0) {
            return 1.0;
        }
        double chi2 = 0;
        for (int i = 0; i < counts.length; i++) {
            double expected = n * weights[i] / w;
            chi2 += (counts[i] - expected) * (counts[i] - expected) / expected;
        }
        return 1.0 - new ChiSquaredDistribution(counts.length - 1).cumulativeProbability(chi2);
    }
}
