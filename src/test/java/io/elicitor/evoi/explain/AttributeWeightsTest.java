package io.elicitor.evoi.explain;

import io.elicitor.evoi.belief.Belief;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Attribute weights against their definitions, recomputed here from the particles. */
class AttributeWeightsTest {
    @Test
    void numericWeightsArePerOriginalUnitAndLevelsAreContrastsWithTheFirst() {
        Belief b = ExplainFixture.belief(7, 500, new float[] {-2f, 0.5f, 1f, -1f, 0.8f});
        List<AttributeWeights.Weight> w = AttributeWeights.of(b, ExplainFixture.SPACE, ExplainFixture.LEVELS);
        assertEquals(List.of("price", "colour", "colour", "size"), w.stream().map(AttributeWeights.Weight::attribute)
                .toList());
        float[] p = b.particles();
        double[] pi = b.weights();
        double price = 0;
        double greenOverRed = 0;
        double[] size = new double[500];
        for (int j = 0; j < 500; j++) {
            price += pi[j] * p[j * 5] / 4.0;
            greenOverRed += pi[j] * ((double) p[j * 5 + 2] - p[j * 5 + 1]);
            size[j] = p[j * 5 + 4] / 0.5;
        }
        assertEquals(price, w.get(0).mean(), 1e-9);
        assertNull(w.get(0).level());
        assertEquals(4.0, w.get(0).spread());
        assertEquals(1.0, w.get(1).spread());
        assertEquals("green", w.get(1).level());
        assertEquals("red", w.get(1).baseline());
        assertEquals(greenOverRed, w.get(1).mean(), 1e-9);
        assertEquals("blue", w.get(2).level());
        // The 90% interval brackets the mean and holds 90% of the weight.
        for (AttributeWeights.Weight x : w) {
            assertTrue(x.low() <= x.mean() && x.mean() <= x.high(), x.toString());
        }
        double inside = 0;
        for (int j = 0; j < 500; j++) {
            if (size[j] >= w.get(3).low() && size[j] <= w.get(3).high()) {
                inside += pi[j];
            }
        }
        assertTrue(inside >= 0.9 - 1e-9 && inside < 0.95, "weight inside the 90% interval: " + inside);
    }

    @Test
    void weightedQuantilesInvertTheWeightedCdf() {
        double[] v = {3, 1, 2, 4};
        double[] pi = {0.1, 0.5, 0.3, 0.1};
        assertEquals(1, WeightedQuantiles.quantile(v, pi, 0.05));
        assertEquals(1, WeightedQuantiles.quantile(v, pi, 0.5));
        assertEquals(2, WeightedQuantiles.quantile(v, pi, 0.6));
        assertEquals(3, WeightedQuantiles.quantile(v, pi, 0.85));
        assertEquals(4, WeightedQuantiles.quantile(v, pi, 0.95));
        assertEquals(Arrays.stream(new double[] {0.3, 0.5, 0.6, 0.4}).sum(), WeightedQuantiles.mean(v, pi) + 0.0,
                1e-12);
    }
}
