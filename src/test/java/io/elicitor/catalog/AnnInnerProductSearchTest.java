package io.elicitor.catalog;

import io.elicitor.catalog.embed.SyntheticCatalog;
import io.elicitor.evoi.ItemMatrix;
import io.elicitor.evoi.value.ExactInnerProductSearch;
import io.elicitor.evoi.value.InnerProductSearch;
import java.util.BitSet;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Recall of the jvector index against exact search on a 20k synthetic catalog, its memo of repeats, and its edge cases. */
class AnnInnerProductSearchTest {
    private static final int N = 20_000;
    private static final int D = 16;
    private static ItemMatrix items;
    private static AnnInnerProductSearch ann;
    private static ExactInnerProductSearch exact;

    @BeforeAll
    static void build() {
        items = ItemMatrix.of(SyntheticCatalog.vectors(N, D, 200, 7), N, D);
        // One build thread: a multi-threaded build inserts in scheduling order, so its recall varies from run to run.
        ann = AnnInnerProductSearch.build(items, AnnInnerProductSearch.Settings.defaults(), 1);
        exact = new ExactInnerProductSearch(items);
    }

    @Test
    void recallAt10IsAtLeast095() {
        float[][] queries = SyntheticCatalog.queries(100, D, 7);
        double hits = 0;
        for (float[] q : queries) {
            Set<Integer> truth = new HashSet<>();
            for (int i : exact.topK(q, 10, null)) {
                truth.add(i);
            }
            int[] found = ann.topK(q, 10, null);
            assertEquals(10, found.length);
            for (int i : found) {
                hits += truth.contains(i) ? 1 : 0;
            }
        }
        double recall = hits / (queries.length * 10.0);
        assertTrue(recall >= 0.95, "recall@10 " + recall);
        assertTrue(ann.rangeCount() > 1, "norm ranges built: " + ann.rangeCount());
    }

    @Test
    void resultsAreExactlyRescoredAndSortedBestFirst() {
        float[] q = SyntheticCatalog.queries(1, D, 99)[0];
        int[] found = ann.topK(q, 10, null);
        float[] scores = items.scores(q);
        for (int i = 1; i < found.length; i++) {
            assertTrue(scores[found[i - 1]] >= scores[found[i]] - 1e-5f);
        }
    }

    @Test
    void neverReturnsExcludedItems() {
        float[] q = SyntheticCatalog.queries(1, D, 5)[0];
        int[] first = ann.topK(q, 10, null);
        BitSet excluded = new BitSet(N);
        for (int i : first) {
            excluded.set(i);
        }
        for (int i = 0; i < N; i += 3) {
            excluded.set(i);
        }
        for (int i : ann.topK(q, 10, excluded)) {
            assertFalse(excluded.get(i), "returned excluded item " + i);
        }
        // Most of the catalog excluded: falls back to exact search, which gives the same answer.
        BitSet most = new BitSet(N);
        most.set(0, N - 500);
        assertArrayEquals(exact.topK(q, 10, most), ann.topK(q, 10, most));
    }

    @Test
    void aRepeatedSearchIsAnsweredFromTheMemoWithTheSameItems() {
        AnnInnerProductSearch walking = ann.withoutMemo();
        AnnInnerProductSearch memoized = ann.withRerankDepth(ann.settings().rerankDepth()); // a fresh memo
        float[][] qs = SyntheticCatalog.queries(50, D, 11);
        BitSet excluded = new BitSet();
        excluded.set(3);
        excluded.set(N - 1);
        for (float[] q : qs) {
            int[] first = memoized.topK(q, 10, excluded);
            first[0] = -1; // the caller may change what it got: the memo keeps its own copy
            assertArrayEquals(walking.topK(q, 10, excluded), memoized.topK(q, 10, excluded));
        }
        assertArrayEquals(new long[] {50, 50}, memoized.memoHitsAndMisses());

        float[] q = qs[0].clone();
        memoized.topK(q, 10, excluded);
        q[0] = Math.nextUp(q[0]); // one ulp away: another query
        memoized.topK(q, 10, excluded);
        memoized.topK(qs[0], 9, excluded); // another k
        memoized.topK(qs[0], 10, null); // other exclusions
        assertArrayEquals(new long[] {51, 53}, memoized.memoHitsAndMisses());
        assertArrayEquals(walking.topK(q, 10, excluded), memoized.topK(q, 10, excluded));
        assertEquals(0, walking.memoHitsAndMisses()[0]);
    }

    @Test
    void validatesArguments() {
        assertThrows(IllegalArgumentException.class, () -> ann.topK(new float[D + 1], 10, null));
        assertThrows(IllegalArgumentException.class, () -> ann.topK(new float[D], 0, null));
        assertThrows(IllegalArgumentException.class, () -> new AnnInnerProductSearch.Settings(1, 100, 100, 1.2f, 8, 1.1, true));
    }

    @Test
    void registryChoosesAnnAboveTheThreshold() throws Exception {
        CatalogRegistry small = new CatalogRegistry(1_000_000);
        CatalogRegistry large = new CatalogRegistry(1_000);
        Catalog c = tinyCatalog(3_000);
        InnerProductSearch s1 = small.searchFor(c);
        InnerProductSearch s2 = large.searchFor(c);
        assertTrue(s1 instanceof ExactInnerProductSearch, s1.getClass().getName());
        assertTrue(s2 instanceof AnnInnerProductSearch, s2.getClass().getName());
        assertEquals(CatalogRegistry.DEFAULT_ANN_THRESHOLD, new CatalogRegistry().annThreshold());
    }

    private static Catalog tinyCatalog(int n) {
        java.util.List<Item> list = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(new Item("i" + i, "Item " + i, java.util.Map.of()));
        }
        return new Catalog(new CatalogManifest("tiny", "1", null, 4, n, CatalogManifest.Files.standard(), null, null, null), list,
                ItemMatrix.of(SyntheticCatalog.vectors(n, 4, 10, 3), n, 4), null, null);
    }
}
