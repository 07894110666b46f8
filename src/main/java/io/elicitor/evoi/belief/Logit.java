package io.elicitor.evoi.belief;

/**
 * The multinomial logit kernel on plain Java values: option i of a slate is chosen with probability
 * {@code exp(λ uᵢ) / Σₗ exp(λ uₗ)}, and for a pair that is the logistic {@code σ(λ(u₀ − u₁))}.
 *
 * <p>Every scalar use of the choice model goes through here: the exact evaluator, the relaxed objective, the
 * discrete strategies' pool kernels, simulated users, the benchmark's answers and λ calibration. The batched
 * form used by the belief update is {@link MultinomialLogit} (ND4J, one product per answer).
 *
 * <p>One formula, two precisions of the exponential: {@link #EXACT} ({@link Math#exp}) where a value is reported,
 * compared across strategies or decides an answer, and {@link #FAST} ({@link FastExp}, about 1e-9 relative
 * error, several times faster) in search loops that evaluate it millions of times per query and whose winners
 * are re-scored exactly. Shifting utilities by their maximum keeps every exponent at or below 0, so nothing
 * overflows. Stateless and thread-safe.
 */
public final class Logit {
    /** {@link Math#exp}: for values that are reported or compared. */
    public static final Logit EXACT = new Logit(false);
    /** {@link FastExp#exp}: for search loops whose winners are re-scored with {@link #EXACT}. */
    public static final Logit FAST = new Logit(true);

    private final boolean fast;

    private Logit(boolean fast) {
        this.fast = fast;
    }

    /** e to the power x, at this kernel's precision. */
    public double exp(double x) {
        return fast ? FastExp.exp(x) : Math.exp(x);
    }

    /**
     * Probability of choosing, out of a pair, the option whose utility is higher by {@code gap} (negative when
     * lower): {@code σ(λ·gap) = 1 / (1 + exp(−λ·gap))}, one exponential.
     */
    public double pairProbability(double lambda, double gap) {
        return 1.0 / (1.0 + exp(-lambda * gap));
    }

    /**
     * Unnormalised choice weights {@code e[i] = exp(λ(uᵢ − maxₗ uₗ))} of the k options whose utilities are stored
     * at {@code u[from + i·stride]}; returns their sum, so that {@code e[i] / sum} is option i's probability.
     */
    public double weights(double lambda, float[] u, int from, int stride, int k, double[] e) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < k; i++) {
            max = Math.max(max, u[from + i * stride]);
        }
        double z = 0;
        for (int i = 0; i < k; i++) {
            e[i] = exp(lambda * (u[from + i * stride] - max));
            z += e[i];
        }
        return z;
    }

    /** The same for k utilities held in {@code u[0..k)}. */
    public double weights(double lambda, double[] u, int k, double[] e) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < k; i++) {
            max = Math.max(max, u[i]);
        }
        double z = 0;
        for (int i = 0; i < k; i++) {
            e[i] = exp(lambda * (u[i] - max));
            z += e[i];
        }
        return z;
    }

    /**
     * The option a uniform {@code draw} in [0, 1) picks: the first i whose cumulative probability exceeds the
     * draw (the last option when rounding leaves the draw above the total). One draw per answer, so paired runs
     * that answer different slates stay aligned.
     */
    public int sample(double lambda, double[] u, double draw) {
        int k = u.length;
        double[] e = new double[k];
        double z = weights(lambda, u, k, e);
        double c = 0;
        for (int i = 0; i < k; i++) {
            c += e[i] / z;
            if (draw < c) {
                return i;
            }
        }
        return k - 1;
    }
}
