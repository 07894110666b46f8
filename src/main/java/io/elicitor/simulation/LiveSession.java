package io.elicitor.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import io.elicitor.catalog.Catalog;
import io.elicitor.evoi.Seeds;
import io.elicitor.evoi.planner.PlannedQuery;
import java.util.Map;

/**
 * One session of a live service played by a simulated user: T rounds of {@code /next-query} and
 * {@code /answer}, answering by the logit from {@code answerSeed}, with the regret of the service's top
 * recommendation after every answer and the latency of both endpoints.
 */
final class LiveSession {
    /** What a played session recorded, and the catalog index of its final top recommendation. */
    record Played(UserTrace trace, int recommended) {}

    private final ServiceClient client;
    private final Catalog catalog;
    private final int queries;
    private final double lambda;
    private final boolean noiseless;

    LiveSession(ServiceClient client, Catalog catalog, int queries, double lambda, boolean noiseless) {
        this.client = client;
        this.catalog = catalog;
        this.queries = queries;
        this.lambda = lambda;
        this.noiseless = noiseless;
    }

    /** Plays the existing session {@code sid} for {@code user}. */
    Played play(String sid, SimulatedUser user, long answerSeed) {
        double[] regret = new double[queries + 1];
        double[] queryMillis = new double[queries];
        double[] answerMillis = new double[queries];
        JsonNode recs = client.call("GET", "/sessions/" + sid + "/recommendations?limit=10", null, 200);
        regret[0] = user.normalisedRegret(index(recs.get(0)));
        int correct = 0;
        int plateaus = 0;
        for (int t = 0; t < queries; t++) {
            long t0 = System.nanoTime();
            JsonNode q = client.call("POST", "/next-query", Map.of("sessionId", sid), 200);
            queryMillis[t] = (System.nanoTime() - t0) / 1e6;
            plateaus += PlannedQuery.onPlateau(q.path("evoi").asDouble(), q.path("utilityScale").asDouble()) ? 1 : 0;
            JsonNode items = q.path("items");
            int[] slate = new int[items.size()];
            for (int i = 0; i < slate.length; i++) {
                slate[i] = index(items.get(i));
            }
            int chosen = user.choose(slate, lambda, noiseless, Seeds.random(answerSeed, t));
            if (user.isBestOf(slate, chosen)) {
                correct++;
            }
            long t1 = System.nanoTime();
            JsonNode a = client.call("POST", "/answer", Map.of("sessionId", sid, "queryId", q.path("queryId").asText(),
                    "chosenItemId", items.get(chosen).path("id").asText()), 200);
            answerMillis[t] = (System.nanoTime() - t1) / 1e6;
            recs = a.path("recommendations");
            regret[t + 1] = user.normalisedRegret(index(recs.get(0)));
        }
        boolean top10 = false;
        for (int i = 0; i < Math.min(10, recs.size()); i++) {
            top10 |= index(recs.get(i)) == user.bestItem();
        }
        return new Played(new UserTrace(regret, top10, queryMillis, correct, answerMillis, plateaus), index(recs.get(0)));
    }

    private int index(JsonNode item) {
        String itemId = item.path("id").asText();
        return catalog.indexOf(itemId).orElseThrow(() -> new IllegalStateException("the service returned item '"
                + itemId + "', which catalog " + catalog.id() + " here does not have: is the same version loaded?"));
    }
}
