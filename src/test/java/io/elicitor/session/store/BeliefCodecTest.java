package io.elicitor.session.store;

import io.elicitor.evoi.belief.Belief;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The binary belief format round-trips exactly and refuses anything else. */
class BeliefCodecTest {

    @Test
    void roundTripIsBitExact() {
        Random rng = new Random(5);
        int m = 300;
        int d = 7;
        float[] particles = new float[m * d];
        double[] weights = new double[m];
        for (int i = 0; i < particles.length; i++) {
            particles[i] = (float) rng.nextGaussian();
        }
        double sum = 0;
        for (int j = 0; j < m; j++) {
            weights[j] = rng.nextDouble();
            sum += weights[j];
        }
        for (int j = 0; j < m; j++) {
            weights[j] /= sum;
        }
        particles[3] = Float.MIN_VALUE;
        float[] mean = {0.5f, -1e-30f, Float.MIN_VALUE, 3, 4, 5, 6};
        Belief b = Belief.restore(d, particles, weights, mean);
        byte[] bytes = BeliefCodec.encode(b);
        assertEquals(12 + 4 * m * d + 8 * m + 4 * d, bytes.length);
        assertTrue(BeliefCodec.isCurrent(bytes));
        Belief back = BeliefCodec.decode(bytes);
        assertEquals(b, back);
        assertArrayEquals(particles, back.particles());
        assertArrayEquals(weights, back.weights());
        assertArrayEquals(mean, back.mean());
        assertEquals(b.effectiveSampleSize(), back.effectiveSampleSize());
    }

    @Test
    void refusesTruncatedOrForeignBytes() {
        byte[] good = BeliefCodec.encode(Belief.restore(2, new float[] {1, 2, 3, 4}, new double[] {0.5, 0.5},
                new float[] {2, 3}));
        assertThrows(IllegalArgumentException.class, () -> BeliefCodec.decode(Arrays.copyOf(good, good.length - 1)));
        assertThrows(IllegalArgumentException.class, () -> BeliefCodec.decode(new byte[] {1, 2, 3}));
        assertThrows(IllegalArgumentException.class, () -> BeliefCodec.decode(null));
        byte[] foreign = good.clone();
        foreign[0] = 'X';
        assertThrows(IllegalArgumentException.class, () -> BeliefCodec.decode(foreign));
        assertFalse(BeliefCodec.isCurrent(foreign));
    }

    @Test
    void theEarlierFormatIsNotCurrent() {
        // "EPS1": header, particles and weights, no mean (what caches written before the mean was stored hold).
        ByteBuffer old = ByteBuffer.allocate(12 + 4 * 4 + 8 * 2).order(ByteOrder.LITTLE_ENDIAN);
        old.putInt(0x31535045).putInt(2).putInt(2);
        assertFalse(BeliefCodec.isCurrent(old.array()));
        assertThrows(IllegalArgumentException.class, () -> BeliefCodec.decode(old.array()));
    }
}
