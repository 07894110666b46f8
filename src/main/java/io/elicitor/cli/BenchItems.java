package io.elicitor.cli;

import io.elicitor.catalog.AnnInnerProductSearch;
import io.elicitor.evoi.ItemMatrix;
import io.elicitor.evoi.gradient.EmbeddingStrategy;
import io.elicitor.evoi.gradient.GradientStrategy;
import io.elicitor.evoi.planner.StrategyRegistry;
import io.elicitor.evoi.strategy.QueryStrategy;
import io.elicitor.evoi.value.ExactInnerProductSearch;
import io.elicitor.evoi.value.InnerProductSearch;
import java.util.Locale;
import java.util.Optional;

/**
 * What {@code bench-query} adds for item queries beyond the registered strategies: the gradient strategy's
 * ablations by name, the inner-product search of a synthetic catalog (exact or the ANN index), and the paired
 * comparison of every strategy with a reference strategy on the same posteriors.
 *
 * <p>Bench-only names: {@code gradient-no-ascent} (seeds and swap search, 0 Adam steps), {@code gradient-seeds}
 * (the best seed alone: no ascent, no swaps), {@code gradient-ascent} (the mixture ascent on, whatever the
 * default), {@code gradient-ascent-only} (the same without the swap search: the best of the seeds and the
 * mapped slates), {@code gradient-embedding} ({@link EmbeddingStrategy}), {@code gradient-embedding-only} (its
 * seeds and mapped slates alone, no moves or swaps), and for tuning
 * {@code gradient-ascent/STEPS/SEEDWEIGHT/FINALTEMPERATURE/RATE}.
 */
final class BenchItems {
    /** The mixture ascent {@code gradient-ascent} runs: 40 Adam steps at rate 0.3, seed weight 0.2, τ from 1 to 0.3. */
    static final GradientStrategy.Settings ASCENT = new GradientStrategy.Settings(8, 40, 0.3, 2, 3, 3, 4, 256, 0.2, 0.3);

    private BenchItems() {}

    /** The item strategy of this name: a registered one or a bench-only ablation. */
    static Optional<QueryStrategy> strategy(StrategyRegistry registry, String name) {
        GradientStrategy.Settings base = GradientStrategy.Settings.defaults();
        switch (name) {
            case "gradient-no-ascent":
                return Optional.of(new GradientStrategy(name, base.withSteps(0)));
            case "gradient-seeds":
                return Optional.of(new GradientStrategy(name, base.withSteps(0).withoutSwaps()));
            case "gradient-ascent":
                return Optional.of(new GradientStrategy(name, ASCENT));
            case "gradient-ascent-only":
                return Optional.of(new GradientStrategy(name, ASCENT.withoutSwaps()));
            case "gradient-embedding":
                return Optional.of(new EmbeddingStrategy());
            case "gradient-embedding-only":
                return Optional.of(new EmbeddingStrategy(name, base.withoutSwaps(),
                        new EmbeddingStrategy.Settings(40, 0.1, 8, 0)));
            default:
                break;
        }
        if (name.startsWith("gradient-embedding/")) {
            String[] f = name.split("/");
            return Optional.of(new EmbeddingStrategy(name, base.withoutSwaps(), new EmbeddingStrategy.Settings(
                    Integer.parseInt(f[1]), Double.parseDouble(f[2]), Integer.parseInt(f[3]), 0)));
        }
        if (name.startsWith("gradient-ascent/")) {
            String[] f = name.split("/");
            if (f.length != 5) {
                throw new IllegalArgumentException("expected gradient-ascent/STEPS/SEEDWEIGHT/FINALTEMPERATURE/RATE, got " + name);
            }
            return Optional.of(new GradientStrategy(name, new GradientStrategy.Settings(8, Integer.parseInt(f[1]),
                    Double.parseDouble(f[4]), 2, 3, 3, 4, 256, Double.parseDouble(f[2]), Double.parseDouble(f[3]))));
        }
        return registry.find(name);
    }

    /** The search over a synthetic catalog: {@code exact}, or {@code ann} (the service's ANN index, default settings). */
    static InnerProductSearch search(String kind, ItemMatrix matrix) {
        if (kind.equals("exact")) {
            return new ExactInnerProductSearch(matrix);
        }
        if (!kind.equals("ann")) {
            throw new IllegalArgumentException("--search must be exact or ann, got " + kind);
        }
        long t0 = System.nanoTime();
        AnnInnerProductSearch ann = AnnInnerProductSearch.build(matrix, AnnInnerProductSearch.Settings.defaults());
        System.err.printf(Locale.ROOT, "bench-query: ANN index of %d items built in %.1f s (%d norm ranges)%n",
                matrix.size(), (System.nanoTime() - t0) / 1e9, ann.rangeCount());
        return ann;
    }

    /**
     * The fields a line gets when compared with {@code reference} on the same posteriors: the mean paired
     * difference of exact EVOI, the half-width of its 95% interval (normal approximation, the repeats' spread),
     * and on how many posteriors this strategy was above or below the reference by more than 10⁻⁶ of its value.
     */
    static String pairedFields(String reference, double[] evoi, double[] referenceEvoi) {
        int n = evoi.length;
        double[] diff = new double[n];
        double mean = 0;
        int above = 0;
        int below = 0;
        for (int r = 0; r < n; r++) {
            diff[r] = evoi[r] - referenceEvoi[r];
            mean += diff[r] / n;
            double tol = 1e-6 * Math.abs(referenceEvoi[r]);
            above += diff[r] > tol ? 1 : 0;
            below += diff[r] < -tol ? 1 : 0;
        }
        double ss = 0;
        for (double x : diff) {
            ss += (x - mean) * (x - mean);
        }
        double half = n > 1 ? 1.96 * Math.sqrt(ss / (n - 1) / n) : Double.NaN;
        return String.format(Locale.ROOT, "\"pairedWith\":\"%s\",\"pairedDiff\":%.6g,\"pairedHalfWidth95\":%.6g,"
                + "\"aboveRepeats\":%d,\"belowRepeats\":%d,", reference, mean, half, above, below);
    }
}
