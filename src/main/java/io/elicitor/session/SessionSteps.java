package io.elicitor.session;

import io.elicitor.catalog.Catalog;
import io.elicitor.catalog.CatalogRegistry;
import io.elicitor.config.ElicitorConfig;
import io.elicitor.evoi.belief.Belief;
import io.elicitor.evoi.belief.BeliefUpdate;
import io.elicitor.evoi.planner.EngineSettings;
import io.elicitor.evoi.partial.PartialQuery;
import io.elicitor.evoi.partial.PartialStrategy;
import io.elicitor.evoi.planner.ComparedPairs;
import io.elicitor.evoi.planner.PlannedQuestion;
import io.elicitor.evoi.planner.QueryKind;
import io.elicitor.evoi.planner.QueryPlanner;
import io.elicitor.evoi.planner.Questions;
import io.elicitor.evoi.planner.StrategyRegistry;
import io.elicitor.evoi.strategy.QueryStrategy;
import io.elicitor.evoi.value.Recommendations;
import io.elicitor.runtime.MathExecutor;
import io.elicitor.runtime.Refusal;
import io.elicitor.runtime.Refusal.Kind;
import io.elicitor.runtime.ServiceIds;
import io.elicitor.session.state.BeliefReplay;
import io.elicitor.session.state.PartialOptions;
import io.elicitor.session.state.SessionState;
import io.elicitor.session.state.SessionState.AnswerResult;
import io.elicitor.session.state.SessionState.AnsweredQuery;
import io.elicitor.session.state.SessionState.PendingQuery;
import io.elicitor.session.state.SessionState.Recommendation;
import io.elicitor.session.store.SessionStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs a session step by step: the next query (the pending one again until it is answered), an answer
 * (idempotent per query), recommendations. Each step reads the state once, computes the next state on the
 * maths pool and writes it with a compare-and-set on the version; a lost race re-reads and re-decides (an
 * identical answer then finds itself already applied). Random choices derive from the session seed and the
 * step number ({@link BeliefUpdate}), so a session replays exactly. Thread-safe.
 */
public final class SessionSteps {
    private static final int MAX_RETRIES = 8;

    private final CatalogRegistry catalogs;
    private final SessionStore store;
    private final MathExecutor math;
    private final StrategyRegistry strategies;
    private final EngineSettings settings;
    private final ElicitorConfig config;
    private final ItemExclusions exclusions;
    private final MeterRegistry meters;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /** Wires the steps of sessions. */
    public SessionSteps(CatalogRegistry catalogs, SessionStore store, MathExecutor math, StrategyRegistry strategies,
                        EngineSettings settings, ElicitorConfig config, ItemExclusions exclusions, MeterRegistry meters,
                        Clock clock) {
        this.catalogs = catalogs;
        this.store = store;
        this.math = math;
        this.strategies = strategies;
        this.settings = settings;
        this.config = config;
        this.exclusions = exclusions;
        this.meters = meters;
        this.clock = clock;
    }

    /** The session, or a NOT_FOUND refusal. */
    public Uni<SessionState> get(String sessionId) {
        if (sessionId == null || sessionId.isBlank()) {
            return Uni.createFrom().failure(new Refusal(Kind.INVALID, "sessionId", "sessionId is required"));
        }
        if (!ServiceIds.wellFormed(sessionId)) {
            // Never made here, so no store is asked (a NUL byte would come back from PostgreSQL as an outage).
            return Uni.createFrom().failure(noSession(sessionId));
        }
        return store.find(sessionId).map(o -> o.orElseThrow(() -> noSession(sessionId)));
    }

    /** Erases a session and everything it recorded, on every store; 404 when there is none. */
    public Uni<Void> delete(String sessionId) {
        Uni<Boolean> found = ServiceIds.wellFormed(sessionId) ? store.delete(sessionId) : Uni.createFrom().item(false);
        return found.invoke(f -> {
            if (!f) {
                throw noSession(String.valueOf(sessionId));
            }
        }).replaceWithVoid();
    }

    /** The 404 for a session id that names no session (quoted safely: it may be anything a client sent). */
    public static Refusal noSession(String sessionId) {
        return new Refusal(Kind.NOT_FOUND, "sessionId", "no session '" + ServiceIds.shown(sessionId) + "'");
    }

    /** The pending query, or a newly planned one, with its items; reads the session once per attempt. */
    public Uni<QueryResult> nextQuery(String sessionId) {
        return nextQuery(sessionId, 0);
    }

