package io.elicitor.evoi.belief;

import java.util.Arrays;
import java.util.Objects;

/**
 * A belief over a user's utility vector as plain Java values: M weighted particles, with the posterior mean
 * and the effective sample size computed once. The form a belief is kept, stored and compared in.
 *
 * <p>Why two forms: the engine's maths runs on {@link Posterior}, whose particles live in ND4J memory that
 * belongs to one request's workspace and must not outlive it. A {@code Belief} holds nothing off-heap, so a
 * session keeps it between requests, the durable store encodes it, the log replay produces it and the
 * simulation harness carries it from one answer to the next. Turning it into a {@code Posterior}
 * ({@link Posterior#of}) copies M × d floats once (about 10 µs at M = 1024, d = 32); {@link Posterior#belief()}
 * goes back, computing the mean with the same product the engine plans with, so every part of the service
 * recommends from the very same mean.
 *
 * <p>Immutable and thread-safe; accessors return copies. Memory: {@code 4·M·d + 8·M + 4·d} bytes (136 KB at
 * M = 1024, d = 32).
 */
public final class Belief {
    private final int dimension;
    private final float[] particles;
    private final double[] weights;
    private final float[] mean;
    private final double effectiveSampleSize;

    Belief(int dimension, float[] particles, double[] weights, float[] mean) {
        this.dimension = dimension;
        this.particles = particles;
        this.weights = weights;
        this.mean = mean;
        this.effectiveSampleSize = effectiveSampleSize(weights);
    }

    /** {@code 1 / Σ πⱼ²} of normalised weights: the one definition the update's resampling rule also uses. */
    static double effectiveSampleSize(double[] weights) {
        double s = 0;
        for (double w : weights) {
            s += w * w;
        }
        return 1.0 / s;
    }

    /**
     * A belief as stored: {@code particles} row-major {@code M × dimension}, weights summing to 1 (within 1e-9; kept
     * bit for bit), and the mean {@link Posterior#belief()} computed for them. Validates shapes and values eagerly.
     */
    public static Belief restore(int dimension, float[] particles, double[] weights, float[] mean) {
        Objects.requireNonNull(particles, "particles");
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(mean, "mean");
        if (dimension < 1 || weights.length < 1 || particles.length != (long) weights.length * dimension
                || mean.length != dimension) {
            throw new IllegalArgumentException("need M x d particles, M weights and a d-vector mean; got d=" + dimension
                    + ", " + particles.length + " particle values, " + weights.length + " weights, mean of "
                    + mean.length);
        }
        double sum = 0;
        for (double w : weights) {
            if (!(w >= 0) || !Double.isFinite(w)) {
                throw new IllegalArgumentException("weights must be finite and non-negative");
            }
            sum += w;
        }
        if (Math.abs(sum - 1.0) > 1e-9) {
            throw new IllegalArgumentException("stored weights must sum to 1, got " + sum);
        }
        return new Belief(dimension, particles.clone(), weights.clone(), mean.clone());
    }

    /** Dimension d of the utility vectors. */
    public int dimension() {
        return dimension;
    }

    /** Number of particles M. */
    public int size() {
        return weights.length;
    }

    /** The particles, row-major {@code M × d} (a copy). */
    public float[] particles() {
        return particles.clone();
    }

    /** The weights, summing to 1 (a copy). */
    public double[] weights() {
        return weights.clone();
    }

    /** The posterior mean {@code w̄ = Σ πⱼ wⱼ}: the best recommendation maximises {@code w̄·x} (a copy). */
    public float[] mean() {
        return mean.clone();
    }

    /** Effective sample size {@code 1 / Σ πⱼ²}: M for equal weights, near 1 when one particle dominates. */
    public double effectiveSampleSize() {
        return effectiveSampleSize;
    }

    /** Bytes of this belief's arrays (particles as float32, weights as float64, the mean), without object headers. */
    public long arrayBytes() {
        return 4L * particles.length + 8L * weights.length + 4L * mean.length;
    }

    /** The particles without copying, for {@link Posterior#of} and a reweighted belief over the same particles. */
    float[] particlesShared() {
        return particles;
    }

    /** The weights without copying, for {@link Posterior#of} only. */
    double[] weightsShared() {
        return weights;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Belief b && dimension == b.dimension && Arrays.equals(particles, b.particles)
                && Arrays.equals(weights, b.weights) && Arrays.equals(mean, b.mean);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(weights) + Arrays.hashCode(mean)) + dimension;
    }

    @Override
    public String toString() {
        return "Belief{M=" + weights.length + ", d=" + dimension + ", ess=" + effectiveSampleSize + "}";
    }
}
