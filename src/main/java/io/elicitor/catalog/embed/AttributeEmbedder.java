package io.elicitor.catalog.embed;

import io.elicitor.catalog.AttributeSchema;
import io.elicitor.catalog.CatalogException;
import io.elicitor.catalog.Item;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Turns a table of item attributes into item vectors: each numeric column standardised to mean 0 and unit
 * variance (gaps imputed with the column mean, and counted), each categorical column one-hot (a gap is a
 * level of its own, {@code (missing)}). ISO dates in a numeric column become fractional years, so a
 * {@code Year} of {@code 1970-01-01} is 1970.0.
 */
public final class AttributeEmbedder {
    /** The level that stands for a missing categorical value. */
    public static final String MISSING = "(missing)";

    private final List<String> numeric;
    private final List<String> categorical;
    private final String titleColumn;
    private final String idColumn;

    /** What to read from each row; {@code idColumn} may be null (rows are then numbered). */
    public AttributeEmbedder(List<String> numeric, List<String> categorical, String titleColumn, String idColumn) {
        this.numeric = List.copyOf(numeric);
        this.categorical = List.copyOf(categorical);
        this.titleColumn = Objects.requireNonNull(titleColumn, "titleColumn");
        this.idColumn = idColumn;
        if (numeric.isEmpty() && categorical.isEmpty()) {
            throw new IllegalArgumentException("name at least one numeric or categorical column");
        }
    }

    /**
     * The embedded table.
     *
     * @param items the items, in row order
     * @param vectors row-major {@code N × d} values
     * @param columns the name of each of the d vector coordinates
     * @param imputed number of imputed values per numeric column
     * @param means column means used for standardising
     * @param stds column standard deviations used for standardising
     * @param schema how each vector column reads back as an attribute value
     */
    public record Result(List<Item> items, float[] vectors, List<String> columns, Map<String, Integer> imputed,
                         Map<String, Double> means, Map<String, Double> stds, AttributeSchema schema) {
        /** Dimension d. */
        public int dimension() {
            return columns.size();
        }
    }

