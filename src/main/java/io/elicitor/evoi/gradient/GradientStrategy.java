package io.elicitor.evoi.gradient;

import io.elicitor.evoi.Buffers;
import io.elicitor.evoi.TopK;
import io.elicitor.evoi.belief.Posterior;
import io.elicitor.evoi.strategy.GreedyEusStrategy;
import io.elicitor.evoi.strategy.QueryContext;
import io.elicitor.evoi.strategy.QueryStrategy;
import io.elicitor.evoi.value.PoolEvaluator;
import io.elicitor.evoi.value.SlateValues;
import io.elicitor.evoi.value.PoolScores;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Gradient-based EVOI (Vendrov et al., AAAI 2020) as evoi/METHOD.md designs it for Elicitor:
 * <ol>
 *   <li>seed slates: greedy EUS's slate, greedy completions from the next best items by expected utility,
 *       the top expected-utility items, Thompson samples' best pool items and random pool items;</li>
 *   <li>only when {@link Settings#steps()} &gt; 0 (off by default: on the measured posteriors it did not raise
 *       exact EVOI beyond the seeds and the swap search, evoi/RESULTS.md "Item-query ascent"): from each seed,
 *       Adam ascent on {@code F(Q, Y)} with every query vector a tempered softmax mixture of pool items, starting
 *       with the seed item at weight {@link Settings#seedWeight()} and τ falling from 1 to
 *       {@link Settings#finalTemperature()}, Y the per-answer argmax over the pool, all restarts batched into one
 *       tensor ({@link MixtureAscent}); mapped back to real items at the half-way point and at the end (the
 *       largest mixture weight, the nearest pool item, the top expected-utility item per answer, each
 *       de-duplicated within the slate);</li>
 *   <li>re-score every seed and mapped slate by exact PEU over the pool in one batch, then improve the best
 *       seeds and the ascent's best slate by single-slot swaps over the whole pool ({@link SwapSearch},
 *       {@link SlotScan}), and ask the candidate with the largest exact EVOI, ties going to the largest EUS
 *       ({@link SlateValues#best}).</li>
 * </ol>
 * The ascent, the anchor completions and the swap scans work on a screening subsample of the particles
 * (systematic resampling, 256 by default); every candidate's final score is exact over all particles.
 * Because greedy's slate is itself a candidate and the search only accepts improvements, the result is
 * never worse than greedy EUS's by exact PEU. Cost per query is independent of the catalog size N:
 * {@code O(steps·R·k·(M + P)·d)} for the ascent, {@code O(P·k·(M + P)·d)} per swap scan, plus the exact
 * re-scoring of some tens of slates.
 *
 * <p>The tie rule matters more than it looks: on MovieLens posteriors about four questions in ten have no
 * slate with positive EVOI (no single noisy answer can change the recommendation), and choosing among
 * exact ties by float rounding amounted to asking an arbitrary candidate (evoi/RESULTS.md).
 */
public final class GradientStrategy implements QueryStrategy {
    private final String name;
    private final Settings settings;

    /**
     * Tunables of the gradient strategy, validated eagerly.
     *
     * @param restarts slates optimised together (more than {@code anchors}: the top-EU slate is always a seed)
     * @param steps Adam steps (0: seeds and swap search only)
     * @param rate Adam step size on the mixture logits
     * @param swapStarts best exactly scored candidates the swap search starts from (0 turns it off)
     * @param swapRounds best-improvement rounds per swap search
     * @param swapKeep best swaps per slot (by the scan) re-scored exactly each round
     * @param anchors greedy completions seeded, from the best items by expected utility (at least 1: greedy's own)
     * @param screeningParticles particles (systematically resampled) the ascent and the swap scans work on; 0
     *                           or at least M means all. Every candidate is still scored exactly over all M
     * @param seedWeight the mixture weight a seed item starts with, in (0, 1) (the rest spread evenly over the pool)
     * @param finalTemperature the mixture's temperature τ at the last step, in (0, 1]; it falls geometrically
     *                         from 1 at the first step, so the mixture sharpens towards what it maps back to
     */
    public record Settings(int restarts, int steps, double rate, int swapStarts, int swapRounds, int swapKeep,
                           int anchors, int screeningParticles, double seedWeight, double finalTemperature) {
        /** Validates every field. */
        public Settings {
            if (restarts < anchors + 1 || anchors < 1 || steps < 0 || !(rate > 0) || swapStarts < 0 || swapRounds < 0
                    || swapKeep < 1 || screeningParticles < 0 || !(seedWeight > 0 && seedWeight < 1)
                    || !(finalTemperature > 0 && finalTemperature <= 1)) {
                throw new IllegalArgumentException("need 1 <= anchors < restarts, steps >= 0, rate > 0, swapKeep >= 1,"
                        + " non-negative counts, seedWeight in (0, 1) and finalTemperature in (0, 1]");
            }
        }

        /** The ascent's start and annealing at their defaults. */
        public Settings(int restarts, int steps, double rate, int swapStarts, int swapRounds, int swapKeep, int anchors,
                        int screeningParticles) {
            this(restarts, steps, rate, swapStarts, swapRounds, swapKeep, anchors, screeningParticles,
                    DEFAULT_SEED_WEIGHT, DEFAULT_FINAL_TEMPERATURE);
        }

        /**
         * The defaults measured in evoi/RESULTS.md: no Adam steps (seeds and swap search), as the ascent did not
         * raise exact EVOI beyond them by more than the repeat noise; with steps, the ascent measured there runs
         * 40 at rate 0.3.
         */
        public static Settings defaults() {
            return new Settings(8, 0, 0.3, 2, 3, 3, 4, 256);
        }

        /** The same settings with another number of Adam steps. */
        public Settings withSteps(int value) {
            return new Settings(restarts, value, rate, swapStarts, swapRounds, swapKeep, anchors, screeningParticles,
                    seedWeight, finalTemperature);
        }

        /** The same settings with the swap search off: the best of the seeds and the mapped slates. */
        public Settings withoutSwaps() {
            return new Settings(restarts, steps, rate, 0, swapRounds, swapKeep, anchors, screeningParticles,
                    seedWeight, finalTemperature);
        }
    }

    /** Default {@link Settings#seedWeight()}. */
    static final double DEFAULT_SEED_WEIGHT = 0.2;
    /** Default {@link Settings#finalTemperature()}. */
    static final double DEFAULT_FINAL_TEMPERATURE = 0.3;

    /** A gradient strategy with the given settings, named {@code gradient}. */
    public GradientStrategy(Settings settings) {
        this("gradient", settings);
    }

    /** A gradient strategy under another name (ablations: {@code gradient-no-ascent} and the like). */
    public GradientStrategy(String name, Settings settings) {
        this.name = java.util.Objects.requireNonNull(name, "name");
        this.settings = java.util.Objects.requireNonNull(settings, "settings");
    }

    /** A gradient strategy with {@link Settings#defaults()}. */
    public GradientStrategy() {
        this(Settings.defaults());
    }

    @Override
    public String name() {
        return name;
    }

    /** Its settings. */
    public Settings settings() {
        return settings;
    }

    @Override
    public int[] select(QueryContext c) {
        PoolScores pool = c.poolScores();
        int k = c.slateSize();
        PoolScores screen = pool.screening(settings.screeningParticles(), c.rng());
        INDArray particles = screen == pool ? c.posterior().particles()
                : Nd4j.pullRows(c.posterior().particles(), 1, screen.particleIndex());
        int[][] seeds = seeds(pool, screen, k, c.posterior(), c.rng());
        INDArray poolVectors = c.catalog().rows(pool.items());
        Candidates candidates = new Candidates(c, pool);
        candidates.addPool(seeds);
        int seedCount = candidates.size();
        if (settings.steps() > 0) {
            ascend(pool, screen, poolVectors, particles, k, seeds, candidates);
        }
        swapSearch(candidates, seedCount, screen, particles, poolVectors, pool, c, k, settings);
        return candidates.best();
    }

    /** The mixture ascent from every seed; the slates it maps back to at the checkpoints become candidates. */
    private void ascend(PoolScores pool, PoolScores screen, INDArray poolVectors, INDArray particles, int k,
                        int[][] seeds, Candidates candidates) {
        int steps = settings.steps();
        float[] poolArray = Buffers.toArray(poolVectors);
        int d = (int) poolVectors.columns();
        float[] poolNorms = new float[pool.size()];
        for (int y = 0; y < pool.size(); y++) {
            double s = 0;
            for (int i = 0; i < d; i++) {
                s += poolArray[y * d + i] * poolArray[y * d + i];
            }
            poolNorms[y] = (float) s;
        }
        MixtureAscent ascent = new MixtureAscent(screen, poolVectors, particles, k, seeds.length);
        ascent.start(seeds, MixtureAscent.peakFor(settings.seedWeight(), pool.size()));
        int checkpoint = Math.max(1, steps / 2);
        for (int step = 1; step <= steps; step++) {
            ascent.setTemperature(Math.pow(settings.finalTemperature(), (step - 1) / (double) Math.max(1, steps - 1)));
            ascent.value(null);
            ascent.gradient();
            ascent.adamStep(settings.rate());
            if (step % checkpoint == 0 || step == steps) {
                ascent.value(null);
                candidates.addPool(ascent.largestWeights());
                candidates.addPool(ascent.nearestItems(poolArray, poolNorms));
                candidates.addPool(ascent.recommendations());
            }
        }
    }

    /**
     * The swap search from the best seeds, plus from the best slate found beyond them (so the result is at least
     * that of the same search without what came after the seeds); what it finds becomes candidates.
     */
    static void swapSearch(Candidates candidates, int seedCount, PoolScores screen, INDArray particles,
                           INDArray poolVectors, PoolScores pool, QueryContext c, int k, Settings settings) {
        if (settings.swapStarts() <= 0 || settings.swapRounds() <= 0) {
            return;
        }
        SlotScan scan = new SlotScan(screen, particles, poolVectors, k);
        SwapSearch search = new SwapSearch(pool, c.evaluator(), scan, settings.swapKeep());
        List<Integer> starts = candidates.best(0, seedCount, settings.swapStarts());
        starts.addAll(candidates.best(seedCount, candidates.size(), 1));
        candidates.swapFrom(starts, search, settings.swapRounds());
    }

    /**
     * Seed slates (pool indices): greedy EUS's slate (over all particles) and, on the screening particles, the
     * greedy completions of the next best items by expected utility (anchors); the top expected-utility slate,
     * Thompson samples, then random pool items.
     */
    int[][] seeds(PoolScores pool, PoolScores screen, int k, Posterior posterior, Random rng) {
        int restarts = settings.restarts();
        List<int[]> seeds = new ArrayList<>();
        int[] top = pool.topExpectedUtility(Math.min(pool.size(), Math.max(k, settings.anchors())));
        seeds.add(GreedyEusStrategy.slate(pool, k, top[0]));
        for (int a = 1; a < Math.min(settings.anchors(), top.length); a++) {
            seeds.add(GreedyEusStrategy.slate(screen, k, top[a]));
        }
        seeds.add(Arrays.copyOf(top, k));
        int thompson = Math.max(0, (restarts - seeds.size() + 1) / 2);
        for (int t = 0; t < thompson; t++) {
            seeds.add(thompsonSlate(pool, k, posterior, rng));
        }
        while (seeds.size() < restarts) {
            seeds.add(randomSlate(pool, k, rng, new int[0], 0));
        }
        return seeds.toArray(new int[0][]);
    }

    private static int[] thompsonSlate(PoolScores pool, int k, Posterior posterior, Random rng) {
        int[] slate = new int[k];
        int filled = 0;
        for (int draw = 0; draw < 4 * k && filled < k; draw++) {
            int y = pool.bestFor(posterior.sampleIndex(rng));
            boolean fresh = true;
            for (int i = 0; i < filled; i++) {
                fresh &= slate[i] != y;
            }
            if (fresh) {
                slate[filled++] = y;
            }
        }
        return filled == k ? slate : randomSlate(pool, k, rng, slate, filled);
    }

    /** Fills {@code prefix[filled..k)} with distinct random showable pool items. */
    private static int[] randomSlate(PoolScores pool, int k, Random rng, int[] prefix, int filled) {
        int[] slate = Arrays.copyOf(prefix, k);
        boolean[] taken = new boolean[pool.size()];
        for (int i = 0; i < filled; i++) {
            taken[slate[i]] = true;
        }
        while (filled < k) {
            int y = rng.nextInt(pool.size());
            if (pool.showable()[y] && !taken[y]) {
                taken[y] = true;
                slate[filled++] = y;
            }
        }
        return slate;
    }
}
