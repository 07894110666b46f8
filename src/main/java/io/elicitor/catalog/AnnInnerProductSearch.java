package io.elicitor.catalog;

import io.elicitor.evoi.Buffers;
import io.elicitor.evoi.ItemMatrix;
import io.elicitor.evoi.TopK;
import io.elicitor.evoi.value.ExactInnerProductSearch;
import io.elicitor.evoi.value.InnerProductSearch;
import io.github.jbellis.jvector.graph.GraphSearcher;
import io.github.jbellis.jvector.graph.SearchResult;
import io.github.jbellis.jvector.graph.similarity.DefaultSearchScoreProvider;
import io.github.jbellis.jvector.util.Bits;
import io.github.jbellis.jvector.vector.VectorSimilarityFunction;
import io.github.jbellis.jvector.vector.VectorizationProvider;
import io.github.jbellis.jvector.vector.types.VectorFloat;
import io.github.jbellis.jvector.vector.types.VectorTypeSupport;
import java.util.ArrayList;
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
    private static final int CANDIDATES_PER_RESULT = 20;

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

    private final ItemMatrix items;
    private final Settings settings;
    private final float[] data;
    private final List<NormRangeGraphs.Range> ranges;
    private final ExactInnerProductSearch exact;
    private final long buildNanos;
    /** GraphSearchers are reusable but not thread-safe: one per thread and range, created on first use. */
    private final ThreadLocal<GraphSearcher[]> searchers;
    private final LongAdder graphQueries = new LongAdder();
    private final LongAdder rangesSearched = new LongAdder();
    /** Recent results by exact query ({@link SearchMemo}); null where every search must walk (benchmarks). */
    private final SearchMemo memo;

    /** Results remembered per index: about 3 MB, a few seconds of searches under load at a million items. */
    static final int MEMO_ENTRIES = 16_384;

    AnnInnerProductSearch(ItemMatrix items, Settings settings, float[] data, List<NormRangeGraphs.Range> ranges,
                          long buildNanos) {
        this(items, settings, data, ranges, buildNanos, true);
    }

    private AnnInnerProductSearch(ItemMatrix items, Settings settings, float[] data, List<NormRangeGraphs.Range> ranges,
                                  long buildNanos, boolean memoized) {
        this.memo = memoized ? new SearchMemo(MEMO_ENTRIES) : null;
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
        int d = items.dimension();
        float[] data = Buffers.toArray(items.vectors());
        double[] norms = NormRangeGraphs.norms(data, items.size(), d);
        List<NormRangeGraphs.Range> ranges = new ArrayList<>();
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            for (int[] rows : NormRangeGraphs.partition(norms, settings)) {
                ranges.add(NormRangeGraphs.build(data, d, rows, norms, settings, pool));
            }
        } finally {
            pool.shutdown();
        }
        return new AnnInnerProductSearch(items, settings, data, ranges, System.nanoTime() - start);
    }

    /** The same graphs searched with another rerank depth (a search-time choice; nothing is rebuilt). */
    public AnnInnerProductSearch withRerankDepth(int depth) {
        Settings s = new Settings(settings.maxDegree(), settings.beamWidth(), depth, settings.alpha(),
                settings.normRanges(), settings.normRatio(), settings.hierarchy());
        return new AnnInnerProductSearch(items, s, data, ranges, buildNanos, memo != null);
    }

    /** The same graphs with every search walking them (no memo): what a benchmark of one search measures. */
    public AnnInnerProductSearch withoutMemo() {
        return new AnnInnerProductSearch(items, settings, data, ranges, buildNanos, false);
    }

    /** Searches answered from the memo of repeated queries, and searches that walked the graphs, so far. */
    public long[] memoHitsAndMisses() {
        return memo == null ? new long[] {0, graphQueries.sum()} : new long[] {memo.hits(), memo.misses()};
    }

    /** The graphs, largest norms first (for {@link AnnIndexFile}). */
    List<NormRangeGraphs.Range> ranges() {
        return ranges;
    }

    /** The items' floats, row-major (for {@link AnnIndexFile}). */
    float[] data() {
        return data;
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
        return memo == null ? search(query, k, excluded) : memo.get(query, k, excluded, () -> search(query, k, excluded));
    }

    private int[] search(float[] query, int k, BitSet excluded) {
        int d = items.dimension();
        if (query.length != d) {
            throw new IllegalArgumentException("query has dimension " + query.length + ", items " + d);
        }
        if (k <= 0) {
            throw new IllegalArgumentException("k must be positive, got " + k);
        }
        int n = items.size();
        int excludedCount = excluded == null ? 0 : excluded.cardinality();
        int depth = depthFor(k, settings.rerankDepth());
        if (excludedCount * 2 > n || (long) depth * ranges.size() * 4 >= n - excludedCount) {
            return exact.topK(query, k, excluded);
        }
        double qn = Math.sqrt(NormRangeGraphs.norm2(query, 0, d));
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
            NormRangeGraphs.Range range = ranges.get(ri);
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

    /**
     * Candidates taken from each range for a top-k: about {@value #CANDIDATES_PER_RESULT} per item wanted, at most
     * the rerank depth, never fewer than k. A best-item search (a Thompson draw's favourite: k = 1) then walks 20
     * candidates instead of 50: at a million items that is 0.3–0.9 ms against 0.7–1.4 ms, at recall@1 0.87–0.90
     * against 0.96–0.99 (evoi/RESULTS.md), and a near-best favourite serves a candidate pool as well.
     */
    static int depthFor(int k, int rerankDepth) {
        return Math.max(k, (int) Math.min(rerankDepth, (long) CANDIDATES_PER_RESULT * k));
    }

    /** Several queries searched in parallel (one graph walk each; the common fork-join pool's threads). */
    @Override
    public int[][] topK(float[][] queries, int[] ks, BitSet excluded) {
        InnerProductSearch.requireOneKPerQuery(queries, ks);
        int[][] out = new int[queries.length][];
        java.util.stream.IntStream.range(0, queries.length).parallel()
                .forEach(i -> out[i] = topK(queries[i], ks[i], excluded));
        return out;
    }
}
