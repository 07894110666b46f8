package io.elicitor.evoi.partial;

import io.elicitor.evoi.Buffers;
import io.elicitor.evoi.strategy.GreedyEusStrategy;
import io.elicitor.evoi.value.PoolEvaluator;
import io.elicitor.evoi.value.PoolScores;
import io.elicitor.evoi.value.SlateValues;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The discrete side of partial queries, shared by every partial strategy: which attribute subsets to search,
 * the greedy choice of options among a subset's grid, and exact scoring of a batch of queries. Stateless.
 */
public final class PartialGrid {
    /** Subsets are enumerated up to this many; beyond it a seeded sample of this many is searched. */
    public static final int MAX_SUBSETS = 200;

    private PartialGrid() {}

    /**
     * The subsets of s attributes to search: all of them when there are at most {@link #MAX_SUBSETS}, else that
     * many distinct ones drawn; of those, the ones whose grid has at least k options (a constant attribute has one).
     */
    public static List<int[]> subsets(AttributeSpace space, int s, int k, Random rng) {
        return candidateSubsets(space, s, rng).stream().filter(subset -> hasOptions(space, subset, k)).toList();
    }

    /** Whether a subset's grid has at least k options. */
    static boolean hasOptions(AttributeSpace space, int[] subset, int k) {
        long n = 1;
        for (int a : subset) {
            n *= space.attribute(a).choices();
        }
        return n >= k;
    }

    private static List<int[]> candidateSubsets(AttributeSpace space, int s, Random rng) {
        if (space.subsetCount(s) <= MAX_SUBSETS) {
            return space.subsets(s);
        }
        Set<List<Integer>> drawn = new LinkedHashSet<>();
        while (drawn.size() < MAX_SUBSETS) {
            drawn.add(randomSubset(space.size(), s, rng));
        }
        List<int[]> out = new ArrayList<>();
        for (List<Integer> d : drawn) {
            out.add(d.stream().mapToInt(Integer::intValue).toArray());
        }
        return out;
    }

    /** s distinct attribute indices of {@code n}, ascending, drawn uniformly. */
    static List<Integer> randomSubset(int n, int s, Random rng) {
        java.util.TreeSet<Integer> pick = new java.util.TreeSet<>();
        while (pick.size() < s) {
            pick.add(rng.nextInt(n));
        }
        return List.copyOf(pick);
    }

    /**
     * Viappiani and Boutilier's greedy choice set among {@code n} candidate options ({@code n × d} vectors): the
     * option of largest expected utility first, then each time the one that most raises the expected utility of
     * selection under the logit ({@link GreedyEusStrategy#complete}, the kernel item queries use). Returns k
     * option indices; costs one {@code (n × d)·(d × M)} product and {@code O(k·n·M)}. Needs {@code n ≥ k}.
     */
    public static int[] greedy(PoolEvaluator evaluator, float[] candidates, int n, int k) {
        int d = candidates.length / n;
        int m = evaluator.posterior().size();
        INDArray product = Nd4j.createUninitialized(DataType.FLOAT, new long[] {n, m}, 'c');
        Nd4j.gemm(Buffers.fromArray(candidates, n, d), evaluator.posterior().particles(), product, false, true, 1.0, 0.0);
        float[] s = Buffers.toArray(product);
        double[] pi = evaluator.posterior().weights();
        int first = 0;
        double firstValue = Double.NEGATIVE_INFINITY;
        for (int o = 0; o < n; o++) {
            double eu = 0;
            for (int j = 0; j < m; j++) {
                eu += pi[j] * s[o * m + j];
            }
            if (eu > firstValue) {
                firstValue = eu;
                first = o;
            }
        }
        boolean[] all = new boolean[n];
        java.util.Arrays.fill(all, true);
        return GreedyEusStrategy.complete(s, PoolScores.exps(s, n, m, evaluator.model().lambda()),
                evaluator.posterior().floatWeights(), all, m, k, first);
    }

    /**
     * Coordinate ascent on exact EVOI among grid options: each slot in turn is replaced by the grid option that
     * most raises the query's EVOI (by more than the tie tolerance), until a sweep changes nothing or after
     * {@code sweeps}. Returns the improved picks; costs {@code k·n} exact evaluations per sweep.
     */
    public static int[] refine(PoolEvaluator evaluator, float[] grid, int n, int[] picks, int sweeps) {
        int k = picks.length;
        int d = grid.length / n;
        int[] current = picks.clone();
        double value = values(evaluator, rows(grid, d, current), k, d).evoi()[0];
        for (int sweep = 0; sweep < sweeps; sweep++) {
            boolean changed = false;
            for (int slot = 0; slot < k; slot++) {
                float[] batch = new float[n * k * d];
                for (int o = 0; o < n; o++) {
                    if (contains(current, o)) {
                        continue; // the slot's own option is the current query; another slot's would show it twice
                    }
                    int[] trial = current.clone();
                    trial[slot] = o;
                    System.arraycopy(rows(grid, d, trial), 0, batch, o * k * d, k * d);
                }
                double[] evoi = values(evaluator, batch, k, d).evoi();
                int best = -1;
                for (int o = 0; o < n; o++) {
                    if (!contains(current, o) && evoi[o] > value + evaluator.tieTolerance() && (best < 0 || evoi[o] > evoi[best])) {
                        best = o;
                    }
                }
                if (best >= 0) {
                    current[slot] = best;
                    value = evoi[best];
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
        }
        return current;
    }

    /** The rows {@code picks} of {@code candidates} ({@code n × d}) as one query's {@code k × d} options. */
    public static float[] rows(float[] candidates, int d, int[] picks) {
        float[] out = new float[picks.length * d];
        for (int i = 0; i < picks.length; i++) {
            System.arraycopy(candidates, picks[i] * d, out, i * d, d);
        }
        return out;
    }

    /** Exact values of B queries of k options each, laid out as {@code B·k × d} rows. */
    public static SlateValues values(PoolEvaluator evaluator, float[] queries, int k, int d) {
        return evaluator.valuesOfVectors(Buffers.fromArray(queries, queries.length / d, d), k);
    }

    /**
     * The best of a batch of queries ({@link SlateValues#best} at the evaluator's tie tolerance) as a query. A query
     * that shows the same option twice (an ascent can merge two, rounding too) is never chosen: a person cannot
     * tell the two apart, and the logit would weigh that option double.
     */
    public static PartialQuery best(PoolEvaluator evaluator, List<int[]> subsets, List<float[]> queries, int k) {
        int d = evaluator.posterior().dimension();
        float[] all = new float[queries.size() * k * d];
        for (int q = 0; q < queries.size(); q++) {
            System.arraycopy(queries.get(q), 0, all, q * k * d, k * d);
        }
        SlateValues v = values(evaluator, all, k, d);
        for (int q = 0; q < queries.size(); q++) {
            if (repeatsAnOption(queries.get(q), k)) {
                v.evoi()[q] = Double.NEGATIVE_INFINITY;
                v.eus()[q] = Double.NEGATIVE_INFINITY;
            }
        }
        int best = v.best(evaluator.tieTolerance());
        return new PartialQuery(subsets.get(best), queries.get(best), k);
    }

    /** Whether two of the k options ({@code k × d}) are equal. */
    public static boolean repeatsAnOption(float[] query, int k) {
        int d = query.length / k;
        for (int a = 0; a < k; a++) {
            for (int b = a + 1; b < k; b++) {
                if (java.util.Arrays.equals(query, a * d, (a + 1) * d, query, b * d, (b + 1) * d)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean contains(int[] values, int v) {
        for (int x : values) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }
}