    /** Embeds the rows; {@code source} names the input in error messages. */
    public Result embed(List<Map<String, Object>> rows, String source) throws CatalogException {
        if (rows.isEmpty()) {
            throw new CatalogException(source + ": the table has no rows");
        }
        int n = rows.size();
        List<String> columns = new ArrayList<>();
        Map<String, Integer> imputed = new LinkedHashMap<>();
        Map<String, Double> means = new LinkedHashMap<>();
        Map<String, Double> stds = new LinkedHashMap<>();
        List<double[]> numericValues = new ArrayList<>();
        List<AttributeSchema.Attribute> described = new ArrayList<>();
        List<AttributeSchema.Column> describedColumns = new ArrayList<>();
        for (String col : numeric) {
            double[] v = new double[n];
            boolean[] present = new boolean[n];
            double sum = 0;
            int count = 0;
            for (int r = 0; r < n; r++) {
                Double x = parseNumber(rows.get(r).get(col), source, r, col);
                if (x != null) {
                    v[r] = x;
                    present[r] = true;
                    sum += x;
                    count++;
                }
            }
            if (count == 0) {
                throw new CatalogException(source + ": numeric column '" + col + "' has no values");
            }
            double mean = sum / count;
            double ss = 0;
            for (int r = 0; r < n; r++) {
                if (!present[r]) {
                    v[r] = mean;
                }
                ss += (v[r] - mean) * (v[r] - mean);
            }
            double std = Math.sqrt(ss / n);
            described.add(describe(col, v, present, mean, std));
            describedColumns.add(new AttributeSchema.Column(col, null));
            for (int r = 0; r < n; r++) {
                v[r] = std > 0 ? (v[r] - mean) / std : 0.0;
            }
            imputed.put(col, n - count);
            means.put(col, mean);
            stds.put(col, std);
            numericValues.add(v);
            columns.add(col);
        }
        List<List<String>> levelsPerColumn = new ArrayList<>();
        for (String col : categorical) {
            TreeSet<String> levels = new TreeSet<>();
            for (Map<String, Object> row : rows) {
                levels.add(level(row.get(col)));
            }
            List<String> ordered = new ArrayList<>(levels);
            levelsPerColumn.add(ordered);
            described.add(AttributeSchema.Attribute.categorical(col, ordered));
            for (String l : ordered) {
                columns.add(col + "=" + l);
                describedColumns.add(new AttributeSchema.Column(col, l));
            }
        }
        int d = columns.size();
        float[] vectors = new float[n * d];
        List<Item> items = new ArrayList<>(n);
        Map<String, Integer> idRows = new HashMap<>();
        int width = String.valueOf(n).length();
        for (int r = 0; r < n; r++) {
            Map<String, Object> row = rows.get(r);
            int c = 0;
            for (double[] v : numericValues) {
                vectors[r * d + c++] = (float) v[r];
            }
            for (int k = 0; k < categorical.size(); k++) {
                String l = level(row.get(categorical.get(k)));
                for (String candidate : levelsPerColumn.get(k)) {
                    vectors[r * d + c++] = candidate.equals(l) ? 1f : 0f;
                }
            }
            String id;
            if (idColumn == null) {
                id = String.format("%0" + width + "d", r + 1);
            } else {
                Object raw = row.get(idColumn);
                if (raw == null || String.valueOf(raw).isBlank()) {
                    throw new CatalogException(source + ": row " + (r + 1) + ": id column '" + idColumn + "' is empty");
                }
                id = String.valueOf(raw);
                Integer first = idRows.put(id, r + 1);
                if (first != null) {
                    throw new CatalogException(source + ": rows " + first + " and " + (r + 1) + " have the same id '" + id + "'");
                }
            }
            Object title = row.get(titleColumn);
            Map<String, Object> attributes = new LinkedHashMap<>(row);
            attributes.remove(titleColumn);
            if (idColumn != null) {
                attributes.remove(idColumn);
            }
            items.add(new Item(id, title == null ? id : String.valueOf(title), attributes));
        }
        return new Result(items, vectors, columns, imputed, means, stds, new AttributeSchema(described, describedColumns));
    }

    /**
     * A numeric attribute as the schema records it: the standardisation, the observed range and the fewest decimals
     * (up to 6) that write every observed value. Called before {@code v} is standardised.
     */
    private static AttributeSchema.Attribute describe(String col, double[] v, boolean[] present, double mean, double std) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int decimals = 0;
        for (int r = 0; r < v.length; r++) {
            if (present[r]) {
                min = Math.min(min, v[r]);
                max = Math.max(max, v[r]);
                while (decimals < 6 && !writesExactly(v[r], decimals)) {
                    decimals++;
                }
            }
        }
        return AttributeSchema.Attribute.numeric(col, mean, std, min, max, decimals);
    }

    private static boolean writesExactly(double x, int decimals) {
        double scaled = x * Math.pow(10, decimals);
        return Math.abs(scaled - Math.rint(scaled)) <= 1e-6 * Math.max(1, Math.abs(scaled));
    }

    private static String level(Object v) {
        return v == null || String.valueOf(v).isBlank() ? MISSING : String.valueOf(v);
    }

    private static Double parseNumber(Object v, String source, int row, String col) throws CatalogException {
        if (v == null) {
            return null;
        }
        if (v instanceof Number num) {
            double x = num.doubleValue();
            return Double.isFinite(x) ? x : null;
        }
        String s = String.valueOf(v).trim();
        if (s.isEmpty() || s.equalsIgnoreCase("na") || s.equalsIgnoreCase("nan") || s.equalsIgnoreCase("null")) {
            return null;
        }
        try {
            double x = Double.parseDouble(s);
            return Double.isFinite(x) ? x : null;
        } catch (NumberFormatException notNumber) {
            try {
                LocalDate date = LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
                return date.getYear() + (date.getDayOfYear() - 1) / (double) date.lengthOfYear();
            } catch (DateTimeParseException notDate) {
                throw new CatalogException(source + ": row " + (row + 1) + ": column '" + col
                        + "' is numeric but holds '" + s + "'");
            }
        }
    }
}
