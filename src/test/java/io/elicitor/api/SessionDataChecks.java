package io.elicitor.api;

import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * A user's data under their control, over HTTP, on either store: the session token from {@code POST /sessions}
 * exports and deletes that session and no other; the admin key does both for any session; after a delete every
 * endpoint answers 404.
 */
final class SessionDataChecks {
    /** A session with two answers and a pending query: its id and token. */
    record Made(String sessionId, String token, List<String> queryIds, List<String> chosen) {}

    private SessionDataChecks() {}

    static Made sessionWithTwoAnswers(long seed) {
        Response created = ApiClient.post("/sessions", Map.of("catalog", "cars", "seed", seed)).then().statusCode(201)
                .extract().response();
        String sid = created.path("sessionId");
        String token = created.path("sessionToken");
        assertNotNull(token);
        List<String> queries = new java.util.ArrayList<>();
        List<String> chosen = new java.util.ArrayList<>();
        for (int round = 0; round < 2; round++) {
            Response q = ApiClient.nextQuery(sid).then().statusCode(200).extract().response();
            queries.add(q.path("queryId"));
            chosen.add(q.path("items[1].id"));
            ApiClient.answer(sid, q.path("queryId"), q.path("items[1].id")).then().statusCode(200);
        }
        ApiClient.nextQuery(sid).then().statusCode(200);
        return new Made(sid, token, queries, chosen);
    }

    /** The export holds every answer as given and the posterior the session reports. */
    static void exportIsTheWholeSession(Made m) {
        Response export = ApiClient.json().header("Authorization", "Bearer " + m.token())
                .get("/sessions/" + m.sessionId() + "/export").then().statusCode(200).extract().response();
        assertEquals(m.sessionId(), export.path("sessionId"));
        assertEquals(m.queryIds(), export.path("answers.queryId"));
        assertEquals(m.chosen(), export.path("answers.chosenItemId"));
        assertEquals(2, export.<List<?>>path("answers[0].shownItemIds").size());
        assertNotNull(export.path("pendingQuery.queryId"));
        List<Double> mean = ApiClient.json().get("/sessions/" + m.sessionId()).then().statusCode(200).extract()
                .path("posteriorMean");
        assertEquals(mean, export.path("posteriorMean"));
    }

    /** Without a credential, or with another session's token, neither export nor delete; the session is intact. */
    static void strangersAreRefused(Made m, Made other) {
        String path = "/sessions/" + m.sessionId();
        problem(ApiClient.json().get(path + "/export"), 401).body("field", equalTo("Authorization"));
        problem(ApiClient.json().header("Authorization", "Bearer " + other.token()).get(path + "/export"), 401);
        problem(ApiClient.json().header("Authorization", "Bearer " + other.token()).delete(path), 401);
        problem(ApiClient.json().header("X-Admin-Key", "wrong").delete(path), 401);
        problem(ApiClient.json().header("Authorization", m.token()).delete(path), 401); // not a bearer
        ApiClient.json().get(path).then().statusCode(200).body("answers", equalTo(2));
        assertNotEquals(m.token(), other.token());
    }

    /** The owner deletes; then the session is gone from every endpoint, and a second delete is a 404. */
    static void ownerDeletes(Made m) {
        String path = "/sessions/" + m.sessionId();
        ApiClient.json().header("Authorization", "Bearer " + m.token()).delete(path).then().statusCode(204);
        problem(ApiClient.json().get(path), 404).body("field", equalTo("sessionId"));
        problem(ApiClient.nextQuery(m.sessionId()), 404);
        problem(ApiClient.answer(m.sessionId(), "q3-x", "001"), 404);
        problem(ApiClient.json().get(path + "/recommendations"), 404);
        problem(ApiClient.json().header("Authorization", "Bearer " + m.token()).get(path + "/export"), 404);
        problem(ApiClient.json().header("Authorization", "Bearer " + m.token()).delete(path), 404);
    }

    static void adminDeletes(Made m) {
        ApiClient.json().header("X-Admin-Key", FuzzDrive.ADMIN_KEY).get("/sessions/" + m.sessionId() + "/export")
                .then().statusCode(200).body("outcomes", equalTo(List.of())).body("experimentId", nullValue());
        ApiClient.json().header("X-Admin-Key", FuzzDrive.ADMIN_KEY).delete("/sessions/" + m.sessionId()).then()
                .statusCode(204);
        problem(ApiClient.json().get("/sessions/" + m.sessionId()), 404);
    }

    static void hostileIdsAreNotFound() {
        for (String id : List.of("%00", "x".repeat(2_000), "ZZZZZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZZZZZZZZZ")) {
            problem(ApiClient.json().urlEncodingEnabled(false).header("X-Admin-Key", FuzzDrive.ADMIN_KEY)
                    .delete("/sessions/" + id), 404);
        }
        problem(ApiClient.json().header("X-Admin-Key", FuzzDrive.ADMIN_KEY)
                .delete("/sessions/" + java.util.UUID.randomUUID()), 404);
    }

    private static io.restassured.response.ValidatableResponse problem(Response r, int status) {
        return r.then().statusCode(status).contentType("application/problem+json");
    }
}
