package io.elicitor.session;

import io.elicitor.catalog.Catalog;
import io.elicitor.catalog.CatalogRegistry;
import io.elicitor.catalog.Item;
import io.elicitor.catalog.ItemFilter;
import io.elicitor.config.ElicitorConfig;
import io.elicitor.evoi.ItemMatrix;
import io.elicitor.evoi.belief.BeliefUpdate;
import io.elicitor.evoi.belief.Posterior;
import io.elicitor.evoi.planner.EngineSettings;
import io.elicitor.evoi.planner.PlannedQuery;
import io.elicitor.evoi.planner.QueryPlanner;
import io.elicitor.evoi.planner.StrategyRegistry;
import io.elicitor.evoi.strategy.QueryStrategy;
import io.elicitor.runtime.MathExecutor;
import io.elicitor.runtime.Refusal.Kind;
import io.elicitor.runtime.Refusal;
import io.elicitor.session.state.PosteriorReplay;
import io.elicitor.session.state.SessionState.AnswerResult;
import io.elicitor.session.state.SessionState.AnsweredQuery;
import io.elicitor.session.state.SessionState.EngineParams;
import io.elicitor.session.state.SessionState.PendingQuery;
import io.elicitor.session.state.SessionState.PosteriorData;
import io.elicitor.session.state.SessionState.Recommendation;
import io.elicitor.session.state.SessionState;
import io.elicitor.session.store.SessionStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs sessions: creates them, plans the next query, applies answers, recommends. Each step reads the
 * state, computes the new one on the maths pool, and writes it with a compare-and-set on the version; a
 * lost race re-reads and re-decides (an identical answer then finds itself already applied). Random
 * choices derive from the session seed and the step number, so a session replays exactly.
 */
public final class SessionService {
    /** Largest slate a session may ask for. */
    public static final int MAX_SLATE = 6;
    private static final int MAX_RETRIES = 8;

    /** What a client may ask for when creating a session; null fields take defaults. */
    public record CreateRequest(String catalog, Integer slateSize, String strategy, String userKey, Long seed,
                                ItemFilter filter) {}

    private final CatalogRegistry catalogs;
    private final SessionStore store;
    private final MathExecutor math;
    private final StrategyRegistry strategies;
    private final EngineSettings settings;
    private final ElicitorConfig config;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Enrolment enrolment;
    private final SecureRandom random = new SecureRandom();
    private final Map<FilterKey, BitSet> filterCache = new ConcurrentHashMap<>();

    /** Wires the service. */
    public SessionService(CatalogRegistry catalogs, SessionStore store, MathExecutor math, StrategyRegistry strategies,
                          EngineSettings settings, ElicitorConfig config, MeterRegistry meters, Clock clock,
                          Enrolment enrolment) {
        this.catalogs = catalogs;
        this.store = store;
        this.math = math;
        this.strategies = strategies;
        this.settings = settings;
        this.config = config;
        this.meters = meters;
        this.clock = clock;
        this.enrolment = enrolment;
    }

    /** The store in use. */
    public SessionStore store() {
        return store;
    }

