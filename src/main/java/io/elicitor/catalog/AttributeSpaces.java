package io.elicitor.catalog;

import io.elicitor.evoi.Buffers;
import io.elicitor.evoi.partial.AttributeSpace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The engine's {@link AttributeSpace} of a catalog with an {@link AttributeSchema}: each attribute's columns,
 * and for a numeric one its grid, the smallest, lower-quartile, median, upper-quartile and largest value its
 * items take (nearest rank, duplicates dropped), so that every grid value is one some item has and reads back
 * exactly. Ratings catalogs have no schema and so no attribute space.
 */
public final class AttributeSpaces {
    private static final double[] QUANTILES = {0.0, 0.25, 0.5, 0.75, 1.0};

    private AttributeSpaces() {}

    /** The catalog's attribute space, or empty when it has no schema. Costs {@code O(N log N)} per numeric attribute. */
    public static Optional<AttributeSpace> of(Catalog catalog) {
        return catalog.schema().map(schema -> of(schema, Buffers.toArray(catalog.vectors().vectors()), catalog.size()));
    }

    /** The space of a schema over {@code n} items' row-major vectors. */
    static AttributeSpace of(AttributeSchema schema, float[] vectors, int n) {
        int d = schema.columns().size();
        Map<String, List<Integer>> columns = new LinkedHashMap<>();
        for (int c = 0; c < d; c++) {
            columns.computeIfAbsent(schema.columns().get(c).attribute(), a -> new ArrayList<>()).add(c);
        }
        List<AttributeSpace.Attribute> out = new ArrayList<>();
        for (AttributeSchema.Attribute a : schema.attributes()) {
            int[] cols = columns.getOrDefault(a.name(), List.of()).stream().mapToInt(Integer::intValue).toArray();
            if (cols.length == 0) {
                continue;
            }
            if (a.isNumeric()) {
                out.add(new AttributeSpace.Attribute(a.name(), cols, false, grid(vectors, n, d, cols[0]), a.mean(), a.std(),
                        a.decimals()));
            } else {
                out.add(new AttributeSpace.Attribute(a.name(), cols, true, new float[0], 0, 0, 0));
            }
        }
        return new AttributeSpace(out, d);
    }

    private static float[] grid(float[] vectors, int n, int d, int column) {
        float[] sorted = new float[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = vectors[i * d + column];
        }
        Arrays.sort(sorted);
        float[] grid = new float[QUANTILES.length];
        int count = 0;
        for (double q : QUANTILES) {
            float v = sorted[(int) Math.max(0, Math.ceil(q * n) - 1)];
            if (count == 0 || v != grid[count - 1]) {
                grid[count++] = v;
            }
        }
        return Arrays.copyOf(grid, count);
    }
}
