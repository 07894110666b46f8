package io.elicitor.catalog;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.elicitor.evoi.partial.AttributeSpace;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How an attribute catalog's vector columns relate to the attributes a person knows: for every column its
 * source attribute (and, for a categorical one, the level it is the indicator of), and for every attribute its
 * kind, the mean and standard deviation its values were standardised with (numeric) or its levels
 * (categorical), and the range observed in the table. With it any vector, a real item's or a made-up one's,
 * reads back as values in the original units ({@link #read}). {@code embed --attributes} writes it into the
 * manifest as {@code schema}; ratings catalogs have none (their columns are latent factors).
 *
 * @param attributes the attributes, each once, in the order their first column appears
 * @param columns one entry per vector column, in column order
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AttributeSchema(List<Attribute> attributes, List<Column> columns) {
    /** Kind of a numeric attribute: one standardised column. */
    public static final String NUMERIC = "numeric";
    /** Kind of a categorical attribute: one indicator column per level. */
    public static final String CATEGORICAL = "categorical";

    /**
     * One attribute of the source table.
     *
     * @param name the column name in the source table
     * @param kind {@link #NUMERIC} or {@link #CATEGORICAL}
     * @param mean numeric: the mean subtracted before scaling
     * @param std numeric: the standard deviation divided by (0 for a constant column)
     * @param min numeric: the smallest observed value
     * @param max numeric: the largest observed value
     * @param decimals numeric: the decimals values are shown with (the fewest that write every observed value)
     * @param levels categorical: every observed level, in column order
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Attribute(String name, String kind, Double mean, Double std, Double min, Double max, Integer decimals,
                            List<String> levels) {
        /** Freezes the levels. */
        public Attribute {
            levels = levels == null ? null : List.copyOf(levels);
        }

        /** A numeric attribute. */
        public static Attribute numeric(String name, double mean, double std, double min, double max, int decimals) {
            return new Attribute(name, NUMERIC, mean, std, min, max, decimals, null);
        }

        /** A categorical attribute with its levels. */
        public static Attribute categorical(String name, List<String> levels) {
            return new Attribute(name, CATEGORICAL, null, null, null, null, null, levels);
        }

        /** Whether this attribute is numeric. */
        @JsonIgnore
        public boolean isNumeric() {
            return NUMERIC.equals(kind);
        }

        /** A standardised value in the original units, rounded to {@link #decimals} ({@link AttributeSpace#shown}). */
        public Number original(double standardised) {
            BigDecimal rounded = AttributeSpace.shown(mean, std, decimals, standardised);
            return decimals == 0 ? (Number) rounded.longValue() : (Number) rounded.doubleValue();
        }
    }

    /**
     * One vector column.
     *
     * @param attribute the attribute it comes from
     * @param level categorical only: the level it indicates
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Column(String attribute, String level) {}

    /** Freezes the lists; a null attribute or column is refused here (List.copyOf), so checks need not expect one. */
    public AttributeSchema {
        attributes = List.copyOf(Objects.requireNonNull(attributes, "attributes"));
        columns = List.copyOf(Objects.requireNonNull(columns, "columns"));
    }

    /** Every problem with this schema for vectors of {@code dimension} columns; empty when it is consistent. */
    public List<String> problems(int dimension) {
        List<String> p = new ArrayList<>();
        if (columns.size() != dimension) {
            p.add("schema: " + columns.size() + " columns described, the vectors have " + dimension);
        }
        Map<String, Attribute> byName = new LinkedHashMap<>();
        for (int i = 0; i < attributes.size(); i++) {
            Attribute a = attributes.get(i);
            String at = "schema: attribute " + i;
            if (a.name() == null || a.name().isBlank()) {
                p.add(at + " has no name");
                continue;
            }
            at += " '" + a.name() + "'";
            if (byName.put(a.name(), a) != null) {
                p.add(at + " is described twice");
            }
            if (a.isNumeric()) {
                if (a.mean() == null || a.std() == null || a.min() == null || a.max() == null || a.decimals() == null
                        || !Double.isFinite(a.mean()) || !(a.std() >= 0) || !Double.isFinite(a.std())
                        || !(a.min() <= a.max()) || a.decimals() < 0 || a.decimals() > 10 || a.levels() != null) {
                    p.add(at + " (numeric) needs finite mean, std >= 0, min <= max, decimals 0..10 and no levels");
                }
            } else if (CATEGORICAL.equals(a.kind())) {
                if (a.levels() == null || a.levels().isEmpty() || a.mean() != null || a.std() != null) {
                    p.add(at + " (categorical) needs its levels and no mean or std");
                }
            } else {
                p.add(at + " has kind '" + a.kind() + "'; expected numeric or categorical");
            }
        }
        Map<String, Integer> numericColumns = new LinkedHashMap<>();
        for (int c = 0; c < columns.size(); c++) {
            Column col = columns.get(c);
            Attribute a = byName.get(col.attribute());
            if (a == null) {
                p.add("schema: column " + c + " names no described attribute");
            } else if (a.isNumeric() && col.level() != null) {
                p.add("schema: column " + c + " gives a level for numeric attribute '" + a.name() + "'");
            } else if (a.isNumeric() && numericColumns.put(a.name(), c) != null) {
                p.add("schema: numeric attribute '" + a.name() + "' has two columns");
            } else if (!a.isNumeric() && (a.levels() == null || !a.levels().contains(col.level()))) {
                p.add("schema: column " + c + " indicates level '" + col.level() + "', not a level of '" + a.name() + "'");
            }
        }
        return p;
    }

    /**
     * A vector read as a person would: each numeric attribute in its original units, rounded; each categorical
     * attribute as the level whose column is largest (ties to the first level). Keys in attribute order.
     */
    public Map<String, Object> read(float[] vector) {
        if (vector.length != columns.size()) {
            throw new IllegalArgumentException("vector has " + vector.length + " values, the schema " + columns.size());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Integer> bestColumn = new LinkedHashMap<>();
        for (Attribute a : attributes) {
            out.put(a.name(), null);
        }
        for (int c = 0; c < columns.size(); c++) {
            Column col = columns.get(c);
            Attribute a = attribute(col.attribute());
            if (a.isNumeric()) {
                out.put(a.name(), a.original(vector[c]));
            } else {
                Integer best = bestColumn.get(a.name());
                if (best == null || vector[c] > vector[best]) {
                    bestColumn.put(a.name(), c);
                    out.put(a.name(), col.level());
                }
            }
        }
        return out;
    }

    /** The attribute with this name; fails when there is none. */
    public Attribute attribute(String name) {
        for (Attribute a : attributes) {
            if (a.name().equals(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException("no attribute '" + name + "' in the schema");
    }
}