    /** Creates a session pinned to the latest version of its catalog, with particles drawn from the prior. */
    public Uni<SessionState> create(CreateRequest request) {
        CreateRequest r = request == null ? new CreateRequest(null, null, null, null, null, null) : request;
        String catalogId = r.catalog() == null ? config.defaultCatalog() : r.catalog();
        CatalogRegistry.Entry entry = catalogs.latest(catalogId).orElseThrow(() -> new Refusal(Kind.INVALID,
                "catalog", "unknown catalog '" + catalogId + "'; loaded: " + catalogs.ids()));
        if (r.slateSize() != null) {
            checkSlateSize(r.slateSize(), entry);
        }
        if (r.strategy() != null && strategies.find(r.strategy()).isEmpty()) {
            throw new Refusal(Kind.INVALID, "strategy", strategies.unknown(r.strategy()));
        }
        if (r.userKey() != null && (r.userKey().isBlank() || r.userKey().length() > 256)) {
            throw new Refusal(Kind.INVALID, "userKey", "userKey must be 1 to 256 characters");
        }
        ItemFilter filter = r.filter() == null ? ItemFilter.NONE : r.filter();
        int eligible = entry.catalog().size() - excludedBy(entry, filter).cardinality();
        String id = UUID.randomUUID().toString();
        return enrolment.assign(catalogId, id, r.userKey()).flatMap(arm -> {
            Enrolment.ArmChoice a = arm.orElse(null);
            if (a != null && r.strategy() != null) {
                throw new Refusal(Kind.CONFLICT, "strategy", "this session belongs to experiment " + a.experimentId()
                        + " (arm '" + a.arm() + "'), which sets the strategy; leave strategy out");
            }
            if (a != null && a.slateSize() != null && r.slateSize() != null && !a.slateSize().equals(r.slateSize())) {
                throw new Refusal(Kind.CONFLICT, "slateSize", "this session belongs to experiment " + a.experimentId()
                        + " (arm '" + a.arm() + "'), which sets slateSize " + a.slateSize());
            }
            int k = a != null && a.slateSize() != null ? a.slateSize()
                    : r.slateSize() != null ? r.slateSize() : config.defaultSlateSize();
            checkSlateSize(k, entry);
            String strategy = a != null ? a.strategy() : r.strategy() != null ? r.strategy() : config.defaultStrategy();
            if (strategies.find(strategy).isEmpty()) {
                throw new Refusal(Kind.UNAVAILABLE, "strategy", "strategy '" + strategy + "' is not available here");
            }
            if (eligible < k) {
                throw new Refusal(Kind.INVALID, "filters", "the filters leave " + eligible
                        + " items of catalog '" + catalogId + "', fewer than the slate size " + k);
            }
            long seed = r.seed() != null ? r.seed() : random.nextLong();
            Catalog catalog = entry.catalog();
            EngineParams params = new EngineParams(
                    a != null && a.lambda() != null ? a.lambda() : catalog.lambda().orElse(settings.lambda()),
                    a != null && a.particles() != null ? a.particles() : settings.particles(),
                    settings.rejuvenationSteps());
            SessionState.Assignment assignment = a == null ? null
                    : new SessionState.Assignment(a.experimentId(), a.arm(), a.maxQueries());
            return math.submit(() -> {
                Posterior p = PosteriorReplay.initial(entry, seed, params);
                return new PosteriorData(p.dimension(), p.particleArray(), p.weights());
            }).flatMap(posterior -> {
                var now = now();
                SessionState s = new SessionState(id, catalog.id(), catalog.version(), k, strategy, r.userKey(), seed,
                        params, assignment, 0, now, now, filter, posterior, null, List.of());
                meters.counter("elicitor.sessions.created", "strategy", strategy, "catalog", catalog.id()).increment();
                return store.insert(s).replaceWith(s);
            });
        });
    }

    private static void checkSlateSize(int k, CatalogRegistry.Entry entry) {
        if (k < 2 || k > MAX_SLATE) {
            throw new Refusal(Kind.INVALID, "slateSize", "slateSize must be between 2 and " + MAX_SLATE + ", got " + k);
        }
        if (k > entry.catalog().size()) {
            throw new Refusal(Kind.INVALID, "slateSize", "catalog '" + entry.catalog().id() + "' has only "
                    + entry.catalog().size() + " items");
        }
    }

    /** The session, or a NOT_FOUND problem. */
    public Uni<SessionState> get(String sessionId) {
        if (sessionId == null || sessionId.isBlank()) {
            return Uni.createFrom().failure(new Refusal(Kind.INVALID, "sessionId", "sessionId is required"));
        }
        return store.find(sessionId).map(o -> o.orElseThrow(() ->
                new Refusal(Kind.NOT_FOUND, "sessionId", "no session '" + sessionId + "'")));
    }

    /** A query with the catalog items it shows. */
    public record QueryResult(PendingQuery query, List<Item> items) {}

    /** The pending query, or a newly planned one, with its items. */
    public Uni<QueryResult> nextQuery(String sessionId) {
        return nextQuery(sessionId, 0).flatMap(q -> get(sessionId).map(s -> {
            Catalog catalog = pinned(s).catalog();
            List<Item> items = new ArrayList<>(q.itemIds().size());
            for (String id : q.itemIds()) {
                items.add(catalog.item(catalog.indexOf(id).orElseThrow()));
            }
            return new QueryResult(q, items);
        }));
    }

