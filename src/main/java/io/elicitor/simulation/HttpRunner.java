package io.elicitor.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import io.elicitor.catalog.Catalog;
import io.elicitor.evoi.Seeds;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs simulated users through a live service ({@code /sessions}, {@code /next-query}, {@code /answer}),
 * so that the harness measures the deployed service end to end. The service must run with the same λ and
 * particle count as the harness assumes ({@code ELICITOR_LAMBDA}, {@code ELICITOR_PARTICLES}); it answers
 * with the recommendations the regret is computed from.
 */
public final class HttpRunner implements UserRunner {
    private final URI base;
    private final Catalog catalog;
    private final int slateSize;
    private final int queries;
    private final double lambda;
    private final boolean noiseless;
    private final ServiceClient client;

    /** A runner against the service at {@code base}, whose catalog {@code catalog} must be loaded there. */
    public HttpRunner(URI base, Catalog catalog, int slateSize, int queries, double lambda, boolean noiseless) {
        this.base = base;
        this.client = new ServiceClient(base, null);
        this.catalog = catalog;
        this.slateSize = slateSize;
        this.queries = queries;
        this.lambda = lambda;
        this.noiseless = noiseless;
    }

    @Override
    public UserTrace run(SimulatedUser user, String strategy, long sessionSeed, long answerSeed) {
        Map<String, Object> create = new LinkedHashMap<>();
        create.put("catalog", catalog.id());
        create.put("slateSize", slateSize);
        create.put("strategy", strategy);
        create.put("seed", sessionSeed);
        String sid = call("POST", "/sessions", create, 201).path("sessionId").asText();
        double[] regret = new double[queries + 1];
        double[] queryMillis = new double[queries];
        double[] answerMillis = new double[queries];
        JsonNode recs = call("GET", "/sessions/" + sid + "/recommendations?limit=10", null, 200);
        regret[0] = user.normalisedRegret(index(recs.get(0).path("id").asText()));
        int correct = 0;
        for (int t = 0; t < queries; t++) {
            long t0 = System.nanoTime();
            JsonNode q = call("POST", "/next-query", Map.of("sessionId", sid), 200);
            queryMillis[t] = (System.nanoTime() - t0) / 1e6;
            JsonNode items = q.path("items");
            int[] slate = new int[items.size()];
            for (int i = 0; i < slate.length; i++) {
                slate[i] = index(items.get(i).path("id").asText());
            }
            int chosen = user.choose(slate, lambda, noiseless, Seeds.random(answerSeed, t));
            if (user.isBestOf(slate, chosen)) {
                correct++;
            }
            long t1 = System.nanoTime();
            JsonNode a = call("POST", "/answer", Map.of("sessionId", sid, "queryId", q.path("queryId").asText(),
                    "chosenItemId", items.get(chosen).path("id").asText()), 200);
            answerMillis[t] = (System.nanoTime() - t1) / 1e6;
            recs = a.path("recommendations");
            regret[t + 1] = user.normalisedRegret(index(recs.get(0).path("id").asText()));
        }
        boolean top10 = false;
        for (int i = 0; i < Math.min(10, recs.size()); i++) {
            top10 |= index(recs.get(i).path("id").asText()) == user.bestItem();
        }
        return new UserTrace(regret, top10, queryMillis, correct, answerMillis);
    }

    private int index(String itemId) {
        return catalog.indexOf(itemId).orElseThrow(() -> new IllegalStateException("the service returned item '"
                + itemId + "', which catalog " + catalog.id() + " here does not have: is the same version loaded?"));
    }

    private JsonNode call(String method, String path, Object body, int expected) {
        return client.call(method, path, body, expected);
    }
}
