package io.elicitor.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A session never asks a pair it has had answered, unless it opted in with {@code allowRepeats}. */
@QuarkusTest
class RepeatRuleTest {
    @Test
    void noPairIsAskedTwiceUnlessTheSessionAllowsIt() {
        List<Set<String>> strict = play(Map.of("strategy", "exploit", "seed", 2024, "slateSize", 2));
        assertEquals(strict.size(), new HashSet<>(strict).size(), "a pair asked twice: " + strict);
        List<Set<String>> allowed = play(Map.of("strategy", "exploit", "seed", 2024, "slateSize", 2,
                "allowRepeats", true));
        assertTrue(new HashSet<>(allowed).size() < allowed.size(), "exploit, allowed to, repeats itself: " + allowed);
    }

    @Test
    void theSessionSaysWhetherItAllowsRepeats() {
        ApiClient.post("/sessions", Map.of()).then().statusCode(201).body("allowRepeats", equalTo(false));
        String sid = ApiClient.post("/sessions", Map.of("allowRepeats", true)).then().statusCode(201)
                .body("allowRepeats", equalTo(true)).extract().path("sessionId");
        ApiClient.json().get("/sessions/" + sid).then().body("allowRepeats", equalTo(true));
        ApiClient.post("/sessions", Map.of("allowRepeats", "often")).then().statusCode(400)
                .contentType("application/problem+json");
    }

    /** Eight questions, always answering the first item; the pairs asked, in order. */
    private static List<Set<String>> play(Map<String, Object> body) {
        String sid = ApiClient.createSession(body);
        List<Set<String>> pairs = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Response q = ApiClient.nextQuery(sid).then().statusCode(200).extract().response();
            pairs.add(Set.copyOf(q.<List<String>>path("items.id")));
            ApiClient.answer(sid, q.path("queryId"), q.path("items[0].id")).then().statusCode(200);
        }
        return pairs;
    }
}
