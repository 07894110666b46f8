package io.elicitor.evoi.explain;

import io.elicitor.evoi.belief.Belief;

/**
 * The item recommended now among some candidates (the largest posterior-mean utility), the posterior probability
 * that it is truly the user's best among them, and the expected regret of recommending it,
 * {@code Σⱼ πⱼ (max_y wⱼ·y − wⱼ·top)}. Cost {@code O(M·P·d)}, one ND4J product ({@link ParticleScores}).
 *
 * @param item the recommended item's catalog index
 * @param probabilityBest {@code Σⱼ πⱼ [top is particle j's best]}
 * @param expectedRegret the expected utility lost by recommending it instead of each particle's best
 */
public record TopItem(int item, double probabilityBest, double expectedRegret) {
    /**
     * The top of {@code candidates} (catalog indices, at least one) under {@code belief}; {@code rows} holds their
     * vectors, row-major {@code P × d}, in the same order.
     */
    public static TopItem of(Belief belief, float[] rows, int[] candidates) {
        int d = belief.dimension();
        int p = candidates.length;
        if (p == 0 || rows.length != p * d) {
            throw new IllegalArgumentException("need at least one candidate and its " + d + "-vector");
        }
        double[] pi = belief.weights();
        ParticleScores scores = ParticleScores.of(belief.particles(), belief.size(), rows, p, d);
        double[] expected = scores.expected(pi);
        int top = 0;
        for (int y = 1; y < p; y++) {
            if (expected[y] > expected[top]) {
                top = y;
            }
        }
        double best = 0;
        double regret = 0;
        for (int j = 0; j < belief.size(); j++) {
            double mine = scores.scores()[j * p + top];
            // The top is this particle's best when nothing beats it (ties count as best).
            best += mine >= scores.best()[j] ? pi[j] : 0;
            regret += pi[j] * (scores.best()[j] - mine);
        }
        return new TopItem(candidates[top], best, regret);
    }
}
