package io.elicitor.simulation.people;

import io.elicitor.evoi.EngineFixture;
import io.elicitor.evoi.planner.EngineSettings;
import io.elicitor.evoi.planner.StrategyRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * λ chosen by recommendations: people whose records follow their utility exactly (no noise) are recommended to better
 * by a model that believes their answers (a large λ) than by one that barely does, and the choice is the smallest λ
 * that recommends within 2% of the best.
 */
class RecommendationFitTest {
    @Test
    void noiselessPeopleAreServedBestByASharpModel() throws Exception {
        EngineFixture f = EngineFixture.create(60, 4, 2, 0, 1.0, 8);
        List<Person> people = LambdaFitTest.people(f, 1e6, 80, 31); // Gumbel noise / 10⁶: the record is w·x's order
        RecommendationFit fit = new RecommendationFit(new PopulationSessions(f.search, f.prior, StrategyRegistry.builtIn(),
                "greedy-eus", 2, 4, 3, 2));
        List<RecommendationFit.Point> seen = new ArrayList<>();
        RecommendationFit.Result r = fit.fit(people, EngineSettings.defaults().withParticles(128),
                new double[] {0.05, 50, 100}, seen::add);
        assertEquals(seen, r.curve(), "every point handed over as it ended, in grid order");
        assertEquals(0.05, r.curve().get(0).lambda());
        assertTrue(r.curve().get(1).meanPosition() < r.curve().get(0).meanPosition(), "λ 50 recommends better than 0.05: "
                + r.curve());
        double lowest = Math.min(r.curve().get(1).meanPosition(), r.curve().get(2).meanPosition());
        assertEquals(r.curve().get(1).meanPosition() <= lowest * 1.02 ? 50 : 100, r.lambda(), r.curve().toString());
        for (RecommendationFit.Point p : r.curve()) {
            assertTrue(p.meanPosition() >= 0 && p.meanPosition() <= 11 && p.positionAtT() >= 0, p.toString());
        }
    }

    @Test
    void anEmptyGridOrNoQuestionsAreRefused() {
        EngineFixture f = EngineFixture.create(20, 3, 2, 0, 1.0, 8);
        assertThrows(IllegalArgumentException.class, () -> new PopulationSessions(f.search, f.prior,
                StrategyRegistry.builtIn(), "greedy-eus", 2, 0, 1, 1));
        RecommendationFit fit = new RecommendationFit(new PopulationSessions(f.search, f.prior, StrategyRegistry.builtIn(),
                "random", 2, 2, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> fit.fit(LambdaFitTest.people(f, 1.0, 5, 1),
                EngineSettings.defaults(), new double[0], p -> { }));
    }
}
