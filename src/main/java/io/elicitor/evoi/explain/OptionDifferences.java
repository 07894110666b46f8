package io.elicitor.evoi.explain;

import io.elicitor.evoi.partial.AttributeSpace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the options of a question differ on, attribute by attribute, in the units a person reads, ranked by how much
 * the difference matters to this user: the posterior-mean utility gap between the options that are best and worst on
 * that attribute. Attributes on which every option agrees (or that a partial question does not show) are left out.
 */
public final class OptionDifferences {
    /**
     * One attribute the options differ on.
     *
     * @param attribute its name
     * @param values its value in each option, as shown (a level name, a rounded number, or null where not shown)
     * @param utilityGap the posterior-mean utility between the options best and worst on it, {@code ≥ 0}
     */
    public record Difference(String attribute, List<String> values, double utilityGap) {}

    private OptionDifferences() {}

    /** The differences among {@code k} options (row-major {@code k × d}), largest utility gap first. */
    public static List<Difference> of(float[] mean, AttributeSpace space, String[] levels, float[] options, int k) {
        int d = space.dimension();
        if (mean.length != d || options.length != k * d || levels.length != d) {
            throw new IllegalArgumentException("mean, options and level names must have the attribute space's dimension");
        }
        List<Difference> out = new ArrayList<>();
        for (int a = 0; a < space.size(); a++) {
            AttributeSpace.Attribute attr = space.attribute(a);
            List<String> values = new ArrayList<>(k);
            double low = Double.POSITIVE_INFINITY;
            double high = Double.NEGATIVE_INFINITY;
            boolean shownAnywhere = false;
            for (int i = 0; i < k; i++) {
                String v = Contributions.shown(attr, levels, options, i * d);
                values.add(v);
                shownAnywhere |= v != null;
                double u = 0;
                for (int c : attr.columns()) {
                    u += (double) mean[c] * options[i * d + c];
                }
                low = Math.min(low, u);
                high = Math.max(high, u);
            }
            if (shownAnywhere && values.stream().distinct().count() > 1) {
                out.add(new Difference(attr.name(), values, high - low));
            }
        }
        out.sort(Comparator.comparingDouble(Difference::utilityGap).reversed());
        return out;
    }
}
