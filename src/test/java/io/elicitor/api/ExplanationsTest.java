package io.elicitor.api;

import io.elicitor.catalog.CatalogRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The explanations over HTTP on the bundled cars, each figure checked against what the session reports and the
 * catalog holds: weights against the posterior mean and the columns' standard deviations, a question's differences
 * against the items it shows, a recommendation's shares against the mean and the item's vector.
 */
@QuarkusTest
class ExplanationsTest {
    @Inject
    CatalogRegistry catalogs;

    private String sessionWithAnswers(int answers) {
        String sid = ApiClient.createSession(Map.of("catalog", "cars", "seed", 77));
        for (int t = 0; t < answers; t++) {
            Response q = ApiClient.nextQuery(sid).then().statusCode(200).extract().response();
            // A user who likes fuel economy: the option with the higher Miles_per_Gallon.
            List<Map<String, Object>> items = q.path("items");
            Map<String, Object> pick = items.stream().max(Comparator.comparingDouble(i -> mpg(i))).orElseThrow();
            ApiClient.answer(sid, q.path("queryId"), (String) pick.get("id")).then().statusCode(200);
        }
        return sid;
    }

    @SuppressWarnings("unchecked")
    private static double mpg(Map<String, Object> item) {
        Object v = ((Map<String, Object>) item.get("attributes")).get("Miles_per_Gallon");
        return v == null ? 0 : ((Number) v).doubleValue();
    }

    private List<Double> posteriorMean(String sid) {
        return ApiClient.json().get("/sessions/" + sid).then().statusCode(200).extract().path("posteriorMean");
    }

    @Test
    void attributeWeightsAreThePosteriorInOriginalUnits() {
        String sid = sessionWithAnswers(6);
        Response e = ApiClient.json().get("/sessions/" + sid + "/explanation").then().statusCode(200).extract()
                .response();
        assertEquals(6, e.<Number>path("answers").intValue());
        int worth = e.<Number>path("answersWorthAsking").intValue();
        assertTrue(worth >= 0 && worth <= 6);
        double p = e.<Number>path("probabilityTopIsBest").doubleValue();
        assertTrue(p > 0 && p <= 1);
        assertTrue(e.<Number>path("expectedRegret").doubleValue() >= 0);
        assertNull(e.path("population"));
        List<Double> mean = posteriorMean(sid);
        List<Map<String, Object>> weights = e.path("attributeWeights");
        // 7 numeric attributes and Origin's two levels against Europe.
        assertEquals(9, weights.size());
        var schema = catalogs.find("cars", "1").orElseThrow().catalog().schema().orElseThrow();
        for (Map<String, Object> w : weights) {
            double m = ((Number) w.get("mean")).doubleValue();
            assertTrue(((Number) w.get("low")).doubleValue() <= m && m <= ((Number) w.get("high")).doubleValue());
            if (w.get("level") == null) {
                String name = (String) w.get("attribute");
                int column = schema.columns().stream().map(c -> c.attribute()).toList().indexOf(name);
                double std = schema.attribute(name).std();
                assertEquals(mean.get(column) / std, m, 1e-5 * Math.max(1, Math.abs(m)), name);
            } else {
                assertEquals("Europe", w.get("baseline"));
            }
        }
        // Six answers that favoured fuel economy: its weight is clearly positive.
        Map<String, Object> mpg = weights.stream().filter(w -> "Miles_per_Gallon".equals(w.get("attribute")))
                .findFirst().orElseThrow();
        assertTrue(((Number) mpg.get("mean")).doubleValue() > 0, mpg.toString());
        assertTrue(e.<String>path("topItemId") != null);
    }

