package io.elicitor.api;

import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import static io.restassured.RestAssured.given;

/** Small helpers for driving the API over HTTP in tests. */
final class ApiClient {
    private static final RestAssuredConfig DOUBLES = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));

    private ApiClient() {}

    static RequestSpecification json() {
        return given().config(DOUBLES).contentType("application/json");
    }

    static Response post(String path, Object body) {
        return json().body(body).post(path);
    }

    static String createSession(Map<String, Object> body) {
        return post("/sessions", body).then().statusCode(201).extract().path("sessionId");
    }

    static Response nextQuery(String sessionId) {
        return post("/next-query", Map.of("sessionId", sessionId));
    }

    static Response answer(String sessionId, String queryId, String chosenItemId) {
        return post("/answer", Map.of("sessionId", sessionId, "queryId", queryId, "chosenItemId", chosenItemId));
    }

    static Response answerOption(String sessionId, String queryId, int chosenOption) {
        return post("/answer", Map.of("sessionId", sessionId, "queryId", queryId, "chosenOption", chosenOption));
    }
}
