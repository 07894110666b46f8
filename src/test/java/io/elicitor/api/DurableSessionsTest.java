package io.elicitor.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.elicitor.catalog.CatalogRegistry;
import io.elicitor.config.ElicitorConfig;
import io.elicitor.evoi.planner.EngineSettings;
import io.elicitor.evoi.planner.StrategyRegistry;
import io.elicitor.runtime.MathExecutor;
import io.elicitor.session.ItemExclusions;
import io.elicitor.session.QueryResult;
import io.elicitor.session.SessionSteps;
import io.elicitor.session.state.SessionState;
import io.elicitor.session.store.DurableSessionStore;
import io.elicitor.session.store.SessionCache;
import io.elicitor.session.store.SessionLog;
import io.elicitor.session.store.SessionStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.response.Response;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import jakarta.inject.Inject;
import java.io.File;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Durable sessions against the real PostgreSQL and Redis: the log rebuilds a lost cache exactly, a second
 * instance continues a session, and a PostgreSQL outage changes nothing and is answered 503.
 */
@QuarkusTest
@TestProfile(DurableProfile.class)
class DurableSessionsTest {
    @Inject
    Redis redis;

    @Inject
    SessionStore store;

    @Inject
    Vertx vertx;

    @Inject
    ObjectMapper json;

    @Inject
    CatalogRegistry catalogs;

    @Inject
    StrategyRegistry strategies;

    @Inject
    EngineSettings settings;

    @Inject
    ElicitorConfig config;

    @Inject
    MeterRegistry meters;

    @Test
    void hostileSessionIdsAreNotFoundNotAnOutage() {
        // A NUL byte used to reach PostgreSQL, which refused it, and the client got 503 "the session log is unavailable".
        HostileIds.answeredNotFound();
        ApiClient.json().urlEncodingEnabled(false).body(Map.of("itemId", "x", "accepted", true))
                .post("/sessions/%00/outcome").then().statusCode(404).body("field", org.hamcrest.Matchers.equalTo("sessionId"));
        String sid = ApiClient.createSession(Map.of("seed", 3));
        for (String item : List.of("a\u0000b", "i".repeat(513))) {
            ApiClient.json().body(Map.of("itemId", item, "accepted", true)).post("/sessions/" + sid + "/outcome").then()
                    .statusCode(400).contentType("application/problem+json").body("field", org.hamcrest.Matchers.equalTo("itemId"))
                    .body("detail", org.hamcrest.Matchers.containsString("without control characters"));
        }
    }

    @Test
    void flushAllMidSessionThenContinuingGivesTheIdenticalPosterior() throws Exception {
        String flushed = ApiClient.createSession(Map.of("seed", 4242, "slateSize", 3));
        play(flushed, 3, 0);
        byte[] before = cachedPosterior(flushed);
        String viewBefore = view(flushed);
        RedisUnderTest.flushAll();
        assertEquals(null, cachedPosteriorOrNull(flushed));

        // Reading rebuilds from the log and re-caches the very same bytes: particles and weights bit for bit.
        assertEquals(viewBefore, view(flushed));
        assertArrayEquals(before, cachedPosterior(flushed));

        // A twin never flushed, given the same answers, stays identical as both continue.
        String twin = ApiClient.createSession(Map.of("seed", 4242, "slateSize", 3));
        play(twin, 3, 0);
        play(flushed, 3, 1);
        play(twin, 3, 1);
        assertArrayEquals(cachedPosterior(twin), cachedPosterior(flushed));
        assertEquals(view(twin).replace(twin, "?"), view(flushed).replace(flushed, "?"));
    }

