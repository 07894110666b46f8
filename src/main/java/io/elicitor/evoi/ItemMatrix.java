package io.elicitor.evoi;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The item embeddings of one catalog as a read-only {@code N × d} float32 matrix.
 *
 * <p>Shared by every session of a catalog, so it must never be written to after construction; ND4J
 * arrays are not thread-safe for writes but concurrent reads are fine. Scores are computed with one
 * BLAS product per call: {@code O(N·d)} per scored vector.
 */
public final class ItemMatrix {
    private final INDArray vectors;
    private final int size;
    private final int dimension;

    /** Wraps an {@code N × d} matrix; it is converted to a row-major float32 copy when needed. */
    public ItemMatrix(INDArray vectors) {
        Objects.requireNonNull(vectors, "vectors");
        if (vectors.rank() != 2 || vectors.rows() == 0 || vectors.columns() == 0) {
            throw new IllegalArgumentException("item vectors must be a non-empty N x d matrix, got shape "
                    + Arrays.toString(vectors.shape()));
        }
        INDArray v = vectors.dataType() == DataType.FLOAT ? vectors : vectors.castTo(DataType.FLOAT);
        this.vectors = v.ordering() == 'c' && !v.isView() ? v : v.dup('c');
        this.size = (int) this.vectors.rows();
        this.dimension = (int) this.vectors.columns();
    }

    /** Builds a matrix from row-major float data. */
    public static ItemMatrix of(float[] rowMajor, int n, int d) {
        if ((long) n * d != rowMajor.length) {
            throw new IllegalArgumentException("expected " + n + " x " + d + " values, got " + rowMajor.length);
        }
        return new ItemMatrix(Nd4j.create(rowMajor, new long[] {n, d}, 'c'));
    }

    public int size() {
        return size;
    }

    public int dimension() {
        return dimension;
    }

    /** The whole matrix; callers must not modify it. */
    public INDArray vectors() {
        return vectors;
    }

    /**
     * The rows at the given indices, as a new {@code k × d} matrix: one native gather, because a
     * {@code putRow} per index costs tens of microseconds each in ND4J.
     */
    public INDArray rows(int[] indices) {
        for (int i : indices) {
            checkIndex(i);
        }
        return Nd4j.pullRows(vectors, 1, indices, 'c');
    }

    /** One item's vector as a Java array. */
    public float[] row(int index) {
        checkIndex(index);
        return vectors.getRow(index).toFloatVector();
    }

    /** Inner products {@code X·w} of every item with one vector {@code w} of length d. */
    public float[] scores(float[] w) {
        if (w.length != dimension) {
            throw new IllegalArgumentException("vector has dimension " + w.length + ", items have " + dimension);
        }
        INDArray col = Nd4j.create(w, new long[] {dimension, 1}, 'c');
        INDArray out = Nd4j.createUninitialized(DataType.FLOAT, new long[] {size, 1}, 'c');
        // gemm into a preallocated output: mmul on row-major arrays is far slower (stack-notes).
        Nd4j.gemm(vectors, col, out, false, false, 1.0, 0.0);
        return Buffers.toArray(out);
    }

    /**
     * The {@code k} items with the largest scores, best first, skipping {@code excluded} (may be null).
     * Ties break towards the lower index so that results are deterministic.
     */
    public static int[] topK(float[] scores, int k, BitSet excluded) {
        TopK top = new TopK(k);
        for (int i = 0; i < scores.length; i++) {
            if (excluded == null || !excluded.get(i)) {
                top.offer(i, scores[i]);
            }
        }
        return top.indices();
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("item index " + index + " outside 0.." + (size - 1));
        }
    }
}
