package io.elicitor.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.elicitor.catalog.CatalogRegistry;
import io.elicitor.evoi.Seeds;
import io.elicitor.evoi.planner.EngineSettings;
import io.elicitor.simulation.ExperimentRehearsal;
import io.elicitor.simulation.SimulatedUser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A/B experiments over HTTP on the durable store: definitions, assignment, outcomes and results. */
@QuarkusTest
@TestProfile(DurableProfile.class)
class ExperimentsTest {
    private static final String KEY = "test-admin-key";

    @TestHTTPResource("/")
    URI base;

    @Inject
    CatalogRegistry catalogs;

    @Inject
    EngineSettings settings;

    private final List<String> started = new ArrayList<>();

    /** A copy of the cars catalog under an id of this test's own, so no other run's experiment is in the way. */
    private String catalog;

    @org.junit.jupiter.api.BeforeEach
    void ownCatalog(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws java.io.IOException {
        catalog = "cars-exp-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        admin().body(Map.of("path", CarsCopy.write(tmp, catalog, "1").toString())).post("/admin/catalogs").then()
                .statusCode(201);
    }

    private Response session(Map<String, Object> body) {
        Map<String, Object> b = new HashMap<>(body);
        b.put("catalog", catalog);
        return ApiClient.post("/sessions", b);
    }

    @AfterEach
    void stopExperiments() {
        // Only one experiment may run per catalog: leave none running for the next test.
        for (String id : started) {
            admin().post("/experiments/" + id + "/stop").then().statusCode(200);
        }
    }

    private static io.restassured.specification.RequestSpecification admin() {
        return ApiClient.json().header("X-Admin-Key", KEY);
    }

    private String start(Map<String, Object> definition) {
        String id = admin().body(definition).post("/experiments").then().statusCode(201).extract().path("id");
        started.add(id);
        return id;
    }

    private Map<String, Object> twoArms(String unit, String salt) {
        Map<String, Object> d = new HashMap<>();
        d.put("catalog", catalog);
        d.put("name", "evoi vs random");
        d.put("unit", unit);
        d.put("arms", List.of(Map.of("name", "control", "strategy", "random"),
                Map.of("name", "evoi", "strategy", "gradient", "params", Map.of("maxQueries", 6))));
        if (salt != null) {
            d.put("salt", salt);
        }
        return d;
    }

    @Test
    void hostileExperimentIdsAreNotFoundNotAnOutage() {
        for (String path : List.of("/experiments/%00", "/experiments/%00/results", "/experiments/a%07b")) {
            admin().urlEncodingEnabled(false).get(path).then().statusCode(404).contentType("application/problem+json");
        }
        admin().urlEncodingEnabled(false).post("/experiments/%00/stop").then().statusCode(404);
        admin().get("/experiments/" + "z".repeat(2_000)).then().statusCode(404);
    }

    @Test
    void definitionsAreValidatedAndAdminOnly() {
        ApiClient.post("/experiments", twoArms("session", null)).then().statusCode(401).body("field", equalTo("X-Admin-Key"));
        ApiClient.json().get("/experiments").then().statusCode(401);
        admin().body(Map.of("catalog", catalog, "name", "x", "arms", List.of(Map.of("name", "a", "strategy", "random")))).post("/experiments")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("arms"));
        admin().body(Map.of("catalog", catalog, "name", "x", "unit", "cookie", "arms", List.of(Map.of("name", "a", "strategy", "random"),
                Map.of("name", "b", "strategy", "random")))).post("/experiments").then().statusCode(400).body("field", equalTo("unit"));
        admin().body(Map.of("catalog", catalog, "name", "x", "arms", List.of(Map.of("name", "a", "strategy", "random"),
                Map.of("name", "b", "strategy", "no-such")))).post("/experiments").then().statusCode(400)
                .body("field", equalTo("arms[1].strategy"));
        admin().body(Map.of("catalog", catalog, "name", "x", "arms", List.of(Map.of("name", "a", "strategy", "random"),
                Map.of("name", "a", "strategy", "exploit")))).post("/experiments").then().statusCode(400)
                .body("field", equalTo("arms[1].name"));
        admin().body(Map.of("catalog", catalog, "name", "x", "arms", List.of(Map.of("name", "a", "strategy", "random", "weight", -1),
                Map.of("name", "b", "strategy", "exploit")))).post("/experiments").then().statusCode(400)
                .body("field", equalTo("arms[0].weight"));
        admin().body(Map.of("catalog", catalog, "name", "x", "arms", List.of(Map.of("name", "a", "strategy", "random",
                "params", Map.of("slateSize", 9)), Map.of("name", "b", "strategy", "exploit")))).post("/experiments")
                .then().statusCode(400).body("field", equalTo("arms[0].params.slateSize"));
        admin().body(Map.of("catalog", catalog, "name", "x", "arms", List.of(Map.of("name", "a", "strategy", "random",
                "params", Map.of("colour", 1)), Map.of("name", "b", "strategy", "exploit")))).post("/experiments")
                .then().statusCode(400).contentType("application/problem+json");

        String id = start(twoArms("session", null));
        admin().body(twoArms("session", null)).post("/experiments").then().statusCode(409).body("field", equalTo("catalog"));
        admin().get("/experiments").then().statusCode(200).body("id", hasItem(id));
        admin().get("/experiments/" + id).then().statusCode(200).body("status", equalTo("running"))
                .body("arms[1].params.maxQueries", equalTo(6)).body("salt", nullValue());
        admin().get("/experiments/no-such").then().statusCode(404);
        admin().post("/experiments/" + id + "/stop").then().statusCode(200).body("status", equalTo("stopped"))
                .body("stoppedAt", notNullValue());
        session(Map.of()).then().statusCode(201).body("arm", nullValue());
    }

