package io.elicitor.evoi.belief;

/**
 * {@code exp(x)} to about 1e-9 relative error, several times faster than {@link Math#exp} in the engine's
 * softmax loops: {@code eˣ = 2ⁿ·e^g} with {@code n = round(x/ln 2)}, {@code |g| ≤ ln2/2}, and a degree-8
 * Taylor polynomial for {@code e^g}. Arguments below −700 give 0; the engine only exponentiates shifted
 * (non-positive) utilities, so large positive arguments are not special-cased beyond {@link Math#exp}.
 */
public final class FastExp {
    private static final double LOG2E = 1.4426950408889634;
    private static final double LN2 = 0.6931471805599453;

    private FastExp() {}

    /** e to the power x. */
    public static double exp(double x) {
        if (x < -700) {
            return 0;
        }
        if (x > 700) {
            return Math.exp(x);
        }
        double n = Math.rint(x * LOG2E);
        double g = x - n * LN2;
        double p = 1 + g * (1 + g * (1.0 / 2 + g * (1.0 / 6 + g * (1.0 / 24 + g * (1.0 / 120 + g * (1.0 / 720
                + g * (1.0 / 5040 + g * (1.0 / 40320))))))));
        return p * Double.longBitsToDouble((long) (n + 1023) << 52);
    }
}
