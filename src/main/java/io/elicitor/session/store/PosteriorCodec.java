package io.elicitor.session.store;

import io.elicitor.session.state.SessionState.PosteriorData;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The compact binary form of a posterior kept in Redis: a header ({@code "EPS1"}, M, d), the particles as
 * little-endian float32 and the weights as float64. Weights stay float64 because the engine computes them
 * in double: rounding them to float32 in the cache would make a cached session and its replay from the log
 * drift apart (a resampling decision can flip on the last bit). For M = 1024, d = 32 that is 136 KB.
 */
public final class PosteriorCodec {
    private static final int MAGIC = 0x31535045; // "EPS1" read little-endian

    private PosteriorCodec() {}

    /** Encodes a posterior. */
    public static byte[] encode(PosteriorData p) {
        int m = p.weights().length;
        ByteBuffer b = ByteBuffer.allocate(12 + 4 * p.particles().length + 8 * m).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(MAGIC).putInt(m).putInt(p.dimension());
        b.asFloatBuffer().put(p.particles());
        b.position(12 + 4 * p.particles().length);
        b.asDoubleBuffer().put(p.weights());
        return b.array();
    }

    /** Decodes what {@link #encode} wrote; refuses anything else. */
    public static PosteriorData decode(byte[] bytes) {
        if (bytes == null || bytes.length < 12) {
            throw new IllegalArgumentException("not an encoded posterior: " + (bytes == null ? "null" : bytes.length + " bytes"));
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int magic = b.getInt();
        int m = b.getInt();
        int d = b.getInt();
        long expected = 12L + 4L * m * d + 8L * m;
        if (magic != MAGIC || m < 1 || d < 1 || bytes.length != expected) {
            throw new IllegalArgumentException("not an encoded posterior (magic " + Integer.toHexString(magic) + ", M=" + m
                    + ", d=" + d + ", " + bytes.length + " bytes)");
        }
        float[] particles = new float[m * d];
        b.asFloatBuffer().get(particles);
        b.position(12 + 4 * particles.length);
        double[] weights = new double[m];
        b.asDoubleBuffer().get(weights);
        return new PosteriorData(d, particles, weights);
    }
}
