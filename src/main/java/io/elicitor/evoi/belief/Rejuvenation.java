package io.elicitor.evoi.belief;

import java.util.List;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Metropolis–Hastings moves applied to an equally weighted cloud after resampling. The target is
 * prior × likelihood of every answer so far, so the moves leave the exact posterior invariant while
 * spreading duplicated particles apart. The random-walk step is the cloud's per-coordinate standard
 * deviation times {@code scale}, the usual {@code 2.38/√d} adaptation. Cost per step {@code O(T·M·k·d)}.
 */
public final class Rejuvenation {
    private final int steps;
    private final double scale;

    /** {@code steps} MH sweeps with proposal scale {@code scale} (relative to the cloud's spread). */
    public Rejuvenation(int steps, double scale) {
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be >= 0, got " + steps);
        }
        if (!(scale > 0)) {
            throw new IllegalArgumentException("scale must be positive, got " + scale);
        }
        this.steps = steps;
        this.scale = scale;
    }

    /** The default: 3 sweeps, step {@code 2.38/√d} of the cloud's spread. */
    public static Rejuvenation standard(int dimension) {
        return new Rejuvenation(3, 2.38 / Math.sqrt(dimension));
    }

    /** Number of MH sweeps. */
    public int steps() {
        return steps;
    }

    /** Applies the moves; weights of the input are assumed equal. */
    public Posterior apply(Posterior posterior, List<Observation> history, ChoiceModel model, Prior prior, Random rng) {
        if (steps == 0) {
            return posterior;
        }
        int m = posterior.size();
        int d = posterior.dimension();
        INDArray current = posterior.particles().dup('c');
        INDArray std = current.std(0).castTo(DataType.FLOAT);
        float[] stepSize = std.toFloatVector();
        for (int i = 0; i < d; i++) {
            stepSize[i] = (float) (Math.max(stepSize[i], 1e-6) * scale);
        }
        INDArray stepRow = Nd4j.create(stepSize, new long[] {1, d}, 'c');
        double[] currentLog = logTarget(current, history, model, prior);
        // Accepted rows are copied between plain arrays: a row view per accepted particle (getRow/putRow) made
        // ~1,500 small ND4J arrays per answer, each with its own bookkeeping (evoi/RESULTS.md, issue 17 profile).
        float[] kept = current.data().asFloat();
        for (int s = 0; s < steps; s++) {
            float[] noise = new float[m * d];
            for (int i = 0; i < noise.length; i++) {
                noise[i] = (float) rng.nextGaussian();
            }
            INDArray proposal = Nd4j.create(noise, new long[] {m, d}, 'c').muliRowVector(stepRow).addi(current);
            double[] proposalLog = logTarget(proposal, history, model, prior);
            float[] proposed = proposal.data().asFloat();
            for (int j = 0; j < m; j++) {
                double u = rng.nextDouble();
                if (Math.log(u) < proposalLog[j] - currentLog[j]) {
                    System.arraycopy(proposed, j * d, kept, j * d, d);
                    currentLog[j] = proposalLog[j];
                }
            }
            current = Nd4j.create(kept, new long[] {m, d}, 'c');
        }
        return new Posterior(current, posterior.weights());
    }

    private static double[] logTarget(INDArray w, List<Observation> history, ChoiceModel model, Prior prior) {
        double[] lp = prior.logDensity(w);
        for (Observation o : history) {
            double[] ll = model.logChoiceProbabilities(w, o.slateMatrix()).getColumn(o.chosen()).toDoubleVector();
            for (int j = 0; j < lp.length; j++) {
                lp[j] += ll[j];
            }
        }
        return lp;
    }
}
