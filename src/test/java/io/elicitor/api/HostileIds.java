package io.elicitor.api;

import java.util.List;
import java.util.Map;
import static org.hamcrest.Matchers.equalTo;

/**
 * Session ids no store should ever see (a NUL byte, a control character, 100,000 characters, an id of the right
 * length in the wrong alphabet): every endpoint that takes one answers 404 problem+json naming {@code sessionId}, on
 * either store, never 5xx.
 */
final class HostileIds {
    static final List<String> IDS = List.of("\u0000", "a\u0000b", "\u0007bell", "x".repeat(100_000),
            "ZZZZZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZZZZZZZZZ", "00000000-0000-0000-0000-00000000000G");

    private HostileIds() {}

    /** Every hostile id, through GET, next-query and answer. */
    static void answeredNotFound() {
        for (String id : IDS) {
            ApiClient.json().body(Map.of("sessionId", id)).post("/next-query").then().statusCode(404)
                    .contentType("application/problem+json").body("field", equalTo("sessionId"));
            ApiClient.json().body(Map.of("sessionId", id, "queryId", "q", "chosenItemId", "i")).post("/answer").then()
                    .statusCode(404).body("field", equalTo("sessionId"));
        }
        ApiClient.json().urlEncodingEnabled(false).get("/sessions/%00").then().statusCode(404)
                .body("field", equalTo("sessionId"));
        ApiClient.json().urlEncodingEnabled(false).get("/sessions/%00/recommendations").then().statusCode(404);
        ApiClient.json().get("/sessions/" + "y".repeat(3_000)).then().statusCode(404);
        // Beyond the HTTP server's 4 KB request line the server itself refuses, before any resource runs.
        ApiClient.json().get("/sessions/" + "y".repeat(5_000)).then().statusCode(414);
    }
}