    private Uni<PendingQuery> nextQuery(String sessionId, int attempt) {
        return get(sessionId).flatMap(s -> {
            if (s.pending() != null) {
                return Uni.createFrom().item(s.pending());
            }
            CatalogRegistry.Entry entry = pinned(s);
            QueryStrategy strategy = strategies.find(s.strategy()).orElseThrow(() ->
                    new Refusal(Kind.UNAVAILABLE, null, "strategy '" + s.strategy() + "' is no longer available"));
            return math.submit(() -> plan(s, entry, strategy)).flatMap(q ->
                    store.replace(s.version(), s.withPending(q, now())).flatMap(ok -> {
                        if (ok) {
                            return Uni.createFrom().item(q);
                        }
                        return retry(attempt, () -> nextQuery(sessionId, attempt + 1));
                    }));
        });
    }

    /** Applies an answer; idempotent per (session, query). */
    public Uni<AnswerResult> answer(String sessionId, String queryId, String chosenItemId) {
        if (queryId == null || queryId.isBlank()) {
            return Uni.createFrom().failure(new Refusal(Kind.INVALID, "queryId", "queryId is required"));
        }
        if (chosenItemId == null || chosenItemId.isBlank()) {
            return Uni.createFrom().failure(new Refusal(Kind.INVALID, "chosenItemId", "chosenItemId is required"));
        }
        return answer(sessionId, queryId, chosenItemId, 0);
    }

    private Uni<AnswerResult> answer(String sessionId, String queryId, String chosenItemId, int attempt) {
        return get(sessionId).flatMap(s -> {
            AnsweredQuery done = s.answered(queryId);
            if (done != null) {
                if (done.chosenItemId().equals(chosenItemId)) {
                    return Uni.createFrom().item(done.result());
                }
                throw new Refusal(Kind.CONFLICT, "chosenItemId", "query '" + queryId
                        + "' was already answered with '" + done.chosenItemId() + "'");
            }
            PendingQuery p = s.pending();
            if (p == null || !p.queryId().equals(queryId)) {
                throw new Refusal(Kind.NOT_FOUND, "queryId", "no pending query '" + queryId + "' in this session");
            }
            int chosen = p.itemIds().indexOf(chosenItemId);
            if (chosen < 0) {
                throw new Refusal(Kind.INVALID, "chosenItemId", "item '" + chosenItemId
                        + "' was not in query '" + queryId + "'; it showed " + p.itemIds());
            }
            CatalogRegistry.Entry entry = pinned(s);
            return math.submit(() -> applyAnswer(s, entry, p, chosen, chosenItemId)).flatMap(next ->
                    store.replace(s.version(), next).flatMap(ok -> {
                        if (ok) {
                            meters.counter("elicitor.answers", "strategy", s.strategy()).increment();
                            return Uni.createFrom().item(next.answered(queryId).result());
                        }
                        return retry(attempt, () -> answer(sessionId, queryId, chosenItemId, attempt + 1));
                    }));
        });
    }

    /** The top {@code limit} items by posterior expected utility. */
    public Uni<List<Recommendation>> recommendations(String sessionId, int limit) {
        if (limit < 1 || limit > 100) {
            return Uni.createFrom().failure(new Refusal(Kind.INVALID, "limit", "limit must be between 1 and 100, got " + limit));
        }
        return get(sessionId).flatMap(s -> {
            CatalogRegistry.Entry entry = pinned(s);
            return math.submit(() -> recommend(entry, posterior(s).mean(), limit, excluded(s, entry)));
        });
    }

    private PendingQuery plan(SessionState s, CatalogRegistry.Entry entry, QueryStrategy strategy) {
        long t0 = System.nanoTime();
        int t = s.answers().size();
        BitSet excluded = excluded(s, entry);
        int eligible = entry.catalog().size() - excluded.cardinality();
        if (eligible < s.slateSize()) {
            throw new Refusal(Kind.CONFLICT, null, "only " + eligible + " items are left to show (filters and"
                    + " items already shown exclude the rest); the slate needs " + s.slateSize());
        }
        PlannedQuery q = new QueryPlanner(settings.withLambda(s.params().lambda())).plan(posterior(s), entry.search(),
                s.slateSize(), strategy, excluded, BeliefUpdate.planning(s.seed(), t));
        long nanos = System.nanoTime() - t0;
        meters.timer("elicitor.next.query", "strategy", strategy.name()).record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        double millis = nanos / 1e6;
        // An experiment arm may cap the number of questions: past the cap every query says stop.
        boolean capped = s.assignment() != null && s.assignment().maxQueries() != null
                && t >= s.assignment().maxQueries();
        List<String> ids = new ArrayList<>(q.items().length);
        for (int i : q.items()) {
            ids.add(entry.catalog().item(i).id());
        }
        byte[] b = new byte[12];
        random.nextBytes(b);
        String queryId = "q" + (t + 1) + "-" + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        return new PendingQuery(queryId, ids, q.evoi(), q.utilityScale(), q.probabilityTopIsBest(), q.stop() || capped, millis);
    }

