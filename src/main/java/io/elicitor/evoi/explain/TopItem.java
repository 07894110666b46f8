package io.elicitor.evoi.explain;

import io.elicitor.evoi.ItemMatrix;
import io.elicitor.evoi.belief.Belief;

/**
 * The item recommended now among some candidates (the largest posterior-mean utility), the posterior probability
 * that it is truly the user's best among them, and the expected regret of recommending it,
 * {@code Σⱼ πⱼ (max_y wⱼ·y − wⱼ·top)}. Cost {@code O(M·P·d)}.
 *
 * @param item the recommended item's catalog index
 * @param probabilityBest {@code Σⱼ πⱼ [top is particle j's best]}
 * @param expectedRegret the expected utility lost by recommending it instead of each particle's best
 */
public record TopItem(int item, double probabilityBest, double expectedRegret) {
    /** The top of {@code candidates} (catalog indices, at least one) under {@code belief}. */
    public static TopItem of(Belief belief, ItemMatrix items, int[] candidates) {
        if (candidates.length == 0) {
            throw new IllegalArgumentException("need at least one candidate");
        }
        int d = belief.dimension();
        int m = belief.size();
        int p = candidates.length;
        float[] w = belief.particles();
        double[] pi = belief.weights();
        double[] scores = new double[m * p];
        double[] expected = new double[p];
        for (int y = 0; y < p; y++) {
            float[] x = items.row(candidates[y]);
            for (int j = 0; j < m; j++) {
                double s = AnswerOutlook.dot(w, j * d, x, 0, d);
                scores[j * p + y] = s;
                expected[y] += pi[j] * s;
            }
        }
        int top = 0;
        for (int y = 1; y < p; y++) {
            if (expected[y] > expected[top]) {
                top = y;
            }
        }
        double best = 0;
        double regret = 0;
        for (int j = 0; j < m; j++) {
            int arg = 0;
            for (int y = 1; y < p; y++) {
                if (scores[j * p + y] > scores[j * p + arg]) {
                    arg = y;
                }
            }
            best += arg == top ? pi[j] : 0;
            regret += pi[j] * (scores[j * p + arg] - scores[j * p + top]);
        }
        return new TopItem(candidates[top], best, regret);
    }
}
