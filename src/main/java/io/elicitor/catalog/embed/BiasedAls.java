package io.elicitor.catalog.embed;

import io.elicitor.evoi.Seeds;
import java.util.Random;
import java.util.function.IntConsumer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.custom.LinearSolve;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Biased matrix factorisation {@code r̂ = μ + b_u + b_i + u·v} fitted by alternating least squares with
 * weighted-λ regularisation: each row's penalty is {@code λ · (n + n₀)} for its n ratings, biases included.
 * The pseudo-count {@code n₀} keeps items with one or two ratings near the average (plain {@code λ·n}
 * lets an item rated 5 once outrank every well-known film for almost every user).
 * Each half-step solves one {@code (d+1) × (d+1)} system per user or per item for {@code [u, b_u]} or
 * {@code [v, b_i]}. The normal equations are accumulated in plain Java (sparse, a few thousand flops per
 * rating); the solves are either one batched ND4J {@code LinearSolve} over all rows or a plain-Java
 * Cholesky per row ({@link Solver}), measured in evoi/RESULTS.md. Deterministic for a seed.
 */
public final class BiasedAls {
    /** How the per-row normal equations are solved. */
    public enum Solver {
        /** Plain-Java Cholesky, one small system at a time. */
        JAVA,
        /** One ND4J batched {@code LinearSolve} over a {@code rows × (d+1) × (d+1)} tensor per half-step. */
        ND4J
    }

    /**
     * Ratings in compressed rows: for row r, entries {@code start[r] .. start[r+1]-1} of {@code col} and
     * {@code value}.
     *
     * @param rows number of rows
     * @param start row offsets, length rows + 1
     * @param col column index of each entry
     * @param value rating of each entry
     */
    public record Sparse(int rows, int[] start, int[] col, float[] value) {
        /** Builds rows from parallel (row, col, value) arrays. */
        public static Sparse of(int rows, int[] r, int[] c, float[] v) {
            int[] start = new int[rows + 1];
            for (int x : r) {
                start[x + 1]++;
            }
            for (int i = 0; i < rows; i++) {
                start[i + 1] += start[i];
            }
            int[] pos = start.clone();
            int[] col = new int[r.length];
            float[] value = new float[r.length];
            for (int i = 0; i < r.length; i++) {
                int p = pos[r[i]]++;
                col[p] = c[i];
                value[p] = v[i];
            }
            return new Sparse(rows, start, col, value);
        }

        /** Number of entries of row r. */
        public int count(int r) {
            return start[r + 1] - start[r];
        }
    }

    /**
     * A fitted model.
     *
     * @param d latent dimension
     * @param mu global mean
     * @param userFactors {@code users × d}, row-major
     * @param userBias per user
     * @param itemFactors {@code items × d}, row-major
     * @param itemBias per item
     */
    public record Model(int d, double mu, double[] userFactors, double[] userBias, double[] itemFactors,
                        double[] itemBias) {
        /** Predicted rating of (user, item), unclipped. */
        public double predict(int user, int item) {
            double s = mu + userBias[user] + itemBias[item];
            for (int c = 0; c < d; c++) {
                s += userFactors[user * d + c] * itemFactors[item * d + c];
            }
            return s;
        }
    }

    private final int d;
    private final double lambda;
    private final int iterations;
    private final long seed;
    private final Solver solver;
    private final double shrinkCount;
    private long solveNanos;

    /** Default pseudo-count n₀ (see evoi/RESULTS.md: 0, 5, 10, 20 compared on ml-latest-small). */
    public static final double DEFAULT_SHRINK = 10.0;

    /** An ALS fitter with the default pseudo-count; validates eagerly. */
    public BiasedAls(int d, double lambda, int iterations, long seed, Solver solver) {
        this(d, lambda, iterations, seed, solver, DEFAULT_SHRINK);
    }

    /** An ALS fitter with pseudo-count {@code shrinkCount} (n₀ ≥ 0); validates eagerly. */
    public BiasedAls(int d, double lambda, int iterations, long seed, Solver solver, double shrinkCount) {
        if (d < 1 || !(lambda > 0) || iterations < 1 || !(shrinkCount >= 0)) {
            throw new IllegalArgumentException("dimension >= 1, lambda > 0, iterations >= 1 and shrinkCount >= 0"
                    + " required, got " + d + ", " + lambda + ", " + iterations + ", " + shrinkCount);
        }
        this.shrinkCount = shrinkCount;
        this.d = d;
        this.lambda = lambda;
        this.iterations = iterations;
        this.seed = seed;
        this.solver = solver;
    }

    /** Time spent in the linear solves so far, in milliseconds. */
    public double solveMillis() {
        return solveNanos / 1e6;
    }

