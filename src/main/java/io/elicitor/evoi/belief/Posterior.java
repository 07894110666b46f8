package io.elicitor.evoi.belief;

import io.elicitor.evoi.Buffers;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A belief over the user's utility vector as M weighted particles {@code (wⱼ, πⱼ)}, {@code Σ πⱼ = 1}.
 *
 * <p>Immutable: {@link #observe} returns a new posterior, so a session's state can be swapped atomically
 * and a failed request leaves the old belief untouched. An answer reweights particles by its likelihood;
 * when the effective sample size falls under {@code M/2} the cloud is resampled (systematic) and
 * rejuvenated by Metropolis–Hastings moves whose target is prior × likelihood of every answer so far, so
 * it does not collapse to a few duplicates. Costs per answer: {@code O(M·k·d)} to reweight, plus
 * {@code O(steps·T·M·k·d)} when rejuvenating after T answers.
 */
public final class Posterior {
    private final INDArray particles;
    private final double[] weights;

    /** Wraps particles ({@code M × d}) and weights (length M, normalised here); both are copied. */
    public Posterior(INDArray particles, double[] weights) {
        this(particles, weights, false);
    }

    private Posterior(INDArray particles, double[] weights, boolean exact) {
        Objects.requireNonNull(particles, "particles");
        Objects.requireNonNull(weights, "weights");
        if (particles.rank() != 2 || particles.rows() != weights.length || weights.length == 0) {
            throw new IllegalArgumentException("need M x d particles and M weights, got "
                    + Arrays.toString(particles.shape()) + " and " + weights.length);
        }
        this.particles = particles.castTo(DataType.FLOAT).dup('c');
        this.weights = exact ? checked(weights) : normalised(weights);
    }

    /** M equally weighted draws from the prior. */
    public static Posterior fromPrior(Prior prior, int m, Random rng) {
        if (m < 2) {
            throw new IllegalArgumentException("need at least 2 particles, got " + m);
        }
        double[] w = new double[m];
        Arrays.fill(w, 1.0 / m);
        return new Posterior(prior.sample(m, rng), w);
    }

    /**
     * The working form of a belief, in ND4J memory of the current workspace. Its weights are kept bit for bit, so
     * that keeping, storing and reloading a session never changes its belief.
     */
    public static Posterior of(Belief belief) {
        return new Posterior(Buffers.fromArray(belief.particlesShared(), belief.size(), belief.dimension()),
                belief.weightsShared(), true);
    }

    /** This posterior as a {@link Belief}: plain Java values with the mean and effective sample size computed once. */
    public Belief belief() {
        return new Belief(dimension(), Buffers.toArray(particles), weights.clone(), mean());
    }

    /** Number of particles M. */
    public int size() {
        return weights.length;
    }

    /** Dimension d. */
    public int dimension() {
        return (int) particles.columns();
    }

    /** The particles; callers must not modify them. */
    public INDArray particles() {
        return particles;
    }

    /** The weights (a copy). */
    public double[] weights() {
        return weights.clone();
    }

    /** The weights rounded to float32, as the kernels use them (a new array). */
    public float[] floatWeights() {
        float[] f = new float[weights.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) weights[i];
        }
        return f;
    }

    /** The weights as a {@code 1 × M} float row, for products. */
    public INDArray weightRow() {
        return Buffers.fromArray(floatWeights(), 1, weights.length);
    }

    /** Posterior mean {@code w̄ = Σ πⱼ wⱼ}: the best recommendation is the item maximising {@code w̄·x}. */
    public float[] mean() {
        return weightRow().mmul(particles).toFloatVector();
    }

    /** Effective sample size {@code 1 / Σ πⱼ²}. */
    public double effectiveSampleSize() {
        return Belief.effectiveSampleSize(weights);
    }

    /** Particle j as an array. */
    public float[] particle(int j) {
        return particles.getRow(j).toFloatVector();
    }

    /**
     * Draws one particle index with probability equal to its weight (a Thompson sample).
     */
    public int sampleIndex(Random rng) {
        double u = rng.nextDouble();
        double c = 0;
        for (int j = 0; j < weights.length; j++) {
            c += weights[j];
            if (u < c) {
                return j;
            }
        }
        return weights.length - 1;
    }

    /**
     * The posterior after one more answer. {@code history} holds every answer so far including this one
     * (last); it is only read when the cloud is rejuvenated.
     */
    public Posterior observe(Observation answer, List<Observation> history, ChoiceModel model, Prior prior,
                             Rejuvenation rejuvenation, Random rng) {
        if (answer.dimension() != dimension()) {
            throw new IllegalArgumentException("answer has dimension " + answer.dimension() + ", posterior " + dimension());
        }
        INDArray logLik = model.logChoiceProbabilities(particles, answer.slateMatrix()).getColumn(answer.chosen());
        double[] ll = logLik.toDoubleVector();
        double[] logW = new double[weights.length];
        for (int j = 0; j < logW.length; j++) {
            logW[j] = Math.log(weights[j]) + ll[j];
        }
        double[] w = fromLog(logW);
        Posterior updated = new Posterior(particles, w);
        if (updated.effectiveSampleSize() < weights.length / 2.0) {
            updated = updated.resample(rng);
            if (rejuvenation != null) {
                updated = rejuvenation.apply(updated, history, model, prior, rng);
            }
        }
        return updated;
    }

    /** Systematic resampling to M equally weighted particles. */
    public Posterior resample(Random rng) {
        int m = weights.length;
        int[] picks = SystematicResampling.draw(weights, m, rng);
        INDArray resampled = Nd4j.pullRows(particles, 1, picks);
        double[] uniform = new double[m];
        Arrays.fill(uniform, 1.0 / m);
        return new Posterior(resampled, uniform);
    }

    private static double[] fromLog(double[] logW) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : logW) {
            max = Math.max(max, v);
        }
        double[] w = new double[logW.length];
        for (int j = 0; j < w.length; j++) {
            w[j] = Math.exp(logW[j] - max);
        }
        return w;
    }

    private static double[] checked(double[] w) {
        for (double v : w) {
            if (!(v >= 0) || !Double.isFinite(v)) {
                throw new IllegalArgumentException("weights must be finite and non-negative");
            }
        }
        return w.clone();
    }

    private static double[] normalised(double[] w) {
        double s = 0;
        for (double v : w) {
            if (!(v >= 0) || !Double.isFinite(v)) {
                throw new IllegalArgumentException("weights must be finite and non-negative");
            }
            s += v;
        }
        if (!(s > 0)) {
            throw new IllegalArgumentException("weights sum to zero");
        }
        double[] out = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            out[i] = w[i] / s;
        }
        return out;
    }
}
