package io.elicitor.page;

import io.elicitor.api.CarsCopy;
import io.elicitor.api.DurableProfile;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The experiments dashboard at {@code /admin/} in headless Chromium, on the durable store: behind the admin key, an
 * experiment's arms with sessions and acceptance, the comparison with the control, the sample-ratio check, and the
 * acceptance-over-time plot.
 */
@QuarkusTest
@TestProfile(DurableProfile.class)
class AdminPageTest {
    private static final String KEY = "test-admin-key";

    @TestHTTPResource("/")
    URI base;

    private ChromeDriver driver;
    private String experiment;

    private static RequestSpecification admin() {
        return given().contentType("application/json").header("X-Admin-Key", KEY);
    }

    @AfterEach
    void cleanUp() {
        if (driver != null) {
            driver.quit();
        }
        if (experiment != null) {
            admin().post("/experiments/" + experiment + "/stop").then().statusCode(200);
        }
    }

    /** Loads a copy of the cars under a new id and starts an experiment on it; returns the catalog id. */
    private String experimentOnACopy(Path tmp, String name, List<Map<String, Object>> arms) throws Exception {
        String catalog = "cars-page-" + UUID.randomUUID().toString().substring(0, 8);
        admin().body(Map.of("path", CarsCopy.write(tmp, catalog, "1").toString())).post("/admin/catalogs").then()
                .statusCode(201);
        experiment = admin().body(Map.of("catalog", catalog, "name", name, "arms", arms)).post("/experiments").then()
                .statusCode(201).extract().path("id");
        return catalog;
    }

    @Test
    void theStopSuggestionShowsWhenTheQuestionSaysStop(@TempDir Path tmp) throws Exception {
        // An experiment whose arms allow one question: the second query the page gets says stop.
        String catalog = experimentOnACopy(tmp, "one question", List.of(
                Map.of("name", "a", "strategy", "random", "params", Map.of("maxQueries", 1)),
                Map.of("name", "b", "strategy", "random", "params", Map.of("maxQueries", 1))));
        driver = Browser.start(1200, 1000);
        driver.get(base.toString());
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(d -> !d.findElements(By.cssSelector("#catalog option[value='" + catalog + "']")).isEmpty());
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("catalog"))).selectByValue(catalog);
        driver.findElement(By.id("start")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#options .option")));
        assertTrue(!driver.findElement(By.id("stop")).isDisplayed(), "the first question is worth asking");
        driver.findElements(By.cssSelector("#options .option")).get(0).click();
        assertTrue(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("stop"))).getText()
                .contains("learned enough"));
    }

    @Test
    void theDashboardShowsEachArmTheComparisonAndTheCurve(@TempDir Path tmp) throws Exception {
        String catalog = experimentOnACopy(tmp, "dashboard check", List.of(Map.of("name", "control", "strategy",
                "random"), Map.of("name", "greedy", "strategy", "greedy-eus")));
        for (int i = 0; i < 8; i++) {
            String sid = given().contentType("application/json").body(Map.of("catalog", catalog)).post("/sessions")
                    .then().statusCode(201).extract().path("sessionId");
            String item = given().contentType("application/json").body(Map.of("sessionId", sid)).post("/next-query")
                    .then().statusCode(200).extract().path("items[0].id");
            given().contentType("application/json").body(Map.of("itemId", item, "accepted", i % 2 == 0))
                    .post("/sessions/" + sid + "/outcome").then().statusCode(201);
        }

        driver = Browser.start(1200, 1400);
        driver.get(base.resolve("/admin").toString());
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        driver.findElement(By.id("key")).sendKeys("wrong");
        driver.findElement(By.id("show")).click();
        assertTrue(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error"))).getText()
                .contains("X-Admin-Key"), "a wrong key is refused with the API's detail");
        driver.findElement(By.id("key")).clear();
        driver.findElement(By.id("key")).sendKeys(KEY);
        driver.findElement(By.id("show")).click();
        By section = By.cssSelector("section[aria-label='Experiment dashboard check']");
        wait.until(ExpectedConditions.visibilityOfElementLocated(section));
        String text = driver.findElement(section).getText();
        assertTrue(text.contains("control") && text.contains("greedy") && text.contains("greedy − control"), text);
        assertTrue(text.contains("Sample-ratio check"), text);
        int polylines = driver.findElement(section).findElements(By.cssSelector("svg.timeline polyline")).size();
        assertTrue(polylines >= 1 && polylines <= 2, "one acceptance curve per arm with sessions: " + polylines);
        List<String> sessions = driver.findElement(section).findElements(By.cssSelector("table.results tr td:nth-child(3)"))
                .stream().map(e -> e.getText()).toList();
        assertEquals(8, sessions.stream().limit(2).mapToInt(Integer::parseInt).sum(), "8 sessions over the two arms");
        Browser.screenshot(driver, "admin");
    }
}
