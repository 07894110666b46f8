package io.elicitor.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET /catalogs} and loading catalog versions through the admin endpoint. */
@QuarkusTest
class CatalogAdminTest {
    private static final String KEY = "test-admin-key";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void listsTheBundledCatalog() {
        List<Map<String, Object>> all = ApiClient.json().get("/catalogs").then().statusCode(200).extract().path("$");
        Map<String, Object> cars = all.stream().filter(c -> "cars".equals(c.get("id"))).findFirst().orElseThrow();
        assertEquals(406.0, ((Number) cars.get("itemCount")).doubleValue());
        assertEquals(10.0, ((Number) cars.get("dimension")).doubleValue());
        assertEquals(true, cars.get("latest"));
    }

    @Test
    void adminEndpointsNeedTheKey() throws IOException {
        Path dir = copyOfCars("unauthorised-" + UUID.randomUUID(), "1");
        ApiClient.post("/admin/catalogs", Map.of("path", dir.toString())).then().statusCode(401)
                .contentType("application/problem+json").body("field", equalTo("X-Admin-Key"));
        ApiClient.json().header("X-Admin-Key", "wrong").body(Map.of("path", dir.toString())).post("/admin/catalogs")
                .then().statusCode(401);
        ApiClient.json().get("/catalogs").then().body("id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(
                dir.getFileName().toString())));
    }

    @Test
    void newVersionServesNewSessionsWhileOldSessionsKeepTheirs() throws IOException {
        String id = "cars-" + UUID.randomUUID().toString().substring(0, 8);
        admin(copyOfCars(id, "1")).then().statusCode(201).body("id", equalTo(id)).body("version", equalTo("1"));
        String old = ApiClient.createSession(Map.of("catalog", id, "seed", 5));
        Response q = ApiClient.nextQuery(old).then().statusCode(200).extract().response();

        admin(copyOfCars(id, "2")).then().statusCode(201).body("version", equalTo("2")).body("latest", equalTo(true));
        ApiClient.post("/sessions", Map.of("catalog", id)).then().statusCode(201).body("catalogVersion", equalTo("2"));
        // the running session continues on version 1
        ApiClient.answer(old, q.path("queryId"), q.path("items[0].id")).then().statusCode(200);
        ApiClient.nextQuery(old).then().statusCode(200);
        ApiClient.json().get("/sessions/" + old).then().body("catalogVersion", equalTo("1")).body("answers", equalTo(1));

        List<Map<String, Object>> listed = ApiClient.json().get("/catalogs").then().statusCode(200).extract().path("$");
        List<String> versions = listed.stream().filter(c -> id.equals(c.get("id")))
                .map(c -> c.get("version") + ":" + c.get("latest")).toList();
        assertEquals(List.of("1:false", "2:true"), versions);

        admin(copyOfCars(id, "2")).then().statusCode(409).body("field", equalTo("path"));
    }

    @Test
    void badCatalogIsRefusedAndTheOldOnesKeepServing() throws IOException {
        String id = "broken-" + UUID.randomUUID().toString().substring(0, 8);
        Path dir = copyOfCars(id, "1");
        editManifest(dir, m -> m.put("itemCount", 407));
        admin(dir).then().statusCode(400).contentType("application/problem+json").body("field", equalTo("path"))
                .body("detail", containsString("407"));
        admin(tmp.resolve("does-not-exist")).then().statusCode(400).body("field", equalTo("path"));
        ApiClient.json().header("X-Admin-Key", KEY).body(Map.of()).post("/admin/catalogs").then().statusCode(400)
                .body("field", equalTo("path"));

        List<String> ids = ApiClient.json().get("/catalogs").then().statusCode(200).extract().path("id");
        assertTrue(ids.contains("cars") && !ids.contains(id), ids.toString());
        String sid = ApiClient.createSession(Map.of("seed", 6));
        ApiClient.nextQuery(sid).then().statusCode(200);
    }

    @Test
    void sessionsUseTheCatalogsLambdaUnlessItHasNone() throws IOException {
        String id = "cars-lambda-" + UUID.randomUUID().toString().substring(0, 8);
        Path dir = copyOfCars(id, "1");
        editManifest(dir, m -> m.put("lambda", 7.5));
        admin(dir).then().statusCode(201).body("lambda", equalTo(7.5));
        String sid = ApiClient.post("/sessions", Map.of("catalog", id, "seed", 3)).then().statusCode(201)
                .body("lambda", equalTo(7.5)).extract().path("sessionId");
        ApiClient.nextQuery(sid).then().statusCode(200);
        // The bundled cars have no lambda in their manifest: the service default (elicitor.lambda = 2).
        ApiClient.post("/sessions", Map.of("seed", 3)).then().statusCode(201).body("lambda", equalTo(2.0));

        editManifest(dir, m -> m.put("version", "2").put("lambda", 0));
        admin(dir).then().statusCode(400).body("field", equalTo("path")).body("detail", containsString("'lambda'"));
    }

    private static void editManifest(Path dir, java.util.function.Consumer<ObjectNode> edit) throws IOException {
        ObjectNode m = (ObjectNode) JSON.readTree(dir.resolve("manifest.json").toFile());
        edit.accept(m);
        JSON.writeValue(dir.resolve("manifest.json").toFile(), m);
    }

    private static Response admin(Path dir) {
        return ApiClient.json().header("X-Admin-Key", KEY).body(Map.of("path", dir.toString())).post("/admin/catalogs");
    }

    private Path copyOfCars(String id, String version) throws IOException {
        return CarsCopy.write(tmp, id, version);
    }
}
