package io.elicitor.api;

import io.elicitor.catalog.CatalogRegistry;
import io.elicitor.config.ElicitorConfig;
import io.elicitor.evoi.Seeds;
import io.elicitor.evoi.planner.EngineSettings;
import io.elicitor.evoi.planner.StrategyRegistry;
import io.elicitor.simulation.HttpRunner;
import io.elicitor.simulation.InProcessRunner;
import io.elicitor.simulation.SimulatedUser;
import io.elicitor.simulation.UserTrace;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The harness driving the live API reproduces the in-process run exactly: the service runs the same engine
 * steps with the same seeds, so the same simulated user sees the same questions and recommendations.
 */
@QuarkusTest
class SimulationOverHttpTest {
    @TestHTTPResource("/")
    URI base;

    @Inject
    CatalogRegistry catalogs;

    @Inject
    StrategyRegistry strategies;

    @Inject
    EngineSettings settings;

    @Inject
    ElicitorConfig config;

    @Test
    void sameUsersSameCurvesInProcessAndOverHttp() {
        CatalogRegistry.Entry cars = catalogs.latest("cars").orElseThrow();
        int k = 3;
        int queries = 3;
        HttpRunner http = new HttpRunner(base, cars.catalog(), k, queries, settings.lambda(), false, false);
        InProcessRunner local = new InProcessRunner(cars.search(), cars.prior(), settings, strategies, k, queries, false);
        List<SimulatedUser> users = SimulatedUser.drawnFrom(cars.prior(), 3, Seeds.random(11, 1), cars.catalog().vectors());
        for (String strategy : new String[] {"exhaustive", "random", "exploit"}) {
            for (int u = 0; u < 3; u++) {
                SimulatedUser user = users.get(u);
                UserTrace overHttp = http.run(user, strategy, 1000 + u, 2000 + u);
                UserTrace inProcess = local.run(user, strategy, 1000 + u, 2000 + u);
                assertArrayEquals(inProcess.regret(), overHttp.regret(), 0.0, strategy + " user " + u);
                assertEquals(inProcess.bestInTop10(), overHttp.bestInTop10());
                assertEquals(inProcess.correctAnswers(), overHttp.correctAnswers());
                assertEquals(inProcess.plateauQueries(), overHttp.plateauQueries(), "the service reports the same EVOI");
                assertEquals(queries, overHttp.answerMillis().length);
            }
        }
    }
}
