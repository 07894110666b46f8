package io.elicitor.evoi.gradient;

import java.util.Arrays;

/**
 * Adam (Kingma and Ba, 2015) ascending a float parameter vector: per-coordinate steps scaled by running
 * estimates of the gradient's first and second moments, with bias correction. Why Adam: the mixture logits'
 * gradients differ in scale by orders of magnitude between pool items, and Adam's normalised steps move each
 * logit by about the rate regardless. A parameter at {@code −∞} (a pool item that may not be shown) stays there.
 * Cost {@code O(n)} per step; moments in double. Not thread-safe.
 */
public final class Adam {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private final double[] moment1;
    private final double[] moment2;
    private int steps;

    /** An optimiser for {@code size} parameters, at step 0. */
    public Adam(int size) {
        this.moment1 = new double[size];
        this.moment2 = new double[size];
    }

    /** Forgets the moments and the step count. */
    public void reset() {
        Arrays.fill(moment1, 0);
        Arrays.fill(moment2, 0);
        steps = 0;
    }

    /** One ascent step of size {@code rate} along {@code gradient}, applied to {@code parameters} in place. */
    public void ascend(float[] parameters, float[] gradient, double rate) {
        if (parameters.length != moment1.length || gradient.length != moment1.length) {
            throw new IllegalArgumentException("need " + moment1.length + " parameters and gradient values");
        }
        steps++;
        double c1 = 1 - Math.pow(BETA1, steps);
        double c2 = 1 - Math.pow(BETA2, steps);
        for (int i = 0; i < parameters.length; i++) {
            double g = gradient[i];
            moment1[i] = BETA1 * moment1[i] + (1 - BETA1) * g;
            moment2[i] = BETA2 * moment2[i] + (1 - BETA2) * g * g;
            if (parameters[i] != Float.NEGATIVE_INFINITY) {
                parameters[i] += (float) (rate * (moment1[i] / c1) / (Math.sqrt(moment2[i] / c2) + EPSILON));
            }
        }
    }
}
