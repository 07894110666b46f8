package io.elicitor.cli;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The explanation of a session on a ratings catalog (built by {@code embed --ratings}, loaded by an admin): no
 * attributes, so it says where the user parts from the population, and recommendations carry no attribute reasons.
 */
@QuarkusTest
class RatingsExplanationTest {
    @TempDir
    Path out;

    @Test
    void aRatingsSessionIsExplainedAgainstThePopulation() throws Exception {
        Path ratings = syntheticRatings(60, 200);
        Path dir = out.resolve("shop");
        int code = ElicitorMain.commandLine().execute("embed", "--ratings", ratings.toString(), "--format", "csv",
                "--dim", "3", "--iterations", "4", "--title", "Shop ratings", "--source", "RatingsExplanationTest",
                "--license", "CC0 1.0", "--catalog-id", "shop-ratings", "--out", dir.toString());
        assertEquals(0, code);
        given().contentType("application/json").header("X-Admin-Key", "test-admin-key")
                .body(Map.of("path", dir.toString())).post("/admin/catalogs").then().statusCode(201);
        String sid = given().contentType("application/json").body(Map.of("catalog", "shop-ratings", "seed", 3))
                .post("/sessions").then().statusCode(201).extract().path("sessionId");
        for (int t = 0; t < 4; t++) {
            Response q = given().contentType("application/json").body(Map.of("sessionId", sid)).post("/next-query")
                    .then().statusCode(200).extract().response();
            assertEquals(List.of(), q.path("why.differences"), "no attributes to differ on");
            assertEquals(2, q.<List<?>>path("why.answers").size());
            given().contentType("application/json").body(Map.of("sessionId", sid, "queryId", q.path("queryId"),
                    "chosenItemId", q.path("items[0].id"))).post("/answer").then().statusCode(200);
        }
        Response e = given().get("/sessions/" + sid + "/explanation").then().statusCode(200).extract().response();
        assertNull(e.path("attributeWeights"));
        List<Map<String, Object>> more = e.path("population.likedMore");
        List<Map<String, Object>> less = e.path("population.likedLess");
        List<Map<String, Object>> agreed = e.path("population.agreed");
        assertEquals(5, more.size());
        assertEquals(5, less.size());
        assertEquals(5, agreed.size());
        for (int i = 1; i < 5; i++) {
            assertTrue(diff(more.get(i - 1)) >= diff(more.get(i)), "likedMore is by difference, largest first");
            assertTrue(diff(less.get(i - 1)) <= diff(less.get(i)), "likedLess is by difference, smallest first");
            assertTrue(Math.abs(diff(agreed.get(i - 1))) <= Math.abs(diff(agreed.get(i))) + 1e-12);
        }
        assertTrue(diff(more.get(4)) >= diff(less.get(4)));
        assertTrue(diff(more.get(0)) > 0 && diff(less.get(0)) < 0, "someone who answered differs somewhere");
        List<Map<String, Object>> recs = given().get("/sessions/" + sid + "/recommendations?limit=3").then()
                .statusCode(200).extract().path("$");
        recs.forEach(r -> assertNull(r.get("because")));
    }

    private static double diff(Map<String, Object> item) {
        return ((Number) item.get("user")).doubleValue() - ((Number) item.get("population")).doubleValue();
    }

    /** {@code users} users rating about 60% of {@code items} items from a rank-2 model with biases (csv layout). */
    private Path syntheticRatings(int items, int users) throws Exception {
        Random rng = new Random(19);
        double[][] item = new double[items + 1][3];
        for (double[] v : item) {
            v[0] = rng.nextGaussian();
            v[1] = rng.nextGaussian();
            v[2] = 0.7 * rng.nextGaussian();
        }
        StringBuilder sb = new StringBuilder("userId,movieId,rating,timestamp\n");
        for (int u = 1; u <= users; u++) {
            double a = rng.nextGaussian();
            double b = rng.nextGaussian();
            for (int i = 1; i <= items; i++) {
                if (rng.nextInt(10) < 6) {
                    double r = 3 + item[i][2] + 0.6 * (a * item[i][0] + b * item[i][1]) + 0.3 * rng.nextGaussian();
                    sb.append(String.format(Locale.ROOT, "%d,%d,%.1f,0%n", u, i,
                            Math.max(0.5, Math.min(5, Math.round(2 * r) / 2.0))));
                }
            }
        }
        return Files.writeString(out.resolve("ratings.csv"), sb.toString());
    }
}
