package io.elicitor.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a production deployment gets without asking: limits, a closed Swagger UI, CORS by origin, a key from a file. */
@QuarkusTest
@TestProfile(SecureDefaultsProfile.class)
class SecureDefaultsTest {
    @Test
    void sessionCreationIsRateLimitedPerClientWith429AndRetryAfter() {
        int created = 0;
        Response refused = null;
        for (int i = 0; i < 10 && refused == null; i++) {
            Response r = ApiClient.post("/sessions", Map.of("catalog", "cars"));
            if (r.statusCode() == 201) {
                created++;
            } else {
                refused = r;
            }
        }
        assertTrue(created >= 3 && created <= 4, "a burst of 3 (and perhaps one refill) before the limit: " + created);
        assertEquals(429, refused.statusCode());
        assertEquals("application/problem+json", refused.contentType());
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 11, "6 a minute refill one every 10 s: " + retryAfter);
        // The rest of the API is not limited.
        ApiClient.json().get("/catalogs").then().statusCode(200);
    }

    @Test
    void aBodyOverOneMegabyteIsRefusedWith413() {
        String big = "{\"sessionId\":\"" + "x".repeat(1_100_000) + "\"}";
        ApiClient.json().body(big).post("/next-query").then().statusCode(413);
    }

    @Test
    void swaggerUiIsOffOutsideDevButTheOpenApiDocumentIsServed() {
        ApiClient.json().get("/q/swagger-ui/").then().statusCode(404);
        ApiClient.json().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void corsAnswersTheConfiguredOriginOnly() {
        ApiClient.json().header("Origin", "https://app.example").header("Access-Control-Request-Method", "POST")
                .options("/next-query").then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("https://app.example"));
        ApiClient.json().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .options("/next-query").then().header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void theAdminKeyComesFromTheFile() {
        ApiClient.json().header("X-Admin-Key", SecureDefaultsProfile.FILE_KEY).get("/admin/catalog-loads").then()
                .statusCode(200);
        ApiClient.json().header("X-Admin-Key", FuzzDrive.ADMIN_KEY).get("/admin/catalog-loads").then()
                .statusCode(401).body("field", equalTo("X-Admin-Key"));
    }
}
