package io.elicitor.catalog;

import io.elicitor.evoi.Buffers;
import io.elicitor.evoi.ItemMatrix;
import io.elicitor.evoi.TopK;
import io.elicitor.evoi.value.ExactInnerProductSearch;
import io.elicitor.evoi.value.InnerProductSearch;
import io.github.jbellis.jvector.graph.GraphIndexBuilder;
import io.github.jbellis.jvector.graph.GraphSearcher;
import io.github.jbellis.jvector.graph.ImmutableGraphIndex;
import io.github.jbellis.jvector.graph.ListRandomAccessVectorValues;
import io.github.jbellis.jvector.graph.RandomAccessVectorValues;
import io.github.jbellis.jvector.graph.SearchResult;
import io.github.jbellis.jvector.graph.similarity.BuildScoreProvider;
import io.github.jbellis.jvector.graph.similarity.DefaultSearchScoreProvider;
import io.github.jbellis.jvector.util.Bits;
import io.github.jbellis.jvector.vector.VectorSimilarityFunction;
import io.github.jbellis.jvector.vector.VectorizationProvider;
import io.github.jbellis.jvector.vector.types.VectorFloat;
import io.github.jbellis.jvector.vector.types.VectorTypeSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.LongAdder;

/**
 * Approximate maximum inner product search on jvector graph indexes, for catalogs too large to scan per
 * query.
 *
 * <p>jvector's {@code DOT_PRODUCT} needs unit vectors, so every item {@code x} becomes
 * {@code [x/m, sqrt(1 − ‖x‖²/m²)]} with {@code m} a largest item norm (all unit length), and a query
 * {@code q} becomes {@code [q/‖q‖, 0]}; then {@code q'·x' = q·x / (m‖q‖)}, the same order as {@code q·x}.
 * With one {@code m} for the whole catalog most items sit close to the new axis and the graph walk,
 * measured, reaches only 0.5–0.65 recall@10 at rerank depth 100 (see evoi/RESULTS.md). So the items are
 * split by norm into equal-count ranges, each with its own {@code m} and its own graph ("norm ranging"):
 * inside a range the norms are alike and the search behaves like a cosine search. A query visits the ranges
 * from the largest norms down and stops as soon as {@code ‖q‖·m} of the next range cannot beat the k-th best
 * exact score found (Cauchy–Schwarz). Each range returns {@code rerankDepth} candidates, which are re-scored
 * exactly against the original float32 vectors. When more than half the catalog is excluded a filtered
 * graph walk loses recall, so such queries go to exact search instead.
 */
public final class AnnInnerProductSearch implements InnerProductSearch {
    private static final VectorTypeSupport VTS = VectorizationProvider.getInstance().getVectorTypeSupport();
    private static final int MIN_RANGE_ITEMS = 1_000;

    /**
     * Index parameters.
     *
     * @param maxDegree graph degree M (edges per node)
     * @param beamWidth candidates kept while inserting a node (build quality against build time)
     * @param rerankDepth candidates taken from each norm range's graph per query and re-scored exactly
     * @param alpha diversity of a node's neighbours (jvector's alpha, applied to similarity scores)
     * @param normRanges at least this many norm ranges (each holds at most N/normRanges items)
     * @param normRatio a range closes once a norm falls below its largest norm divided by this
     * @param hierarchy whether to build HNSW-style upper layers
     */
    public record Settings(int maxDegree, int beamWidth, int rerankDepth, float alpha, int normRanges,
                           double normRatio, boolean hierarchy) {
        /** Validates eagerly. */
        public Settings {
            if (maxDegree < 2 || beamWidth < 1 || rerankDepth < 1 || !(alpha >= 0.5f && alpha <= 2f) || normRanges < 1
                    || !(normRatio > 1.0)) {
                throw new IllegalArgumentException("maxDegree >= 2, beamWidth >= 1, rerankDepth >= 1, alpha in [0.5, 2],"
                        + " normRanges >= 1, normRatio > 1 required, got " + maxDegree + ", " + beamWidth + ", "
                        + rerankDepth + ", " + alpha + ", " + normRanges + ", " + normRatio);
            }
        }

        /** The settings measured in evoi/RESULTS.md. */
        public static Settings defaults() {
            return new Settings(16, 50, 50, 1.2f, 8, 1.1, true);
        }

        /** The same with another norm ratio. */
        public Settings withNormRatio(double ratio) {
            return new Settings(maxDegree, beamWidth, rerankDepth, alpha, normRanges, ratio, hierarchy);
        }
    }

    /** One norm range: its items' global rows, the augmented vectors and their graph. */
    private record Range(int[] rows, double maxNorm, RandomAccessVectorValues augmented, ImmutableGraphIndex graph) {}

    private final ItemMatrix items;
    private final Settings settings;
    private final float[] data;
    private final List<Range> ranges;
    private final ExactInnerProductSearch exact;
    private final long buildNanos;
    /** GraphSearchers are reusable but not thread-safe: one per thread and range, created on first use. */
    private final ThreadLocal<GraphSearcher[]> searchers;
    private final LongAdder graphQueries = new LongAdder();
    private final LongAdder rangesSearched = new LongAdder();

    private AnnInnerProductSearch(ItemMatrix items, Settings settings, float[] data, List<Range> ranges, long buildNanos) {
        this.items = items;
        this.settings = settings;
        this.data = data;
        this.ranges = List.copyOf(ranges);
        this.searchers = ThreadLocal.withInitial(() -> new GraphSearcher[this.ranges.size()]);
        this.exact = new ExactInnerProductSearch(items);
        this.buildNanos = buildNanos;
    }

