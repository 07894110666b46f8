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

    /**
     * The status of {@code /q/health/ready}, given five seconds to become 200: after a PostgreSQL restart the JDBC pool
     * that Flyway uses may report one stale connection before it reconnects.
     */
    static int readiness() throws InterruptedException {
        int status = 0;
        for (int i = 0; i < 20 && status != 200; i++) {
            status = json().get("/q/health/ready").statusCode();
            if (status != 200) {
                Thread.sleep(250);
            }
        }
        return status;
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
