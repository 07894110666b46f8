package io.elicitor.simulation.people;

import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Stop rules replayed from traces: where each stops, and what stopping there cost. */
class StopRulesTest {
    /** Positions 3, 2, 1, 0 after 0..3 answers; EVOI fractions 0.05, 0.01, 0.001 and confidences 0.5, 0.9, 0.97. */
    private static PersonTrace trace() {
        Measures[] m = new Measures[4];
        for (int t = 0; t < 4; t++) {
            m[t] = new Measures(3 - t, t == 3 ? 1 : 0, 0, 0);
        }
        return new PersonTrace(m, m, 0, 0, -1, new double[3], new double[] {0.05, 0.01, 0.001},
                new double[] {0.5, 0.9, 0.97}, new int[3][]);
    }

    @Test
    void aRuleStopsAtItsFirstQuestionBelowTheEvoiOrAboveTheConfidence() {
        PersonTrace p = trace();
        assertEquals(3, StopRules.stopAt(p, 0.0, 1.0), "never stops: all T answers");
        assertEquals(2, StopRules.stopAt(p, 0.002, 1.0), "0.001 < 0.002 before the third question");
        assertEquals(1, StopRules.stopAt(p, 0.02, 1.0));
        assertEquals(2, StopRules.stopAt(p, 0.0, 0.95), "0.97 >= 0.95 before the third question");
        assertEquals(1, StopRules.stopAt(p, 0.0, 0.9));
    }

    @Test
    void theCostIsThePositionAtTheStopMinusAtT() {
        StopRules.Rule never = StopRules.rule(new PersonTrace[] {trace(), trace()}, 0.0, 1.0);
        assertEquals(0.0, never.stopped());
        assertEquals(3.0, never.answers());
        assertEquals(0.0, never.cost()[0]);
        StopRules.Rule early = StopRules.rule(new PersonTrace[] {trace(), trace()}, 0.02, 1.0);
        assertEquals(1.0, early.stopped());
        assertEquals(1.0, early.answers());
        assertEquals(2.0, early.cost()[0], "stopped at position 2 instead of 0");
        assertEquals(9 * 4, StopRules.of(new PersonTrace[] {trace()}).size());
    }
}
