package io.elicitor.evoi.partial;

import io.elicitor.evoi.Buffers;
import io.elicitor.evoi.belief.Logit;
import io.elicitor.evoi.value.PoolEvaluator;
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
    private static final int CHUNK_ROWS = 4096;

    private PartialGrid() {}

    /** Every subset of s attributes when there are at most {@link #MAX_SUBSETS}, else that many distinct ones drawn. */
    public static List<int[]> subsets(AttributeSpace space, int s, Random rng) {
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
     * selection under the logit. Returns k option indices; costs one {@code (n × d)·(d × M)} product and
     * {@code O(k·n·M)}. Needs {@code n ≥ k}.
     */
    public static int[] greedy(PoolEvaluator evaluator, float[] candidates, int n, int k) {
        int d = candidates.length / n;
        int m = evaluator.posterior().size();
        INDArray product = Nd4j.createUninitialized(DataType.FLOAT, new long[] {n, m}, 'c');
        Nd4j.gemm(Buffers.fromArray(candidates, n, d), evaluator.posterior().particles(), product, false, true, 1.0, 0.0);
        float[] s = Buffers.toArray(product);
        double[] pi = evaluator.posterior().weights();
        double lambda = evaluator.model().lambda();
        float[] top = new float[m];
        java.util.Arrays.fill(top, Float.NEGATIVE_INFINITY);
        int first = 0;
        double firstValue = Double.NEGATIVE_INFINITY;
        for (int o = 0; o < n; o++) {
            double eu = 0;
            for (int j = 0; j < m; j++) {
                top[j] = Math.max(top[j], s[o * m + j]);
                eu += pi[j] * s[o * m + j];
            }
            if (eu > firstValue) {
                firstValue = eu;
                first = o;
            }
        }
        float[] e = new float[n * m];
        for (int o = 0; o < n; o++) {
            for (int j = 0; j < m; j++) {
                e[o * m + j] = (float) Logit.FAST.exp(lambda * (s[o * m + j] - top[j]));
            }
        }
        int[] chosen = new int[k];
        boolean[] used = new boolean[n];
        chosen[0] = first;
        used[first] = true;
        double[] z = new double[m];
        double[] num = new double[m];
        for (int t = 0; t < k; t++) {
            if (t > 0) {
                int best = -1;
                double bestValue = Double.NEGATIVE_INFINITY;
                for (int o = 0; o < n; o++) {
                    if (used[o]) {
                        continue;
                    }
                    double v = 0;
                    for (int j = 0; j < m; j++) {
                        int at = o * m + j;
                        v += pi[j] * (num[j] + e[at] * s[at]) / (z[j] + e[at]);
                    }
                    if (v > bestValue) {
                        bestValue = v;
                        best = o;
                    }
                }
                chosen[t] = best;
                used[best] = true;
            }
            for (int j = 0; j < m; j++) {
                int at = chosen[t] * m + j;
                z[j] += e[at];
                num[j] += e[at] * s[at];
            }
        }
        return chosen;
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
        int b = queries.length / (k * d);
        int perChunk = Math.max(1, CHUNK_ROWS / k);
        SlateValues out = null;
        for (int start = 0; start < b; start += perChunk) {
            int end = Math.min(b, start + perChunk);
            float[] chunk = java.util.Arrays.copyOfRange(queries, start * k * d, end * k * d);
            SlateValues v = evaluator.valuesOfVectors(Buffers.fromArray(chunk, (end - start) * k, d), k, null);
            out = out == null ? v : out.followedBy(v);
        }
        return out;
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
