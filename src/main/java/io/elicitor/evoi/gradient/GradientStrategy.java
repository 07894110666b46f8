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
 *   <li>from each seed, Adam ascent on {@code F(Q, Y)} with every query vector a softmax mixture of pool
 *       items and Y the per-answer argmax over the pool, all restarts batched into one tensor
 *       ({@link MixtureAscent});</li>
 *   <li>map back to real items at a few checkpoints: the largest mixture weight, the nearest pool item,
 *       and the top expected-utility item per answer, each de-duplicated within the slate;</li>
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
     */
    public record Settings(int restarts, int steps, double rate, int swapStarts, int swapRounds, int swapKeep,
                           int anchors, int screeningParticles) {
        /** Validates every field. */
        public Settings {
            if (restarts < anchors + 1 || anchors < 1 || steps < 0 || !(rate > 0) || swapStarts < 0 || swapRounds < 0
                    || swapKeep < 1 || screeningParticles < 0) {
                throw new IllegalArgumentException("need 1 <= anchors < restarts, steps >= 0, rate > 0, swapKeep >= 1 and non-negative counts");
            }
        }

        /** The defaults measured in evoi/RESULTS.md. */
        public static Settings defaults() {
            return new Settings(8, 6, 0.5, 2, 3, 3, 4, 256);
        }
    }

    /** A gradient strategy with the given settings. */
    public GradientStrategy(Settings settings) {
        this.settings = java.util.Objects.requireNonNull(settings, "settings");
    }

    /** A gradient strategy with {@link Settings#defaults()}. */
    public GradientStrategy() {
        this(Settings.defaults());
    }

    @Override
    public String name() {
        return "gradient";
    }

    @Override
    public int[] select(QueryContext c) {
        PoolScores pool = c.poolScores();
        int k = c.slateSize();
        PoolScores screen = pool.screening(settings.screeningParticles(), c.rng());
        INDArray particles = screen == pool ? c.posterior().particles()
                : Nd4j.pullRows(c.posterior().particles(), 1, screen.particleIndex());
        int[][] seeds = seeds(pool, screen, k, c.posterior(), c.rng());
        int steps = settings.steps();
        INDArray poolVectors = c.catalog().rows(pool.items());
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

        Map<String, int[]> candidates = new LinkedHashMap<>();
        for (int[] s : seeds) {
            candidates.putIfAbsent(PoolScores.key(s), s);
        }
        int seedCount = candidates.size();
        if (steps > 0) {
            MixtureAscent ascent = new MixtureAscent(screen, poolVectors, particles, k, seeds.length);
            ascent.start(seeds, Math.log(pool.size()) + 2.0);
            int checkpoint = Math.max(1, steps / 2);
            for (int step = 1; step <= steps; step++) {
                ascent.value(null);
                ascent.gradient();
                ascent.adamStep(settings.rate());
                if (step % checkpoint == 0 || step == steps) {
                    ascent.value(null);
                    add(candidates, ascent.largestWeights());
                    add(candidates, ascent.nearestItems(poolArray, poolNorms));
                    add(candidates, ascent.recommendations());
                }
            }
        }

        List<int[]> list = new ArrayList<>(candidates.values());
        SlateValues values = c.evaluator().values(pool.toCatalog(list));
        double[] peu = values.peu();
        if (settings.swapStarts() > 0 && settings.swapRounds() > 0) {
            SlotScan scan = new SlotScan(screen, particles, poolVectors, k);
            SwapSearch search = new SwapSearch(pool, c.evaluator(), scan, settings.swapKeep());
            // Starts: the best seeds, plus the best slate the ascent found beyond them. Keeping the seeds' starts
            // makes the result at least as good as the same search without the ascent.
            List<Integer> starts = best(peu, 0, seedCount, settings.swapStarts());
            starts.addAll(best(peu, seedCount, peu.length, 1));
            // Only the slates the swaps found that are not candidates yet need scoring.
            List<int[]> found = new ArrayList<>();
            for (int i : starts) {
                int[] s = search.improve(list.get(i), peu[i], settings.swapRounds()).slate();
                if (candidates.putIfAbsent(PoolScores.key(s), s) == null) {
                    found.add(s);
                }
            }
            if (!found.isEmpty()) {
                values = values.followedBy(c.evaluator().values(pool.toCatalog(found)));
                list.addAll(found);
            }
        }
        return pool.toCatalog(list.get(values.best(c.evaluator().tieTolerance())));
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

    /** Indices in {@code [from, to)} of the {@code n} largest values, best first. */
    private static List<Integer> best(double[] values, int from, int to, int n) {
        List<Integer> out = new ArrayList<>();
        if (from >= to || n <= 0) {
            return out;
        }
        TopK top = new TopK(n);
        for (int i = from; i < to; i++) {
            top.offer(i, values[i]);
        }
        for (int i : top.indices()) {
            out.add(i);
        }
        return out;
    }

    private static void add(Map<String, int[]> candidates, int[][] slates) {
        for (int[] s : slates) {
            candidates.putIfAbsent(PoolScores.key(s), s);
        }
    }
}
