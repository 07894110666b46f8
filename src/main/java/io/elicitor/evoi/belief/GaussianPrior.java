package io.elicitor.evoi.belief;

import io.elicitor.evoi.Buffers;
import io.elicitor.evoi.ItemMatrix;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A multivariate Gaussian prior {@code N(μ, Σ)} held as its Cholesky factor {@code Σ = L Lᵀ}.
 *
 * <p>Two ways to make one: {@link #isotropic} scaled to a catalog when nothing is known about users, or
 * {@link #fit} to a population of user vectors (cold start from the population). The population must be
 * users folded in against fixed item vectors, like a new user; users fitted jointly with the items have
 * systematically longer vectors and give a prior that is far too wide (see evoi/README.md).
 */
public final class GaussianPrior implements Prior {
    private final double[] mean;
    private final double[][] cholesky;
    private final INDArray meanRow;
    private final INDArray choleskyT;
    private final INDArray inverseCholeskyT;

    /** A Gaussian with the given mean and lower-triangular Cholesky factor of its covariance. */
    public GaussianPrior(double[] mean, double[][] cholesky) {
        int d = mean.length;
        if (d == 0 || cholesky.length != d) {
            throw new IllegalArgumentException("mean and Cholesky factor must have the same positive dimension");
        }
        for (int i = 0; i < d; i++) {
            if (cholesky[i].length != d || !(cholesky[i][i] > 0)) {
                throw new IllegalArgumentException("Cholesky factor must be d x d with a positive diagonal");
            }
            if (!Double.isFinite(mean[i])) {
                throw new IllegalArgumentException("prior mean has a non-finite value at " + i);
            }
        }
        this.mean = mean.clone();
        this.cholesky = new double[d][];
        for (int i = 0; i < d; i++) {
            this.cholesky[i] = cholesky[i].clone();
        }
        this.meanRow = Nd4j.create(toFloat(mean), new long[] {1, d}, 'c');
        this.choleskyT = Nd4j.create(toFloat(transpose(this.cholesky)), new long[] {d, d}, 'c');
        this.inverseCholeskyT = Nd4j.create(toFloat(transpose(invertLower(this.cholesky))), new long[] {d, d}, 'c');
    }

    /** {@code N(0, σ² I)} in d dimensions. */
    public static GaussianPrior isotropic(int d, double sigma) {
        if (!(sigma > 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("sigma must be positive and finite, got " + sigma);
        }
        double[][] l = new double[d][d];
        for (int i = 0; i < d; i++) {
            l[i][i] = sigma;
        }
        return new GaussianPrior(new double[d], l);
    }

    /**
     * The isotropic prior whose utilities {@code w·x} spread over the catalog with unit standard deviation
     * on average: {@code σ² = 1 / mean‖x − x̄‖²}. It makes λ mean the same thing on every catalog.
     */
    public static GaussianPrior scaledTo(ItemMatrix items) {
        // Plain Java over the matrix's own memory, accumulated in double: no N-sized temporaries at a million items.
        FloatBuffer x = Buffers.view(items.vectors());
        int n = items.size();
        int d = items.dimension();
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < d; c++) {
                mean[c] += x.get(i * d + c);
            }
        }
        for (int c = 0; c < d; c++) {
            mean[c] /= n;
        }
        double sq = 0;
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < d; c++) {
                double v = x.get(i * d + c) - mean[c];
                sq += v * v;
            }
        }
        double meanSq = sq / n;
        return isotropic(d, meanSq > 0 ? 1.0 / Math.sqrt(meanSq) : 1.0);
    }

    /**
     * Fits mean and covariance to a population of user vectors ({@code n × d}, n ≥ 2), adding
     * {@code ridge · tr(Σ)/d} to the diagonal so that a small population still gives a proper prior.
     */
    public static GaussianPrior fit(INDArray users, double ridge) {
        int n = (int) users.rows();
        int d = (int) users.columns();
        if (n < 2) {
            throw new IllegalArgumentException("need at least 2 user vectors to fit a prior, got " + n);
        }
        double[][] u = users.castTo(DataType.DOUBLE).toDoubleMatrix();
        double[] mu = new double[d];
        for (double[] row : u) {
            for (int i = 0; i < d; i++) {
                mu[i] += row[i] / n;
            }
        }
        double[][] cov = new double[d][d];
        for (double[] row : u) {
            for (int i = 0; i < d; i++) {
                double di = row[i] - mu[i];
                for (int j = 0; j <= i; j++) {
                    cov[i][j] += di * (row[j] - mu[j]) / (n - 1);
                }
            }
        }
        double trace = 0;
        for (int i = 0; i < d; i++) {
            trace += cov[i][i];
        }
        double jitter = Math.max(ridge * trace / d, 1e-9);
        for (int i = 0; i < d; i++) {
            cov[i][i] += jitter;
            for (int j = 0; j < i; j++) {
                cov[j][i] = cov[i][j];
            }
        }
        return new GaussianPrior(mu, choleskyOf(cov));
    }

    @Override
    public int dimension() {
        return mean.length;
    }

    /** The prior mean, a copy. */
    public double[] mean() {
        return mean.clone();
    }

    /** Standard deviation of each coordinate. */
    public double[] marginalStd() {
        int d = mean.length;
        double[] s = new double[d];
        for (int i = 0; i < d; i++) {
            double v = 0;
            for (int j = 0; j <= i; j++) {
                v += cholesky[i][j] * cholesky[i][j];
            }
            s[i] = Math.sqrt(v);
        }
        return s;
    }

    @Override
    public INDArray sample(int m, Random rng) {
        int d = mean.length;
        float[] z = new float[m * d];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) rng.nextGaussian();
        }
        INDArray zs = Buffers.fromArray(z, m, d);
        return zs.mmul(choleskyT).addiRowVector(meanRow);
    }

    @Override
    public double[] logDensity(INDArray w) {
        INDArray z = w.subRowVector(meanRow).mmul(inverseCholeskyT);
        double[] sq = z.mul(z).sum(1).toDoubleVector();
        for (int i = 0; i < sq.length; i++) {
            sq[i] = -0.5 * sq[i];
        }
        return sq;
    }

    @Override
    public String toString() {
        return "GaussianPrior{d=" + mean.length + ", mean=" + Arrays.toString(mean) + "}";
    }

    static double[][] choleskyOf(double[][] a) {
        int d = a.length;
        double[][] l = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (!(s > 0)) {
                        throw new IllegalArgumentException("covariance is not positive definite");
                    }
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        return l;
    }

    private static double[][] invertLower(double[][] l) {
        int d = l.length;
        double[][] inv = new double[d][d];
        for (int c = 0; c < d; c++) {
            for (int i = c; i < d; i++) {
                double s = i == c ? 1.0 : 0.0;
                for (int k = c; k < i; k++) {
                    s -= l[i][k] * inv[k][c];
                }
                inv[i][c] = s / l[i][i];
            }
        }
        return inv;
    }

    private static double[][] transpose(double[][] a) {
        int d = a.length;
        double[][] t = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    private static float[] toFloat(double[] a) {
        float[] f = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            f[i] = (float) a[i];
        }
        return f;
    }

    private static float[] toFloat(double[][] a) {
        int d = a.length;
        float[] f = new float[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                f[i * d + j] = (float) a[i][j];
            }
        }
        return f;
    }
}
