package io.elicitor.evoi.gradient;

import io.elicitor.evoi.Buffers;
import io.elicitor.evoi.EngineWorkspace;
import io.elicitor.evoi.belief.Posterior;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Several sessions' ascent steps in one set of tensors: the query gradient of the smoothed PEU
 * ({@link SlateObjective} with each answer's recommendation the soft best response, {@link SoftBestResponse}) for
 * S sessions at once, each with its own particles, weights, λ, pool and temperature.
 *
 * <p>Why: this is the cross-session batching a GPU needs (evoi/README.md, "GPU"). One session's step is five
 * products of a few hundred rows, too small to repay a kernel launch each; stacked, the step is five batched
 * products ({@code S × R × d} against {@code S × M × d} and {@code S × P × d}) whatever S is. The softmaxes in
 * between stay per session, in Java, as in the single-session path, whose kernels they share.
 *
 * <p>Shapes: every session has the same M, d and pool size P (a batcher groups sessions by catalog version and
 * settings); a session's query count may differ: its rows are padded with zeros to the largest, and the padding
 * is neither scored nor returned. Memory: {@code 4·S·R·(2M + P + 3d)} bytes of tensors per step. Not thread-safe.
 */
public final class StackedObjective {
    private final int sessions;
    private final int m;
    private final int d;
    private final int p;
    private final INDArray particles;
    private final INDArray pools;
    private final float[][] weights;
    private final float[][] poolVectors;
    private final double[] lambdas;

    /**
     * The objective of {@code posteriors.size()} sessions: session s has belief {@code posteriors.get(s)}, choice
     * model λ {@code lambdas[s]} and pool {@code pools.get(s)} ({@code P × d}, row-major).
     */
    public StackedObjective(List<Posterior> posteriors, double[] lambdas, List<float[]> pools) {
        Objects.requireNonNull(posteriors, "posteriors");
        Objects.requireNonNull(lambdas, "lambdas");
        Objects.requireNonNull(pools, "pools");
        this.sessions = posteriors.size();
        if (sessions == 0 || lambdas.length != sessions || pools.size() != sessions) {
            throw new IllegalArgumentException("need one λ and one pool per session, and at least one session; got "
                    + sessions + " sessions, " + lambdas.length + " λ and " + pools.size() + " pools");
        }
        this.m = posteriors.get(0).size();
        this.d = posteriors.get(0).dimension();
        this.p = pools.get(0).length / d;
        float[] w = new float[sessions * m * d];
        float[] y = new float[sessions * p * d];
        this.weights = new float[sessions][];
        this.poolVectors = new float[sessions][];
        for (int s = 0; s < sessions; s++) {
            Posterior posterior = posteriors.get(s);
            float[] pool = pools.get(s);
            if (posterior.size() != m || posterior.dimension() != d || pool.length != p * d || p == 0) {
                throw new IllegalArgumentException("session " + s + " has M = " + posterior.size() + ", d = "
                        + posterior.dimension() + " and " + pool.length + " pool values; the batch has M = " + m
                        + ", d = " + d + " and P = " + p + " (P >= 1)");
            }
            if (!(lambdas[s] > 0) || !Double.isFinite(lambdas[s])) {
                throw new IllegalArgumentException("lambda of session " + s + " must be positive, got " + lambdas[s]);
            }
            System.arraycopy(Buffers.toArray(posterior.particles()), 0, w, s * m * d, m * d);
            System.arraycopy(pool, 0, y, s * p * d, p * d);
            weights[s] = posterior.floatWeights();
            poolVectors[s] = pool;
        }
        this.particles = Buffers.fromArray(w, sessions, m, d);
        this.pools = Buffers.fromArray(y, sessions, p, d);
        this.lambdas = lambdas.clone();
    }

    /** How a step is computed: both give the same gradients. */
    public enum Form {
        /** Batched products, with the softmaxes between them in fused Java loops per session: the CPU's form. */
        HOST_LOOPS,
        /** Every operation a tensor operation over the whole batch: the form a GPU runs. */
        TENSOR_OPS
    }

    /**
     * {@link #queryGradients} or {@link #tensorQueryGradients}, as {@code form} says. Both run in
     * {@link EngineWorkspace#step}: a step's {@code S × R × M} tensors are dropped when it returns.
     */
    public float[][] queryGradients(float[][] queries, double[] temperatures, int k, Form form) {
        return form == Form.TENSOR_OPS ? tensorQueryGradients(queries, temperatures, k)
                : queryGradients(queries, temperatures, k);
    }

    /**
     * For each session s, the query gradient of its smoothed PEU at {@code queries[s]} ({@code B_s·k × d},
     * row-major) with the best response smoothed at {@code temperatures[s]}; the same layout out. Equal to
     * {@code SlateObjective.evaluate(q, SoftBestResponse.of(answerVectors(q), τ)).queryGradient()} per session, up
     * to the order of float additions inside the products.
     */
    public float[][] queryGradients(float[][] queries, double[] temperatures, int k) {
        int rows = validate(queries, temperatures, k);
        return EngineWorkspace.step(() -> hostLoops(queries, temperatures, k, rows));
    }

    private float[][] hostLoops(float[][] queries, double[] temperatures, int k, int rows) {
        INDArray q = Buffers.fromArray(padded(queries, rows), sessions, rows, d);
        float[] u = product(q, particles, true, rows, m);
        float[] r = new float[u.length];
        float[] weighted = new float[u.length];
        for (int s = 0; s < sessions; s++) {
            int at = s * rows * m;
            int used = queries[s].length / d;
            SlateObjective.choiceProbabilities(u, at, used / k, k, m, lambdas[s], r);
            for (int row = 0; row < used; row++) {
                for (int j = 0; j < m; j++) {
                    weighted[at + row * m + j] = weights[s][j] * r[at + row * m + j];
                }
            }
        }
        // The answers' value vectors, their values over each pool, and the smoothed recommendations.
        float[] v = product(Buffers.fromArray(weighted, sessions, rows, m), particles, false, rows, d);
        float[] vy = product(Buffers.fromArray(v, sessions, rows, d), pools, true, rows, p);
        float[] y = new float[sessions * rows * d];
        for (int s = 0; s < sessions; s++) {
            SoftBestResponse.respond(vy, s * rows * p, queries[s].length / d, poolVectors[s], d, temperatures[s], y,
                    s * rows * d);
        }
        float[] su = product(Buffers.fromArray(y, sessions, rows, d), particles, true, rows, m);
        float[] coefficients = new float[u.length];
        for (int s = 0; s < sessions; s++) {
            SlateObjective.valueAndQueryCoefficients(r, su, s * rows * m, queries[s].length / d / k, k, m, weights[s],
                    lambdas[s], coefficients);
        }
        float[] g = product(Buffers.fromArray(coefficients, sessions, rows, m), particles, false, rows, d);
        return unpadded(g, queries, rows);
    }

    /**
     * The same gradients with every operation a tensor operation over the whole batch (five batched products, two
     * softmaxes along an axis, a handful of broadcast element-wise ops): the form a GPU runs, where each
     * operation is one kernel launch whatever S is, and nothing returns to the host between them. On a CPU each
     * element-wise op is a separate pass over {@code S × R × M} values, which the Java loops of
     * {@link #queryGradients} fuse. Also equal to the single-session path up to float rounding (the soft best
     * response here keeps pool weights below 10⁻¹² that the Java loop skips).
     */
    public float[][] tensorQueryGradients(float[][] queries, double[] temperatures, int k) {
        int rows = validate(queries, temperatures, k);
        return EngineWorkspace.step(() -> tensorOps(queries, temperatures, k, rows));
    }

    private float[][] tensorOps(float[][] queries, double[] temperatures, int k, int rows) {
        int b = rows / k;
        INDArray q = Buffers.fromArray(padded(queries, rows), sessions, rows, d);
        INDArray lambda = Nd4j.createFromArray(lambdas).castTo(DataType.FLOAT).reshape(sessions, 1, 1, 1);
        INDArray pi = Nd4j.createFromArray(flatWeights()).reshape(sessions, 1, 1, m);
        INDArray inverseTemperature = Nd4j.createFromArray(temperatures).rdiv(1.0).castTo(DataType.FLOAT)
                .reshape(sessions, 1, 1);
        INDArray u = Nd4j.matmul(q, particles, null, false, true, false).reshape(sessions, b, k, m);
        INDArray r = Nd4j.nn.softmax(u.mul(lambda), 2);
        INDArray weighted = r.mul(pi).reshape(sessions, rows, m);
        INDArray v = Nd4j.matmul(weighted, particles);
        INDArray soft = Nd4j.nn.softmax(Nd4j.matmul(v, pools, null, false, true, false).muli(inverseTemperature), 2);
        INDArray y = Nd4j.matmul(soft, pools);
        INDArray su = Nd4j.matmul(y, particles, null, false, true, false).reshape(sessions, b, k, m);
        INDArray mean = r.mul(su).sum(true, 2);
        INDArray coefficients = su.subi(mean).muli(r).muli(pi).muli(lambda).reshape(sessions, rows, m);
        float[] g = Buffers.toArray(Nd4j.matmul(coefficients, particles));
        return unpadded(g, queries, rows);
    }

    private float[] flatWeights() {
        float[] out = new float[sessions * m];
        for (int s = 0; s < sessions; s++) {
            System.arraycopy(weights[s], 0, out, s * m, m);
        }
        return out;
    }

    /** {@code a · b} (or {@code a · bᵀ}) per session: {@code S × rows × inner} against b, {@code S × rows × cols} out. */
    private float[] product(INDArray a, INDArray b, boolean transposeB, int rows, int cols) {
        INDArray out = Nd4j.createUninitialized(DataType.FLOAT, new long[] {sessions, rows, cols}, 'c');
        Nd4j.matmul(a, b, out, false, transposeB, false);
        return Buffers.toArray(out);
    }

    /** Checks one query set and temperature per session; returns the padded row count (the largest). */
    private int validate(float[][] queries, double[] temperatures, int k) {
        Objects.requireNonNull(queries, "queries");
        Objects.requireNonNull(temperatures, "temperatures");
        if (queries.length != sessions || temperatures.length != sessions || k < 2) {
            throw new IllegalArgumentException("need " + sessions + " query sets and temperatures, k >= 2");
        }
        int rows = 0;
        for (int s = 0; s < sessions; s++) {
            if (queries[s].length == 0 || queries[s].length % (k * d) != 0) {
                throw new IllegalArgumentException("session " + s + " has " + queries[s].length
                        + " query values, not a positive multiple of k·d = " + k * d);
            }
            if (!(temperatures[s] > 0)) {
                throw new IllegalArgumentException("temperature of session " + s + " must be positive");
            }
            rows = Math.max(rows, queries[s].length / d);
        }
        return rows;
    }

    /** Each session's rows stacked, padded with zero rows to {@code rows}: {@code S × rows × d}, row-major. */
    private float[] padded(float[][] queries, int rows) {
        float[] out = new float[sessions * rows * d];
        for (int s = 0; s < sessions; s++) {
            System.arraycopy(queries[s], 0, out, s * rows * d, queries[s].length);
        }
        return out;
    }

    /** The inverse of {@link #padded}: each session's own rows of a stacked {@code S × rows × d} result. */
    private float[][] unpadded(float[] stacked, float[][] queries, int rows) {
        float[][] out = new float[sessions][];
        for (int s = 0; s < sessions; s++) {
            out[s] = Arrays.copyOfRange(stacked, s * rows * d, s * rows * d + queries[s].length);
        }
        return out;
    }
}
