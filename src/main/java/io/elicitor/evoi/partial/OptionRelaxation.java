package io.elicitor.evoi.partial;

import java.util.List;

/**
 * The continuous parameters of a batch of partial queries and their map to option vectors. Each query has its
 * own attribute subset; its options' parameters sit in the columns of that subset ({@code B·k × d}, the
 * layout of the options): a numeric attribute's parameter is its standardised value, a categorical
 * attribute's are its level logits and the option holds their softmax (the relaxation of "one level"). Every
 * column outside a query's subset stays 0 and gets no gradient. Not thread-safe; one per ascent.
 */
final class OptionRelaxation {
    /** Probability a seed's level starts with: near one-hot, yet with gradient left to move it. */
    private static final double SEED_LEVEL_PROBABILITY = 0.6;

    private final AttributeSpace space;
    private final List<int[]> subsets;
    private final int k;
    private final int d;

    OptionRelaxation(AttributeSpace space, List<int[]> subsets, int k) {
        this.space = space;
        this.subsets = subsets;
        this.k = k;
        this.d = space.dimension();
    }

    /** Parameters that start at the given options ({@code B·k × d}, grid options: levels one-hot). */
    float[] parameters(float[] options) {
        float[] p = new float[options.length];
        forEachAttribute((row, a) -> {
            int[] cols = a.columns();
            if (!a.categorical()) {
                p[row * d + cols[0]] = options[row * d + cols[0]];
                return;
            }
            double other = cols.length == 1 ? 1.0 : (1 - SEED_LEVEL_PROBABILITY) / (cols.length - 1);
            for (int col : cols) {
                boolean on = options[row * d + col] > 0.5f;
                p[row * d + col] = (float) Math.log(on ? Math.max(SEED_LEVEL_PROBABILITY, other) : other);
            }
        });
        return p;
    }

    /** The relaxed options the parameters stand for. */
    float[] options(float[] parameters) {
        float[] x = new float[parameters.length];
        forEachAttribute((row, a) -> {
            int[] cols = a.columns();
            if (!a.categorical()) {
                x[row * d + cols[0]] = parameters[row * d + cols[0]];
                return;
            }
            double[] prob = softmax(parameters, row * d, cols);
            for (int l = 0; l < cols.length; l++) {
                x[row * d + cols[l]] = (float) prob[l];
            }
        });
        return x;
    }

    /** The chain rule from option gradients to parameter gradients; 0 outside each query's subset. */
    float[] parameterGradient(float[] parameters, float[] optionGradient) {
        float[] g = new float[parameters.length];
        forEachAttribute((row, a) -> {
            int[] cols = a.columns();
            if (!a.categorical()) {
                g[row * d + cols[0]] = optionGradient[row * d + cols[0]];
                return;
            }
            double[] prob = softmax(parameters, row * d, cols);
            double mean = 0;
            for (int l = 0; l < cols.length; l++) {
                mean += prob[l] * optionGradient[row * d + cols[l]];
            }
            for (int l = 0; l < cols.length; l++) {
                g[row * d + cols[l]] = (float) (prob[l] * (optionGradient[row * d + cols[l]] - mean));
            }
        });
        return g;
    }

    /** Projects every numeric parameter onto its attribute's observed range. */
    void project(float[] parameters) {
        forEachAttribute((row, a) -> {
            if (!a.categorical()) {
                int at = row * d + a.columns()[0];
                parameters[at] = Math.max(a.low(), Math.min(a.high(), parameters[at]));
            }
        });
    }

    private interface AttributeVisitor {
        void visit(int row, AttributeSpace.Attribute attribute);
    }

    private void forEachAttribute(AttributeVisitor v) {
        for (int q = 0; q < subsets.size(); q++) {
            for (int i = 0; i < k; i++) {
                for (int a : subsets.get(q)) {
                    v.visit(q * k + i, space.attribute(a));
                }
            }
        }
    }

    private static double[] softmax(float[] logits, int base, int[] cols) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c : cols) {
            max = Math.max(max, logits[base + c]);
        }
        double[] p = new double[cols.length];
        double z = 0;
        for (int l = 0; l < cols.length; l++) {
            p[l] = Math.exp(logits[base + cols[l]] - max);
            z += p[l];
        }
        for (int l = 0; l < cols.length; l++) {
            p[l] /= z;
        }
        return p;
    }
}
