package io.elicitor.api;

import io.elicitor.catalog.Catalog;
import io.elicitor.catalog.CatalogRegistry;
import io.elicitor.evoi.Seeds;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Full sessions over HTTP with simulated users whose true utility vector is known: answering by the same
 * logit the model assumes, their recommendations must get better.
 */
@QuarkusTest
class ElicitationLoopTest {
    private static final int USERS = 8;
    private static final int ANSWERS = 8;
    private static final double LAMBDA = 2.0;

    @Inject
    CatalogRegistry catalogs;

    @Test
    void recommendationsImproveForSimulatedUsers() {
        CatalogRegistry.Entry entry = catalogs.latest("cars").orElseThrow();
        Catalog catalog = entry.catalog();
        double regretBefore = 0;
        double regretAfter = 0;
        int improvedOrBest = 0;
        for (int u = 0; u < USERS; u++) {
            Random rng = Seeds.random(42, u);
            float[] truth = entry.prior().sample(1, rng).data().asFloat();
            float[] utility = catalog.vectors().scores(truth);
            double best = Double.NEGATIVE_INFINITY;
            double mean = 0;
            for (float x : utility) {
                best = Math.max(best, x);
                mean += x / utility.length;
            }
            String sid = ApiClient.createSession(Map.of("slateSize", 2, "strategy", "exhaustive", "seed", 1000 + u));
            String firstId = ApiClient.json().get("/sessions/" + sid + "/recommendations?limit=1")
                    .then().statusCode(200).extract().path("[0].id");
            double before = utility[catalog.indexOf(firstId).getAsInt()];
            String topId = firstId;
            for (int t = 0; t < ANSWERS; t++) {
                Response q = ApiClient.nextQuery(sid).then().statusCode(200).extract().response();
                List<String> ids = q.path("items.id");
                assertEquals(2, ids.size());
                double uA = utility[catalog.indexOf(ids.get(0)).getAsInt()];
                double uB = utility[catalog.indexOf(ids.get(1)).getAsInt()];
                double pA = 1 / (1 + Math.exp(-LAMBDA * (uA - uB)));
                String chosen = rng.nextDouble() < pA ? ids.get(0) : ids.get(1);
                Response a = ApiClient.answer(sid, q.path("queryId"), chosen).then().statusCode(200).extract().response();
                assertEquals(t + 1, (int) a.path("answers"));
                topId = a.path("recommendations[0].id");
            }
            double after = utility[catalog.indexOf(topId).getAsInt()];
            regretBefore += (best - before) / (best - mean);
            regretAfter += (best - after) / (best - mean);
            if (after >= before || after == best) {
                improvedOrBest++;
            }
        }
        regretBefore /= USERS;
        regretAfter /= USERS;
        System.out.printf("simulated users: mean normalised regret %.3f before any answer, %.3f after %d answers;"
                + " %d of %d users improved or at their best%n", regretBefore, regretAfter, ANSWERS, improvedOrBest, USERS);
        assertTrue(regretAfter < 0.5 * regretBefore,
                "mean normalised regret should at least halve: before " + regretBefore + ", after " + regretAfter);
        assertTrue(improvedOrBest >= USERS - 1, "recommendation got worse for " + (USERS - improvedOrBest) + " users");
    }

    @Test
    void aStrategyWithAPlanningFactorIsSelectableByName() {
        String sid = ApiClient.createSession(Map.of("strategy", "greedy-eus@2", "seed", 11));
        Response q = ApiClient.nextQuery(sid).then().statusCode(200).extract().response();
        List<String> ids = q.path("items.id");
        assertEquals(2, ids.size());
        ApiClient.answer(sid, q.path("queryId"), ids.get(0)).then().statusCode(200);
        assertEquals("greedy-eus@2", ApiClient.json().get("/sessions/" + sid).then().statusCode(200)
                .extract().path("strategy"));
    }

    @Test
    void theInMemoryStoreSaysHowFullItIsInTheMetrics() {
        ApiClient.createSession(Map.of("seed", 8));
        String metrics = io.restassured.RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        double sessions = gauge(metrics, "elicitor_memory_sessions");
        double bytes = gauge(metrics, "elicitor_memory_session_bytes");
        assertTrue(sessions >= 1, "at least the session just made: " + sessions);
        assertTrue(bytes >= sessions * 4L * 1024 * 10, "each cars session holds 1024 × 10 float particles: " + bytes);
    }

    private static double gauge(String metrics, String name) {
        return metrics.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{")).findFirst()
                .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .orElseThrow(() -> new AssertionError(name + " missing from /q/metrics"));
    }

    @Test
    void sessionStateReflectsAnswers() {
        String sid = ApiClient.createSession(Map.of("seed", 7));
        Response s0 = ApiClient.json().get("/sessions/" + sid).then().statusCode(200).extract().response();
        assertEquals(0, (int) s0.path("answers"));
        assertEquals(1024.0, (double) s0.path("effectiveSampleSize"), 1e-6);
        List<Double> mean = s0.path("posteriorMean");
        assertEquals(catalogs.latest("cars").orElseThrow().catalog().dimension(), mean.size());
        Response q = ApiClient.nextQuery(sid).then().statusCode(200).extract().response();
        ApiClient.answer(sid, q.path("queryId"), q.path("items[1].id")).then().statusCode(200);
        Response s1 = ApiClient.json().get("/sessions/" + sid).then().statusCode(200).extract().response();
        assertEquals(1, (int) s1.path("answers"));
        assertTrue((double) s1.path("effectiveSampleSize") < 1024.0, "an informative answer must reweight particles");
        assertEquals("cars", s1.path("catalog"));
        assertEquals("greedy-eus", s1.path("strategy"), "the default for item questions");
    }
}
