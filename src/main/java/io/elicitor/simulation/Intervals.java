package io.elicitor.simulation;

import java.util.List;

/** Means over users with 95% normal-approximation intervals, step by step. */
public final class Intervals {
    private Intervals() {}

    /** Mean, low and high (rows) of each step t (columns) of the users' series, which must share one length. */
    public static double[][] of(List<double[]> series) {
        int n = series.size();
        int len = series.get(0).length;
        double[][] out = new double[3][len];
        for (int t = 0; t < len; t++) {
            double s = 0;
            double s2 = 0;
            for (double[] u : series) {
                s += u[t];
                s2 += u[t] * u[t];
            }
            double mean = s / n;
            double var = n > 1 ? Math.max(0, (s2 - n * mean * mean) / (n - 1)) : 0;
            double half = 1.96 * Math.sqrt(var / n);
            out[0][t] = mean;
            out[1][t] = mean - half;
            out[2][t] = mean + half;
        }
        return out;
    }
}
