package io.elicitor.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import io.elicitor.catalog.Catalog;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs simulated users through a live service ({@code /sessions}, {@code /next-query}, {@code /answer}),
 * so that the harness measures the deployed service end to end. The service must run with the same λ and
 * particle count as the harness assumes (the catalog's manifest λ or {@code ELICITOR_LAMBDA};
 * {@code ELICITOR_PARTICLES}); a session the service creates with another λ stops the run. It answers with
 * the recommendations the regret is computed from.
 */
public final class HttpRunner implements UserRunner {
    private final Catalog catalog;
    private final int slateSize;
    private final ServiceClient client;
    private final LiveSession session;
    private final double lambda;
    private final boolean allowRepeats;

    /** A runner against the service at {@code base}, whose catalog {@code catalog} must be loaded there. */
    public HttpRunner(URI base, Catalog catalog, int slateSize, int queries, double lambda, boolean noiseless,
                      boolean allowRepeats) {
        this.allowRepeats = allowRepeats;
        this.client = new ServiceClient(base, null);
        this.catalog = catalog;
        this.slateSize = slateSize;
        this.lambda = lambda;
        this.session = new LiveSession(client, catalog, queries, lambda, noiseless);
    }

    @Override
    public UserTrace run(SimulatedUser user, String strategy, long sessionSeed, long answerSeed) {
        Map<String, Object> create = new LinkedHashMap<>();
        create.put("catalog", catalog.id());
        create.put("slateSize", slateSize);
        create.put("strategy", strategy);
        create.put("seed", sessionSeed);
        if (allowRepeats) {
            create.put("allowRepeats", true);
        }
        JsonNode created = client.call("POST", "/sessions", create, 201);
        double served = created.path("lambda").asDouble(Double.NaN);
        if (!Double.isNaN(served) && served != lambda) {
            throw new IllegalStateException("the service runs its sessions with lambda " + served + " but the simulated"
                    + " users answer with " + lambda + ": pass --lambda " + served + " or restart the service with the"
                    + " harness's lambda, so that the model and the users agree");
        }
        return session.play(created.path("sessionId").asText(), user, answerSeed).trace();
    }
}
