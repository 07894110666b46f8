package io.elicitor.cli;

import io.elicitor.catalog.AnnIndexFile;
import io.elicitor.catalog.AnnInnerProductSearch;
import io.elicitor.catalog.CatalogException;
import io.elicitor.catalog.embed.SyntheticCatalog;
import io.elicitor.evoi.ItemMatrix;
import io.elicitor.evoi.value.ExactInnerProductSearch;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code elicitor bench-ann}: builds an ANN index over a synthetic catalog and compares it with exact search. */
@Command(name = "bench-ann", mixinStandardHelpOptions = true,
        description = "Build a jvector index over a seeded synthetic catalog; print build time, recall@k against"
                + " exact search and ms per query (exact vs ANN). Does not start the server.")
final class BenchAnnCommand implements Callable<Integer> {
    @Option(names = "--items", defaultValue = "1000000", description = "Catalog size N (default: ${DEFAULT-VALUE}).")
    int items;

    @Option(names = "--dim", defaultValue = "32", description = "Dimension d (default: ${DEFAULT-VALUE}).")
    int dim;

    @Option(names = "--queries", defaultValue = "200", description = "Queries (default: ${DEFAULT-VALUE}).")
    int queries;

    @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--clusters", defaultValue = "1000",
            description = "Item clusters of the synthetic catalog; 0 for i.i.d. Gaussian items (default: ${DEFAULT-VALUE}).")
    int clusters;

    @Option(names = "--k", defaultValue = "10", description = "k of recall@k (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--degree", description = "Graph degree M (default: the service's).")
    Integer degree;

    @Option(names = "--beam", description = "Build beam width (default: the service's).")
    Integer beam;

    @Option(names = "--depth", description = "Rerank depth (default: the service's).")
    Integer depth;

    @Option(names = "--depths", split = ",",
            description = "Also measure these rerank depths on the same graphs (search-time only), e.g. 5,10,20.")
    List<Integer> depths = List.of();

    @Option(names = "--index", description = "Read the graphs from this saved index (./elicitor index) instead of"
            + " building them; it must have been built over the same synthetic vectors (bench-catalog, same seed).")
    Path index;

    @Option(names = "--isotropic-queries", description = "Queries drawn from N(0, I), like the service's particles"
            + " under a catalog's isotropic prior, instead of from the items' spectrum.")
    boolean isotropicQueries;

    @Option(names = "--alpha", description = "Neighbour diversity alpha (default: the service's).")
    Float alpha;

    @Option(names = "--ranges", description = "Norm ranges, one graph each (default: the service's).")
    Integer ranges;

    @Option(names = "--ratio", description = "Norm ratio that closes a range (default: the service's).")
    Double ratio;

    @Override
    public Integer call() throws CatalogException {
        if (items < 2 || dim < 1 || queries < 1 || k < 1) {
            throw new IllegalArgumentException("--items >= 2, --dim, --queries and --k >= 1 required");
        }
        AnnInnerProductSearch.Settings def = AnnInnerProductSearch.Settings.defaults();
        AnnInnerProductSearch.Settings settings = new AnnInnerProductSearch.Settings(
                degree == null ? def.maxDegree() : degree, beam == null ? def.beamWidth() : beam,
                depth == null ? def.rerankDepth() : depth, alpha == null ? def.alpha() : alpha,
                ranges == null ? def.normRanges() : ranges,
                ratio == null ? def.normRatio() : ratio, def.hierarchy());
        long t0 = System.nanoTime();
        ItemMatrix matrix = ItemMatrix.of(SyntheticCatalog.vectors(items, dim, clusters, seed), items, dim);
        float[][] qs = isotropicQueries ? isotropic(queries, dim, seed) : SyntheticCatalog.queries(queries, dim, seed);
        System.out.printf("synthetic catalog %d x %d, %d clusters (seed %d) in %.1f s; %d queries; cores %d%n", items,
                dim, clusters, seed,
                (System.nanoTime() - t0) / 1e9, queries, Runtime.getRuntime().availableProcessors());

        ExactInnerProductSearch exact = new ExactInnerProductSearch(matrix);
        exact.topK(qs[0], k, null); // warm-up (ND4J first call)
        long t1 = System.nanoTime();
        int[][] truth = new int[queries][];
        for (int i = 0; i < queries; i++) {
            truth[i] = exact.topK(qs[i], k, null);
        }
        double exactMs = (System.nanoTime() - t1) / 1e6 / queries;
        long t2 = System.nanoTime();
        exact.topK(qs, k, null);
        double exactBatchMs = (System.nanoTime() - t2) / 1e6 / queries;

        System.out.printf("building index: M=%d beamWidth=%d rerankDepth=%d alpha=%.2f normRanges=%d normRatio=%.2f hierarchy=%s ...%n",
                settings.maxDegree(), settings.beamWidth(), settings.rerankDepth(), settings.alpha(),
                settings.normRanges(), settings.normRatio(), settings.hierarchy());
        AnnInnerProductSearch ann = (index == null ? AnnInnerProductSearch.build(matrix, settings)
                : AnnIndexFile.read(matrix, settings, index)).withoutMemo(); // every query walks: its cost is measured
        System.out.printf("%s time: %.1f s (%d graphs)%n", index == null ? "build" : "index read",
                ann.buildMillis() / 1e3, ann.rangeCount());
        measure(ann, qs, truth, exactMs, exactBatchMs);
        for (int d : depths) {
            System.out.printf("rerank depth %d:%n", d);
            measure(ann.withRerankDepth(d), qs, truth, exactMs, exactBatchMs);
        }
        return 0;
    }

    private void measure(AnnInnerProductSearch ann, float[][] qs, int[][] truth, double exactMs, double exactBatchMs) {
        for (int i = 0; i < Math.min(20, queries); i++) {
            ann.topK(qs[i], k, null); // warm-up
        }
        long t3 = System.nanoTime();
        int[][] found = new int[queries][];
        for (int i = 0; i < queries; i++) {
            found[i] = ann.topK(qs[i], k, null);
        }
        double annMs = (System.nanoTime() - t3) / 1e6 / queries;
        double hits = 0;
        for (int i = 0; i < queries; i++) {
            Set<Integer> t = new HashSet<>();
            for (int x : truth[i]) {
                t.add(x);
            }
            for (int x : found[i]) {
                if (t.contains(x)) {
                    hits++;
                }
            }
        }
        double recall = hits / ((double) queries * k);
        System.out.printf("recall@%d: %.4f (norm ranges searched per query: %.1f of %d)%n", k, recall,
                ann.meanRangesSearched(), ann.rangeCount());
        System.out.printf("ms per query: exact %.2f (one at a time), exact %.2f (batched %d), ANN %.3f%n", exactMs,
                exactBatchMs, queries, annMs);
    }

    private static float[][] isotropic(int n, int d, long seed) {
        java.util.Random rng = new java.util.Random(seed);
        float[][] q = new float[n][d];
        for (float[] row : q) {
            for (int c = 0; c < d; c++) {
                row[c] = (float) rng.nextGaussian();
            }
        }
        return q;
    }
}
