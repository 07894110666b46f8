package io.elicitor.session.store;

import io.elicitor.evoi.belief.Belief;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The compact binary form of a belief kept in Redis: a header ({@code "EPS2"}, M, d), the particles as
 * little-endian float32, the weights as float64 and the posterior mean as float32. Weights stay float64
 * because the engine computes them in double: rounding them to float32 in the cache would make a cached
 * session and its replay from the log drift apart (a resampling decision can flip on the last bit). The mean
 * is stored rather than recomputed because reads happen on the event loop, where no ND4J may run, and every
 * part of the service must recommend from the mean the engine computed. For M = 1024, d = 32 that is 136 KB.
 * Entries of the earlier format ({@code "EPS1"}, without the mean) are not current: the store treats them as
 * a cache miss and rebuilds the session from its log.
 */
public final class BeliefCodec {
    private static final int MAGIC = 0x32535045; // "EPS2" read little-endian
    private static final int HEADER = 12;

    private BeliefCodec() {}

    /** Encodes a belief. */
    public static byte[] encode(Belief b) {
        int m = b.size();
        int d = b.dimension();
        ByteBuffer buf = ByteBuffer.allocate(length(m, d)).order(ByteOrder.LITTLE_ENDIAN);
        buf.putInt(MAGIC).putInt(m).putInt(d);
        buf.asFloatBuffer().put(b.particles());
        buf.position(HEADER + 4 * m * d);
        buf.asDoubleBuffer().put(b.weights());
        buf.position(HEADER + 4 * m * d + 8 * m);
        buf.asFloatBuffer().put(b.mean());
        return buf.array();
    }

    /** Whether {@code bytes} start with this format's header (an older format is not current). */
    public static boolean isCurrent(byte[] bytes) {
        return bytes != null && bytes.length >= HEADER
                && ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt() == MAGIC;
    }

    /** Decodes what {@link #encode} wrote; refuses anything else. */
    public static Belief decode(byte[] bytes) {
        if (bytes == null || bytes.length < HEADER) {
            throw new IllegalArgumentException("not an encoded belief: " + (bytes == null ? "null" : bytes.length + " bytes"));
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int magic = buf.getInt();
        int m = buf.getInt();
        int d = buf.getInt();
        if (magic != MAGIC || m < 1 || d < 1 || (long) m * d > Integer.MAX_VALUE / 8 || bytes.length != length(m, d)) {
            throw new IllegalArgumentException("not an encoded belief (magic " + Integer.toHexString(magic) + ", M=" + m
                    + ", d=" + d + ", " + bytes.length + " bytes)");
        }
        float[] particles = new float[m * d];
        buf.asFloatBuffer().get(particles);
        buf.position(HEADER + 4 * m * d);
        double[] weights = new double[m];
        buf.asDoubleBuffer().get(weights);
        buf.position(HEADER + 4 * m * d + 8 * m);
        float[] mean = new float[d];
        buf.asFloatBuffer().get(mean);
        return Belief.restore(d, particles, weights, mean);
    }

    private static int length(int m, int d) {
        return HEADER + 4 * m * d + 8 * m + 4 * d;
    }
}
