package io.elicitor.evoi.partial;

import io.elicitor.evoi.Buffers;
import io.elicitor.evoi.gradient.Adam;
import java.util.Arrays;
import java.util.List;

/**
 * One session's ascent over partial options ({@link GradientPartial}), stepped from outside: the caller computes
 * each step's query gradient at {@link #options()}, alone ({@code SlateObjective}) or stacked with other sessions'
 * ({@code StackedObjective}), and hands it to {@link #apply}. Every {@code checkEvery} steps and at the end the
 * queries are rounded to what a person is shown and added to the candidates. Not thread-safe.
 */
final class OptionAscent {
    private final AttributeSpace space;
    private final List<int[]> subsets;
    private final OptionRelaxation relaxation;
    private final float[] parameters;
    private final Adam adam;
    private final float[] pool;
    private final double utilityScale;
    private final int steps;
    private final double rate;
    private final int checkEvery;
    private final int k;
    private final List<int[]> candidateSubsets;
    private final List<float[]> candidates;
    private int step;

    /** The ascent of {@code starts} (one query each, over {@code subsets}), adding checkpoints to the candidates. */
    OptionAscent(PartialContext c, List<int[]> subsets, float[] starts, int steps, double rate, int checkEvery,
                 List<int[]> candidateSubsets, List<float[]> candidates) {
        this.space = c.space();
        this.k = c.slateSize();
        this.subsets = subsets;
        this.relaxation = new OptionRelaxation(space, subsets, k);
        this.parameters = relaxation.parameters(starts);
        this.adam = new Adam(parameters.length);
        this.pool = Buffers.toArray(c.catalog().rows(c.evaluator().pool().items()));
        this.utilityScale = c.evaluator().utilityScale();
        this.steps = steps;
        this.rate = rate;
        this.checkEvery = checkEvery;
        this.candidateSubsets = candidateSubsets;
        this.candidates = candidates;
    }

    /** Whether every step has been taken. */
    boolean done() {
        return step >= steps;
    }

    /** The relaxed options of every query now ({@code B·k × d}, row-major): where the next gradient is taken. */
    float[] options() {
        return relaxation.options(parameters);
    }

    /** The best response's smoothing τ for the next step. */
    double temperature() {
        return GradientPartial.temperature(utilityScale, step + 1, steps);
    }

    /** The vectors of the pool recommendations come from ({@code P × d}, row-major). */
    float[] pool() {
        return pool;
    }

    /** One Adam step along the query gradient taken at {@link #options()}, then the projection and any checkpoint. */
    void apply(float[] queryGradient) {
        if (done()) {
            throw new IllegalStateException("all " + steps + " steps taken");
        }
        step++;
        adam.ascend(parameters, relaxation.parameterGradient(parameters, queryGradient), rate);
        relaxation.project(parameters);
        if (step % checkEvery == 0 || step == steps) {
            float[] shown = relaxation.options(parameters);
            int d = space.dimension();
            for (int q = 0; q < subsets.size(); q++) {
                float[] query = Arrays.copyOfRange(shown, q * k * d, (q + 1) * k * d);
                space.round(query, subsets.get(q));
                candidateSubsets.add(subsets.get(q));
                candidates.add(query);
            }
        }
    }
}
