package io.elicitor.session;

import io.elicitor.catalog.Catalog;
import io.elicitor.catalog.CatalogRegistry;
import io.elicitor.catalog.ItemFilter;
import io.elicitor.config.ElicitorConfig;
import io.elicitor.evoi.belief.BeliefSettings;
import io.elicitor.evoi.planner.EngineSettings;
import io.elicitor.evoi.planner.QueryKind;
import io.elicitor.evoi.planner.StrategyRegistry;
import io.elicitor.runtime.MathExecutor;
import io.elicitor.runtime.Refusal;
import io.elicitor.runtime.Refusal.Kind;
import io.elicitor.session.state.BeliefReplay;
import io.elicitor.session.state.SessionState;
import io.elicitor.session.store.SessionStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Starts sessions. A request is validated before anything else happens; then what an experiment arm, the
 * request and the service's defaults each say is settled in that order of precedence (an arm's strategy or
 * slate size may not be overridden by the request: 409), the first belief is drawn from the catalog's prior on
 * the maths pool, and the session is stored, pinned to the latest version of its catalog. Thread-safe.
 */
public final class SessionCreation {
    /** Largest slate a session may ask for. */
    public static final int MAX_SLATE = 6;

    /** Attributes a partial query shows when neither the request nor an arm says. */
    public static final int DEFAULT_PARTIAL_ATTRIBUTES = 2;

    /** What a client may ask for when creating a session; null fields take defaults. */
    public record Request(String catalog, Integer slateSize, String strategy, String userKey, Long seed,
                          ItemFilter filter, String queryKind, Integer partialAttributes, Boolean allowRepeats) {
        /** A request that asks for nothing in particular. */
        public static final Request DEFAULTS = new Request(null, null, null, null, null, null, null, null, null);
    }

    private final CatalogRegistry catalogs;
    private final SessionStore store;
    private final MathExecutor math;
    private final StrategyRegistry strategies;
    private final EngineSettings settings;
    private final ElicitorConfig config;
    private final Enrolment enrolment;
    private final ItemExclusions exclusions;
    private final MeterRegistry meters;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /** Wires the creation of sessions. */
    public SessionCreation(CatalogRegistry catalogs, SessionStore store, MathExecutor math, StrategyRegistry strategies,
                           EngineSettings settings, ElicitorConfig config, Enrolment enrolment, ItemExclusions exclusions,
                           MeterRegistry meters, Clock clock) {
        this.catalogs = catalogs;
        this.store = store;
        this.math = math;
        this.strategies = strategies;
        this.settings = settings;
        this.config = config;
        this.enrolment = enrolment;
        this.exclusions = exclusions;
        this.meters = meters;
        this.clock = clock;
    }

    /** Creates a session pinned to the latest version of its catalog, with particles drawn from the prior. */
    public Uni<SessionState> create(Request request) {
        Request r = request == null ? Request.DEFAULTS : request;
        String catalogId = r.catalog() == null ? config.defaultCatalog() : r.catalog();
        CatalogRegistry.Entry entry = catalogs.latest(catalogId).orElseThrow(() -> new Refusal(Kind.INVALID,
                "catalog", "unknown catalog '" + catalogId + "'; loaded: " + catalogs.ids()));
        if (r.slateSize() != null) {
            checkSlateSize(r.slateSize(), entry);
        }
        if (r.strategy() != null && strategies.find(r.strategy()).isEmpty()) {
            throw new Refusal(Kind.INVALID, "strategy", strategies.unknown(r.strategy()));
        }
        if (r.queryKind() != null && QueryKind.parse(r.queryKind()).isEmpty()) {
            throw new Refusal(Kind.INVALID, "queryKind", "queryKind must be items, partial or mixed, got '"
                    + r.queryKind() + "'");
        }
        if (r.userKey() != null && (r.userKey().isBlank() || r.userKey().length() > 256)) {
            throw new Refusal(Kind.INVALID, "userKey", "userKey must be 1 to 256 characters");
        }
        ItemFilter filter = r.filter() == null ? ItemFilter.NONE : r.filter();
        int eligible = exclusions.eligible(entry, filter);
        String id = UUID.randomUUID().toString();
        return enrolment.assign(catalogId, id, r.userKey()).flatMap(arm -> {
            Settled s = settle(r, entry, eligible, arm.orElse(null));
            return math.submit(() -> BeliefReplay.initial(entry, s.seed(), s.belief())).flatMap(belief -> {
                Catalog catalog = entry.catalog();
                Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS); // what PostgreSQL keeps
                SessionState created = new SessionState(id, catalog.id(), catalog.version(), s.slateSize(), s.queries(),
                        s.strategy(),
                        r.userKey(), s.seed(), s.belief(), s.assignment(), 0, now, now, filter, belief, null, List.of());
                meters.counter("elicitor.sessions.created", "strategy", s.strategy(), "catalog", catalog.id()).increment();
                return store.insert(created).replaceWith(created);
            });
        });
    }

    /** What a new session runs with, once arm, request and defaults are settled. */
    private record Settled(int slateSize, SessionState.QuerySettings queries, String strategy, long seed,
                           BeliefSettings belief, SessionState.Assignment assignment) {}

    /** Arm first, then request, then default; refusals name the field at fault. */
    private Settled settle(Request r, CatalogRegistry.Entry entry, int eligible, Enrolment.ArmChoice a) {
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
        String strategy = a != null ? a.strategy() : r.strategy() != null ? r.strategy()
                : QueryKind.parse(r.queryKind()).orElse(QueryKind.ITEMS) == QueryKind.PARTIAL
                ? config.defaultPartialStrategy() : config.defaultStrategy();
        if (strategies.find(strategy).isEmpty()) {
            throw new Refusal(Kind.UNAVAILABLE, "strategy", "strategy '" + strategy + "' is not available here");
        }
        SessionState.QuerySettings queries = QuerySettling.settle(r, a, entry, k, strategy);
        Catalog catalog = entry.catalog();
        if (eligible < k) {
            throw new Refusal(Kind.INVALID, "filters", "the filters leave " + eligible + " items of catalog '"
                    + catalog.id() + "', fewer than the slate size " + k);
        }
        long seed = r.seed() != null ? r.seed() : random.nextLong();
        BeliefSettings belief = new BeliefSettings(
                a != null && a.lambda() != null ? a.lambda() : catalog.lambda().orElse(settings.lambda()),
                a != null && a.particles() != null ? a.particles() : settings.particles(),
                settings.rejuvenationSteps());
        SessionState.Assignment assignment = a == null ? null
                : new SessionState.Assignment(a.experimentId(), a.arm(), a.maxQueries());
        return new Settled(k, queries, strategy, seed, belief, assignment);
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
}
