package io.elicitor.evoi.explain;

import io.elicitor.evoi.partial.AttributeSpace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Why an item scores as it does: its posterior-mean utility split by attribute, {@code Σ_{c ∈ a} w̄_c x_c}. A numeric
 * column is standardised, so its share is relative to an item of average value on that attribute; a categorical
 * share is the weight of the item's level. The shares add up to the item's expected utility.
 */
public final class Contributions {
    /**
     * One attribute's share.
     *
     * @param attribute its name
     * @param value the item's value there, as shown
     * @param utility its share of the item's posterior-mean utility
     */
    public record Contribution(String attribute, String value, double utility) {}

    private Contributions() {}

    /** Every attribute's share of {@code item}'s utility under mean weights {@code mean}, largest magnitude first. */
    public static List<Contribution> of(float[] mean, float[] item, AttributeSpace space, String[] levels) {
        if (mean.length != space.dimension() || item.length != space.dimension()) {
            throw new IllegalArgumentException("mean and item must have the attribute space's dimension");
        }
        List<Contribution> out = new ArrayList<>();
        for (int a = 0; a < space.size(); a++) {
            AttributeSpace.Attribute attr = space.attribute(a);
            double u = 0;
            for (int c : attr.columns()) {
                u += (double) mean[c] * item[c];
            }
            out.add(new Contribution(attr.name(), shown(attr, levels, item, 0), u));
        }
        out.sort(Comparator.comparingDouble((Contribution c) -> Math.abs(c.utility())).reversed());
        return out;
    }

    /**
     * The value of {@code attr} in the vector at {@code offset} as a person reads it: the level whose indicator is
     * set, or the number in original units; null for a categorical attribute with no level set (a partial option
     * that leaves it out) or a numeric one that never varies. A partial option's numeric attribute it leaves out
     * reads as the catalog's mean, the value the model gives it; callers that know what is shown say so.
     */
    static String shown(AttributeSpace.Attribute attr, String[] levels, float[] vectors, int offset) {
        int[] cols = attr.columns();
        if (attr.categorical()) {
            int level = -1;
            for (int l = 0; l < cols.length; l++) {
                if (vectors[offset + cols[l]] > 0.5f && (level < 0 || vectors[offset + cols[l]] > vectors[offset + cols[level]])) {
                    level = l;
                }
            }
            return level < 0 ? null : levels[cols[level]];
        }
        if (!(attr.std() > 0)) {
            return null;
        }
        return AttributeSpace.shown(attr.mean(), attr.std(), attr.decimals(), vectors[offset + cols[0]]).toPlainString();
    }
}
