package io.elicitor.catalog.embed;

import io.elicitor.catalog.Catalog;
import io.elicitor.catalog.CatalogLoader;
import io.elicitor.catalog.CatalogManifest;
import io.elicitor.catalog.CatalogWriter;
import io.elicitor.catalog.Item;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Builds a small catalog from ML-100K (read in place from the shared data folder; skipped where it is
 * absent) with few ALS sweeps, writes it, and loads it back.
 */
class RatingsEmbedderTest {
    static final Path U_DATA = Path.of(System.getProperty("elicitor.movielens",
            "/work/shared/data/movielens")).resolve("ml-100k/u.data");

    @TempDir
    Path dir;

    @Test
    void ml100kBuildsALoadableCatalogWithSaneRmseAndNorms() throws Exception {
        assumeTrue(Files.exists(U_DATA), "ML-100K not present at " + U_DATA);
        RatingsEmbedder.Settings settings = new RatingsEmbedder.Settings(8, new int[] {60, 20, 20}, 3, 6, 0.1,
                BiasedAls.Solver.JAVA);
        Ratings ratings = RatingsReader.read(U_DATA, RatingsFormat.ML_100K);
        assertEquals(100_000, ratings.size());
        Map<Integer, Item> known = RatingsReader.movieLensItems(U_DATA, RatingsFormat.ML_100K);
        assertEquals("Toy Story (1995)", known.get(1).title());
        RatingsEmbedder.Result r = new RatingsEmbedder(settings).build(ratings, known, it -> {});
        assertEquals(10, r.dimension());
        Map<String, Object> report = r.report();
        double rmse = (double) report.get("rmseGroup1Heldout");
        assertTrue(rmse > 0.80 && rmse < 1.0, "group 1 held-out RMSE " + rmse);
        double foldIn = (double) report.get("rmseFoldInHeldout");
        assertTrue(foldIn > 0.80 && foldIn < 1.05, "fold-in RMSE " + foldIn);
        double ratio = (double) report.get("normRatio");
        double latentRatio = (double) report.get("latentNormRatio");
        assertTrue(Math.abs(ratio - 1) <= 0.15 && Math.abs(latentRatio - 1) <= 0.15, "norm ratios " + ratio + ", " + latentRatio);

        CatalogManifest manifest = new CatalogManifest("ml-100k-test", "1", null, r.dimension(), r.items().size(),
                new CatalogManifest.Files("items.jsonl", "vectors.npy", "users-train.npy", "users-heldout.npy"),
                Map.of(), Map.of("report", report), null);
        CatalogWriter.write(dir, manifest, r.items(), r.itemVectors(), r.usersTrain(), r.usersHeldout());
        Catalog c = CatalogLoader.load(dir);
        assertEquals(r.items().size(), c.size());
        assertEquals((int) report.get("usersTrain"), c.usersTrain().orElseThrow().rows());
        assertEquals((int) report.get("usersHeldout"), c.usersHeldout().orElseThrow().rows());
        // Layout: item [v, b_i, 1], user [u, 1, mu + b_u].
        assertEquals(1f, c.vectors().row(0)[9]);
        assertEquals(1f, c.usersTrain().orElseThrow().getFloat(0, 8));
        float muPlusBias = c.usersTrain().orElseThrow().getFloat(0, 9);
        assertTrue(muPlusBias > 1.5 && muPlusBias < 5.5, "mu + b_u " + muPlusBias);
        // Deterministic for a seed.
        RatingsEmbedder.Result again = new RatingsEmbedder(settings).build(ratings, known, it -> {});
        assertArrayEquals(r.itemVectors(), again.itemVectors());
        assertArrayEquals(r.usersHeldout(), again.usersHeldout());
    }

    @Test
    void splitIsSeededAndRoughlyProportional() {
        RatingsEmbedder e = new RatingsEmbedder(new RatingsEmbedder.Settings(4, new int[] {60, 20, 20}, 1, 1, 0.1,
                BiasedAls.Solver.JAVA));
        int[] count = new int[4];
        for (int u = 1; u <= 10_000; u++) {
            count[e.group(u)]++;
        }
        assertTrue(Math.abs(count[1] - 6000) < 300 && Math.abs(count[2] - 2000) < 250, java.util.Arrays.toString(count));
        assertEquals(e.group(42), new RatingsEmbedder(new RatingsEmbedder.Settings(4, new int[] {60, 20, 20}, 1, 9, 0.5,
                BiasedAls.Solver.JAVA)).group(42));
    }

    @Test
    void refusesBadSettings() {
        assertThrows(IllegalArgumentException.class, () -> new RatingsEmbedder.Settings(8, new int[] {60, 20, 10}, 1, 5, 0.1,
                BiasedAls.Solver.JAVA));
        assertThrows(IllegalArgumentException.class, () -> new RatingsEmbedder.Settings(0, new int[] {60, 20, 20}, 1, 5, 0.1,
                BiasedAls.Solver.JAVA));
        assertThrows(IllegalArgumentException.class, () -> RatingsFormat.parse("ml-1m"));
    }

    @Test
    void javaAndNd4jSolversAgree() {
        int[] r = {0, 0, 0, 1, 1, 2, 2, 2};
        int[] c = {0, 1, 2, 0, 2, 1, 2, 3};
        float[] v = {4, 3, 5, 2, 4, 5, 1, 3};
        BiasedAls.Sparse byUser = BiasedAls.Sparse.of(3, r, c, v);
        BiasedAls.Sparse byItem = BiasedAls.Sparse.of(4, c, r, v);
        BiasedAls.Model a = new BiasedAls(3, 0.1, 4, 5, BiasedAls.Solver.JAVA).fit(byUser, byItem, it -> {});
        BiasedAls.Model b = new BiasedAls(3, 0.1, 4, 5, BiasedAls.Solver.ND4J).fit(byUser, byItem, it -> {});
        assertArrayEquals(a.itemFactors(), b.itemFactors(), 1e-6);
        assertArrayEquals(a.userBias(), b.userBias(), 1e-6);
    }
}
