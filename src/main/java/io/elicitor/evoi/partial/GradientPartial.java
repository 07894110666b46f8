package io.elicitor.evoi.partial;

import io.elicitor.evoi.EngineWorkspace;
import io.elicitor.evoi.belief.Posterior;
import io.elicitor.evoi.gradient.SlateObjective;
import io.elicitor.evoi.gradient.SoftBestResponse;
import io.elicitor.evoi.gradient.StackedObjective;
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
        Plan plan = plan(c);
        if (plan.ascent() != null) {
            OptionAscent ascent = plan.ascent();
            SlateObjective objective = new SlateObjective(c.evaluator().posterior(), c.lambda());
            SoftBestResponse responses = new SoftBestResponse(ascent.pool(), c.space().dimension());
            int k = c.slateSize();
            while (!ascent.done()) {
                float[] x = ascent.options();
                ascent.apply(EngineWorkspace.step(() -> objective.evaluate(x,
                        responses.of(objective.answerVectors(x, k), ascent.temperature()), k).queryGradient()));
            }
        }
        return plan.best(c);
    }

    /**
     * Each context's query as {@link #select} chooses it, with the sessions' ascents run together: every step is
     * one {@link StackedObjective} evaluation for all of them instead of one set of products per session (the
     * cross-session batching of evoi/README.md, "GPU"). The contexts must agree on k, M, d and pool size; each
     * keeps its own seeds, random source and checkpoints, so the queries are those of {@code select} up to the
     * order of float additions inside the products.
     */
    public List<PartialQuery> selectAll(List<PartialContext> contexts) {
        return selectAll(contexts, StackedObjective.Form.HOST_LOOPS);
    }

    /** {@link #selectAll(List)} with each step computed in the given form. */
    public List<PartialQuery> selectAll(List<PartialContext> contexts, StackedObjective.Form form) {
        if (contexts.isEmpty()) {
            return List.of();
        }
        int k = contexts.get(0).slateSize();
        List<Plan> plans = new ArrayList<>();
        List<OptionAscent> ascents = new ArrayList<>();
        List<Posterior> posteriors = new ArrayList<>();
        List<float[]> pools = new ArrayList<>();
        List<Double> lambdas = new ArrayList<>();
        for (PartialContext c : contexts) {
            if (c.slateSize() != k) {
                throw new IllegalArgumentException("every context of a batch needs k = " + k + ", got " + c.slateSize());
            }
            Plan plan = plan(c);
            plans.add(plan);
            if (plan.ascent() != null) {
                ascents.add(plan.ascent());
                posteriors.add(c.evaluator().posterior());
                pools.add(plan.ascent().pool());
                lambdas.add(c.lambda());
            }
        }
        if (!ascents.isEmpty()) {
            StackedObjective objective = new StackedObjective(posteriors,
                    lambdas.stream().mapToDouble(Double::doubleValue).toArray(), pools);
            float[][] x = new float[ascents.size()][];
            double[] temperatures = new double[ascents.size()];
            for (int step = 0; step < steps; step++) {
                for (int s = 0; s < x.length; s++) {
                    x[s] = ascents.get(s).options();
                    temperatures[s] = ascents.get(s).temperature();
                }
                float[][] gradients = objective.queryGradients(x, temperatures, k, form);
                for (int s = 0; s < x.length; s++) {
                    ascents.get(s).apply(gradients[s]);
                }
            }
        }
        List<PartialQuery> out = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            out.add(plans.get(i).best(contexts.get(i)));
        }
        return out;
    }

    /** A context's candidates so far (seeds, refined seeds, grid optimum) and the ascent that will add to them. */
    private record Plan(List<int[]> subsets, List<float[]> candidates, OptionAscent ascent) {
        PartialQuery best(PartialContext c) {
            return PartialGrid.best(c.evaluator(), subsets, candidates, c.slateSize());
        }
    }

    /** Seeds, their refinement and the restarts: everything before the ascent, which is returned unstarted. */
    private Plan plan(PartialContext c) {
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
        OptionAscent ascent = steps > 0 ? new OptionAscent(c, batchSubsets, concat(starts), steps, rate, checkEvery,
                candidateSubsets, candidates) : null;
        return new Plan(candidateSubsets, candidates, ascent);
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
