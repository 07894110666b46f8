package io.elicitor.simulation.people;

import io.elicitor.evoi.EngineFixture;
import io.elicitor.evoi.planner.EngineSettings;
import io.elicitor.evoi.planner.StrategyRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * λ fitted to the answers people give to the engine's own questions: started far below the λ the people chose with,
 * the rounds climb towards it, each round's sessions running at the geometric mean of the λ before and its fit.
 */
class EngineQuestionFitTest {
    @Test
    void theRoundsClimbFromALowStartTowardsThePeoplesLambda() throws Exception {
        EngineFixture f = EngineFixture.create(60, 4, 2, 0, 1.0, 8);
        List<Person> people = LambdaFitTest.people(f, 6.0, 100, 29);
        EngineQuestionFit fit = new EngineQuestionFit(new PopulationSessions(f.search, f.prior, StrategyRegistry.builtIn(),
                "greedy-eus", 2, 3, 5, 2), 256);
        List<EngineQuestionFit.Round> rounds = fit.fit(people, EngineSettings.defaults().withParticles(128)
                .withLambda(0.5), 5, r -> { });
        assertEquals(0.5, rounds.get(0).plannedWith());
        for (int r = 0; r < rounds.size(); r++) {
            EngineQuestionFit.Round round = rounds.get(r);
            assertEquals(Math.sqrt(round.plannedWith() * round.fit().lambda()), round.next(), 1e-12);
            assertEquals(0, round.ties(), "preferences drawn from a continuous distribution never tie");
            assertEquals(100 * 3, round.fit().answers(), "every session's every answer");
            if (r > 0) {
                assertEquals(rounds.get(r - 1).next(), round.plannedWith(), "each round runs at the last one's next");
            }
        }
        double last = rounds.get(rounds.size() - 1).next();
        assertTrue(last > 3 && last < 15, "people chose with lambda 6; the rounds ended at " + last + " from 0.5");
    }

    @Test
    void anUnknownStrategyOrNoRoundsIsRefused() {
        EngineFixture f = EngineFixture.create(20, 3, 2, 0, 1.0, 8);
        assertThrows(IllegalArgumentException.class, () -> new PopulationSessions(f.search, f.prior,
                StrategyRegistry.builtIn(), "oracle", 2, 4, 1, 1));
        EngineQuestionFit fit = new EngineQuestionFit(new PopulationSessions(f.search, f.prior, StrategyRegistry.builtIn(),
                "random", 2, 2, 1, 1), 64);
        assertThrows(IllegalArgumentException.class, () -> fit.fit(LambdaFitTest.people(f, 1.0, 5, 1),
                EngineSettings.defaults(), 0, r -> { }));
    }
}
