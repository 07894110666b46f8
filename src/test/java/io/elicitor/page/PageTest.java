package io.elicitor.page;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The page at {@code /} in a real headless Chromium: a whole session by clicks and keys on the bundled cars, the
 * recommendations and weights changing after answers, the why of each question, an API error shown as its detail,
 * and the layout at 360 px. Screenshots of each screen go to {@code target/screenshots/}.
 */
@QuarkusTest
class PageTest {
    @TestHTTPResource("/")
    URI base;

    private ChromeDriver driver;

    @AfterEach
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    private String answersText() {
        return driver.findElement(By.id("answers-count")).getText();
    }

    private void waitForAnswers(int n) {
        waiting().until(d -> answersText().startsWith(n + (n == 1 ? " answer" : " answers")));
    }

    private List<String> weightLabels() {
        return driver.findElements(By.cssSelector("#weights .bar-track")).stream()
                .map(e -> e.getAttribute("aria-label")).toList();
    }

    @Test
    void aWholeSessionByClicksAndKeys() throws Exception {
        driver = Browser.start(1200, 1500);
        driver.get(base.toString());
        waiting().until(d -> !d.findElements(By.cssSelector("#catalog option")).isEmpty());
        Browser.screenshot(driver, "start");
        driver.findElement(By.id("start")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#options .option")));
        waitForAnswers(0);
        List<String> weightsBefore = weightLabels();
        String recsBefore = driver.findElement(By.id("recs")).getText();
        assertEquals(9, weightsBefore.size(), "one bar per numeric attribute and per Origin level contrast");
        assertTrue(driver.findElement(By.id("why-body")).getText().contains("If you choose"));
        assertTrue(driver.findElement(By.id("confidence")).getText().startsWith("Chance that the first is your best"));
        Browser.screenshot(driver, "question");

        for (int t = 1; t <= 3; t++) {
            driver.findElements(By.cssSelector("#options .option")).get(0).click();
            waitForAnswers(t);
        }
        assertNotEquals(weightsBefore, weightLabels(), "the weights move with the answers");
        assertNotEquals(recsBefore, driver.findElement(By.id("recs")).getText(), "so do the recommendations");

        // Keyboard: the number keys answer.
        new Actions(driver).sendKeys("2").perform();
        waitForAnswers(4);
        new Actions(driver).sendKeys("1").perform();
        waitForAnswers(5);
        Browser.screenshot(driver, "after-five-answers");
        // The stop suggestion shows exactly when the pending question says stop.
        String sid = driver.findElement(By.tagName("body")).getAttribute("data-session-id");
        boolean stop = io.restassured.RestAssured.given().contentType("application/json")
                .body(java.util.Map.of("sessionId", sid)).post("/next-query").then().statusCode(200).extract()
                .path("stop");
        assertEquals(stop, driver.findElement(By.id("stop")).isDisplayed());
        WebElement first = driver.findElements(By.cssSelector("#options .option")).get(0);
        assertTrue(first.getAttribute("aria-label").startsWith("Choose "), "options are labelled for screen readers");

        // Restart goes back to the start.
        driver.findElement(By.id("restart")).click();
        waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("question")));
    }

    @Test
    void anApiErrorIsShownAsTheProblemsDetail() throws Exception {
        driver = Browser.start(1200, 900);
        driver.get(base.toString());
        waiting().until(d -> !d.findElements(By.cssSelector("#catalog option")).isEmpty());
        driver.executeScript("const s = document.getElementById('strategy');"
                + "s.add(new Option('no-such-strategy', 'no-such-strategy')); s.value = 'no-such-strategy';");
        driver.findElement(By.id("start")).click();
        WebElement error = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
        assertTrue(error.getText().contains("no-such-strategy") && error.getText().contains("(strategy)"),
                error.getText());
        Browser.screenshot(driver, "error");
    }

    @Test
    void itWorksAt360PixelsWide() throws Exception {
        driver = Browser.start(360, 800);
        driver.get(base.toString());
        waiting().until(d -> !d.findElements(By.cssSelector("#catalog option")).isEmpty());
        driver.findElement(By.id("start")).sendKeys(Keys.ENTER);
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#options .option")));
        waitForAnswers(0);
        long scrollWidth = (Long) driver.executeScript("return document.documentElement.scrollWidth;");
        long clientWidth = (Long) driver.executeScript("return document.documentElement.clientWidth;");
        Object widest = driver.executeScript("let w = null; for (const e of document.querySelectorAll('body *')) {"
                + " const r = e.getBoundingClientRect(); if (r.right > document.documentElement.clientWidth + 0.5"
                + " && (!w || r.right > w.r)) w = {r: r.right, e: e.tagName + '#' + e.id + '.' + e.className}; }"
                + " return w ? w.e + ' ends at ' + w.r : 'none';");
        assertTrue(scrollWidth <= clientWidth, "no sideways scrolling at 360 px: " + scrollWidth + " > " + clientWidth
                + "; widest: " + widest);
        driver.findElements(By.cssSelector("#options .option")).get(1).click();
        waitForAnswers(1);
        Browser.screenshot(driver, "phone");
    }
}
