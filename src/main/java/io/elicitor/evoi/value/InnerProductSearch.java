package io.elicitor.evoi.value;

import io.elicitor.evoi.ItemMatrix;
import java.util.BitSet;

/**
 * Maximum inner product search over a catalog: the items {@code y} with the largest {@code q·y}. Because
 * utility is linear, every "best item for this belief / this particle" question is one of these. Exact
 * search costs {@code O(N·d)} per query; approximate indexes trade a little recall for sub-linear cost.
 */
public interface InnerProductSearch {
    /** The catalog searched. */
    ItemMatrix items();

    /** Indices of the {@code k} items with the largest {@code q·y}, best first, skipping {@code excluded}. */
    int[] topK(float[] query, int k, BitSet excluded);

    /**
     * The same for several queries at once; implementations batch them into one product where they can.
     */
    default int[][] topK(float[][] queries, int k, BitSet excluded) {
        int[] ks = new int[queries.length];
        java.util.Arrays.fill(ks, k);
        return topK(queries, ks, excluded);
    }

    /** Several queries, each with its own k ({@code ks[i]} for {@code queries[i]}), in one batch. */
    default int[][] topK(float[][] queries, int[] ks, BitSet excluded) {
        requireOneKPerQuery(queries, ks);
        int[][] out = new int[queries.length][];
        for (int i = 0; i < queries.length; i++) {
            out[i] = topK(queries[i], ks[i], excluded);
        }
        return out;
    }

    /** Refuses a batch whose {@code ks} do not pair one to one with its queries. */
    static void requireOneKPerQuery(float[][] queries, int[] ks) {
        if (ks.length != queries.length) {
            throw new IllegalArgumentException(queries.length + " queries but " + ks.length + " values of k");
        }
    }
}
