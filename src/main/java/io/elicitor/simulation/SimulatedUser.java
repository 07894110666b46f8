package io.elicitor.simulation;

import io.elicitor.evoi.EngineWorkspace;
import io.elicitor.evoi.ItemMatrix;
import io.elicitor.evoi.belief.Logit;
import io.elicitor.evoi.belief.Prior;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A user whose true utility vector {@code w*} is known: answers a slate by the multinomial logit with
 * inverse temperature λ (or always the truly best item when noiseless), and scores recommendations by
 * normalised regret.
 */
public final class SimulatedUser {
    private final float[] truth;
    private final double[] utilities;
    private final int best;
    private final double range;

    /** A user with true vector {@code truth} over the catalog {@code items}. Costs one pass over the catalog. */
    public SimulatedUser(float[] truth, ItemMatrix items) {
        if (truth.length != items.dimension()) {
            throw new IllegalArgumentException("user vector has dimension " + truth.length + ", catalog " + items.dimension());
        }
        this.truth = truth.clone();
        float[] scores = items.scores(truth);
        this.utilities = new double[scores.length];
        double sum = 0;
        int arg = 0;
        for (int i = 0; i < scores.length; i++) {
            utilities[i] = scores[i];
            sum += scores[i];
            if (scores[i] > scores[arg]) {
                arg = i;
            }
        }
        this.best = arg;
        // The user's utility range: regret is reported as a share of it, so users with flat or steep
        // preferences weigh the same.
        this.range = utilities[arg] - sum / scores.length;
    }

    /**
     * The users of an {@code .npy} file of true vectors (n × d), at most {@code max} of them (null: all).
     *
     * @throws IllegalArgumentException when its columns are not the catalog's dimension
     */
    public static List<SimulatedUser> fromNpy(java.nio.file.Path file, Integer max, ItemMatrix items)
            throws java.io.IOException, io.elicitor.catalog.CatalogException {
        io.elicitor.catalog.Npy.Matrix m;
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            m = io.elicitor.catalog.Npy.read(in, file.toString());
        }
        if (m.columns() != items.dimension()) {
            throw new IllegalArgumentException(file + " has " + m.columns() + " columns; catalog dimension is "
                    + items.dimension());
        }
        return fromRows(m.data(), max == null ? m.rows() : Math.min(max, m.rows()), items);
    }

    /** One user per row of {@code rowMajor} ({@code rows × d}, d the catalog's dimension). */
    public static List<SimulatedUser> fromRows(float[] rowMajor, int rows, ItemMatrix items) {
        int d = items.dimension();
        if (rows < 0 || rowMajor.length < (long) rows * d) {
            throw new IllegalArgumentException(rows + " rows of dimension " + d + " need " + (long) rows * d
                    + " values, got " + rowMajor.length);
        }
        List<SimulatedUser> out = new ArrayList<>(rows);
        for (int r = 0; r < rows; r++) {
            float[] w = new float[d];
            System.arraycopy(rowMajor, r * d, w, 0, d);
            out.add(new SimulatedUser(w, items));
        }
        return out;
    }

    /** {@code n} users drawn from {@code prior} with {@code rng}. */
    public static List<SimulatedUser> drawnFrom(Prior prior, int n, Random rng, ItemMatrix items) {
        float[] w = EngineWorkspace.outside(() -> prior.sample(n, rng).dup('c').data().asFloat());
        return fromRows(w, n, items);
    }

    /** The true utility vector. */
    public float[] truth() {
        return truth.clone();
    }

    /** Catalog index of the user's truly best item. */
    public int bestItem() {
        return best;
    }

    /** True utility of item {@code i}. */
    public double utility(int i) {
        return utilities[i];
    }

    /** {@code (max_y w*·y − w*·rec) / (max_y w*·y − mean_y w*·y)}; 0 when the catalog is flat for this user. */
    public double normalisedRegret(int recommended) {
        return range > 0 ? (utilities[best] - utilities[recommended]) / range : 0.0;
    }

    /**
     * The position in {@code slate} the user picks: a draw from {@code softmax(λ w*·q)}, or the argmax when
     * {@code noiseless}. One {@code nextDouble} from {@code rng} either way, so paired runs stay aligned.
     */
    public int choose(int[] slate, double lambda, boolean noiseless, Random rng) {
        return pick(slateUtilities(slate), lambda, noiseless, rng.nextDouble());
    }

    /** Whether position {@code chosen} holds the truly best item of the slate. */
    public boolean isBestOf(int[] slate, int chosen) {
        return isLargest(slateUtilities(slate), chosen);
    }

    /**
     * The option the user picks among k partial items ({@code k × d} vectors, 0 where an attribute is not shown):
     * the same logit over {@code w*·x_S}, since the attributes not shown are equal and cancel. One
     * {@code nextDouble} from {@code rng}, as {@link #choose}.
     */
    public int chooseOption(float[] options, int k, double lambda, boolean noiseless, Random rng) {
        return pick(optionUtilities(options, k), lambda, noiseless, rng.nextDouble());
    }

    /** Whether option {@code chosen} is the truly best of the k options. */
    public boolean isBestOption(float[] options, int k, int chosen) {
        return isLargest(optionUtilities(options, k), chosen);
    }

    /** The answer to options of these true utilities: a logit draw at {@code u}, or the first best when noiseless. */
    private static int pick(double[] shown, double lambda, boolean noiseless, double u) {
        int arg = 0;
        for (int i = 1; i < shown.length; i++) {
            arg = shown[i] > shown[arg] ? i : arg;
        }
        return noiseless ? arg : Logit.EXACT.sample(lambda, shown, u);
    }

    private static boolean isLargest(double[] shown, int chosen) {
        for (double v : shown) {
            if (v > shown[chosen]) {
                return false;
            }
        }
        return true;
    }

    private double[] slateUtilities(int[] slate) {
        double[] out = new double[slate.length];
        for (int i = 0; i < slate.length; i++) {
            out[i] = utilities[slate[i]];
        }
        return out;
    }

    private double[] optionUtilities(float[] options, int k) {
        int d = options.length / k;
        double[] out = new double[k];
        for (int i = 0; i < k; i++) {
            for (int c = 0; c < d; c++) {
                out[i] += (double) options[i * d + c] * truth[c];
            }
        }
        return out;
    }

    /** 0-based rank of item {@code i} in this user's true ordering of the catalog (0 = best). */
    public int rank(int i) {
        int better = 0;
        for (double u : utilities) {
            if (u > utilities[i]) {
                better++;
            }
        }
        return better;
    }
}
