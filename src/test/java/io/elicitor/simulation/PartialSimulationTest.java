package io.elicitor.simulation;

import io.elicitor.catalog.CatalogLoader;
import io.elicitor.catalog.CatalogRegistry;
import io.elicitor.evoi.EngineWorkspace;
import io.elicitor.evoi.planner.EngineSettings;
import io.elicitor.evoi.planner.QueryKind;
import io.elicitor.evoi.planner.Questions;
import io.elicitor.evoi.planner.StrategyRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Simulated users answering partial and mixed questions on the bundled cars: regret falls with the answers
 * and stays below random partial questions, a run repeats bit for bit, and item-only catalogs refuse.
 */
class PartialSimulationTest {
    private static final CatalogRegistry.Entry CARS = EngineWorkspace.outside(() -> {
        try {
            return new CatalogRegistry().register(CatalogLoader.load(Path.of("item-catalog/cars")));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    });

    private static double[] meanRegret(QueryKind kind, String strategy, int users, int queries) {
        EngineSettings settings = EngineSettings.defaults().withParticles(256);
        InProcessRunner runner = new InProcessRunner(CARS.search(), CARS.prior(), settings, StrategyRegistry.builtIn(), 2,
                queries, false, new Questions(kind, 2, CARS.attributes().orElseThrow()));
        List<SimulatedUser> people = SimulatedUser.drawnFrom(CARS.prior(), users, new Random(3), CARS.catalog().vectors());
        double[] mean = new double[queries + 1];
        for (int u = 0; u < users; u++) {
            double[] r = runner.run(people.get(u), strategy, 100 + u, 200 + u).regret();
            for (int t = 0; t <= queries; t++) {
                mean[t] += r[t] / users;
            }
        }
        return mean;
    }

    @Test
    void partialAnswersLowerRegretAndBeatRandomPartialQuestions() {
        double[] greedy = meanRegret(QueryKind.PARTIAL, "greedy-eus", 30, 5);
        double[] random = meanRegret(QueryKind.PARTIAL, "random", 30, 5);
        assertTrue(greedy[5] < 0.6 * greedy[0], "regret " + greedy[0] + " -> " + greedy[5]);
        assertTrue(greedy[5] < random[5], "greedy " + greedy[5] + " vs random " + random[5]);
    }

    @Test
    void aMixedRunRepeatsBitForBit() {
        assertArrayEquals(meanRegret(QueryKind.MIXED, "greedy-eus", 4, 4), meanRegret(QueryKind.MIXED, "greedy-eus", 4, 4));
    }

    @Test
    void partialQuestionsNeedAnAttributeSpace() {
        assertThrows(IllegalArgumentException.class, () -> new Questions(QueryKind.PARTIAL, 2, null));
    }
}