    /** Builds the indexes over the items (all cores; minutes for a million items). */
    public static AnnInnerProductSearch build(ItemMatrix items, Settings settings) {
        return build(items, settings, Runtime.getRuntime().availableProcessors());
    }

    /**
     * The same, building each graph on {@code threads} threads. With more than one the insertion order, and so
     * the graph, depends on scheduling; with one the same items give the same index every time.
     */
    public static AnnInnerProductSearch build(ItemMatrix items, Settings settings, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(settings, "settings");
        long start = System.nanoTime();
        int n = items.size();
        int d = items.dimension();
        float[] data = Buffers.toArray(items.vectors());
        double[] norms = new double[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            norms[i] = Math.sqrt(norm2(data, i * d, d));
            order[i] = i;
        }
        // Largest norms first; ties by row so that the build is deterministic.
        Arrays.sort(order, (a, b) -> norms[a] != norms[b] ? Double.compare(norms[b], norms[a]) : Integer.compare(a, b));
        // Ranges: at most n/normRanges items each, and a range closes once a norm falls below its largest
        // norm / normRatio (so the sparse tail of large norms gets narrow, small ranges); at least
        // MIN_RANGE_ITEMS items each, except that the last one absorbs the rest.
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
        List<Range> ranges = new ArrayList<>(bounds.size());
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            for (int[] b : bounds) {
                int[] rows = new int[b[1] - b[0]];
                for (int i = b[0]; i < b[1]; i++) {
                    rows[i - b[0]] = order[i];
                }
                ranges.add(buildRange(data, d, rows, norms, settings, pool));
            }
        } finally {
            pool.shutdown();
        }
        return new AnnInnerProductSearch(items, settings, data, ranges, System.nanoTime() - start);
    }

    private static Range buildRange(float[] data, int d, int[] rows, double[] norms, Settings settings, ForkJoinPool pool) {
        double m = norms[rows[0]] > 0 ? norms[rows[0]] : 1.0;
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
        RandomAccessVectorValues ravv = new ListRandomAccessVectorValues(vectors, d + 1);
        try (GraphIndexBuilder builder = new GraphIndexBuilder(
                BuildScoreProvider.randomAccessScoreProvider(ravv, VectorSimilarityFunction.DOT_PRODUCT), d + 1,
                settings.maxDegree(), settings.beamWidth(), 1.2f, settings.alpha(), settings.hierarchy(), true, pool,
                pool)) {
            return new Range(rows, m, ravv, builder.build(ravv));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The settings the index was built with. */
    public Settings settings() {
        return settings;
    }

    /** Number of norm ranges (graphs) actually built. */
    public int rangeCount() {
        return ranges.size();
    }

    /** Mean number of norm ranges (graphs) searched per graph query so far. */
    public double meanRangesSearched() {
        long q = graphQueries.sum();
        return q == 0 ? 0 : rangesSearched.sum() / (double) q;
    }

    /** Wall time the build took, in milliseconds. */
    public long buildMillis() {
        return buildNanos / 1_000_000;
    }

    @Override
    public ItemMatrix items() {
        return items;
    }

    @Override
    public int[] topK(float[] query, int k, BitSet excluded) {
        int d = items.dimension();
        if (query.length != d) {
            throw new IllegalArgumentException("query has dimension " + query.length + ", items " + d);
        }
        if (k <= 0) {
            throw new IllegalArgumentException("k must be positive, got " + k);
        }
        int n = items.size();
        int excludedCount = excluded == null ? 0 : excluded.cardinality();
        int depth = Math.max(settings.rerankDepth(), k);
        if (excludedCount * 2 > n || (long) depth * ranges.size() * 4 >= n - excludedCount) {
            return exact.topK(query, k, excluded);
        }
        double qn = Math.sqrt(norm2(query, 0, d));
        float[] q = new float[d + 1];
        for (int c = 0; c < d; c++) {
            q[c] = qn > 0 ? (float) (query[c] / qn) : 0f;
        }
        VectorFloat<?> qv = VTS.createFloatVector(q);
        TopK top = new TopK(k);
        PriorityQueue<Float> kth = new PriorityQueue<>(k + 1);
        graphQueries.increment();
        GraphSearcher[] mine = searchers.get();
        for (int ri = 0; ri < ranges.size(); ri++) {
            Range range = ranges.get(ri);
            if (kth.size() == k && kth.peek() >= qn * range.maxNorm()) {
                break; // no item of this range or the smaller ones can enter the top k
            }
            rangesSearched.increment();
            int[] rows = range.rows();
            Bits accept = excludedCount == 0 ? Bits.ALL : i -> !excluded.get(rows[i]);
            if (mine[ri] == null) {
                mine[ri] = new GraphSearcher(range.graph());
            }
            var ssp = DefaultSearchScoreProvider.exact(qv, VectorSimilarityFunction.DOT_PRODUCT, range.augmented());
            SearchResult result = mine[ri].search(ssp, depth, accept);
            // Exact re-scoring against the original vectors.
            for (SearchResult.NodeScore ns : result.getNodes()) {
                int row = rows[ns.node];
                double s = 0;
                int base = row * d;
                for (int c = 0; c < d; c++) {
                    s += (double) query[c] * data[base + c];
                }
                float score = (float) s;
                top.offer(row, score);
                kth.add(score);
                if (kth.size() > k) {
                    kth.poll();
                }
            }
        }
        return top.indices();
    }

    private static double norm2(float[] a, int offset, int d) {
        double s = 0;
        for (int c = 0; c < d; c++) {
            double v = a[offset + c];
            s += v * v;
        }
        return s;
    }
}
