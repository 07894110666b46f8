package io.elicitor.evoi.belief;

import java.util.Random;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** λ calibrated to a target share of correct answers: hits it, moves the right way, scales with the catalog. */
class LambdaCalibrationTest {
    private static final int D = 8;

    private static float[] gaussian(int rows, double scale, long seed) {
        Random rng = new Random(seed);
        float[] out = new float[rows * D];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (scale * rng.nextGaussian());
        }
        return out;
    }

    @Test
    void reachesTheTargetOnItsDrawsAndOnFreshOnes() {
        float[] items = gaussian(500, 1.0, 1);
        float[] users = gaussian(60, 0.5, 2);
        LambdaCalibration.Result r = LambdaCalibration.calibrate(items, users, D, 100, 0.8, 20_000, 3);
        assertEquals(0.8, r.accuracy(), 1e-6);
        assertEquals(100, r.topItems());
        LambdaCalibration.Result fresh = LambdaCalibration.calibrate(items, users, D, 100, 0.8, 20_000, 4);
        assertEquals(r.lambda(), fresh.lambda(), 0.05 * r.lambda(), "another seed's draws agree within 5%");
    }

    @Test
    void aHigherTargetNeedsALargerLambda() {
        float[] items = gaussian(300, 1.0, 5);
        float[] users = gaussian(40, 0.5, 6);
        double previous = 0;
        for (double target : new double[] {0.6, 0.7, 0.8, 0.9}) {
            double lambda = LambdaCalibration.calibrate(items, users, D, 100, target, 5_000, 7).lambda();
            assertTrue(lambda > previous, "target " + target + ": " + lambda + " after " + previous);
            previous = lambda;
        }
    }

    @Test
    void doublingTheItemVectorsHalvesLambda() {
        float[] items = gaussian(300, 1.0, 8);
        float[] users = gaussian(40, 0.5, 9);
        float[] doubled = items.clone();
        for (int i = 0; i < doubled.length; i++) {
            doubled[i] *= 2;
        }
        double lambda = LambdaCalibration.calibrate(items, users, D, 100, 0.8, 5_000, 10).lambda();
        double half = LambdaCalibration.calibrate(doubled, users, D, 100, 0.8, 5_000, 10).lambda();
        assertEquals(lambda / 2, half, 1e-6 * lambda);
    }

    @Test
    void refusesBadArgumentsAndTiedItems() {
        float[] users = gaussian(10, 1.0, 11);
        assertThrows(IllegalArgumentException.class, () -> LambdaCalibration.calibrate(gaussian(50, 1, 12), users, D, 10, 0.5, 100, 1));
        assertThrows(IllegalArgumentException.class, () -> LambdaCalibration.calibrate(gaussian(50, 1, 12), users, D, 1, 0.8, 100, 1));
        assertThrows(IllegalArgumentException.class, () -> LambdaCalibration.calibrate(new float[7], users, D, 10, 0.8, 100, 1));
        float[] identical = new float[20 * D];
        java.util.Arrays.fill(identical, 0.3f);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LambdaCalibration.calibrate(identical, users, D, 10, 0.8, 100, 1));
        assertTrue(e.getMessage().contains("tied"), e.getMessage());
    }
}