    /**
     * Fits users and items to the ratings ({@code byUser} and {@code byItem} hold the same entries);
     * {@code onIteration} is told each finished iteration.
     */
    public Model fit(Sparse byUser, Sparse byItem, IntConsumer onIteration) {
        int users = byUser.rows();
        int items = byItem.rows();
        double sum = 0;
        for (float v : byUser.value()) {
            sum += v;
        }
        double mu = sum / byUser.value().length;
        Random rnd = Seeds.random(seed, 21);
        double[] itemFactors = new double[items * d];
        for (int i = 0; i < itemFactors.length; i++) {
            itemFactors[i] = 0.1 * rnd.nextGaussian();
        }
        double[] itemBias = new double[items];
        double[] userFactors = new double[users * d];
        double[] userBias = new double[users];
        for (int it = 0; it < iterations; it++) {
            solveSide(byUser, itemFactors, itemBias, mu, userFactors, userBias);
            solveSide(byItem, userFactors, userBias, mu, itemFactors, itemBias);
            onIteration.accept(it + 1);
        }
        return new Model(d, mu, userFactors, userBias, itemFactors, itemBias);
    }

    /**
     * Folds in rows (users) against fixed item factors: regularised least squares for {@code [u, b_u]}.
     * Returns {@code rows × (d+1)} row-major: factors then bias.
     */
    public double[] foldIn(Sparse rows, double[] itemFactors, double[] itemBias, double mu) {
        double[] f = new double[rows.rows() * d];
        double[] b = new double[rows.rows()];
        solveSide(rows, itemFactors, itemBias, mu, f, b);
        double[] out = new double[rows.rows() * (d + 1)];
        for (int r = 0; r < rows.rows(); r++) {
            System.arraycopy(f, r * d, out, r * (d + 1), d);
            out[r * (d + 1) + d] = b[r];
        }
        return out;
    }

    /**
     * One half-step: for each row r solve {@code (Σ f fᵀ + λ n I) x = Σ f (y − μ − b_other)} with
     * {@code f = [other factors, 1]}, then write {@code x = [factors, bias]}.
     */
    private void solveSide(Sparse rows, double[] otherFactors, double[] otherBias, double mu, double[] outFactors,
                           double[] outBias) {
        int n = d + 1;
        int count = rows.rows();
        double[] a = new double[count * n * n];
        double[] rhs = new double[count * n];
        double[] f = new double[n];
        for (int r = 0; r < count; r++) {
            int ab = r * n * n;
            int rb = r * n;
            for (int p = rows.start()[r]; p < rows.start()[r + 1]; p++) {
                int o = rows.col()[p];
                System.arraycopy(otherFactors, o * d, f, 0, d);
                f[d] = 1.0;
                double y = rows.value()[p] - mu - otherBias[o];
                for (int i = 0; i < n; i++) {
                    double fi = f[i];
                    int row = ab + i * n;
                    for (int j = 0; j <= i; j++) {
                        a[row + j] += fi * f[j];
                    }
                    rhs[rb + i] += fi * y;
                }
            }
            double reg = lambda * (rows.count(r) + shrinkCount);
            for (int i = 0; i < n; i++) {
                a[ab + i * n + i] += reg;
                for (int j = 0; j < i; j++) {
                    a[ab + j * n + i] = a[ab + i * n + j];
                }
            }
        }
        long t = System.nanoTime();
        double[] x = solver == Solver.ND4J ? solveNd4j(a, rhs, count, n) : solveJava(a, rhs, count, n);
        solveNanos += System.nanoTime() - t;
        for (int r = 0; r < count; r++) {
            System.arraycopy(x, r * n, outFactors, r * d, d);
            outBias[r] = x[r * n + d];
        }
    }

    private static double[] solveJava(double[] a, double[] rhs, int count, int n) {
        double[] x = new double[count * n];
        double[] l = new double[n * n];
        double[] y = new double[n];
        for (int r = 0; r < count; r++) {
            int ab = r * n * n;
            // Cholesky A = L Lᵀ (A is symmetric positive definite thanks to λ n I).
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    double s = a[ab + i * n + j];
                    for (int k = 0; k < j; k++) {
                        s -= l[i * n + k] * l[j * n + k];
                    }
                    l[i * n + j] = i == j ? Math.sqrt(s) : s / l[j * n + j];
                }
            }
            for (int i = 0; i < n; i++) {
                double s = rhs[r * n + i];
                for (int k = 0; k < i; k++) {
                    s -= l[i * n + k] * y[k];
                }
                y[i] = s / l[i * n + i];
            }
            for (int i = n - 1; i >= 0; i--) {
                double s = y[i];
                for (int k = i + 1; k < n; k++) {
                    s -= l[k * n + i] * x[r * n + k];
                }
                x[r * n + i] = s / l[i * n + i];
            }
        }
        return x;
    }

    private static double[] solveNd4j(double[] a, double[] rhs, int count, int n) {
        INDArray am = Nd4j.create(a, new long[] {count, n, n}, 'c');
        INDArray bm = Nd4j.create(rhs, new long[] {count, n, 1}, 'c');
        INDArray out = Nd4j.exec(new LinearSolve(am, bm))[0];
        return out.castTo(DataType.DOUBLE).dup('c').data().asDouble();
    }
}
