package io.elicitor.evoi.belief;

import io.elicitor.evoi.TopK;
import java.util.Random;

/**
 * Finds the choice model's λ for a catalog: the inverse temperature at which users of a population answer a
 * typical question "correctly" (pick the item they truly prefer) a target share of the time. λ is tied to the
 * catalog's utility scale, so a value that suits one catalog (λ = 2 on the bundled cars) makes every answer
 * on another nearly uninformative or nearly noiseless.
 *
 * <p>A typical question is a pair of distinct items among the {@code topItems} best for the population's mean
 * user (the region where elicitation asks its questions), put to a random user of the population. With
 * {@code Δ} the user's utility gap, the chance of a correct answer is {@code σ(λ|Δ|)}; the mean over
 * {@code samples} seeded draws increases with λ and is solved for the target by bisection on log λ.
 * Cost {@code O(N·d + samples·d)}.
 */
public final class LambdaCalibration {
    /** The largest λ calibrated or accepted in a manifest: beyond it answers are deterministic for any gap that matters. */
    public static final double MAX_LAMBDA = 1000;

    private LambdaCalibration() {}

    /**
     * A calibrated λ.
     *
     * @param lambda the inverse temperature
     * @param accuracy the share of correct answers it gives on the sampled questions
     * @param topItems how many of the population's best items the pairs were drawn from
     * @param samples (user, pair) draws
     */
    public record Result(double lambda, double accuracy, int topItems, int samples) {}

    /**
     * Calibrates λ so that {@code target} of sampled questions are answered correctly.
     *
     * @param items item vectors, row-major {@code n × d}
     * @param users population user vectors, row-major {@code u × d}
     * @param d dimension
     * @param topItems pairs are drawn from this many of the mean user's best items (at least 2)
     * @param target share of correct answers, in (0.5, 1)
     * @param samples (user, pair) draws
     * @param seed seed of the draws
     */
    public static Result calibrate(float[] items, float[] users, int d, int topItems, double target, int samples, long seed) {
        if (d < 1 || items.length % d != 0 || users.length % d != 0 || users.length == 0) {
            throw new IllegalArgumentException("need item and user vectors of dimension " + d + " and at least one user");
        }
        int n = items.length / d;
        int u = users.length / d;
        if (n < 2 || topItems < 2 || samples < 1 || !(target > 0.5 && target < 1)) {
            throw new IllegalArgumentException("need >= 2 items, topItems >= 2, samples >= 1 and 0.5 < target < 1");
        }
        float[] mean = new float[d];
        for (int j = 0; j < u; j++) {
            for (int c = 0; c < d; c++) {
                mean[c] += users[j * d + c] / u;
            }
        }
        TopK top = new TopK(Math.min(topItems, n));
        for (int i = 0; i < n; i++) {
            top.offer(i, dot(items, i, mean, 0, d));
        }
        int[] best = top.indices();
        Random rng = new Random(seed);
        double[] gaps = new double[samples];
        for (int s = 0; s < samples; s++) {
            int ia = rng.nextInt(best.length);
            int ib = rng.nextInt(best.length - 1);
            int a = best[ia];
            int b = best[ib >= ia ? ib + 1 : ib];
            int user = rng.nextInt(u);
            gaps[s] = Math.abs(dot(items, a, users, user * d, d) - dot(items, b, users, user * d, d));
        }
        double lo = Math.log(1e-3);
        double hi = Math.log(MAX_LAMBDA);
        if (accuracy(gaps, Math.exp(hi)) < target) {
            throw new IllegalArgumentException("no λ up to " + MAX_LAMBDA + " reaches accuracy " + target
                    + ": the sampled pairs are (nearly) tied for these users");
        }
        for (int it = 0; it < 100; it++) {
            double mid = (lo + hi) / 2;
            if (accuracy(gaps, Math.exp(mid)) < target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double lambda = Math.exp(hi);
        return new Result(lambda, accuracy(gaps, lambda), best.length, samples);
    }

    /** Mean of {@code σ(λ·gap)} over the gaps. */
    static double accuracy(double[] gaps, double lambda) {
        double s = 0;
        for (double g : gaps) {
            s += Logit.EXACT.pairProbability(lambda, g);
        }
        return s / gaps.length;
    }

    private static double dot(float[] a, int row, float[] b, int offset, int d) {
        double s = 0;
        for (int c = 0; c < d; c++) {
            s += (double) a[row * d + c] * b[offset + c];
        }
        return s;
    }
}