    @Test
    void sessionsAreAssignedStickilyAndRunTheirArm() {
        String id = start(twoArms("userKey", null));
        Map<String, String> arms = new HashMap<>();
        for (int u = 0; u < 12; u++) {
            Response r = session(Map.of("userKey", "sticky-" + u)).then().statusCode(201).extract().response();
            assertEquals(id, r.path("experimentId"));
            String arm = r.path("arm");
            assertEquals(arm.equals("evoi") ? "gradient" : "random", r.path("strategy"));
            arms.put("sticky-" + u, arm);
        }
        for (Map.Entry<String, String> e : arms.entrySet()) {
            session(Map.of("userKey", e.getKey())).then().statusCode(201).body("arm", equalTo(e.getValue()));
        }
        assertTrue(arms.containsValue("evoi") && arms.containsValue("control"), arms.toString());
        // An explicit strategy would break the comparison.
        session(Map.of("userKey", "sticky-0", "strategy", "random")).then().statusCode(409)
                .body("field", equalTo("strategy"));
        // A userKey experiment cannot place a session without a userKey: it runs outside the experiment.
        session(Map.of("strategy", "random")).then().statusCode(201).body("arm", nullValue());
        // maxQueries: after 6 answers the evoi arm's queries say stop.
        String evoiUser = arms.entrySet().stream().filter(e -> e.getValue().equals("evoi")).findFirst().orElseThrow().getKey();
        String sid = session(Map.of("userKey", evoiUser)).then().statusCode(201).extract().path("sessionId");
        for (int t = 0; t < 6; t++) {
            Response q = ApiClient.nextQuery(sid).then().statusCode(200).extract().response();
            ApiClient.answer(sid, q.path("queryId"), q.path("items[0].id")).then().statusCode(200);
        }
        ApiClient.nextQuery(sid).then().statusCode(200).body("stop", equalTo(true));
        ApiClient.json().get("/sessions/" + sid).then().body("arm", equalTo("evoi")).body("experimentId", equalTo(id));
    }