    @Test
    void aCachedBeliefInTheEarlierFormatIsRebuiltFromTheLog() {
        String sid = ApiClient.createSession(Map.of("seed", 9090, "slateSize", 2));
        play(sid, 2, 0);
        byte[] current = cachedPosterior(sid);
        String viewBefore = view(sid);
        // What a cache written before the mean was stored holds: "EPS1", M, d, particles and weights, no mean.
        java.nio.ByteBuffer header = java.nio.ByteBuffer.wrap(current).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int m = header.getInt(4);
        int d = header.getInt(8);
        byte[] old = java.util.Arrays.copyOf(current, 12 + 4 * m * d + 8 * m);
        java.nio.ByteBuffer.wrap(old).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(0, 0x31535045);
        await(() -> redis.send(Request.cmd(Command.SET).arg("elicitor:{" + sid + "}:posterior")
                .arg(io.vertx.mutiny.core.buffer.Buffer.buffer(old))));
        assertEquals(viewBefore, view(sid), "the session reads as before, rebuilt from the log");
        assertArrayEquals(current, cachedPosterior(sid), "and is cached again in the current form");
    }

    @Test
    void anUnreadableCachedStateIsDroppedAndCachedAgain() {
        String sid = ApiClient.createSession(Map.of("seed", 9191, "slateSize", 2));
        play(sid, 1, 0);
        String viewBefore = view(sid);
        String stateKey = "elicitor:{" + sid + "}:state";
        await(() -> redis.send(Request.cmd(Command.SET).arg(stateKey).arg("{ not json")));
        assertEquals(viewBefore, view(sid), "the session reads as before, rebuilt from the log");
        String cached = await(() -> redis.send(Request.cmd(Command.GET).arg(stateKey))).toString();
        assertTrue(cached.contains(sid), "and is cached again: " + cached);
    }

    @Test
    void theLogAloneRebuildsTheCachedState() {
        String sid = ApiClient.createSession(Map.of("seed", 77, "slateSize", 2));
        play(sid, 4, 1);
        ApiClient.nextQuery(sid).then().statusCode(200);
        DurableSessionStore durable = (DurableSessionStore) store;
        SessionState live = await(() -> store.find(sid)).orElseThrow();
        SessionState rebuilt = await(() -> durable.rebuild(sid)).orElseThrow();
        assertArrayEquals(live.belief().particles(), rebuilt.belief().particles());
        assertArrayEquals(live.belief().weights(), rebuilt.belief().weights());
        assertArrayEquals(live.belief().mean(), rebuilt.belief().mean());
        assertEquals(live.belief(), rebuilt.belief());
        assertEquals(live.answers(), rebuilt.answers());
        assertEquals(live.pending(), rebuilt.pending());
        assertEquals(live.version(), rebuilt.version());
        assertEquals(live.createdAt(), rebuilt.createdAt());
    }

    @Test
    void aSecondInstanceContinuesTheSession() {
        String sid = ApiClient.createSession(Map.of("seed", 5150));
        play(sid, 2, 0);
        Redis otherRedis = RedisUnderTest.client(vertx);
        MathExecutor otherMath = new MathExecutor(1, 16);
        try {
            // Its own Redis connection, maths pool and service object; shared only PostgreSQL and Redis.
            SessionStore otherStore = new DurableSessionStore(new SessionLog(json),
                    new SessionCache(otherRedis, json, config.sessionTtl()), catalogs, otherMath, meters);
            SessionSteps other = new SessionSteps(catalogs, otherStore, otherMath, strategies, settings, config,
                    new ItemExclusions(), meters, Clock.systemUTC());
            QueryResult q = await(() -> other.nextQuery(sid));
            assertEquals(3, Integer.parseInt(q.query().queryId().substring(1, 2)));
            SessionState.AnswerResult r = await(() -> other.answer(sid, q.query().queryId(), q.query().itemIds().get(1), null));
            assertEquals(3, r.answers());
            // The first instance sees the answer given on the second, and goes on.
            ApiClient.json().get("/sessions/" + sid).then().statusCode(200).body("answers", equalTo(3));
            String body = ApiClient.answer(sid, q.query().queryId(), q.query().itemIds().get(1)).then().statusCode(200)
                    .extract().asString();
            assertTrue(body.startsWith("{\"answers\":3"), body);
            play(sid, 1, 0);
            assertEquals(4, await(() -> other.get(sid)).answers().size());
        } finally {
            otherMath.close();
            otherRedis.close();
        }
    }

