package io.elicitor.evoi.belief;

import io.elicitor.evoi.Buffers;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

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
        double[] currentLog = logTarget(current, history, model, prior);
        // Proposals and accepted rows live in plain arrays and enter ND4J by one bulk copy per sweep: row views
        // (getRow/putRow) and Nd4j.create(float[]) / asFloat() copy element by element, which was most of an
        // answer's time besides the Gaussian draws (evoi/RESULTS.md, issue 17 profiles). noise·step + current is
        // the same float arithmetic ND4J's muliRowVector/addi did, so the particles are the same to the bit.
        float[] kept = Buffers.toArray(current);
        float[] proposed = new float[m * d];
        // The proposal noise comes from a SplittableRandom seeded from rng: its nextGaussian (a ziggurat) is several
        // times cheaper than Random's polar method on a synchronised seed, which took half of an answer's time at
        // d = 32 (3 sweeps × M·d draws). Still one seeded stream, so sessions replay exactly.
        SplittableRandom noise = new SplittableRandom(rng.nextLong());
        for (int s = 0; s < steps; s++) {
            for (int i = 0; i < proposed.length; i++) {
                proposed[i] = (float) noise.nextGaussian();
            }
            for (int j = 0; j < m; j++) {
                for (int c = 0; c < d; c++) {
                    int i = j * d + c;
                    proposed[i] = proposed[i] * stepSize[c] + kept[i];
                }
            }
            double[] proposalLog = logTarget(Buffers.fromArray(proposed, m, d), history, model, prior);
            for (int j = 0; j < m; j++) {
                double u = rng.nextDouble();
                if (Math.log(u) < proposalLog[j] - currentLog[j]) {
                    System.arraycopy(proposed, j * d, kept, j * d, d);
                    currentLog[j] = proposalLog[j];
                }
            }
        }
        current = Buffers.fromArray(kept, m, d);
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
