package io.elicitor.evoi.partial;

import io.elicitor.evoi.Buffers;
import io.elicitor.evoi.gradient.Adam;
import io.elicitor.evoi.gradient.SlateObjective;
import io.elicitor.evoi.gradient.SoftBestResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Which s attributes to show, when the subsets are too many to list ({@code C(A, s)} above
 * {@link PartialGrid#MAX_SUBSETS}): a relaxed mask. Every option sets every attribute, and a mask {@code m ∈ [0,1]^A},
 * shared by the options of a query (they all show the same attributes), scales each attribute's columns; the mask is
 * kept on the capped simplex {@code Σ m = s} and ascends the same smoothed Monte Carlo EVOI as the option values,
 * with them. At the end each restart's mask is rounded to its s largest entries: the proposed subsets, whose grid
 * seeds then join the sampled subsets' ({@link GradientPartial}). An attribute no particle weighs gets no gradient
 * and sinks below those that matter, which a sample of subsets finds only by luck.
 *
 * <p>Costs what {@code restarts} queries over all {@code d} columns cost {@link GradientPartial} per step:
 * {@code O(steps · restarts·k·d·(M + P))}. Not thread-safe; one per selection.
 */
final class SubsetMask {
    /** Mask restarts; each starts from random grid values and levels. */
    static final int RESTARTS = 8;

    private final PartialContext c;
    private final int restarts;
    private final int steps;
    private final double rate;

    SubsetMask(PartialContext c, int restarts, int steps, double rate) {
        if (restarts < 1 || steps < 1 || !(rate > 0)) {
            throw new IllegalArgumentException("need restarts >= 1, steps >= 1, rate > 0");
        }
        this.c = c;
        this.restarts = restarts;
        this.steps = steps;
        this.rate = rate;
    }

    /** The distinct rounded subsets (ascending attribute indices), each with at least k grid options. */
    List<int[]> propose() {
        AttributeSpace space = c.space();
        int a = space.size();
        int d = space.dimension();
        int k = c.slateSize();
        int s = c.attributeCount();
        int[] all = new int[a];
        Arrays.setAll(all, i -> i);
        List<int[]> subsets = new ArrayList<>(restarts);
        for (int q = 0; q < restarts; q++) {
            subsets.add(all);
        }
        int[] owner = owners(space);
        OptionRelaxation relaxation = new OptionRelaxation(space, subsets, k);
        float[] parameters = relaxation.parameters(randomOptions(space, restarts * k));
        float[] mask = new float[restarts * a];
        Arrays.fill(mask, s / (float) a);
        float[] pool = Buffers.toArray(c.catalog().rows(c.evaluator().pool().items()));
        SlateObjective objective = new SlateObjective(c.evaluator().posterior(), c.lambda());
        SoftBestResponse responses = new SoftBestResponse(pool, d);
        Adam values = new Adam(parameters.length);
        Adam masks = new Adam(mask.length);
        double scale = c.evaluator().utilityScale();
        for (int step = 1; step <= steps; step++) {
            float[] x = relaxation.options(parameters);
            float[] shown = x.clone();
            for (int r = 0; r < restarts * k; r++) {
                for (int col = 0; col < d; col++) {
                    shown[r * d + col] *= owner[col] < 0 ? 0f : mask[(r / k) * a + owner[col]];
                }
            }
            float[] recommendations = responses.of(objective.answerVectors(shown, k),
                    GradientPartial.temperature(scale, step, steps));
            float[] g = objective.evaluate(shown, recommendations, k).queryGradient();
            float[] valueGradient = new float[g.length];
            float[] maskGradient = new float[mask.length];
            for (int r = 0; r < restarts * k; r++) {
                for (int col = 0; col < d; col++) {
                    if (owner[col] >= 0) {
                        int m = (r / k) * a + owner[col];
                        valueGradient[r * d + col] = g[r * d + col] * mask[m];
                        maskGradient[m] += g[r * d + col] * x[r * d + col];
                    }
                }
            }
            values.ascend(parameters, relaxation.parameterGradient(parameters, valueGradient), rate);
            masks.ascend(mask, maskGradient, rate);
            relaxation.project(parameters);
            for (int q = 0; q < restarts; q++) {
                projectCapped(mask, q * a, a, s);
            }
        }
        List<int[]> out = new ArrayList<>();
        for (int q = 0; q < restarts; q++) {
            int[] subset = largest(mask, q * a, a, s);
            if (PartialGrid.hasOptions(space, subset, k) && out.stream().noneMatch(o -> Arrays.equals(o, subset))) {
                out.add(subset);
            }
        }
        return out;
    }

    /** The attribute owning each column, or −1 for a column no attribute owns. */
    private static int[] owners(AttributeSpace space) {
        int[] owner = new int[space.dimension()];
        Arrays.fill(owner, -1);
        for (int i = 0; i < space.size(); i++) {
            for (int col : space.attribute(i).columns()) {
                owner[col] = i;
            }
        }
        return owner;
    }

    /** {@code rows} options setting every attribute: a random grid value, or a random level one-hot. */
    private float[] randomOptions(AttributeSpace space, int rows) {
        int d = space.dimension();
        float[] x = new float[rows * d];
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < space.size(); i++) {
                AttributeSpace.Attribute at = space.attribute(i);
                int pick = c.rng().nextInt(at.choices());
                if (at.categorical()) {
                    x[r * d + at.columns()[pick]] = 1f;
                } else {
                    x[r * d + at.columns()[0]] = at.grid()[pick];
                }
            }
        }
        return x;
    }

    /**
     * Euclidean projection of {@code m[from, from+n)} onto {@code {0 ≤ m ≤ 1, Σ m = s}}: {@code clip(m − θ, 0, 1)}
     * with θ found by bisection (the sum falls monotonically in θ).
     */
    static void projectCapped(float[] m, int from, int n, int s) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = from; i < from + n; i++) {
            lo = Math.min(lo, m[i] - 1.0);
            hi = Math.max(hi, m[i]);
        }
        for (int it = 0; it < 60; it++) {
            double theta = (lo + hi) / 2;
            double sum = 0;
            for (int i = from; i < from + n; i++) {
                sum += Math.max(0, Math.min(1, m[i] - theta));
            }
            if (sum > s) {
                lo = theta;
            } else {
                hi = theta;
            }
        }
        double theta = (lo + hi) / 2;
        for (int i = from; i < from + n; i++) {
            m[i] = (float) Math.max(0, Math.min(1, m[i] - theta));
        }
    }

    /** Indices of the s largest entries of {@code m[from, from+n)} (ties to the lower index), ascending. */
    static int[] largest(float[] m, int from, int n, int s) {
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -m[from + i]).thenComparingInt(i -> i));
        int[] out = new int[s];
        for (int i = 0; i < s; i++) {
            out[i] = order[i];
        }
        Arrays.sort(out);
        return out;
    }
}
