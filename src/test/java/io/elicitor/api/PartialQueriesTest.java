package io.elicitor.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Partial-item questions over HTTP on the bundled cars: a session that compares a few attributes of synthetic
 * options, answered by option index, recommends real cars; mixed sessions ask either kind; every refusal is a 400
 * problem+json naming the field at fault.
 */
@QuarkusTest
class PartialQueriesTest {
    private static final String KEY = "test-admin-key";

    @TempDir
    Path tmp;

    static Map<String, Object> partial(int slateSize, int attributes, long seed, String strategy) {
        return Map.of("queryKind", "partial", "partialAttributes", attributes, "slateSize", slateSize, "seed", seed,
                "strategy", strategy);
    }

    @Test
    void sessionsThatNameNoStrategyGetTheDefaultOfTheirKind() {
        ApiClient.post("/sessions", Map.of("queryKind", "partial", "seed", 11)).then().statusCode(201)
                .body("strategy", equalTo("gradient"));
        ApiClient.post("/sessions", Map.of("queryKind", "mixed", "seed", 12)).then().statusCode(201)
                .body("strategy", equalTo("greedy-eus"));
        ApiClient.post("/sessions", Map.of("queryKind", "items", "seed", 13)).then().statusCode(201)
                .body("strategy", equalTo("greedy-eus"));
    }

    @Test
    void aPartialSessionAsksAttributesAndRecommendsRealItems() throws IOException {
        Response created = ApiClient.post("/sessions", partial(3, 2, 1501, "greedy-eus")).then().statusCode(201)
                .body("queryKind", equalTo("partial")).body("partialAttributes", equalTo(2)).extract().response();
        String sid = created.path("sessionId");
        Set<String> carIds = new java.util.HashSet<>();
        for (String line : java.nio.file.Files.readAllLines(Path.of("item-catalog/cars/items.jsonl"))) {
            carIds.add(new com.fasterxml.jackson.databind.ObjectMapper().readTree(line).get("id").asText());
        }
        for (int t = 0; t < 3; t++) {
            Response q = ApiClient.nextQuery(sid).then().statusCode(200).body("kind", equalTo("partial"))
                    .body("items", nullValue()).extract().response();
            List<Map<String, Object>> options = q.path("options");
            assertEquals(3, options.size());
            for (int i = 0; i < options.size(); i++) {
                assertEquals(i, ((Number) options.get(i).get("index")).intValue());
                @SuppressWarnings("unchecked")
                Map<String, Object> shown = (Map<String, Object>) options.get(i).get("attributes");
                assertEquals(2, shown.size(), "each option shows exactly the 2 attributes: " + shown);
                assertEquals(q.<Map<String, Object>>path("options[0].attributes").keySet(), shown.keySet());
                shown.values().forEach(v -> assertTrue(v != null, "a shown value reads back: " + shown));
            }
            assertEquals(q.asString(), ApiClient.nextQuery(sid).then().statusCode(200).extract().asString(),
                    "the pending partial query again, unchanged");
            Response a = ApiClient.answerOption(sid, q.path("queryId"), t % 3).then().statusCode(200)
                    .body("answers", equalTo(t + 1)).extract().response();
            List<String> recommended = a.path("recommendations.id");
            assertFalse(recommended.isEmpty());
            recommended.forEach(id -> assertTrue(carIds.contains(id), "recommendations are catalog items: " + id));
        }
        ApiClient.json().get("/sessions/" + sid).then().statusCode(200).body("answers", equalTo(3))
                .body("queryKind", equalTo("partial"));
    }

    @Test
    void aPartialAnswerIsIdempotentAndAnotherOptionConflicts() {
        String sid = ApiClient.createSession(partial(2, 1, 1502, "random"));
        Response q = ApiClient.nextQuery(sid).then().statusCode(200).extract().response();
        String qid = q.path("queryId");
        String body = ApiClient.answerOption(sid, qid, 1).then().statusCode(200).extract().asString();
        assertEquals(body, ApiClient.answerOption(sid, qid, 1).then().statusCode(200).extract().asString());
        ApiClient.answerOption(sid, qid, 0).then().statusCode(409).contentType("application/problem+json")
                .body("field", equalTo("chosenOption"));
        ApiClient.json().get("/sessions/" + sid).then().body("answers", equalTo(1));
    }