    @Test
    void aQuestionSaysWhatItsItemsDifferOnAndWhatEachAnswerWouldTeach() {
        String sid = sessionWithAnswers(2);
        Response q = ApiClient.nextQuery(sid).then().statusCode(200).extract().response();
        List<Map<String, Object>> answers = q.path("why.answers");
        List<String> shown = q.path("items.id");
        assertEquals(shown, answers.stream().map(a -> (String) a.get("itemId")).toList());
        double total = 0;
        double expected = 0;
        for (Map<String, Object> a : answers) {
            double prob = ((Number) a.get("probability")).doubleValue();
            total += prob;
            expected += prob * ((Number) a.get("regretReduction")).doubleValue();
        }
        assertEquals(1.0, total, 1e-9);
        assertTrue(expected >= -1e-9, "the answers' average regret reduction is an EVOI, never negative");
        assertTrue(q.<Number>path("why.expectedRegret").doubleValue() >= 0);
        List<Map<String, Object>> differences = q.path("why.differences");
        assertTrue(!differences.isEmpty() && differences.size() <= 3);
        List<Map<String, Object>> items = q.path("items");
        for (Map<String, Object> d : differences) {
            @SuppressWarnings("unchecked")
            List<String> values = (List<String>) d.get("values");
            for (int i = 0; i < items.size(); i++) {
                @SuppressWarnings("unchecked")
                Object v = ((Map<String, Object>) items.get(i).get("attributes")).get(d.get("attribute"));
                // Numbers as the model holds them; a date-like raw value (Year: 1982-01-01) starts with it.
                boolean same = v instanceof Number n ? new java.math.BigDecimal(n.toString()).compareTo(
                        new java.math.BigDecimal(values.get(i))) == 0 : String.valueOf(v).startsWith(values.get(i));
                assertTrue(same, d + " vs " + items.get(i));
            }
        }
        // The same pending question again gets the same why.
        assertEquals(q.path("why").toString(), ApiClient.nextQuery(sid).then().extract().path("why").toString());
    }

    @Test
    void aRecommendationsSharesAreTheMeanTimesItsAttributeColumns() {
        String sid = sessionWithAnswers(3);
        List<Map<String, Object>> recs = ApiClient.json().get("/sessions/" + sid + "/recommendations?limit=3").then()
                .statusCode(200).extract().path("$");
        List<Double> mean = posteriorMean(sid);
        var entry = catalogs.find("cars", "1").orElseThrow();
        var columns = entry.catalog().schema().orElseThrow().columns();
        for (Map<String, Object> r : recs) {
            float[] x = entry.search().items().row(entry.catalog().indexOf((String) r.get("id")).orElseThrow());
            List<double[]> direct = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (int c = 0; c < x.length; c++) {
                int a = names.indexOf(columns.get(c).attribute());
                if (a < 0) {
                    names.add(columns.get(c).attribute());
                    direct.add(new double[] {0});
                    a = names.size() - 1;
                }
                direct.get(a)[0] += mean.get(c) * x[c];
            }
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> because = (List<Map<String, Object>>) r.get("because");
            assertEquals(3, because.size());
            for (Map<String, Object> b : because) {
                double u = direct.get(names.indexOf((String) b.get("attribute")))[0];
                assertEquals(u, ((Number) b.get("utility")).doubleValue(), 1e-5);
            }
            double smallestShown = Math.abs(((Number) because.get(2).get("utility")).doubleValue());
            long larger = direct.stream().filter(d -> Math.abs(d[0]) > smallestShown + 1e-6).count();
            assertTrue(larger <= 2, "the three largest shares are shown");
            assertNotNull(because.get(0).get("value"));
        }
    }

    @Test
    void aPartialQuestionsWhyNamesItsAttributesAndOptions() {
        String sid = ApiClient.createSession(Map.of("catalog", "cars", "queryKind", "partial", "seed", 9));
        Response q = ApiClient.nextQuery(sid).then().statusCode(200).extract().response();
        assertEquals(2, q.<List<?>>path("why.partialAttributes").size());
        assertEquals(List.of(0, 1), q.path("why.answers.option"));
    }

    @Test
    void anUnknownSessionHasNoExplanation() {
        ApiClient.json().get("/sessions/" + java.util.UUID.randomUUID() + "/explanation").then().statusCode(404)
                .contentType("application/problem+json");
        ApiClient.json().urlEncodingEnabled(false).get("/sessions/%00/explanation").then().statusCode(404);
    }
}
