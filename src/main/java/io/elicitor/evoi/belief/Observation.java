package io.elicitor.evoi.belief;

import io.elicitor.evoi.Buffers;
import io.elicitor.evoi.ItemMatrix;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One answered query as the engine sees it: the shown items' vectors ({@code k × d}, row-major) and the
 * index of the chosen one. Holds plain arrays so that it can be logged, stored and replayed.
 */
public record Observation(float[] slate, int slateSize, int chosen) {
    /** Validates the shape eagerly. */
    public Observation {
        Objects.requireNonNull(slate, "slate");
        if (slateSize < 2 || slate.length % slateSize != 0) {
            throw new IllegalArgumentException("slate must hold k >= 2 vectors of equal length");
        }
        if (chosen < 0 || chosen >= slateSize) {
            throw new IllegalArgumentException("chosen index " + chosen + " outside 0.." + (slateSize - 1));
        }
    }

    /** The observation of choosing {@code chosen} among the given rows of {@code items}. */
    public static Observation of(ItemMatrix items, int[] slate, int chosen) {
        return new Observation(Buffers.toArray(items.rows(slate)), slate.length, chosen);
    }

    /** Dimension of the items. */
    public int dimension() {
        return slate.length / slateSize;
    }

    /** The slate as a {@code k × d} matrix. */
    public INDArray slateMatrix() {
        return Nd4j.create(slate, new long[] {slateSize, dimension()}, 'c');
    }
}