    @Test
    void answersThatDoNotFitTheQueryAreRefusedNamingTheField() {
        String sid = ApiClient.createSession(partial(2, 2, 1503, "random"));
        Response q = ApiClient.nextQuery(sid).then().statusCode(200).extract().response();
        String qid = q.path("queryId");
        ApiClient.answerOption(sid, qid, 2).then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("chosenOption"));
        ApiClient.answerOption(sid, qid, -1).then().statusCode(400).body("field", equalTo("chosenOption"));
        ApiClient.answer(sid, qid, "anything").then().statusCode(400).body("field", equalTo("chosenItemId"));
        ApiClient.post("/answer", Map.of("sessionId", sid, "queryId", qid, "chosenItemId", "x", "chosenOption", 0))
                .then().statusCode(400).body("field", equalTo("chosenOption"));
        ApiClient.post("/answer", Map.of("sessionId", sid, "queryId", qid)).then().statusCode(400)
                .body("field", equalTo("chosenItemId"));
        ApiClient.json().get("/sessions/" + sid).then().body("answers", equalTo(0));

        String items = ApiClient.createSession(Map.of("seed", 1504));
        Response iq = ApiClient.nextQuery(items).then().statusCode(200).body("kind", equalTo("items"))
                .body("options", nullValue()).extract().response();
        ApiClient.answerOption(items, iq.path("queryId"), 0).then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("chosenOption"));
    }

    @Test
    void sessionsThatCannotAskPartialQueriesAreRefusedNamingTheField() throws IOException {
        refused(Map.of("queryKind", "sometimes"), "queryKind");
        refused(Map.of("queryKind", "partial", "partialAttributes", 0), "partialAttributes");
        refused(Map.of("queryKind", "partial", "partialAttributes", 5), "partialAttributes");
        refused(Map.of("queryKind", "items", "partialAttributes", 2), "partialAttributes");
        refused(Map.of("queryKind", "partial", "slateSize", 5), "slateSize");
        refused(Map.of("queryKind", "mixed", "strategy", "exploit"), "strategy");
        String plain = "cars-no-schema-" + UUID.randomUUID().toString().substring(0, 8);
        ApiClient.json().header("X-Admin-Key", KEY).body(Map.of("path", CarsCopy.write(tmp, plain, "1", false).toString()))
                .post("/admin/catalogs").then().statusCode(201);
        refused(Map.of("catalog", plain, "queryKind", "partial"), "queryKind");
        refused(Map.of("catalog", plain, "queryKind", "mixed"), "queryKind");
        ApiClient.post("/sessions", Map.of("catalog", plain)).then().statusCode(201).body("queryKind", equalTo("items"));
    }

    @Test
    void aMixedSessionAsksWhicheverQueryIsWorthMore() {
        Map<String, Object> body = new HashMap<>(Map.of("queryKind", "mixed", "partialAttributes", 2, "slateSize", 2,
                "seed", 1505, "strategy", "greedy-eus"));
        String sid = ApiClient.createSession(body);
        Set<String> kinds = new java.util.HashSet<>();
        String previous = null;
        for (int t = 0; t < 6; t++) {
            Response q = ApiClient.nextQuery(sid).then().statusCode(200).extract().response();
            assertNotEquals(previous, q.<String>path("queryId"));
            previous = q.path("queryId");
            String kind = q.path("kind");
            kinds.add(kind);
            if (kind.equals("partial")) {
                ApiClient.answerOption(sid, previous, 0).then().statusCode(200);
            } else {
                ApiClient.answer(sid, previous, q.path("items[0].id")).then().statusCode(200);
            }
        }
        assertTrue(kinds.contains("partial"), "mixed asked no partial query in 6: " + kinds);
        ApiClient.json().get("/sessions/" + sid).then().statusCode(200).body("answers", equalTo(6))
                .body("queryKind", equalTo("mixed"));
    }

    private static void refused(Map<String, Object> body, String field) {
        ApiClient.post("/sessions", body).then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo(field));
    }
}