    private Uni<QueryResult> nextQuery(String sessionId, int attempt) {
        return get(sessionId).flatMap(s -> {
            CatalogRegistry.Entry entry = pinned(s);
            if (s.pending() != null) {
                return Uni.createFrom().item(QueryResult.of(entry.catalog(), s.pending(), s));
            }
            QueryStrategy strategy = strategies.find(s.strategy()).orElseThrow(() ->
                    new Refusal(Kind.UNAVAILABLE, null, "strategy '" + s.strategy() + "' is no longer available"));
            PartialStrategy partial = s.queries().kind() == QueryKind.ITEMS ? null : StrategyRegistry
                    .partial(s.strategy()).orElseThrow(() -> new Refusal(Kind.UNAVAILABLE, null,
                            StrategyRegistry.unknownPartial(s.strategy())));
            return math.submit(() -> plan(s, entry, strategy, partial)).flatMap(p -> {
                SessionState next = s.withPending(p, now());
                return store.replace(s.version(), next).flatMap(ok -> ok
                        ? Uni.createFrom().item(QueryResult.of(entry.catalog(), p, next))
                        : retry(attempt, () -> nextQuery(sessionId, attempt + 1)));
            });
        });
    }

    /**
     * Applies an answer: {@code chosenItemId} for an item query, {@code chosenOption} (0-based) for a partial one.
     * Idempotent per (session, query): the same answer again gets the same body, a different one a conflict.
     */
    public Uni<AnswerResult> answer(String sessionId, String queryId, String chosenItemId, Integer chosenOption) {
        AnswerChoice choice;
        try {
            choice = AnswerChoice.checked(queryId, chosenItemId, chosenOption);
        } catch (Refusal r) {
            return Uni.createFrom().failure(r);
        }
        return answer(sessionId, queryId, choice, 0);
    }

    private Uni<AnswerResult> answer(String sessionId, String queryId, AnswerChoice choice, int attempt) {
        return get(sessionId).flatMap(s -> {
            AnsweredQuery done = s.answered(queryId);
            if (done != null) {
                int before = done.partial() != null ? done.chosenOption() : done.itemIds().indexOf(done.chosenItemId());
                if (choice.position(queryId, done.itemIds(), done.partial()) == before) {
                    return Uni.createFrom().item(done.result());
                }
                throw new Refusal(Kind.CONFLICT, choice.field(), "query '" + queryId + "' was already answered with "
                        + (done.partial() != null ? "option " + done.chosenOption() : "'" + done.chosenItemId() + "'"));
            }
            PendingQuery p = s.pending();
            if (p == null || !p.queryId().equals(queryId)) {
                throw new Refusal(Kind.NOT_FOUND, "queryId", "no pending query '" + queryId + "' in this session");
            }
            int chosen = choice.position(queryId, p.itemIds(), p.partial());
            CatalogRegistry.Entry entry = pinned(s);
            return math.submit(() -> applyAnswer(s, entry, p, chosen)).flatMap(next ->
                    store.replace(s.version(), next).flatMap(ok -> {
                        if (ok) {
                            meters.counter("elicitor.answers", "strategy", s.strategy()).increment();
                            return Uni.createFrom().item(next.answered(queryId).result());
                        }
                        return retry(attempt, () -> answer(sessionId, queryId, choice, attempt + 1));
                    }));
        });
    }

    /** Recommendations and the session state they were computed from (to explain them without a second read). */
    public record Recommended(SessionState state, List<Recommendation> items) {}

    /** The top {@code limit} items by posterior expected utility, never an excluded one. */
    public Uni<Recommended> recommendations(String sessionId, int limit) {
        if (limit < 1 || limit > 100) {
            return Uni.createFrom().failure(new Refusal(Kind.INVALID, "limit", "limit must be between 1 and 100, got " + limit));
        }
        return get(sessionId).flatMap(s -> {
            CatalogRegistry.Entry entry = pinned(s);
            return math.submit(() -> new Recommended(s, recommend(entry, s.belief(), limit, exclusions.of(s, entry))));
        });
    }

