package io.elicitor.experiment;

import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reference values and properties of the experiment statistics. */
class StatisticsTest {

    @Test
    void wilsonMatchesReferenceValues() {
        // 10 of 20: Wilson 95% [0.2993, 0.7007]
        Statistics.Interval i = Statistics.wilson(10, 20);
        assertEquals(0.5, i.estimate(), 1e-12);
        assertEquals(0.2993, i.low(), 1e-4);
        assertEquals(0.7007, i.high(), 1e-4);
        // 0 of 10 stays inside [0, 1] with a sensible upper end (0.2775)
        Statistics.Interval zero = Statistics.wilson(0, 10);
        assertEquals(0.0, zero.low(), 1e-12);
        assertEquals(0.2775, zero.high(), 1e-4);
        assertTrue(Double.isNaN(Statistics.wilson(0, 0).estimate()));
    }

    @Test
    void meanIntervalFromSums() {
        // values 1, 2, 3: mean 2, sd 1, half-width 1.96 / sqrt(3)
        Statistics.Interval m = Statistics.mean(3, 6, 14);
        assertEquals(2.0, m.estimate(), 1e-12);
        assertEquals(Statistics.Z95 / Math.sqrt(3), m.high() - 2.0, 1e-12);
    }

    @Test
    void differenceOfProportions() {
        Statistics.Interval d = Statistics.differenceOfProportions(30, 100, 50, 100);
        assertEquals(0.2, d.estimate(), 1e-12);
        double se = Math.sqrt(0.3 * 0.7 / 100 + 0.5 * 0.5 / 100);
        assertEquals(0.2 - Statistics.Z95 * se, d.low(), 1e-12);
        assertTrue(d.excludes(0));
    }

    @Test
    void alwaysValidPValueIsOneWithoutEffectAndShrinksWithEvidence() {
        assertEquals(1.0, Statistics.alwaysValidPValue(50, 100, 50, 100, 0.01));
        double small = Statistics.alwaysValidPValue(30, 100, 45, 100, 0.01);
        double large = Statistics.alwaysValidPValue(300, 1000, 450, 1000, 0.01);
        assertTrue(large < small && small < 1.0, small + " " + large);
        assertTrue(large < 1e-6);
        // More conservative than the fixed-sample z-test at the same data.
        double z = 0.15 / Math.sqrt(0.3 * 0.7 / 100 + 0.45 * 0.55 / 100);
        double fixed = 2 * (1 - new org.apache.commons.math3.distribution.NormalDistribution().cumulativeProbability(z));
        assertTrue(small > fixed, "mSPRT " + small + " vs fixed " + fixed);
    }

    @Test
    void sampleRatioCheck() {
        assertEquals(1.0, Statistics.sampleRatioPValue(new long[] {500, 500}, new double[] {1, 1}), 1e-12);
        // 550 vs 450 of 1000 at 50/50: chi2 = 10, p = 0.00157
        assertEquals(0.001565, Statistics.sampleRatioPValue(new long[] {550, 450}, new double[] {1, 1}), 1e-5);
        // weights are respected: 300/700 at 30/70 is perfect
        assertEquals(1.0, Statistics.sampleRatioPValue(new long[] {300, 700}, new double[] {0.3, 0.7}), 1e-12);
        assertTrue(Statistics.sampleRatioPValue(new long[] {400, 600}, new double[] {1, 1}) < 0.001);
    }
}
