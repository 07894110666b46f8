package io.elicitor.api;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Simultaneous answers to one query: exactly one choice is applied, the others conflict, nothing is lost. */
@QuarkusTest
class ConcurrentAnswersTest {
    private static final int REQUESTS = 50;

    @TestHTTPResource("/answer")
    URI answerUri;

    @Test
    void exactlyOneOfManyConflictingAnswersIsApplied() {
        String sid = ApiClient.createSession(Map.of("slateSize", 6, "seed", 21));
        Response q = ApiClient.nextQuery(sid).then().statusCode(200).extract().response();
        String qid = q.path("queryId");
        List<String> items = q.path("items.id");
        HttpClient http = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            String body = "{\"sessionId\":\"" + sid + "\",\"queryId\":\"" + qid + "\",\"chosenItemId\":\""
                    + items.get(i % items.size()) + "\"}";
            HttpRequest req = HttpRequest.newBuilder(answerUri).header("content-type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            calls.add(http.sendAsync(req, HttpResponse.BodyHandlers.ofString()));
        }
        Set<String> appliedChoices = new HashSet<>();
        Set<String> okBodies = new HashSet<>();
        int ok = 0;
        int conflicts = 0;
        for (int i = 0; i < REQUESTS; i++) {
            HttpResponse<String> r = calls.get(i).join();
            if (r.statusCode() == 200) {
                ok++;
                appliedChoices.add(items.get(i % items.size()));
                okBodies.add(r.body());
            } else {
                assertEquals(409, r.statusCode(), "unexpected response: " + r.body());
                conflicts++;
            }
        }
        assertEquals(1, appliedChoices.size(), "more than one different choice was accepted: " + appliedChoices);
        assertEquals(1, okBodies.size(), "identical answers must get identical bodies");
        assertEquals(REQUESTS, ok + conflicts);
        assertTrue(conflicts >= REQUESTS - REQUESTS / items.size() - 1, "the other choices must conflict");
        ApiClient.json().get("/sessions/" + sid).then().statusCode(200)
                .body("answers", org.hamcrest.Matchers.equalTo(1));
    }
}