    private PendingQuery plan(SessionState s, CatalogRegistry.Entry entry, QueryStrategy strategy,
                              PartialStrategy partial) {
        long t0 = System.nanoTime();
        int t = s.answers().size();
        BitSet excluded = exclusions.of(s, entry);
        int eligible = entry.catalog().size() - excluded.cardinality();
        // A partial query shows no catalog item, but its answers still recommend among the eligible ones.
        int needed = s.queries().kind() == QueryKind.PARTIAL ? 1 : s.slateSize();
        if (eligible < needed) {
            throw new Refusal(Kind.CONFLICT, null, "only " + eligible + " items are left to show (filters and"
                    + " items already shown exclude the rest); the slate needs " + s.slateSize());
        }
        Questions questions = s.queries().kind() == QueryKind.ITEMS ? Questions.ITEMS
                : new Questions(s.queries().kind(), s.queries().partialAttributes(), entry.attributes().orElseThrow());
        PlannedQuestion q = new QueryPlanner(settings.withLambda(s.beliefSettings().lambda())).planQuestion(s.belief(),
                entry.search(), questions, s.slateSize(), strategy, partial, excluded, compared(s, entry),
                () -> BeliefUpdate.planning(s.seed(), t));
        long nanos = System.nanoTime() - t0;
        meters.timer("elicitor.next.query", "strategy", strategy.name(), "kind", q.isPartial() ? "partial" : "items")
                .record(nanos, TimeUnit.NANOSECONDS);
        // An experiment arm may cap the number of questions: past the cap every query says stop.
        boolean capped = s.assignment() != null && s.assignment().maxQueries() != null
                && t >= s.assignment().maxQueries();
        List<String> ids = new ArrayList<>(s.slateSize());
        PartialOptions options = null;
        if (q.isPartial()) {
            PartialQuery p = q.partial().query();
            List<String> names = new ArrayList<>(p.attributes().length);
            for (int a : p.attributes()) {
                names.add(entry.attributes().orElseThrow().attribute(a).name());
            }
            options = PartialOptions.of(names, p.options(), p.size());
        } else {
            for (int i : q.items().items()) {
                ids.add(entry.catalog().item(i).id());
            }
        }
        byte[] b = new byte[12];
        random.nextBytes(b);
        String queryId = "q" + (t + 1) + "-" + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        return new PendingQuery(queryId, ids, q.evoi(), q.utilityScale(), q.probabilityTopIsBest(), q.stop() || capped,
                nanos / 1e6, options);
    }

    private SessionState applyAnswer(SessionState s, CatalogRegistry.Entry entry, PendingQuery p, int chosen) {
        List<AnsweredQuery> history = new ArrayList<>(s.answers());
        AnsweredQuery given = p.partial() != null ? AnsweredQuery.ofOption(p.queryId(), p.partial(), chosen, null)
                : AnsweredQuery.ofItem(p.queryId(), p.itemIds(), p.itemIds().get(chosen), null);
        history.add(given);
        Belief updated = BeliefReplay.step(s.belief(), entry, s.seed(), s.beliefSettings(), history);
        // The pending query counts as shown, so excludeShown applies to these recommendations too.
        List<Recommendation> recs = recommend(entry, updated, config.answerRecommendations(), exclusions.of(s, entry));
        return s.withAnswer(updated, given.withResult(new AnswerResult(history.size(), recs), !p.stop()), now());
    }

    private static List<Recommendation> recommend(CatalogRegistry.Entry entry, Belief belief, int limit, BitSet excluded) {
        Catalog catalog = entry.catalog();
        return Recommendations.top(belief, entry.search(), limit, excluded).stream()
                .map(r -> new Recommendation(catalog.item(r.item()).id(), catalog.item(r.item()).title(),
                        r.expectedUtility()))
                .toList();
    }

    /** The item pairs the session's answers compared, never asked again as a whole slate; null when it allows repeats. */
    private static ComparedPairs compared(SessionState s, CatalogRegistry.Entry entry) {
        if (s.queries().allowRepeats()) {
            return null;
        }
        return ComparedPairs.of(s.answeredSlates().stream().map(ids -> ids.stream()
                .mapToInt(id -> entry.catalog().indexOf(id).orElseThrow()).toArray()).toList());
    }

    /** Now, to the microsecond: what PostgreSQL keeps, so a state rebuilt from the log equals the live one. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** The catalog version a session is pinned to; 503 when this instance does not have it loaded. */
    CatalogRegistry.Entry pinned(SessionState s) {
        return catalogs.pinned(s.catalogId(), s.catalogVersion());
    }

    private static <T> Uni<T> retry(int attempt, Supplier<Uni<T>> again) {
        if (attempt + 1 >= MAX_RETRIES) {
            return Uni.createFrom().failure(new Refusal(Kind.CONFLICT, null,
                    "the session changed concurrently too often; retry"));
        }
        return again.get();
    }
}
