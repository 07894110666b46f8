package io.elicitor.catalog;

import io.github.jbellis.jvector.disk.RandomAccessReader;
import io.github.jbellis.jvector.graph.GraphIndexBuilder;
import io.github.jbellis.jvector.graph.ImmutableGraphIndex;
import io.github.jbellis.jvector.graph.ListRandomAccessVectorValues;
import io.github.jbellis.jvector.graph.RandomAccessVectorValues;
import io.github.jbellis.jvector.graph.similarity.BuildScoreProvider;
import io.github.jbellis.jvector.vector.VectorSimilarityFunction;
import io.github.jbellis.jvector.vector.VectorizationProvider;
import io.github.jbellis.jvector.vector.types.VectorFloat;
import io.github.jbellis.jvector.vector.types.VectorTypeSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

/**
 * The norm-ranged jvector graphs behind {@link AnnInnerProductSearch}: how the items are split into ranges of
 * alike norms, and each range's graph over its augmented unit vectors, either built (minutes at a million
 * items) or read back from a saved index (seconds; {@link AnnIndexFile}). Both paths derive the augmented
 * vectors from the catalog's own floats in the same way, so a read-back graph searches exactly as the built
 * one did.
 */
final class NormRangeGraphs {
    private static final VectorTypeSupport VTS = VectorizationProvider.getInstance().getVectorTypeSupport();
    /** Fewest items a range holds (except when the catalog is smaller). */
    static final int MIN_RANGE_ITEMS = 1_000;

    /** One norm range: its items' global rows (largest norm first), that norm, the augmented vectors, the graph. */
    record Range(int[] rows, double maxNorm, RandomAccessVectorValues augmented, ImmutableGraphIndex graph) {}

    private NormRangeGraphs() {}

    /** Each item's Euclidean norm. */
    static double[] norms(float[] data, int n, int d) {
        double[] norms = new double[n];
        for (int i = 0; i < n; i++) {
            norms[i] = Math.sqrt(norm2(data, i * d, d));
        }
        return norms;
    }

    /** Squared norm of the d floats of {@code a} from {@code offset}, summed in double. */
    static double norm2(float[] a, int offset, int d) {
        double s = 0;
        for (int c = 0; c < d; c++) {
            double v = a[offset + c];
            s += v * v;
        }
        return s;
    }

    /**
     * The ranges' rows: at most n/normRanges items each, and a range closes once a norm falls below its largest
     * norm / normRatio (so the sparse tail of large norms gets narrow, small ranges); at least
     * {@link #MIN_RANGE_ITEMS} each, except that the last one absorbs the rest. Deterministic (ties by row).
     */
    static List<int[]> partition(double[] norms, AnnInnerProductSearch.Settings settings) {
        int n = norms.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> norms[a] != norms[b] ? Double.compare(norms[b], norms[a]) : Integer.compare(a, b));
        int cap = Math.max(MIN_RANGE_ITEMS, (n + settings.normRanges() - 1) / settings.normRanges());
        List<int[]> bounds = new ArrayList<>();
        int from = 0;
        for (int i = 1; i <= n; i++) {
            int size = i - from;
            boolean close = i == n || size >= cap
                    || (size >= MIN_RANGE_ITEMS && norms[order[i]] * settings.normRatio() < norms[order[from]]);
            if (close) {
                bounds.add(new int[] {from, i});
                from = i;
            }
        }
        int[] last = bounds.get(bounds.size() - 1);
        if (bounds.size() > 1 && last[1] - last[0] < MIN_RANGE_ITEMS) {
            bounds.remove(bounds.size() - 1);
            bounds.get(bounds.size() - 1)[1] = n;
        }
        List<int[]> ranges = new ArrayList<>(bounds.size());
        for (int[] b : bounds) {
            int[] rows = new int[b[1] - b[0]];
            for (int i = b[0]; i < b[1]; i++) {
                rows[i - b[0]] = order[i];
            }
            ranges.add(rows);
        }
        return ranges;
    }

    /** Builds one range's graph on {@code pool}. */
    static Range build(float[] data, int d, int[] rows, double[] norms, AnnInnerProductSearch.Settings settings,
                       ForkJoinPool pool) {
        double m = rangeNorm(norms, rows);
        RandomAccessVectorValues ravv = augmented(data, d, rows, norms, m);
        try (GraphIndexBuilder builder = builder(ravv, d, settings, pool)) {
            return new Range(rows, m, ravv, builder.build(ravv));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads one range's graph, saved by {@code OnHeapGraphIndex.save}, back onto the heap. */
    static Range load(float[] data, int d, int[] rows, double[] norms, AnnInnerProductSearch.Settings settings,
                      RandomAccessReader graph) throws IOException {
        double m = rangeNorm(norms, rows);
        RandomAccessVectorValues ravv = augmented(data, d, rows, norms, m);
        ForkJoinPool pool = new ForkJoinPool(1);
        try (GraphIndexBuilder builder = builder(ravv, d, settings, pool)) {
            builder.load(graph);
            if (builder.getGraph().size(0) != rows.length) {
                throw new IOException("a saved graph has " + builder.getGraph().size(0) + " nodes, its range "
                        + rows.length + " items");
            }
            return new Range(rows, m, ravv, builder.getGraph());
        } finally {
            pool.shutdown();
        }
    }

    private static double rangeNorm(double[] norms, int[] rows) {
        return norms[rows[0]] > 0 ? norms[rows[0]] : 1.0;
    }

    /** Each item x of the range as the unit vector [x/m, sqrt(1 − ‖x‖²/m²)]. */
    private static RandomAccessVectorValues augmented(float[] data, int d, int[] rows, double[] norms, double m) {
        List<VectorFloat<?>> vectors = new ArrayList<>(rows.length);
        for (int row : rows) {
            float[] a = new float[d + 1];
            for (int c = 0; c < d; c++) {
                a[c] = (float) (data[row * d + c] / m);
            }
            double r = norms[row] / m;
            a[d] = (float) Math.sqrt(Math.max(0.0, 1.0 - r * r));
            vectors.add(VTS.createFloatVector(a));
        }
        return new ListRandomAccessVectorValues(vectors, d + 1);
    }

    private static GraphIndexBuilder builder(RandomAccessVectorValues ravv, int d, AnnInnerProductSearch.Settings s,
                                             ForkJoinPool pool) {
        return new GraphIndexBuilder(BuildScoreProvider.randomAccessScoreProvider(ravv, VectorSimilarityFunction.DOT_PRODUCT),
                d + 1, s.maxDegree(), s.beamWidth(), 1.2f, s.alpha(), s.hierarchy(), true, pool, pool);
    }
}
