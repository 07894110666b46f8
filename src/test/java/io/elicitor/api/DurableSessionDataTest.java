package io.elicitor.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Export and deletion on the durable store: after a delete, PostgreSQL holds no row of the session and Redis no key,
 * and an experiment that had assigned it counts it as withdrawn.
 */
@QuarkusTest
@TestProfile(DurableProfile.class)
class DurableSessionDataTest {
    @Test
    void theOwnerExportsAndDeletesAndNothingIsLeft() throws Exception {
        SessionDataChecks.Made mine = SessionDataChecks.sessionWithTwoAnswers(51);
        SessionDataChecks.Made theirs = SessionDataChecks.sessionWithTwoAnswers(52);
        ApiClient.post("/sessions/" + mine.sessionId() + "/outcome", Map.of("itemId", mine.chosen().get(0), "accepted",
                true, "rating", 7.0)).then().statusCode(201);
        SessionDataChecks.exportIsTheWholeSession(mine);
        ApiClient.json().header("Authorization", "Bearer " + mine.token()).get("/sessions/" + mine.sessionId()
                + "/export").then().statusCode(200).body("outcomes.rating", org.hamcrest.Matchers.equalTo(List.of(7.0)));
        SessionDataChecks.strangersAreRefused(mine, theirs);
        assertEquals("1 1 2 3", rows(mine.sessionId()));
        assertEquals("3", RedisUnderTest.exists("elicitor:{" + mine.sessionId() + "}:version",
                "elicitor:{" + mine.sessionId() + "}:state", "elicitor:{" + mine.sessionId() + "}:posterior"));
        SessionDataChecks.ownerDeletes(mine);
        assertEquals("0 0 0 0", rows(mine.sessionId()));
        assertEquals("0", RedisUnderTest.exists("elicitor:{" + mine.sessionId() + "}:version",
                "elicitor:{" + mine.sessionId() + "}:state", "elicitor:{" + mine.sessionId() + "}:posterior"));
        SessionDataChecks.adminDeletes(theirs);
        SessionDataChecks.hostileIdsAreNotFound();
    }

    @Test
    void anExperimentCountsADeletedSessionAsWithdrawn(@TempDir Path tmp) throws Exception {
        String catalog = "cars-del-" + UUID.randomUUID().toString().substring(0, 8);
        admin().body(Map.of("path", CarsCopy.write(tmp, catalog, "1").toString())).post("/admin/catalogs").then()
                .statusCode(201);
        String exp = admin().body(Map.of("catalog", catalog, "name", "withdrawal", "arms", List.of(
                Map.of("name", "control", "strategy", "random"), Map.of("name", "b", "strategy", "random",
                        "weight", 1e-9)))).post("/experiments").then().statusCode(201).extract().path("id");
        try {
            Response created = ApiClient.post("/sessions", Map.of("catalog", catalog)).then().statusCode(201)
                    .extract().response();
            String sid = created.path("sessionId");
            assertEquals("control", created.path("arm"));
            ApiClient.json().header("Authorization", "Bearer " + created.path("sessionToken")).delete("/sessions/"
                    + sid).then().statusCode(204);
            Response results = admin().get("/experiments/" + exp + "/results").then().statusCode(200).extract()
                    .response();
            assertEquals(1, results.<Number>path("arms[0].sessions").intValue());
            assertEquals(1, results.<Number>path("arms[0].withdrawnSessions").intValue());
            assertEquals(0.0, results.<Number>path("arms[0].acceptanceRate").doubleValue(), 1e-9);
            assertEquals("0 0 0 0", rows(sid));
        } finally {
            admin().post("/experiments/" + exp + "/stop").then().statusCode(200);
        }
    }

    private static io.restassured.specification.RequestSpecification admin() {
        return ApiClient.json().header("X-Admin-Key", FuzzDrive.ADMIN_KEY);
    }

    /** Rows of the session in elicitor_session, elicitor_outcome, elicitor_answer and elicitor_query. */
    private static String rows(String sid) throws IOException, InterruptedException {
        StringBuilder out = new StringBuilder();
        for (String table : List.of("elicitor_session", "elicitor_outcome", "elicitor_answer", "elicitor_query")) {
            out.append(out.length() == 0 ? "" : " ").append(Commands.run("psql", "-h", "127.0.0.1", "-U", "postgres",
                    "-d", "test", "-tAc", "select count(*) from " + table + " where session_id = '" + sid + "'"));
        }
        return out.toString();
    }
}
