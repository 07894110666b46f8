package io.elicitor.api;

import io.elicitor.session.state.SessionState;
import io.elicitor.session.store.DurableSessionStore;
import io.elicitor.session.store.SessionStore;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.response.Response;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Partial and mixed sessions on the durable store; the log alone rebuilds a mixed session bit for bit. */
@QuarkusTest
@TestProfile(DurableProfile.class)
class DurablePartialQueriesTest extends PartialQueriesTest {
    @Inject
    SessionStore store;

    @Test
    void aMixedSessionReplaysFromTheLogBitForBit() {
        String sid = ApiClient.createSession(Map.of("queryKind", "mixed", "partialAttributes", 2, "slateSize", 2,
                "seed", 1506, "strategy", "greedy-eus"));
        int partial = 0;
        for (int t = 0; t < 6; t++) {
            Response q = ApiClient.nextQuery(sid).then().statusCode(200).extract().response();
            if (q.<String>path("kind").equals("partial")) {
                partial++;
                ApiClient.answerOption(sid, q.path("queryId"), t % 2).then().statusCode(200);
            } else {
                ApiClient.answer(sid, q.path("queryId"), q.path("items[" + (t % 2) + "].id")).then().statusCode(200);
            }
        }
        assertTrue(partial > 0 && partial < 6, "the replay covers both kinds of answer: " + partial + " partial of 6");
        ApiClient.nextQuery(sid).then().statusCode(200);
        SessionState live = await(() -> store.find(sid)).orElseThrow();
        SessionState rebuilt = await(() -> ((DurableSessionStore) store).rebuild(sid)).orElseThrow();
        assertArrayEquals(live.belief().particles(), rebuilt.belief().particles());
        assertArrayEquals(live.belief().weights(), rebuilt.belief().weights());
        assertEquals(live.belief(), rebuilt.belief());
        assertEquals(live.answers(), rebuilt.answers());
        assertEquals(live.pending(), rebuilt.pending());
        assertEquals(live.queries(), rebuilt.queries());
        assertEquals(live.version(), rebuilt.version());
    }

    /** Runs a reactive call on a Vert.x context, as Hibernate Reactive requires, and waits for it. */
    private static <T> T await(Supplier<Uni<T>> call) {
        try {
            return VertxContextSupport.subscribeAndAwait(call::get);
        } catch (Throwable e) {
            throw e instanceof RuntimeException re ? re : new RuntimeException(e);
        }
    }
}
