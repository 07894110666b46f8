package io.elicitor.simulation;

import java.util.List;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Aggregation of per-user traces: means, intervals, ratios, percentiles. */
class StrategySummaryTest {

    @Test
    void meansIntervalsAndRatiosFollowTheDefinitions() {
        List<UserTrace> traces = List.of(
                new UserTrace(new double[] {1.0, 0.5}, true, new double[] {1, 2}, 1, new double[0], 2),
                new UserTrace(new double[] {3.0, 0.5}, false, new double[] {3, 4}, 2, new double[0], 0));
        StrategySummary s = StrategySummary.of(traces);
        assertEquals(2, s.users());
        assertArrayEquals(new double[] {2.0, 0.5}, s.regret(), 1e-12);
        // sd of {1, 3} is sqrt(2); half-width 1.96 * sqrt(2) / sqrt(2) = 1.96
        assertEquals(2.0 - 1.96, s.regretLow()[0], 1e-12);
        assertEquals(2.0 + 1.96, s.regretHigh()[0], 1e-12);
        assertEquals(0.5, s.regretLow()[1], 1e-12);
        assertArrayEquals(new double[] {1.0, 0.25}, s.regretRatio(), 1e-12);
        assertEquals(0.5, s.top10());
        assertEquals(0.75, s.answerAccuracy());
        assertEquals(0.5, s.plateauShare(), "2 of 4 asked slates on a plateau");
        assertEquals(2.0, s.msPerQueryP50());
        assertEquals(4.0, s.msPerQueryP99());
        assertNull(s.msPerAnswerP50());
    }

    @Test
    void nearestRankPercentiles() {
        double[] v = new double[100];
        for (int i = 0; i < 100; i++) {
            v[i] = i + 1;
        }
        assertEquals(50.0, StrategySummary.percentile(v, 0.5));
        assertEquals(99.0, StrategySummary.percentile(v, 0.99));
        assertTrue(Double.isNaN(StrategySummary.percentile(new double[0], 0.5)));
    }
}
