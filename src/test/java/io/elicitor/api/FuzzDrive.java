package io.elicitor.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sends {@link RequestFuzzer}'s requests to a running service and checks that none is answered 5xx and that the service
 * still elicits afterwards. Shared by the in-memory and the durable fuzz tests.
 */
final class FuzzDrive {
    static final String ADMIN_KEY = "test-admin-key";

    private FuzzDrive() {}

    /** Sends {@code count} requests from {@code seed}; fails listing the first 5xx answers, if any. */
    static void run(URI base, long seed, int count) throws IOException, InterruptedException {
        String sid = ApiClient.createSession(Map.of("catalog", "cars"));
        var q = ApiClient.nextQuery(sid).then().statusCode(200).extract();
        String queryId = q.path("queryId");
        String itemId = q.path("items[0].id");
        RequestFuzzer fuzzer = new RequestFuzzer(seed, sid, queryId, itemId, ADMIN_KEY);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        Map<Integer, Integer> byStatus = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        List<String> closed = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            RequestFuzzer.Request r = fuzzer.next();
            int status = send(http, base, r);
            byStatus.merge(status, 1, Integer::sum);
            if (status == 0 && closed.size() < 5) {
                closed.add("#" + i + ": " + r.describe());
            }
            // The server may drop a connection only when it answered before reading all of the request: a request
            // line over its 4 KB limit (414), or a large body refused early (415, 405); the client, still sending,
            // sees the connection reset. Any other request must get an answer.
            boolean early = r.path().length() >= 4_000 || r.body() != null && r.body().length >= 8_192;
            boolean unanswered = status == 0 && !early;
            if ((status >= 500 || unanswered) && failures.size() < 10) {
                failures.add(status + " for #" + i + ": " + r.describe());
            }
        }
        System.out.println("fuzz: seed=" + seed + " requests=" + count + " statuses=" + byStatus + " closedWithoutAnswer(first 5)=" + closed);
        assertTrue(failures.isEmpty(), "5xx (or no) answers to bad requests:\n" + String.join("\n", failures));
        stillElicits(http, base);
        stopExperiments();
    }

    /** The status, or 0 when the server closed the connection twice instead of answering. */
    private static int send(HttpClient http, URI base, RequestFuzzer.Request r) throws InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + r.path())).timeout(Duration.ofSeconds(60))
                .method(r.method(), r.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(r.body()));
        if (r.contentType() != null) {
            b.header("Content-Type", r.contentType());
        }
        if (r.adminKey() != null) {
            b.header("X-Admin-Key", r.adminKey());
        }
        // A connection the server closed after refusing the previous request early may be reused by the client and
        // fail at once; a real client resends on a fresh one, and so does this, once.
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                return http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                // resend once
            }
        }
        return 0;
    }

    private static void stillElicits(HttpClient http, URI base) throws IOException, InterruptedException {
        var health = http.send(HttpRequest.newBuilder(base.resolve("/q/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode(), health.body());
        String sid = ApiClient.createSession(Map.of("catalog", "cars"));
        for (int round = 0; round < 3; round++) {
            var q = ApiClient.nextQuery(sid).then().statusCode(200).extract();
            ApiClient.answer(sid, q.path("queryId"), q.path("items[0].id")).then().statusCode(200);
        }
    }

    /** A fuzzed definition can be valid: stop what it started so later tests see no running experiment. */
    private static void stopExperiments() {
        var listing = ApiClient.json().header("X-Admin-Key", ADMIN_KEY).get("/experiments");
        if (listing.statusCode() == 404) {
            return; // the in-memory store keeps no experiments
        }
        List<Map<String, Object>> all = listing.then().statusCode(200).extract().path("$");
        for (Map<String, Object> e : all) {
            if (!"STOPPED".equalsIgnoreCase(String.valueOf(e.get("status")))) {
                ApiClient.json().header("X-Admin-Key", ADMIN_KEY).post("/experiments/" + e.get("id") + "/stop");
            }
        }
    }
}
