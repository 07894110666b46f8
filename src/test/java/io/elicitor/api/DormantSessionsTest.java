package io.elicitor.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Beyond its heap budget the in-memory store drops the least recently used sessions' beliefs and replays them when
 * they are read again: a session that slept answers as if it never had (same posterior, bit for bit).
 */
@QuarkusTest
@TestProfile(ConstrainedProfile.class)
class DormantSessionsTest {
    @Test
    void aSessionPutToSleepWakesWithTheSamePosterior() {
        String sid = ApiClient.post("/sessions", Map.of("seed", 11)).then().statusCode(201).extract().path("sessionId");
        for (int t = 0; t < 3; t++) {
            answerFirst(sid);
        }
        Map<String, Object> before = ApiClient.json().get("/sessions/" + sid).then().statusCode(200).extract().path("$");
        List<Object> recsBefore = ApiClient.json().get("/sessions/" + sid + "/recommendations?limit=5").then()
                .statusCode(200).extract().path("id");

        // Twenty more sessions need far more than 400 KB awake: the oldest ones, ours first, go to sleep.
        List<String> others = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String other = ApiClient.post("/sessions", Map.of("seed", 100 + i)).then().statusCode(201).extract()
                    .path("sessionId");
            answerFirst(other);
            others.add(other);
        }
        String metrics = ApiClient.json().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(dormant(metrics) > 0, "no session went dormant:\n" + metrics.lines()
                .filter(l -> l.startsWith("elicitor_memory")).toList());

        Map<String, Object> after = ApiClient.json().get("/sessions/" + sid).then().statusCode(200).extract().path("$");
        assertEquals(before.get("posteriorMean"), after.get("posteriorMean"));
        assertEquals(before.get("effectiveSampleSize"), after.get("effectiveSampleSize"));
        assertEquals(recsBefore, ApiClient.json().get("/sessions/" + sid + "/recommendations?limit=5").then()
                .statusCode(200).extract().path("id"));
        // It goes on: a fourth answer, and every other session still answers too.
        answerFirst(sid);
        for (String other : others) {
            ApiClient.nextQuery(other).then().statusCode(200);
        }
        ApiClient.json().get("/q/metrics").then().body(containsString("elicitor_sessions_replay_seconds_count"));
    }

    private static void answerFirst(String sid) {
        var q = ApiClient.nextQuery(sid).then().statusCode(200).extract();
        ApiClient.answer(sid, q.path("queryId"), q.path("items[0].id")).then().statusCode(200);
    }

    private static double dormant(String metrics) {
        return metrics.lines().filter(l -> l.startsWith("elicitor_memory_sessions_dormant"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElse(-1);
    }
}
