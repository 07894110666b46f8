package io.elicitor.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An admin load of a catalog that needs its ANN index built answers 202 at once and builds in the background, with a
 * status to poll; here the ANN threshold is lowered below the cars' 406 items so that a copy of them needs one.
 */
@QuarkusTest
@TestProfile(ConstrainedProfile.class)
class CatalogBackgroundLoadTest {
    private static final String KEY = "test-admin-key";

    @TempDir
    Path tmp;

    @Test
    void largeCatalogIsAcceptedThenBuiltInTheBackground() throws Exception {
        String id = "cars-bg-" + UUID.randomUUID().toString().substring(0, 8);
        Path dir = CarsCopy.write(tmp, id, "1");
        Response accepted = ApiClient.json().header("X-Admin-Key", KEY).body(Map.of("path", dir.toString()))
                .post("/admin/catalogs");
        accepted.then().statusCode(202).header("Location", containsString("/admin/catalog-loads/"))
                .body("catalogId", equalTo(id)).body("version", equalTo("1")).body("itemCount", equalTo(406));
        String location = java.net.URI.create(accepted.header("Location")).getPath();
        String state = accepted.path("state");
        for (int i = 0; i < 300 && "BUILDING".equals(state); i++) {
            Thread.sleep(100);
            state = status(location).then().statusCode(200).extract().path("state");
        }
        assertEquals("LOADED", state);
        List<String> ids = ApiClient.json().get("/catalogs").then().statusCode(200).extract().path("id");
        assertTrue(ids.contains(id), ids.toString());
        ApiClient.post("/sessions", Map.of("catalog", id, "seed", 1)).then().statusCode(201);
        // The same version again is a conflict; the list shows the finished load.
        ApiClient.json().header("X-Admin-Key", KEY).body(Map.of("path", dir.toString())).post("/admin/catalogs").then()
                .statusCode(409).body("field", equalTo("path"));
        List<String> states = ApiClient.json().header("X-Admin-Key", KEY).get("/admin/catalog-loads").then()
                .statusCode(200).extract().path("state");
        assertTrue(states.contains("LOADED"), states.toString());
    }

    @Test
    void loadStatusNeedsTheKeyAndAKnownId() {
        ApiClient.json().get("/admin/catalog-loads/nope").then().statusCode(401);
        status("/admin/catalog-loads/nope").then().statusCode(404).contentType("application/problem+json")
                .body("field", equalTo("loadId"));
    }

    private static Response status(String path) {
        return ApiClient.json().header("X-Admin-Key", KEY).get(path);
    }
}
