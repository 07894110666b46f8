package io.elicitor.evoi.value;

import java.util.Arrays;

/**
 * Values of a batch of slates, index by index: {@code peu}, {@code evoi = PEU − EU*} and {@code eus}, the
 * expected utility of selection {@code EUS_R(Q) = F(Q, Q)} (the slate's worth as a recommendation set).
 * EVOI is computed answer by answer as {@code Σᵢ (max_y vᵢ·y − vᵢ·y*)}, with the current best item
 * {@code y*} read from the same row as the maximum, so it is exactly 0 — not float noise around 0 — when
 * no answer can change the recommendation.
 */
public record SlateValues(double[] peu, double[] evoi, double[] eus) {
    /**
     * Index of the best slate: the largest EVOI, slates within {@code tolerance} of it counting as tied and
     * the tie going to the largest EUS, then to the earliest. On an EVOI plateau (often every slate is worth
     * 0: no single noisy answer moves the recommendation) the choice is therefore the best recommendation
     * set, not whichever slate float rounding favours.
     */
    public int best(double tolerance) {
        if (evoi.length == 0) {
            throw new IllegalArgumentException("no slates");
        }
        double top = Double.NEGATIVE_INFINITY;
        for (double v : evoi) {
            top = Math.max(top, v);
        }
        int best = -1;
        for (int i = 0; i < evoi.length; i++) {
            if (evoi[i] >= top - tolerance && (best < 0 || eus[i] > eus[best])) {
                best = i;
            }
        }
        return best;
    }

    /** These slates' values followed by {@code more}'s, as for one batch of both. */
    public SlateValues followedBy(SlateValues more) {
        return new SlateValues(concat(peu, more.peu), concat(evoi, more.evoi), concat(eus, more.eus));
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
