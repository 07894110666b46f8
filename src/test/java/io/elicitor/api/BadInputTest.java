package io.elicitor.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** Every bad input gets a 4xx {@code application/problem+json} naming the field at fault, never a 5xx. */
@QuarkusTest
class BadInputTest {

    private static ValidatableResponse problem(Response r, int status) {
        return r.then().statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status)).body("detail", notNullValue());
    }

    @ParameterizedTest(name = "POST /sessions {0} -> {1} field {2}")
    @CsvSource(delimiter = '|', value = {
        "{\"slateSize\":1}|400|slateSize",
        "{\"slateSize\":7}|400|slateSize",
        "{\"slateSize\":\"two\"}|400|slateSize",
        "{\"slateSize\":2.5}|400|slateSize",
        "{\"strategy\":\"psychic\"}|400|strategy",
        "{\"strategy\":\"greedy-eus@0\"}|400|strategy",
        "{\"strategy\":\"greedy-eus@1e3\"}|400|strategy",
        "{\"strategy\":\"psychic@2\"}|400|strategy",
        "{\"catalog\":\"no-such-catalog\"}|400|catalog",
        "{\"userKey\":\"\"}|400|userKey",
        "{\"slatesize\":3}|400|slatesize",
        "{\"seed\":\"abc\"}|400|seed",
    })
    void badSessionFields(String body, int status, String field) {
        problem(ApiClient.json().body(body).post("/sessions"), status).body("field", equalTo(field));
    }

    @ParameterizedTest(name = "malformed body {0}")
    @CsvSource(delimiter = '|', value = {"{bad", "[1,2]", "\"text\"", "{\"slateSize\":", "nul"})
    void malformedJson(String body) {
        problem(ApiClient.json().body(body).post("/sessions"), 400);
        problem(ApiClient.json().body(body).post("/next-query"), 400);
        problem(ApiClient.json().body(body).post("/answer"), 400);
    }

    @Test
    void emptyBodiesAndMissingFields() {
        problem(ApiClient.json().post("/next-query"), 400).body("field", equalTo("sessionId"));
        problem(ApiClient.json().post("/answer"), 400);
        problem(ApiClient.post("/next-query", Map.of()), 400).body("field", equalTo("sessionId"));
        String sid = ApiClient.createSession(Map.of());
        problem(ApiClient.post("/answer", Map.of("sessionId", sid)), 400).body("field", equalTo("queryId"));
        problem(ApiClient.post("/answer", Map.of("sessionId", sid, "queryId", "q1")), 400).body("field", equalTo("chosenItemId"));
    }

    @Test
    void unknownSessionAndQueryAre404() {
        problem(ApiClient.nextQuery("00000000-0000-0000-0000-000000000000"), 404).body("field", equalTo("sessionId"));
        problem(ApiClient.json().get("/sessions/unknown"), 404);
        problem(ApiClient.json().get("/sessions/unknown/recommendations"), 404);
        problem(ApiClient.answer("unknown", "q1", "001"), 404).body("field", equalTo("sessionId"));
        String sid = ApiClient.createSession(Map.of());
        problem(ApiClient.answer(sid, "q-never-asked", "001"), 404).body("field", equalTo("queryId"));
    }

    @Test
    void hostileQueryAndItemIdsAreRefusedByShape() {
        String sid = ApiClient.createSession(Map.of("seed", 6));
        String qid = ApiClient.nextQuery(sid).then().statusCode(200).extract().path("queryId");
        for (String bad : List.of("\u0000", "q1-\u0007", "q".repeat(65), "q1-a b", "q1/../x")) {
            problem(ApiClient.answer(sid, bad, "001"), 400).body("field", equalTo("queryId"));
        }
        for (String bad : List.of("a\u0000b", "i".repeat(513), "\u001f")) {
            problem(ApiClient.answer(sid, qid, bad), 400).body("field", equalTo("chosenItemId"));
            problem(ApiClient.post("/sessions", Map.of("filters", Map.of("excludeIds", List.of(bad)))), 400)
                    .body("field", equalTo("filters.excludeIds"));
        }
        ApiClient.json().header("X-Admin-Key", "test-admin-key").urlEncodingEnabled(false)
                .get("/admin/catalog-loads/%00").then().statusCode(404).body("field", equalTo("loadId"));
        // The session is untouched: its query is still pending.
        ApiClient.json().get("/sessions/" + sid).then().statusCode(200).body("pendingQueryId", equalTo(qid));
    }

    @Test
    void hostileSessionIdsAreNotFoundBeforeAnyStoreSeesThem() {
        HostileIds.answeredNotFound();
    }

    @Test
    void chosenItemMustBeInTheQuery() {
        String sid = ApiClient.createSession(Map.of("seed", 5));
        Response q = ApiClient.nextQuery(sid).then().statusCode(200).extract().response();
        problem(ApiClient.answer(sid, q.path("queryId"), "not-an-item"), 400).body("field", equalTo("chosenItemId"));
        ApiClient.json().get("/sessions/" + sid).then().body("answers", equalTo(0));
    }

    @Test
    void badLimitAndWrongMediaTypeAndRoutes() {
        String sid = ApiClient.createSession(Map.of());
        problem(ApiClient.json().get("/sessions/" + sid + "/recommendations?limit=abc"), 400).body("field", equalTo("limit"));
        problem(ApiClient.json().get("/sessions/" + sid + "/recommendations?limit=0"), 400).body("field", equalTo("limit"));
        problem(ApiClient.json().get("/sessions/" + sid + "/recommendations?limit=1000"), 400).body("field", equalTo("limit"));
        problem(io.restassured.RestAssured.given().contentType("text/plain").body("hi").post("/next-query"), 415);
        problem(io.restassured.RestAssured.given().get("/no-such-route"), 404);
        problem(io.restassured.RestAssured.given().put("/sessions/" + sid), 405); // DELETE exists (erasure), PUT does not
    }

    @Test
    void openApiIsPublished() {
        io.restassured.RestAssured.given().get("/q/openapi").then().statusCode(200);
    }
}
