package io.elicitor.evoi.explain;

import io.elicitor.evoi.belief.Belief;
import io.elicitor.evoi.partial.AttributeSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How much each attribute is worth to the user, in the attribute's own units, with a 90% credible interval: for a
 * numeric attribute the utility of one more unit ({@code w_c / std}, since its column holds {@code (value − mean) /
 * std}); for a categorical one the utility of each level against the first level ({@code w_level − w_first}).
 * Utility itself has no unit: compare weights with each other, not with zero alone.
 */
public final class AttributeWeights {
    /**
     * One weight.
     *
     * @param attribute the attribute's name
     * @param level the level contrasted with {@code baseline}, or null for a numeric attribute
     * @param baseline the level the contrast is against, or null for a numeric attribute
     * @param mean posterior mean: utility per original unit (numeric) or of the level over the baseline
     * @param low the 5% posterior quantile
     * @param high the 95% posterior quantile
     * @param spread the attribute's standard deviation over the catalog in its units (1 for a level): {@code mean ·
     *     spread} is the utility of a typical difference, which puts attributes of different units on one chart
     */
    public record Weight(String attribute, String level, String baseline, double mean, double low, double high,
                         double spread) {}

    private AttributeWeights() {}

    /**
     * The weights of every attribute of {@code space} under {@code belief}; {@code levels[c]} names the level column
     * {@code c} stands for (ignored for numeric columns). A numeric attribute that never varies (std 0) has none.
     */
    public static List<Weight> of(Belief belief, AttributeSpace space, String[] levels) {
        Objects.requireNonNull(levels, "levels");
        if (belief.dimension() != space.dimension() || levels.length != space.dimension()) {
            throw new IllegalArgumentException("belief, attribute space and level names disagree on the dimension");
        }
        float[] particles = belief.particles();
        double[] weights = belief.weights();
        int d = belief.dimension();
        int m = belief.size();
        List<Weight> out = new ArrayList<>();
        for (int a = 0; a < space.size(); a++) {
            AttributeSpace.Attribute attr = space.attribute(a);
            int[] cols = attr.columns();
            if (!attr.categorical()) {
                if (attr.std() > 0) {
                    double[] v = new double[m];
                    for (int j = 0; j < m; j++) {
                        v[j] = particles[j * d + cols[0]] / attr.std();
                    }
                    out.add(summary(attr.name(), null, null, v, weights, attr.std()));
                }
                continue;
            }
            for (int l = 1; l < cols.length; l++) {
                double[] v = new double[m];
                for (int j = 0; j < m; j++) {
                    v[j] = (double) particles[j * d + cols[l]] - particles[j * d + cols[0]];
                }
                out.add(summary(attr.name(), levels[cols[l]], levels[cols[0]], v, weights, 1.0));
            }
        }
        return out;
    }

    private static Weight summary(String name, String level, String baseline, double[] v, double[] weights,
                                  double spread) {
        return new Weight(name, level, baseline, WeightedQuantiles.mean(v, weights),
                WeightedQuantiles.quantile(v, weights, 0.05), WeightedQuantiles.quantile(v, weights, 0.95), spread);
    }
}
