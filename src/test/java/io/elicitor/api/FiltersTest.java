package io.elicitor.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Session filters apply to every query and every recommendation, and bad filters are refused up front. */
@QuarkusTest
class FiltersTest {

    @Test
    void attributePredicatesRestrictQueriesAndRecommendations() {
        String sid = ApiClient.createSession(Map.of("seed", 31, "slateSize", 3,
                "filters", Map.of("where", List.of("Origin in [Japan]", "Horsepower >= 70"))));
        for (int t = 0; t < 4; t++) {
            Response q = ApiClient.nextQuery(sid).then().statusCode(200).extract().response();
            List<String> origins = q.path("items.attributes.Origin");
            List<Number> hp = q.path("items.attributes.Horsepower");
            assertEquals(List.of("Japan", "Japan", "Japan"), origins);
            hp.forEach(h -> assertTrue(h.doubleValue() >= 70, "horsepower " + h));
            Response a = ApiClient.answer(sid, q.path("queryId"), q.path("items[0].id")).then().statusCode(200)
                    .extract().response();
            for (String id : a.<List<String>>path("recommendations.id")) {
                assertTrue(japaneseIds().contains(id), "recommended non-Japanese car " + id);
            }
        }
        ApiClient.json().get("/sessions/" + sid + "/recommendations?limit=50").then().statusCode(200)
                .extract().<List<String>>path("id").forEach(id -> assertTrue(japaneseIds().contains(id), id));
    }

    @Test
    void excludedIdsAreNeverShownOrRecommended() {
        // Exclude what an unfiltered twin session asks and recommends first.
        String twin = ApiClient.createSession(Map.of("seed", 32));
        List<String> firstQuery = ApiClient.nextQuery(twin).then().statusCode(200).extract().path("items.id");
        List<String> firstRecs = ApiClient.json().get("/sessions/" + twin + "/recommendations?limit=5")
                .then().statusCode(200).extract().path("id");
        Set<String> excluded = new HashSet<>(firstQuery);
        excluded.addAll(firstRecs);
        String sid = ApiClient.createSession(Map.of("seed", 32, "filters", Map.of("excludeIds", List.copyOf(excluded))));
        for (int t = 0; t < 3; t++) {
            Response q = ApiClient.nextQuery(sid).then().statusCode(200).extract().response();
            q.<List<String>>path("items.id").forEach(id -> assertFalse(excluded.contains(id), id));
            ApiClient.answer(sid, q.path("queryId"), q.path("items[1].id")).then().statusCode(200).extract()
                    .<List<String>>path("recommendations.id").forEach(id -> assertFalse(excluded.contains(id), id));
        }
    }

    @Test
    void excludeShownNeverRepeatsAnItem() {
        String sid = ApiClient.createSession(Map.of("seed", 33, "slateSize", 4, "filters", Map.of("excludeShown", true)));
        Set<String> shown = new HashSet<>();
        for (int t = 0; t < 6; t++) {
            Response q = ApiClient.nextQuery(sid).then().statusCode(200).extract().response();
            for (String id : q.<List<String>>path("items.id")) {
                assertTrue(shown.add(id), "item " + id + " shown twice");
            }
            ApiClient.answer(sid, q.path("queryId"), q.path("items[2].id")).then().statusCode(200);
        }
        assertEquals(24, shown.size());
    }

    @Test
    void badFiltersAreRefusedNamingTheField() {
        ApiClient.post("/sessions", Map.of("filters", Map.of("where", List.of("Horsepower >>> 3")))).then()
                .statusCode(400).contentType("application/problem+json").body("field", equalTo("filters.where"))
                .body("detail", containsString("Horsepower >>> 3"));
        ApiClient.post("/sessions", Map.of("filters", Map.of("where", List.of("Colour = red")))).then()
                .statusCode(400).body("field", equalTo("filters.where")).body("detail", containsString("Colour"));
        ApiClient.post("/sessions", Map.of("filters", Map.of("excludeIds", List.of("no-such-car")))).then()
                .statusCode(400).body("field", equalTo("filters.excludeIds")).body("detail", containsString("no-such-car"));
        ApiClient.post("/sessions", Map.of("slateSize", 3, "filters", Map.of("where", List.of("Horsepower > 100000"))))
                .then().statusCode(400).body("field", equalTo("filters"));
        ApiClient.post("/sessions", Map.of("filters", Map.of("where", "Year > 1980"))).then()
                .statusCode(400).contentType("application/problem+json");
        ApiClient.post("/sessions", Map.of("filters", Map.of("colour", "red"))).then()
                .statusCode(400).contentType("application/problem+json");
    }

    private static Set<String> japanese;

    /** Japanese cars read straight from the bundled catalog file: an oracle independent of the filter code. */
    private static synchronized Set<String> japaneseIds() {
        if (japanese == null) {
            try {
                var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
                japanese = new HashSet<>();
                for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("item-catalog/cars/items.jsonl"))) {
                    var node = mapper.readTree(line);
                    if ("Japan".equals(node.path("attributes").path("Origin").asText())) {
                        japanese.add(node.path("id").asText());
                    }
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            assertEquals(79, japanese.size());
        }
        return japanese;
    }
}