    @Test
    void outcomesAreValidated() {
        String sid = session(Map.of("seed", 3)).then().statusCode(201).extract().path("sessionId");
        ApiClient.post("/sessions/" + sid + "/outcome", Map.of("itemId", "001", "accepted", true, "rating", 4.5))
                .then().statusCode(201).body("accepted", equalTo(true)).body("itemId", equalTo("001"));
        ApiClient.post("/sessions/no-such/outcome", Map.of("itemId", "001", "accepted", true)).then().statusCode(404);
        ApiClient.post("/sessions/" + sid + "/outcome", Map.of("itemId", "no-such-car", "accepted", true))
                .then().statusCode(400).body("field", equalTo("itemId"));
        ApiClient.post("/sessions/" + sid + "/outcome", Map.of("itemId", "001")).then().statusCode(400)
                .body("field", equalTo("accepted"));
        ApiClient.post("/sessions/" + sid + "/outcome", Map.of("itemId", "001", "accepted", false, "rating", 11))
                .then().statusCode(400).body("field", equalTo("rating"));
        ApiClient.post("/sessions/" + sid + "/outcome", Map.of("itemId", "001", "accepted", "maybe"))
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void rehearsedExperimentShowsTheEvoiArmAheadWithAnHonestInterval() throws Exception {
        // 400 simulated sessions of 10 answers through HTTP; a fixed salt and seeds make the run reproducible.
        // With random salts and other seeds the difference was +0.24 to +0.30 (evoi/RESULTS.md), so this
        // is not a lucky draw.
        String id = start(twoArms("userKey", "rehearsal-salt-1"));
        CatalogRegistry.Entry cars = catalogs.latest(catalog).orElseThrow();
        int n = 400;
        List<SimulatedUser> users = SimulatedUser.drawnFrom(cars.prior(), n, Seeds.random(2024, 1), cars.catalog().vectors());
        ExperimentRehearsal rehearsal = new ExperimentRehearsal(base, KEY, cars.catalog(), 10, settings.lambda(), false, 2024);
        AtomicInteger done = new AtomicInteger();
        List<ExperimentRehearsal.SessionOutcome> outcomes = rehearsal.runAll(users, 4, done::incrementAndGet);
        assertEquals(n, done.get(), "told after every user");
        Map<String, String> armOf = new HashMap<>();
        for (int u = 0; u < n; u++) {
            ExperimentRehearsal.SessionOutcome o = outcomes.get(u);
            assertEquals(rehearsal.userKey(u), o.userKey(), "outcomes in user order");
            armOf.put(o.userKey(), o.arm());
        }

        // What simulate --experiment --out writes: the experiment's results, then the sessions rehearsed.
        Path out = Files.createTempFile("rehearsal", ".json");
        rehearsal.report(id, outcomes, System.nanoTime()).write(out);
        JsonNode written = new ObjectMapper().readTree(out.toFile());
        Files.delete(out);
        List<String> fields = new ArrayList<>();
        written.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("experiment", "arms", "sampleRatioMismatch", "sessions", "config", "seconds"), fields);
        assertEquals(n, written.path("sessions").size());
        assertEquals(rehearsal.userKey(7), written.path("sessions").get(7).path("userKey").asText());
        assertEquals(n, written.path("config").path("users").asInt());
        assertEquals(id, written.path("config").path("experiment").asText());
        JsonNode results = written.path("experiment");
        assertEquals(results.path("arms"), written.path("arms"));
        JsonNode control = results.path("arms").get(0);
        JsonNode evoi = results.path("arms").get(1);
        assertEquals(n, control.path("sessions").asInt() + evoi.path("sessions").asInt());
        assertFalse(results.path("sampleRatioMismatch").asBoolean(), results.toString());
        assertTrue(evoi.path("acceptanceRate").asDouble() > control.path("acceptanceRate").asDouble(), results.toString());
        JsonNode c = results.path("comparisons").get(0);
        assertTrue(c.path("differenceLow").asDouble() > 0, "the interval of the difference must exclude 0: " + c);
        assertTrue(c.path("significant").asBoolean(), "the always-valid test must reject too: " + c);
        assertEquals(10.0, evoi.path("answersPerSession").asDouble(), 1e-9);
        assertTrue(evoi.path("stopRate").asDouble() == 1.0, "maxQueries 6 makes every evoi session reach stop");
        assertTrue(evoi.path("nextQueryMsP50").isNumber() && evoi.path("meanRating").isNumber());

        // Re-running with the same unit keys reproduces the assignment.
        for (int u = 0; u < 20; u++) {
            String key = rehearsal.userKey(u);
            session(Map.of("userKey", key)).then().statusCode(201).body("arm", equalTo(armOf.get(key)));
        }
    }

    @Test
    void anArmMaySetTheQueryKind() {
        Map<String, Object> d = new HashMap<>(Map.of("catalog", catalog, "name", "partial vs items", "unit", "userKey"));
        d.put("arms", List.of(Map.of("name", "bad", "strategy", "random", "params", Map.of("queryKind", "often")),
                Map.of("name", "b", "strategy", "random")));
        admin().body(d).post("/experiments").then().statusCode(400).body("field", equalTo("arms[0].params.queryKind"));
        d.put("arms", List.of(Map.of("name", "a", "strategy", "random"), Map.of("name", "b", "strategy", "exploit",
                "params", Map.of("queryKind", "partial"))));
        admin().body(d).post("/experiments").then().statusCode(400).body("field", equalTo("arms[1].strategy"));
        d.put("arms", List.of(Map.of("name", "a", "strategy", "random"), Map.of("name", "b", "strategy", "random",
                "params", Map.of("queryKind", "partial", "partialAttributes", 9))));
        admin().body(d).post("/experiments").then().statusCode(400)
                .body("field", equalTo("arms[1].params.partialAttributes"));
        d.put("arms", List.of(Map.of("name", "items", "strategy", "greedy-eus"), Map.of("name", "partial",
                "strategy", "greedy-eus", "params", Map.of("queryKind", "partial", "partialAttributes", 1))));
        start(d);
        Map<String, Integer> seen = new HashMap<>();
        for (int u = 0; u < 12; u++) {
            Response r = session(Map.of("userKey", "kind-" + u)).then().statusCode(201).extract().response();
            String arm = r.path("arm");
            assertEquals(arm, r.path("queryKind"));
            seen.merge(arm, 1, Integer::sum);
            String sid = r.path("sessionId");
            ApiClient.nextQuery(sid).then().statusCode(200).body("kind", equalTo(arm));
            if (arm.equals("partial")) {
                session(Map.of("userKey", "kind-" + u, "queryKind", "items")).then().statusCode(409)
                        .body("field", equalTo("queryKind"));
            }
        }
        assertEquals(2, seen.size(), "both arms got sessions: " + seen);
    }
}
