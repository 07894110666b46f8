package io.elicitor.catalog.embed;

import io.elicitor.evoi.Seeds;
import java.util.Random;

/**
 * Seeded synthetic item and query vectors for benchmarks and tests. Coordinates have a decaying spectrum
 * (coordinate j has standard deviation {@code 1/sqrt(1 + j/4)}, like a factorisation's leading factors),
 * items get a log-normal per-item scale so that norms vary as popularity does, and, unless
 * {@code clusters} is 0, items gather around that many centres (genres, series, near-duplicates), as real
 * embeddings do: item = centre + 0.5 · noise. With 0 clusters items are i.i.d. Gaussian, a much harder case
 * for a graph index (intrinsic dimension d).
 */
public final class SyntheticCatalog {
    private SyntheticCatalog() {}

    /** {@code n × d} row-major item vectors around {@code clusters} centres (0: i.i.d.). */
    public static float[] vectors(int n, int d, int clusters, long seed) {
        if (n < 1 || d < 1 || clusters < 0) {
            throw new IllegalArgumentException("n, d must be positive and clusters >= 0, got " + n + ", " + d + ", "
                    + clusters);
        }
        Random r = Seeds.random(seed, 11);
        double[] sd = spectrum(d);
        double[][] centres = new double[clusters][d];
        for (double[] centre : centres) {
            for (int c = 0; c < d; c++) {
                centre[c] = sd[c] * r.nextGaussian();
            }
        }
        double noise = clusters == 0 ? 1.0 : 0.5;
        float[] out = new float[n * d];
        for (int i = 0; i < n; i++) {
            double scale = Math.exp(0.25 * r.nextGaussian());
            double[] centre = clusters == 0 ? null : centres[r.nextInt(clusters)];
            for (int c = 0; c < d; c++) {
                double base = centre == null ? 0.0 : centre[c];
                out[i * d + c] = (float) (scale * (base + noise * sd[c] * r.nextGaussian()));
            }
        }
        return out;
    }

    /** {@code q} query vectors of dimension d, drawn independently of the items. */
    public static float[][] queries(int q, int d, long seed) {
        Random r = Seeds.random(seed, 12);
        double[] sd = spectrum(d);
        float[][] out = new float[q][d];
        for (int i = 0; i < q; i++) {
            for (int c = 0; c < d; c++) {
                out[i][c] = (float) (sd[c] * r.nextGaussian());
            }
        }
        return out;
    }

    private static double[] spectrum(int d) {
        double[] sd = new double[d];
        for (int c = 0; c < d; c++) {
            sd[c] = 1.0 / Math.sqrt(1.0 + c / 4.0);
        }
        return sd;
    }
}
