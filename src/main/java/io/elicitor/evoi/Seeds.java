package io.elicitor.evoi;

import java.util.Random;

/** Derives independent, reproducible random streams from one session seed (SplitMix64 mixing). */
public final class Seeds {
    private Seeds() {}

    /** Mixes a seed and a stream number into a well-spread 64-bit seed. */
    public static long mix(long seed, long stream) {
        long z = seed + 0x9E3779B97F4A7C15L * (stream + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * A {@link Random} for one stream of a seed. {@code java.util.Random} is used on purpose: its
     * algorithm, {@code nextGaussian} included, is fixed by its specification, so replays match across JDKs.
     */
    public static Random random(long seed, long stream) {
        return new Random(mix(seed, stream));
    }
}
