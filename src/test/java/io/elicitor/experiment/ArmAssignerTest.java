package io.elicitor.experiment;

import java.util.List;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Assignment is deterministic, follows the weights, and differs between salts. */
class ArmAssignerTest {
    private static final List<Arm> ARMS = List.of(new Arm("a", "random", null, 1.0), new Arm("b", "exploit", null, 3.0));

    @Test
    void sameKeySameArm() {
        for (int i = 0; i < 100; i++) {
            assertEquals(ArmAssigner.arm("salt-1", "user-" + i, ARMS), ArmAssigner.arm("salt-1", "user-" + i, ARMS));
        }
    }

    @Test
    void sharesFollowTheWeights() {
        int n = 20_000;
        int b = 0;
        for (int i = 0; i < n; i++) {
            b += ArmAssigner.arm("salt-2", "user-" + i, ARMS);
        }
        assertEquals(0.75, b / (double) n, 0.015);
        long[] counts = {n - b, b};
        assertTrue(Statistics.sampleRatioPValue(counts, new double[] {1, 3}) > 0.001);
    }

    @Test
    void saltsSplitIndependently() {
        int n = 20_000;
        int same = 0;
        for (int i = 0; i < n; i++) {
            double u1 = ArmAssigner.uniform("salt-x", "user-" + i);
            double u2 = ArmAssigner.uniform("salt-y", "user-" + i);
            same += (u1 < 0.5) == (u2 < 0.5) ? 1 : 0;
            assertTrue(u1 >= 0 && u1 < 1);
        }
        assertEquals(0.5, same / (double) n, 0.015);
    }
}
