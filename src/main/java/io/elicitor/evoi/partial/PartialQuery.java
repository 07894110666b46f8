package io.elicitor.evoi.partial;

import io.elicitor.evoi.belief.Observation;
import java.util.Arrays;
import java.util.Objects;

/**
 * A question over partial items: k options that each set the same attributes and leave the rest "equal".
 *
 * @param attributes indices of the shown attributes in the {@link AttributeSpace}, ascending
 * @param options the options as vectors, {@code k × d} row-major, 0 outside the shown attributes' columns
 * @param size the number of options k
 */
public record PartialQuery(int[] attributes, float[] options, int size) {
    /** Validates the shape eagerly and copies. */
    public PartialQuery {
        Objects.requireNonNull(attributes, "attributes");
        Objects.requireNonNull(options, "options");
        if (size < 2 || options.length == 0 || options.length % size != 0 || attributes.length == 0) {
            throw new IllegalArgumentException("a partial query needs k >= 2 options of equal length and an attribute");
        }
        attributes = attributes.clone();
        options = options.clone();
    }

    /** Dimension of the option vectors. */
    public int dimension() {
        return options.length / size;
    }

    /** Option i's vector (a copy). */
    public float[] option(int i) {
        return Arrays.copyOfRange(options, i * dimension(), (i + 1) * dimension());
    }

    /** The answer "option {@code chosen}" as the belief update sees it: the same likelihood as an item query. */
    public Observation observation(int chosen) {
        return new Observation(options, size, chosen);
    }
}