    private SessionState applyAnswer(SessionState s, CatalogRegistry.Entry entry, PendingQuery p, int chosen,
                                     String chosenItemId) {
        List<AnsweredQuery> history = new ArrayList<>(s.answers());
        history.add(new AnsweredQuery(p.queryId(), p.itemIds(), chosenItemId, null));
        int t = history.size();
        Posterior updated = PosteriorReplay.step(posterior(s), entry, s.seed(), s.params(), history);
        // The pending query counts as shown, so excludeShown applies to these recommendations too.
        List<Recommendation> recs = recommend(entry, updated.mean(), config.answerRecommendations(), excluded(s, entry));
        AnsweredQuery answered = new AnsweredQuery(p.queryId(), p.itemIds(), p.itemIds().get(chosen),
                new AnswerResult(t, recs));
        PosteriorData data = new PosteriorData(updated.dimension(), updated.particleArray(), updated.weights());
        return s.withAnswer(data, answered, now());
    }

    private static List<Recommendation> recommend(CatalogRegistry.Entry entry, float[] mean, int limit, BitSet excluded) {
        ItemMatrix items = entry.catalog().vectors();
        int[] top = entry.search().topK(mean, Math.min(limit, items.size()), excluded);
        List<Recommendation> out = new ArrayList<>(top.length);
        for (int i : top) {
            float[] x = items.row(i);
            double eu = 0;
            for (int j = 0; j < x.length; j++) {
                eu += (double) x[j] * mean[j];
            }
            out.add(new Recommendation(entry.catalog().item(i).id(), entry.catalog().item(i).title(), eu));
        }
        return out;
    }

    /** Rows a session may not show or recommend: its filter, plus the items already shown if it asks so. */
    private BitSet excluded(SessionState s, CatalogRegistry.Entry entry) {
        BitSet out = (BitSet) excludedBy(entry, s.filter()).clone();
        if (s.filter().excludeShown()) {
            for (String id : s.shownItemIds()) {
                entry.catalog().indexOf(id).ifPresent(out::set);
            }
        }
        return out;
    }

    /** The filter's exclusions, cached per (catalog, version, filter): evaluating predicates is O(N). */
    private BitSet excludedBy(CatalogRegistry.Entry entry, ItemFilter filter) {
        if (filter.excludeIds().isEmpty() && filter.where().isEmpty()) {
            return new BitSet();
        }
        FilterKey key = new FilterKey(entry.catalog().id(), entry.catalog().version(), filter.excludeIds(), filter.where());
        BitSet cached = filterCache.get(key);
        if (cached != null) {
            return cached;
        }
        BitSet rows;
        try {
            rows = filter.excludedRows(entry.catalog());
        } catch (ItemFilter.Refusal e) {
            throw new Refusal(Kind.INVALID, "filters." + e.field(), e.getMessage());
        }
        if (filterCache.size() > 1024) {
            filterCache.clear();
        }
        filterCache.put(key, rows);
        return rows;
    }

    private record FilterKey(String catalog, String version, List<String> excludeIds, List<String> where) {}

    private static Posterior posterior(SessionState s) {
        return Posterior.fromArrays(s.posterior().particles(), s.posterior().weights(), s.posterior().dimension());
    }

    /** Now, to the microsecond: what PostgreSQL keeps, so a state rebuilt from the log equals the live one. */
    private java.time.Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    private CatalogRegistry.Entry pinned(SessionState s) {
        return catalogs.find(s.catalogId(), s.catalogVersion()).orElseThrow(() -> new Refusal(Kind.UNAVAILABLE,
                null, "catalog " + s.catalogId() + " version " + s.catalogVersion() + " is not loaded on this instance"));
    }

    private static <T> Uni<T> retry(int attempt, java.util.function.Supplier<Uni<T>> again) {
        if (attempt + 1 >= MAX_RETRIES) {
            return Uni.createFrom().failure(new Refusal(Kind.CONFLICT, null,
                    "the session changed concurrently too often; retry"));
        }
        return again.get();
    }
}
