package io.elicitor.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import io.elicitor.catalog.Catalog;
import io.elicitor.evoi.Seeds;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Rehearses a running A/B experiment with simulated users before real traffic: each user opens a session
 * under a stable {@code userKey} (so the experiment assigns the arm, and a re-run with the same seed lands
 * every user in the same arm), answers T queries by the logit, and reports the outcome the app would: the
 * top recommendation is accepted when it lies within the user's top 1% of the catalog by true utility.
 * Thread-safe: sessions of different users may run at once.
 */
public final class ExperimentRehearsal {
    /** Share of the catalog, from the top, whose items a simulated user accepts. */
    public static final double ACCEPT_TOP_SHARE = 0.01;

    /** What one simulated session did. */
    public record SessionOutcome(String userKey, String sessionId, String arm, String strategy, int answers,
                                 String recommended, boolean accepted, double regret) {}

    private final URI base;
    private final ServiceClient client;
    private final Catalog catalog;
    private final int queries;
    private final double lambda;
    private final boolean noiseless;
    private final long seed;
    private final LiveSession session;

    /** A rehearsal against the service at {@code base} ({@code adminKey} is needed for the results). */
    public ExperimentRehearsal(URI base, String adminKey, Catalog catalog, int queries, double lambda, boolean noiseless,
                               long seed) {
        this.base = base;
        this.client = new ServiceClient(base, adminKey);
        this.catalog = catalog;
        this.queries = queries;
        this.lambda = lambda;
        this.noiseless = noiseless;
        this.seed = seed;
        this.session = new LiveSession(client, catalog, queries, lambda, noiseless);
    }

    /** The stable unit key of simulated user {@code u}. */
    public String userKey(int u) {
        return "sim-" + seed + "-" + u;
    }

    /** Runs simulated user {@code u} through one session and reports its outcome. */
    public SessionOutcome run(int u, SimulatedUser user) {
        Map<String, Object> create = new LinkedHashMap<>();
        create.put("catalog", catalog.id());
        create.put("userKey", userKey(u));
        create.put("seed", Seeds.mix(seed, u));
        JsonNode s = client.call("POST", "/sessions", create, 201);
        String sid = s.path("sessionId").asText();
        int rec = session.play(sid, user, Seeds.mix(seed ^ 0x5DEECE66DL, u)).recommended();
        String top = catalog.item(rec).id();
        boolean accepted = user.rank(rec) < Math.max(1, (int) Math.ceil(ACCEPT_TOP_SHARE * catalog.size()));
        double regret = user.normalisedRegret(rec);
        // A rating the way a person might give one: 5 for the best item, falling with regret.
        double rating = Math.max(0.5, Math.round(2 * 5 * (1 - Math.min(1, regret / 2))) / 2.0);
        client.call("POST", "/sessions/" + sid + "/outcome", Map.of("itemId", top, "accepted", accepted, "rating", rating), 201);
        return new SessionOutcome(userKey(u), sid, s.path("arm").asText(null), s.path("strategy").asText(), queries, top,
                accepted, regret);
    }

    /**
     * Runs user u of {@code users} as simulated user u, {@code threads} sessions at a time, calling {@code onUser}
     * after each; the outcomes in user order. The first failure is rethrown.
     */
    public List<SessionOutcome> runAll(List<SimulatedUser> users, int threads, Runnable onUser)
            throws InterruptedException, ExecutionException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<SessionOutcome>> futures = new ArrayList<>();
            for (int u = 0; u < users.size(); u++) {
                int user = u;
                futures.add(pool.submit(() -> {
                    SessionOutcome o = run(user, users.get(user));
                    onUser.run();
                    return o;
                }));
            }
            List<SessionOutcome> outcomes = new ArrayList<>();
            for (Future<SessionOutcome> f : futures) {
                outcomes.add(f.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The experiment's results fetched now, with the outcomes of the sessions that {@link #runAll} rehearsed;
     * {@code seconds} counts from {@code startedNanos} ({@link System#nanoTime}).
     */
    public RehearsalResults report(String experimentId, List<SessionOutcome> sessions, long startedNanos) {
        JsonNode results = results(experimentId);
        // In a fixed order, so that two rehearsals of the same experiment write the same file (Map.of's order varies).
        Map<String, Object> config = new java.util.LinkedHashMap<>();
        config.put("viaHttp", base.toString());
        config.put("experiment", experimentId);
        config.put("users", sessions.size());
        config.put("queries", queries);
        config.put("lambda", lambda);
        config.put("noiseless", noiseless);
        config.put("seed", seed);
        return new RehearsalResults(results, results.path("arms"), results.path("sampleRatioMismatch").asBoolean(), sessions,
                config, (System.nanoTime() - startedNanos) / 1e9);
    }

    /** {@code GET /experiments/{id}/results}. */
    public JsonNode results(String experimentId) {
        return client.call("GET", "/experiments/" + experimentId + "/results", null, 200);
    }
}
