package io.elicitor.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** {@code /next-query} repeats its pending query; {@code /answer} is idempotent per (session, query). */
@QuarkusTest
class AnswerIdempotencyTest {

    @Test
    void nextQueryReturnsThePendingQueryUntilAnswered() {
        String sid = ApiClient.createSession(Map.of("slateSize", 3, "seed", 11));
        Response first = ApiClient.nextQuery(sid).then().statusCode(200).extract().response();
        Response again = ApiClient.nextQuery(sid).then().statusCode(200).extract().response();
        assertEquals(first.asString(), again.asString());
        assertEquals(3, first.<java.util.List<?>>path("items").size());
        ApiClient.answer(sid, first.path("queryId"), first.path("items[2].id")).then().statusCode(200);
        Response next = ApiClient.nextQuery(sid).then().statusCode(200).extract().response();
        assertNotEquals(first.<String>path("queryId"), next.<String>path("queryId"));
    }

    @Test
    void repeatedAnswerReturnsTheSameBodyAndChangesNothing() {
        String sid = ApiClient.createSession(Map.of("seed", 12));
        Response q = ApiClient.nextQuery(sid).then().statusCode(200).extract().response();
        String qid = q.path("queryId");
        String chosen = q.path("items[0].id");
        String body = ApiClient.answer(sid, qid, chosen).then().statusCode(200).extract().asString();
        String state = ApiClient.json().get("/sessions/" + sid).then().statusCode(200).extract().asString();
        String again = ApiClient.answer(sid, qid, chosen).then().statusCode(200).extract().asString();
        assertEquals(body, again);
        assertEquals(state, ApiClient.json().get("/sessions/" + sid).then().extract().asString());
    }

    @Test
    void repeatedOldAnswerStillReturnsItsOriginalBody() {
        String sid = ApiClient.createSession(Map.of("seed", 13));
        Response q1 = ApiClient.nextQuery(sid).then().statusCode(200).extract().response();
        String body1 = ApiClient.answer(sid, q1.path("queryId"), q1.path("items[0].id")).then().extract().asString();
        Response q2 = ApiClient.nextQuery(sid).then().statusCode(200).extract().response();
        ApiClient.answer(sid, q2.path("queryId"), q2.path("items[1].id")).then().statusCode(200).body("answers", equalTo(2));
        assertEquals(body1, ApiClient.answer(sid, q1.path("queryId"), q1.path("items[0].id")).then().statusCode(200)
                .extract().asString());
    }

    @Test
    void differentChoiceForAnAnsweredQueryConflicts() {
        String sid = ApiClient.createSession(Map.of("seed", 14));
        Response q = ApiClient.nextQuery(sid).then().statusCode(200).extract().response();
        ApiClient.answer(sid, q.path("queryId"), q.path("items[0].id")).then().statusCode(200);
        ApiClient.answer(sid, q.path("queryId"), q.path("items[1].id")).then().statusCode(409)
                .contentType("application/problem+json").body("field", equalTo("chosenItemId"));
        ApiClient.json().get("/sessions/" + sid).then().body("answers", equalTo(1));
    }

    @Test
    void sameSeedAndAnswersGiveTheSameSession() {
        String a = ApiClient.createSession(Map.of("seed", 99));
        String b = ApiClient.createSession(Map.of("seed", 99));
        for (int t = 0; t < 3; t++) {
            Response qa = ApiClient.nextQuery(a).then().statusCode(200).extract().response();
            Response qb = ApiClient.nextQuery(b).then().statusCode(200).extract().response();
            assertEquals(qa.<Object>path("items.id"), qb.<Object>path("items.id"));
            ApiClient.answer(a, qa.path("queryId"), qa.path("items[0].id")).then().statusCode(200);
            ApiClient.answer(b, qb.path("queryId"), qb.path("items[0].id")).then().statusCode(200);
        }
        assertEquals(ApiClient.json().get("/sessions/" + a).then().extract().<Object>path("posteriorMean"),
                ApiClient.json().get("/sessions/" + b).then().extract().<Object>path("posteriorMean"));
    }
}
