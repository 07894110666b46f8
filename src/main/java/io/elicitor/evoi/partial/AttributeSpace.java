package io.elicitor.evoi.partial;

import io.elicitor.evoi.Combinations;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The item space seen as attributes a person can compare: which vector columns each attribute owns, the values
 * an option may take there, and the display precision. A partial item sets the columns of a few attributes and
 * leaves every other column 0: under linear utility the attributes it does not show are "equal" across the
 * options, so they cancel in the choice model and an option's utility is {@code w_S·x_S}.
 *
 * <p>Numeric attributes own one standardised column and take values in their observed range; categorical ones
 * own one indicator column per level and take one level. The engine works in standardised units; a catalog
 * supplies the mean, standard deviation and decimals so that a value can be rounded as it will be shown.
 * Immutable and thread-safe.
 */
public final class AttributeSpace {
    /** Values of the numeric grid: the smallest, lower quartile, median, upper quartile and largest observed. */
    public static final int GRID_POINTS = 5;

    /**
     * One attribute.
     *
     * @param name what a person reads
     * @param columns the vector columns it owns: one for a numeric attribute, one per level for a categorical one
     * @param categorical whether it is categorical (its columns are level indicators)
     * @param grid numeric: the grid values in standardised units, ascending (the first is the smallest observed
     *             value, the last the largest: the range options are projected onto); categorical: empty
     * @param mean numeric: the mean the column was standardised with
     * @param std numeric: the standard deviation it was divided by (0 for a constant column)
     * @param decimals numeric: decimals a value is shown with
     */
    public record Attribute(String name, int[] columns, boolean categorical, float[] grid, double mean, double std,
                            int decimals) {
        /** Validates eagerly. */
        public Attribute {
            Objects.requireNonNull(name, "name");
            columns = columns.clone();
            grid = grid.clone();
            if (columns.length == 0 || (!categorical && (columns.length != 1 || grid.length == 0))) {
                throw new IllegalArgumentException("attribute " + name + ": a numeric attribute needs one column and a"
                        + " grid, a categorical one at least one level column");
            }
        }

        /** Smallest allowed standardised value (numeric). */
        public float low() {
            return grid[0];
        }

        /** Largest allowed standardised value (numeric). */
        public float high() {
            return grid[grid.length - 1];
        }

        /** Number of values a grid option takes here: the grid's for a numeric attribute, the levels' otherwise. */
        public int choices() {
            return categorical ? columns.length : grid.length;
        }

        /** A standardised value rounded as it is shown: to {@link #decimals} in the original units, then back. */
        public float rounded(float standardised) {
            if (!(std > 0)) {
                return 0f;
            }
            return (float) ((shown(mean, std, decimals, standardised).doubleValue() - mean) / std);
        }
    }

    /**
     * The value a person is shown for a standardised one: {@code mean + std · standardised} in the original units,
     * rounded half up to {@code decimals}. The one rounding rule: the engine rounds its options by it and the
     * catalog reads vectors back by it, so the query scored is the query shown.
     */
    public static BigDecimal shown(double mean, double std, int decimals, double standardised) {
        return BigDecimal.valueOf(mean + std * standardised).setScale(decimals, RoundingMode.HALF_UP);
    }

    private final List<Attribute> attributes;
    private final int dimension;

    /** A space of these attributes over vectors of {@code dimension} columns; no column may have two owners. */
    public AttributeSpace(List<Attribute> attributes, int dimension) {
        this.attributes = List.copyOf(attributes);
        this.dimension = dimension;
        boolean[] owned = new boolean[dimension];
        for (Attribute a : this.attributes) {
            for (int c : a.columns()) {
                if (c < 0 || c >= dimension || owned[c]) {
                    throw new IllegalArgumentException("attribute " + a.name() + ": column " + c
                            + " is outside 0.." + (dimension - 1) + " or owned twice");
                }
                owned[c] = true;
            }
        }
        if (this.attributes.isEmpty()) {
            throw new IllegalArgumentException("an attribute space needs at least one attribute");
        }
    }

    /** Number of attributes. */
    public int size() {
        return attributes.size();
    }

    /** Attribute {@code i}. */
    public Attribute attribute(int i) {
        return attributes.get(i);
    }

    /** The vectors' dimension d. */
    public int dimension() {
        return dimension;
    }

    /** Number of attribute subsets of size s, {@code C(size, s)} ({@link Combinations#count}, saturating). */
    public long subsetCount(int s) {
        return Combinations.count(size(), s);
    }

    /** Every attribute subset of size s, each ascending, in lexicographic order. */
    public List<int[]> subsets(int s) {
        if (s < 1 || s > size()) {
            throw new IllegalArgumentException("subset size must be 1.." + size() + ", got " + s);
        }
        List<int[]> out = new ArrayList<>();
        int[] c = Combinations.first(s);
        do {
            out.add(c.clone());
        } while (Combinations.next(c, size()));
        return out;
    }

    /**
     * Every grid option of a subset as vectors ({@code n × d}, row-major): the Cartesian product of each numeric
     * attribute's grid values and each categorical attribute's levels, every other column 0.
     */
    public float[] gridOptions(int[] subset) {
        int n = 1;
        for (int a : subset) {
            n = Math.multiplyExact(n, attribute(a).choices());
        }
        float[] out = new float[n * dimension];
        for (int o = 0; o < n; o++) {
            int rest = o;
            for (int a : subset) {
                Attribute at = attribute(a);
                int pick = rest % at.choices();
                rest /= at.choices();
                if (at.categorical()) {
                    out[o * dimension + at.columns()[pick]] = 1f;
                } else {
                    out[o * dimension + at.columns()[0]] = at.grid()[pick];
                }
            }
        }
        return out;
    }

    /**
     * Rounds options in place to what a person is shown ({@code rows × d}): each numeric value of the subset
     * clipped to its range and rounded to its decimals, each categorical attribute set to its largest column's
     * level (ties to the first), every column outside the subset 0.
     */
    public void round(float[] options, int[] subset) {
        int rows = options.length / dimension;
        boolean[] keep = new boolean[dimension];
        for (int a : subset) {
            for (int c : attribute(a).columns()) {
                keep[c] = true;
            }
        }
        for (int r = 0; r < rows; r++) {
            int base = r * dimension;
            for (int c = 0; c < dimension; c++) {
                options[base + c] = keep[c] ? options[base + c] : 0f;
            }
            for (int a : subset) {
                Attribute at = attribute(a);
                int[] cols = at.columns();
                if (!at.categorical()) {
                    float v = Math.max(at.low(), Math.min(at.high(), options[base + cols[0]]));
                    options[base + cols[0]] = Math.max(at.low(), Math.min(at.high(), at.rounded(v)));
                    continue;
                }
                int best = 0;
                for (int l = 1; l < cols.length; l++) {
                    best = options[base + cols[l]] > options[base + cols[best]] ? l : best;
                }
                for (int l = 0; l < cols.length; l++) {
                    options[base + cols[l]] = l == best ? 1f : 0f;
                }
            }
        }
    }

    @Override
    public String toString() {
        return "AttributeSpace" + attributes.stream().map(a -> a.name() + (a.categorical() ? "(" + a.columns().length
                + " levels)" : Arrays.toString(a.grid()))).toList();
    }
}
