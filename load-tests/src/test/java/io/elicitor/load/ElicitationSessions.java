package io.elicitor.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.exponentialPauses;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PauseType;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;

/**
 * The conversational app's traffic: each arriving user gets a session, then asks {@code /next-query} and sends
 * {@code /answer} (a random option, after an exponential think time) until the service says {@code stop} or
 * {@code maxAnswers} answers are in. Users arrive as a Poisson process at {@code sessionsPerSecond} (an open
 * model: arrivals do not wait for the service, as real users do not), for {@code seconds}. Everything is a system
 * property, set by {@code load-tests/run.sh}: baseUrl, catalog, strategy (empty: the service's default),
 * sessionsPerSecond, seconds, thinkSeconds, maxAnswers.
 */
public class ElicitationSessions extends Simulation {
    private final String baseUrl = System.getProperty("baseUrl", "http://127.0.0.1:8080");
    private final String catalog = System.getProperty("catalog", "cars");
    private final String strategy = System.getProperty("strategy", "");
    private final double sessionsPerSecond = Double.parseDouble(System.getProperty("sessionsPerSecond", "1"));
    private final int seconds = Integer.getInteger("seconds", 60);
    private final double thinkSeconds = Double.parseDouble(System.getProperty("thinkSeconds", "1"));
    private final int maxAnswers = Integer.getInteger("maxAnswers", 10);

    private final HttpProtocolBuilder protocol = http.baseUrl(baseUrl)
            .contentTypeHeader("application/json")
            .acceptHeader("application/json")
            // The app's back end talks to Elicitor over a pool of connections, not one per end user.
            .shareConnections();

    private final ChainBuilder createSession = exec(http("create session").post("/sessions")
            .body(StringBody(session -> "{\"catalog\":\"" + catalog + "\""
                    + (strategy.isEmpty() ? "" : ",\"strategy\":\"" + strategy + "\"") + "}"))
            .check(status().is(201), jsonPath("$.sessionId").saveAs("sessionId")))
            .exec(session -> session.set("answers", 0).set("stop", false));

    private final ChainBuilder askAndAnswer = exec(http("next-query").post("/next-query")
            .body(StringBody("{\"sessionId\":\"#{sessionId}\"}"))
            .check(status().is(200), jsonPath("$.queryId").saveAs("queryId"),
                    jsonPath("$.items[*].id").findRandom().saveAs("choice"),
                    jsonPath("$.stop").ofBoolean().saveAs("stop")))
            .doIf(session -> !session.getBoolean("stop")).then(
                    exec(pauseThink())
                    .exec(http("answer").post("/answer")
                            .body(StringBody("{\"sessionId\":\"#{sessionId}\",\"queryId\":\"#{queryId}\","
                                    + "\"chosenItemId\":\"#{choice}\"}"))
                            .check(status().is(200)))
                    .exec(session -> session.set("answers", session.getInt("answers") + 1)));

    private final ScenarioBuilder users = scenario("elicitation session")
            .exec(createSession)
            .exec(asLongAs(session -> !session.getBoolean("stop") && session.getInt("answers") < maxAnswers)
                    .on(askAndAnswer));

    {
        setUp(users.injectOpen(constantUsersPerSec(sessionsPerSecond).during(Duration.ofSeconds(seconds)).randomized()))
                .protocols(protocol);
    }

    /** The user reading the question: exponentially distributed, thinkSeconds on average (none when 0). */
    private ChainBuilder pauseThink() {
        return pause(Duration.ofMillis(Math.round(thinkSeconds * 1000)), thinkSeconds > 0 ? exponentialPauses
                : PauseType.Disabled);
    }
}
