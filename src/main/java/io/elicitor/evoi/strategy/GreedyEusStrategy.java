package io.elicitor.evoi.strategy;

import io.elicitor.evoi.value.PoolScores;

/**
 * Viappiani & Boutilier's greedy choice set: start from the pool item with the largest expected utility,
 * then repeatedly add the pool item with the largest gain in the expected utility of selection under the
 * logit, {@code EUS_R(Q) = F(Q, Q) = Σⱼ πⱼ Σᵢ R(i|Q; wⱼ) wⱼ·qᵢ}.
 *
 * <p>Vectorised over the pool and the particles: with {@code eⱼₚ = exp(λ(wⱼ·x_p − maxₚ wⱼ·x_p))} computed
 * once, each particle keeps the running sums {@code Zⱼ = Σ_{i∈Q} eⱼᵢ} and {@code Nⱼ = Σ_{i∈Q} eⱼᵢ wⱼ·qᵢ},
 * and the value of adding candidate c is {@code Σⱼ πⱼ (Nⱼ + eⱼc sⱼc) / (Zⱼ + eⱼc)}. One step scores every
 * candidate in {@code O(M·P)}, so the whole slate costs {@code O(k·M·P)} (below the textbook
 * {@code O(P·k²·M)}).
 */
public final class GreedyEusStrategy implements QueryStrategy {
    @Override
    public String name() {
        return "greedy-eus";
    }

    @Override
    public int[] select(QueryContext c) {
        PoolScores pool = c.poolScores();
        return pool.toCatalog(slate(pool, c.slateSize()));
    }

    /** The greedy slate as pool indices. */
    public static int[] slate(PoolScores pool, int k) {
        return slate(pool, k, pool.topExpectedUtility(1)[0]);
    }

    /** The greedy completion of a slate whose first item is the given showable pool item. */
    public static int[] slate(PoolScores pool, int k, int first) {
        return complete(pool.scores(), pool.exps(), pool.weights(), pool.showable(), pool.particles(), k, first);
    }

    /**
     * The greedy completion over any candidates, as plain arrays: scores {@code s[y·M + j] = wⱼ·x_y}, their
     * {@code e[y·M + j] = exp(λ(s − max_y s))} ({@link PoolScores#exps(float[], int, int, double)}), weights
     * {@code πⱼ}, and which candidates may be shown (their count is the number of candidates). Pool items and
     * partial items' grid options share it. Returns candidate indices, {@code first} first.
     */
    public static int[] complete(float[] s, float[] e, float[] pi, boolean[] showable, int m, int k, int first) {
        int p = showable.length;
        int[] slate = new int[k];
        boolean[] used = new boolean[p];
        slate[0] = first;
        used[slate[0]] = true;
        float[] z = new float[m];
        float[] n = new float[m];
        for (int j = 0; j < m; j++) {
            int at = slate[0] * m + j;
            z[j] = e[at];
            n[j] = e[at] * s[at];
        }
        for (int t = 1; t < k; t++) {
            int best = -1;
            double bestGain = Double.NEGATIVE_INFINITY;
            for (int y = 0; y < p; y++) {
                if (!showable[y] || used[y]) {
                    continue;
                }
                int row = y * m;
                double gain = 0;
                for (int j = 0; j < m; j++) {
                    float ey = e[row + j];
                    float denominator = z[j] + ey;
                    // Every exponential underflowing is impossible at sane λ; then the slate is a tie.
                    gain += denominator > 0 ? pi[j] * (n[j] + ey * s[row + j]) / denominator : pi[j] * s[row + j];
                }
                if (gain > bestGain) {
                    bestGain = gain;
                    best = y;
                }
            }
            slate[t] = best;
            used[best] = true;
            for (int j = 0; j < m; j++) {
                int at = best * m + j;
                z[j] += e[at];
                n[j] += e[at] * s[at];
            }
        }
        return slate;
    }
}