    @Test
    void postgresDownAnswersAre503AndChangeNothingThenRecover() throws Exception {
        String sid = ApiClient.createSession(Map.of("seed", 9001));
        play(sid, 1, 0);
        Response q = ApiClient.nextQuery(sid).then().statusCode(200).extract().response();
        String viewBefore = view(sid);
        byte[] cachedBefore = cachedPosterior(sid);
        String chosen = q.path("items[0].id");
        postgres("stop");
        try {
            ApiClient.answer(sid, q.path("queryId"), chosen).then().statusCode(503)
                    .contentType("application/problem+json").header("Retry-After", org.hamcrest.Matchers.notNullValue());
            ApiClient.nextQuery(sid).then().statusCode(503);
            ApiClient.json().get("/q/health/ready").then().statusCode(503);
            assertArrayEquals(cachedBefore, cachedPosterior(sid), "the cached posterior changed during the outage");
        } finally {
            postgres("start");
        }
        waitForPostgres();
        assertEquals(viewBefore, view(sid));
        ApiClient.answer(sid, q.path("queryId"), chosen).then().statusCode(200).body("answers", equalTo(2));
        ApiClient.json().get("/sessions/" + sid).then().body("answers", equalTo(2));
    }

    @Test
    void redisDownTheServiceKeepsAnsweringFromTheLog() throws Exception {
        String sid = ApiClient.createSession(Map.of("seed", 31337));
        play(sid, 1, 0);
        String viewBefore = view(sid);
        RedisUnderTest.shutdownAll();
        try {
            assertEquals(200, ApiClient.readiness()); // a cache outage leaves the service ready
            assertEquals(viewBefore, view(sid));
            play(sid, 2, 1);
            ApiClient.json().get("/sessions/" + sid).then().statusCode(200).body("answers", equalTo(3));
        } finally {
            RedisUnderTest.startAll();
        }
        for (int i = 0; i < 50 && !ping(); i++) {
            Thread.sleep(100);
        }
        play(sid, 1, 0);
        ApiClient.json().get("/sessions/" + sid).then().statusCode(200).body("answers", equalTo(4));
        assertNotNull(cachedPosterior(sid));
    }

    /** Answers {@code rounds} queries, always choosing the item at {@code index}. */
    private static void play(String sid, int rounds, int index) {
        for (int t = 0; t < rounds; t++) {
            Response q = ApiClient.nextQuery(sid).then().statusCode(200).extract().response();
            ApiClient.answer(sid, q.path("queryId"), q.path("items[" + index + "].id")).then().statusCode(200);
        }
    }

    private static String view(String sid) {
        return ApiClient.json().get("/sessions/" + sid).then().statusCode(200).extract().asString();
    }

    private byte[] cachedPosterior(String sid) {
        byte[] b = cachedPosteriorOrNull(sid);
        assertNotNull(b, "no cached posterior for " + sid);
        return b;
    }

    private byte[] cachedPosteriorOrNull(String sid) {
        var r = await(() -> redis.send(Request.cmd(Command.GET).arg("elicitor:{" + sid + "}:posterior")));
        return r == null ? null : r.toBytes();
    }

    private boolean ping() {
        try {
            await(() -> redis.send(Request.cmd(Command.PING)));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Runs a reactive call on a Vert.x context, as Hibernate Reactive requires, and waits for it. */
    private static <T> T await(Supplier<Uni<T>> call) {
        try {
            return VertxContextSupport.subscribeAndAwait(call::get);
        } catch (Throwable e) {
            throw e instanceof RuntimeException re ? re : new RuntimeException(e);
        }
    }

    private static void postgres(String action) throws IOException, InterruptedException {
        String[] versions = new File("/etc/postgresql").list();
        assertTrue(versions != null && versions.length == 1, "expected one PostgreSQL cluster under /etc/postgresql");
        Commands.run("pg_ctlcluster", "--skip-systemctl-redirect", versions[0], "main", action);
    }

    private static void waitForPostgres() throws IOException, InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (new ProcessBuilder("pg_isready", "-h", "127.0.0.1").start().waitFor() == 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("PostgreSQL did not come back");
    }
}
