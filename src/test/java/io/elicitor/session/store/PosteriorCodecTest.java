package io.elicitor.session.store;

import io.elicitor.session.state.SessionState.PosteriorData;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The binary posterior format round-trips exactly and refuses anything else. */
class PosteriorCodecTest {

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
        for (int j = 0; j < m; j++) {
            weights[j] = rng.nextDouble() / m;
        }
        particles[3] = Float.MIN_VALUE;
        weights[1] = Double.MIN_NORMAL;
        byte[] bytes = PosteriorCodec.encode(new PosteriorData(d, particles, weights));
        assertEquals(12 + 4 * m * d + 8 * m, bytes.length);
        PosteriorData back = PosteriorCodec.decode(bytes);
        assertEquals(d, back.dimension());
        assertArrayEquals(particles, back.particles());
        assertArrayEquals(weights, back.weights());
    }

    @Test
    void refusesTruncatedOrForeignBytes() {
        byte[] good = PosteriorCodec.encode(new PosteriorData(2, new float[] {1, 2, 3, 4}, new double[] {0.5, 0.5}));
        assertThrows(IllegalArgumentException.class, () -> PosteriorCodec.decode(Arrays.copyOf(good, good.length - 1)));
        assertThrows(IllegalArgumentException.class, () -> PosteriorCodec.decode(new byte[] {1, 2, 3}));
        assertThrows(IllegalArgumentException.class, () -> PosteriorCodec.decode(null));
        byte[] foreign = good.clone();
        foreign[0] = 'X';
        assertThrows(IllegalArgumentException.class, () -> PosteriorCodec.decode(foreign));
    }
}
