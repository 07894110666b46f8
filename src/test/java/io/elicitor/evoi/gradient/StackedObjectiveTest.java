package io.elicitor.evoi.gradient;

import io.elicitor.evoi.EngineWorkspace;
import io.elicitor.evoi.belief.Posterior;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Several sessions' steps stacked give each session's own gradient: the same values as the single-session path
 * ({@link SlateObjective} with {@link SoftBestResponse}), in both forms, for sessions that differ in particles, weights, λ,
 * pool, temperature and number of queries (so rows are padded), with pairs and triples.
 */
class StackedObjectiveTest {
    static {
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
    }

    private static final int M = 96;
    private static final int D = 6;
    private static final int P = 20;

    private static Posterior posterior(Random rng) {
        return SlateObjectiveTest.randomPosterior(M, D, rng);
    }

    private static float[] gaussian(int n, Random rng, double scale) {
        return SlateObjectiveTest.randomVectors(n, rng, scale);
    }

    @Test
    void eachSessionGetsTheGradientItWouldGetAlone() {
        for (int k : new int[] {2, 3}) {
            Random rng = new Random(17 + k);
            int sessions = 4;
            List<Posterior> posteriors = new ArrayList<>();
            List<float[]> pools = new ArrayList<>();
            double[] lambdas = new double[sessions];
            double[] temperatures = new double[sessions];
            float[][] queries = new float[sessions][];
            for (int s = 0; s < sessions; s++) {
                posteriors.add(posterior(rng));
                pools.add(gaussian(P * D, rng, 0.5));
                lambdas[s] = 1 + 4 * rng.nextDouble();
                temperatures[s] = 0.01 + 0.3 * rng.nextDouble();
                queries[s] = gaussian((3 + 2 * s) * k * D, rng, 0.5); // 3, 5, 7, 9 slates: padded to 9
            }
            for (StackedObjective.Form form : StackedObjective.Form.values()) {
                float[][] stacked = EngineWorkspace.run(
                        () -> new StackedObjective(posteriors, lambdas, pools).queryGradients(queries, temperatures, k, form));
                for (int s = 0; s < sessions; s++) {
                    int at = s;
                    float[] alone = EngineWorkspace.run(() -> {
                        SlateObjective objective = new SlateObjective(posteriors.get(at), lambdas[at]);
                        float[] y = new SoftBestResponse(pools.get(at), D).of(objective.answerVectors(queries[at], k),
                                temperatures[at]);
                        return objective.evaluate(queries[at], y, k).queryGradient();
                    });
                    assertEquals(alone.length, stacked[s].length, "session " + s + " keeps its own rows");
                    double scale = 0;
                    for (float g : alone) {
                        scale = Math.max(scale, Math.abs(g));
                    }
                    assertTrue(scale > 0, "a gradient that is zero everywhere would test nothing");
                    for (int i = 0; i < alone.length; i++) {
                        assertEquals(alone[i], stacked[s][i], 1e-5 * scale,
                                form + ", k = " + k + ", session " + s + ", value " + i);
                    }
                }
            }
        }
    }

    @Test
    void sessionsOfDifferentShapesAreRefused() {
        Random rng = new Random(3);
        List<Posterior> posteriors = List.of(posterior(rng), posterior(rng));
        double[] lambdas = {1, 1};
        assertThrows(IllegalArgumentException.class,
                () -> new StackedObjective(posteriors, lambdas, List.of(gaussian(P * D, rng, 1), gaussian((P + 1) * D, rng, 1))));
        assertThrows(IllegalArgumentException.class,
                () -> new StackedObjective(posteriors, new double[] {1}, List.of(gaussian(P * D, rng, 1), gaussian(P * D, rng, 1))));
        StackedObjective objective = new StackedObjective(posteriors, lambdas,
                List.of(gaussian(P * D, rng, 1), gaussian(P * D, rng, 1)));
        float[][] ragged = {gaussian(2 * D, rng, 1), gaussian(2 * D + 1, rng, 1)};
        assertThrows(IllegalArgumentException.class, () -> objective.queryGradients(ragged, new double[] {0.1, 0.1}, 2));
        float[][] fine = {gaussian(2 * D, rng, 1), gaussian(4 * D, rng, 1)};
        assertThrows(IllegalArgumentException.class, () -> objective.queryGradients(fine, new double[] {0.1, 0}, 2));
    }
}
