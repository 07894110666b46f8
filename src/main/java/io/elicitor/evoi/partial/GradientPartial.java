package io.elicitor.evoi.partial;

import io.elicitor.evoi.Buffers;
import io.elicitor.evoi.gradient.Adam;
import io.elicitor.evoi.gradient.SlateObjective;
import io.elicitor.evoi.gradient.SoftBestResponse;
import io.elicitor.evoi.value.SlateValues;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Gradient ascent of the Monte Carlo EVOI over continuous option values: the question only a gradient method
 * can ask well, since the values of partial items form a continuum that cannot be listed.
 *
 * <p>Seeds are greedy's grid query of every attribute subset ({@link GreedyPartial}; where the subsets are too
 * many to list, greedy's seeded sample of them and those a relaxed attribute mask proposes, {@link SubsetMask});
 * the {@code leading} subsets with the largest seed EVOI each get that seed refined by grid coordinate ascent
 * ({@link PartialGrid#refine}) and {@code restarts − 1} random grid queries, and all of them ascend together
 * as one batch. A numeric value is a parameter projected onto its observed range after
 * every step; a categorical attribute is a softmax over its levels (its parameters are the level logits).
 * The gradient is analytic: it is that of the smoothed PEU {@code Σᵢ τ log Σ_y exp(vᵢ·y / τ)} over the pool,
 * {@code λ Σⱼ πⱼ R_lj (wⱼ·ỹ_l − Σᵢ Rᵢⱼ wⱼ·ỹᵢ) wⱼ} ({@link SlateObjective}) with each answer's recommendation
 * the soft best response {@code ỹᵢ} ({@link SoftBestResponse}); τ anneals from {@link #START_TEMPERATURE} to
 * {@link #END_TEMPERATURE} of the utility scale, so the ascent ends on PEU itself (with the hard maximum the
 * gradient is 0 wherever every answer leads to the same item). Per step: the answers' value vectors, the soft
 * best responses over the pool, and the query gradient, a few {@code B·k}-row products.
 *
 * <p>Every {@code checkEvery} steps and at the end each query is rounded to what a person is shown (values to
 * their decimals, levels to the largest) and scored exactly; the answer is the best of those and of every seed,
 * so it is never worse than its best seed. Costs {@code O(steps · B·k·d·(M + P))}.
 */
public final class GradientPartial implements PartialStrategy {
    /** Smoothing of the best response at the first step, as a fraction of the utility scale. */
    static final double START_TEMPERATURE = 0.3;
    /** ... and at the last: nearly the hard maximum. */
    static final double END_TEMPERATURE = 0.003;
    /** Sweeps of grid coordinate ascent ({@link PartialGrid#refine}) on each leading subset's seed. */
    static final int REFINE_SWEEPS = 2;
    private final String name;
    private final int leading;
    private final int restarts;
    private final int steps;
    private final double rate;
    private final int checkEvery;

    /** The defaults: 32 leading subsets × 2 restarts, 30 Adam steps at rate 0.1 (standardised units). */
    public GradientPartial() {
        this(32, 2, 30, 0.1, 10);
    }

    /** The same seeds and grid refinement without any ascent: the ablation that shows what the ascent adds. */
    public static GradientPartial withoutAscent() {
        return new GradientPartial("gradient-no-ascent", 32, 2, 0, 0.1, 10);
    }

    /** Explicit settings (for ablations: {@code steps = 0} returns the best refined seed, without any ascent). */
    public GradientPartial(int leading, int restarts, int steps, double rate, int checkEvery) {
        this("gradient", leading, restarts, steps, rate, checkEvery);
    }

    private GradientPartial(String name, int leading, int restarts, int steps, double rate, int checkEvery) {
        this.name = name;
        if (leading < 1 || restarts < 1 || steps < 0 || !(rate > 0) || checkEvery < 1) {
            throw new IllegalArgumentException("need leading >= 1, restarts >= 1, steps >= 0, rate > 0, checkEvery >= 1");
        }
        this.leading = leading;
        this.restarts = restarts;
        this.steps = steps;
        this.rate = rate;
        this.checkEvery = checkEvery;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public PartialQuery select(PartialContext c) {
        int d = c.space().dimension();
        int k = c.slateSize();
        GreedyPartial.Seeds seeds = GreedyPartial.seeds(c);
        if (steps > 0 && c.space().subsetCount(c.attributeCount()) > PartialGrid.MAX_SUBSETS) {
            // Too many subsets to list: greedy's sample, plus those a relaxed mask ascends to.
            seeds = seeds.with(c, new SubsetMask(c, SubsetMask.RESTARTS, steps, rate).propose());
        }
        List<int[]> candidateSubsets = new ArrayList<>(seeds.subsets());
        List<float[]> candidates = new ArrayList<>(seeds.queries());
        SlateValues seedValues = PartialGrid.values(c.evaluator(), concat(seeds.queries()), k, d);
        Integer[] order = new Integer[seeds.subsets().size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Double.compare(seedValues.evoi()[b], seedValues.evoi()[a]));
        List<int[]> batchSubsets = new ArrayList<>();
        List<float[]> starts = new ArrayList<>();
        for (int l = 0; l < Math.min(leading, order.length); l++) {
            int[] subset = seeds.subsets().get(order[l]);
            float[] grid = seeds.grids().get(order[l]);
            int n = grid.length / d;
            float[] refined = PartialGrid.rows(grid, d,
                    PartialGrid.refine(c.evaluator(), grid, n, seeds.picks().get(order[l]), REFINE_SWEEPS));
            candidateSubsets.add(subset);
            candidates.add(refined);
            for (int r = 0; r < restarts; r++) {
                batchSubsets.add(subset);
                starts.add(r == 0 ? refined : PartialGrid.rows(grid, d, c.rng().ints(0, n).distinct().limit(k).toArray()));
            }
        }
        // Where the grid can be listed, its optimum is a seed too: the ascent then starts from the best grid query
        // and the strategy is never below the exhaustive grid search (on vega movies, pairs over two attributes,
        // greedy's seeds and local refinement alone sat in other corners: 0.96 of it).
        ExhaustivePartial.gridOptimum(c, seeds).ifPresent(best -> {
            candidateSubsets.add(best.attributes());
            candidates.add(best.options());
            batchSubsets.add(best.attributes());
            starts.add(best.options());
        });
        if (steps > 0) {
            ascend(c, batchSubsets, starts, candidateSubsets, candidates);
        }
        return PartialGrid.best(c.evaluator(), candidateSubsets, candidates, k);
    }

    /** Ascends the starts as one batch, adding each checkpoint's rounded queries to the candidates. */
    private void ascend(PartialContext c, List<int[]> subsets, List<float[]> starts, List<int[]> candidateSubsets,
                        List<float[]> candidates) {
        AttributeSpace space = c.space();
        int d = space.dimension();
        int k = c.slateSize();
        int b = starts.size();
        OptionRelaxation relaxation = new OptionRelaxation(space, subsets, k);
        float[] parameters = relaxation.parameters(concat(starts));
        float[] pool = Buffers.toArray(c.catalog().rows(c.evaluator().pool().items()));
        SlateObjective objective = new SlateObjective(c.evaluator().posterior(), c.lambda());
        Adam adam = new Adam(parameters.length);
        SoftBestResponse responses = new SoftBestResponse(pool, d);
        double scale = c.evaluator().utilityScale();
        for (int step = 1; step <= steps; step++) {
            float[] x = relaxation.options(parameters);
            float[] recommendations = responses.of(objective.answerVectors(x, k), temperature(scale, step, steps));
            float[] gradient = objective.evaluate(x, recommendations, k).queryGradient();
            adam.ascend(parameters, relaxation.parameterGradient(parameters, gradient), rate);
            relaxation.project(parameters);
            if (step % checkEvery == 0 || step == steps) {
                float[] shown = relaxation.options(parameters);
                for (int q = 0; q < b; q++) {
                    float[] query = Arrays.copyOfRange(shown, q * k * d, (q + 1) * k * d);
                    space.round(query, subsets.get(q));
                    candidateSubsets.add(subsets.get(q));
                    candidates.add(query);
                }
            }
        }
    }

    /**
     * τ at {@code step} of {@code steps} (from 1): geometric from {@link #START_TEMPERATURE} to
     * {@link #END_TEMPERATURE} of the utility scale, the schedule of every ascent over partial options.
     */
    static double temperature(double utilityScale, int step, int steps) {
        return utilityScale * START_TEMPERATURE
                * Math.pow(END_TEMPERATURE / START_TEMPERATURE, (step - 1) / (double) Math.max(1, steps - 1));
    }

    private static float[] concat(List<float[]> parts) {
        int n = 0;
        for (float[] p : parts) {
            n += p.length;
        }
        float[] out = new float[n];
        int at = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
