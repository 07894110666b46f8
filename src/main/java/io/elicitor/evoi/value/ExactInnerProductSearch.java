package io.elicitor.evoi.value;

import io.elicitor.evoi.Buffers;
import io.elicitor.evoi.ItemMatrix;
import io.elicitor.evoi.TopK;
import java.util.BitSet;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Exact maximum inner product search by blocked matrix products: a batch of Q queries is scored against
 * blocks of catalog rows ({@code block × d · d × Q}), keeping a top-k heap per query, so memory stays at
 * {@code block × Q} floats whatever N is. Cost {@code O(N·d·Q)}.
 */
public final class ExactInnerProductSearch implements InnerProductSearch {
    private static final int BLOCK_ROWS = 65_536;

    private final ItemMatrix items;

    /** Exact search over the given items. */
    public ExactInnerProductSearch(ItemMatrix items) {
        this.items = items;
    }

    @Override
    public ItemMatrix items() {
        return items;
    }

    @Override
    public int[] topK(float[] query, int k, BitSet excluded) {
        return topK(new float[][] {query}, k, excluded)[0];
    }

    @Override
    public int[][] topK(float[][] queries, int[] ks, BitSet excluded) {
        InnerProductSearch.requireOneKPerQuery(queries, ks);
        int q = queries.length;
        int d = items.dimension();
        float[] flat = new float[q * d];
        for (int i = 0; i < q; i++) {
            if (queries[i].length != d) {
                throw new IllegalArgumentException("query " + i + " has dimension " + queries[i].length + ", items " + d);
            }
            System.arraycopy(queries[i], 0, flat, i * d, d);
        }
        INDArray qs = Buffers.fromArray(flat, q, d);
        TopK[] heaps = new TopK[q];
        for (int i = 0; i < q; i++) {
            heaps[i] = new TopK(ks[i]);
        }
        int n = items.size();
        for (int start = 0; start < n; start += BLOCK_ROWS) {
            int end = Math.min(n, start + BLOCK_ROWS);
            INDArray block = items.vectors().get(org.nd4j.linalg.indexing.NDArrayIndex.interval(start, end),
                    org.nd4j.linalg.indexing.NDArrayIndex.all());
            INDArray scores = Nd4j.create(DataType.FLOAT, new long[] {q, end - start}, 'c');
            Nd4j.gemm(qs, block, scores, false, true, 1.0, 0.0);
            float[] s = Buffers.toArray(scores);
            int width = end - start;
            for (int i = 0; i < q; i++) {
                TopK h = heaps[i];
                int base = i * width;
                for (int r = 0; r < width; r++) {
                    int idx = start + r;
                    if (excluded == null || !excluded.get(idx)) {
                        h.offer(idx, s[base + r]);
                    }
                }
            }
        }
        int[][] out = new int[q][];
        for (int i = 0; i < q; i++) {
            out[i] = heaps[i].indices();
        }
        return out;
    }
}
