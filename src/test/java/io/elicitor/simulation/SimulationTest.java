package io.elicitor.simulation;

import io.elicitor.catalog.Catalog;
import io.elicitor.catalog.CatalogLoader;
import io.elicitor.catalog.CatalogRegistry;
import io.elicitor.evoi.EngineWorkspace;
import io.elicitor.evoi.Seeds;
import io.elicitor.evoi.planner.EngineSettings;
import io.elicitor.evoi.planner.StrategyRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The harness on the bundled cars catalog with users drawn from the prior. */
class SimulationTest {
    private static Catalog catalog;
    private static CatalogRegistry.Entry entry;

    @BeforeAll
    static void load() throws Exception {
        catalog = CatalogLoader.loadResource("catalogs/cars");
        entry = EngineWorkspace.outside(() -> new CatalogRegistry().register(catalog));
    }

    private static List<SimulatedUser> users(int n, long seed) {
        return SimulatedUser.drawnFrom(entry.prior(), n, Seeds.random(seed, 1), catalog.vectors());
    }

    private static Simulation simulation(List<SimulatedUser> users, int threads) {
        return simulation(users, threads, List.of("exhaustive", "random"));
    }

    private static Simulation simulation(List<SimulatedUser> users, int threads, List<String> strategies) {
        EngineSettings settings = EngineSettings.defaults().withParticles(256);
        InProcessRunner runner = new InProcessRunner(entry.search(), entry.prior(), settings, StrategyRegistry.builtIn(),
                2, 4, false);
        return new Simulation(runner, users, strategies, 7, threads);
    }

    @Test
    void aStrategyWithAPlanningFactorIsPairedWithTheSameStrategyWithout() throws Exception {
        Simulation sim = simulation(users(12, 6), 2, List.of("random", "greedy-eus", "greedy-eus@3", "exploit@2"));
        sim.run(() -> {}, s -> {});
        Map<String, PairedDifference> gains = sim.pairedWithPlain();
        assertEquals(List.of("greedy-eus@3"), List.copyOf(gains.keySet()), "exploit@2 has no plain exploit in this run");
        PairedDifference d = gains.get("greedy-eus@3");
        assertEquals("greedy-eus", d.reference());
        StrategySummary plain = sim.summaries().get("greedy-eus");
        StrategySummary sharp = sim.summaries().get("greedy-eus@3");
        for (int t = 0; t < d.difference().length; t++) {
            assertEquals(sharp.regret()[t] - plain.regret()[t], d.difference()[t], 1e-12, "t " + t);
        }
        assertEquals("random", sim.pairedDifferences().get("greedy-eus@3").reference());
    }

    @Test
    void usersFromThePriorAnsweringByTheModelNeverGetWorseOnAverage() throws Exception {
        // The sanity law of the method notes: with the prior right and answers drawn from the model itself,
        // more answers cannot raise mean regret (beyond noise).
        Simulation sim = simulation(users(60, 3), 2);
        sim.run(() -> {}, s -> {});
        Map<String, StrategySummary> out = sim.summaries();
        StrategySummary exhaustive = out.get("exhaustive");
        StrategySummary random = out.get("random");
        assertTrue(sim.complete());
        assertEquals(exhaustive.regret()[0], random.regret()[0], 1e-12, "paired users start from the same prior draw");
        assertTrue(exhaustive.regret()[4] < 0.7 * exhaustive.regret()[0], "exhaustive: " + exhaustive.regret()[4]);
        assertTrue(random.regret()[4] <= random.regretHigh()[0], "random rose: " + random.regret()[4]);
        assertTrue(exhaustive.answerAccuracy() > 0.5 && exhaustive.answerAccuracy() < 1.0);
    }

    @Test
    void pairedDifferenceIsTheDifferenceOfMeansWithItsOwnInterval() throws Exception {
        Simulation sim = simulation(users(30, 4), 2);
        sim.run(() -> {}, s -> {});
        StrategySummary exhaustive = sim.summaries().get("exhaustive");
        StrategySummary random = sim.summaries().get("random");
        PairedDifference d = sim.pairedDifferences().get("random");
        assertEquals("exhaustive", d.reference());
        assertEquals(30, d.users());
        assertEquals(0.0, d.difference()[0], 0.0, "same users, same prior draw: no difference before any answer");
        assertEquals(0.0, d.high()[0] - d.low()[0], 0.0);
        for (int t = 1; t < d.difference().length; t++) {
            assertEquals(random.regret()[t] - exhaustive.regret()[t], d.difference()[t], 1e-12, "t " + t);
            assertTrue(d.low()[t] <= d.difference()[t] && d.difference()[t] <= d.high()[t]);
        }
        assertTrue(d.difference()[4] > 0, "random questions leave more regret than exhaustive's: " + d.difference()[4]);
    }

    @Test
    void resultsDoNotDependOnTheNumberOfThreads() throws Exception {
        List<SimulatedUser> u = users(8, 5);
        Simulation one = simulation(u, 1);
        one.run(() -> {}, s -> {});
        Simulation two = simulation(u, 2);
        two.run(() -> {}, s -> {});
        for (String s : List.of("exhaustive", "random")) {
            assertArrayEquals(one.summaries().get(s).regret(), two.summaries().get(s).regret(), 0.0, s);
        }
    }

    @Test
    void simulatedUserRegretAndChoices() {
        SimulatedUser user = users(1, 9).get(0);
        assertEquals(0.0, user.normalisedRegret(user.bestItem()));
        int worst = 0;
        for (int i = 0; i < catalog.size(); i++) {
            if (user.utility(i) < user.utility(worst)) {
                worst = i;
            }
        }
        assertTrue(user.normalisedRegret(worst) > 1.0, "the worst item is below the mean");
        int[] slate = {user.bestItem(), worst};
        assertEquals(0, user.choose(slate, 1.0, true, Seeds.random(1, 1)));
        int picksBest = 0;
        for (int t = 0; t < 400; t++) {
            picksBest += user.choose(slate, 2.0, false, Seeds.random(2, t)) == 0 ? 1 : 0;
        }
        double p = 1 / (1 + Math.exp(-2.0 * (user.utility(user.bestItem()) - user.utility(worst))));
        assertEquals(p, picksBest / 400.0, 0.08);
    }
}
