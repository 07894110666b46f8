package io.elicitor.session.store;

import io.elicitor.catalog.CatalogRegistry;
import io.elicitor.evoi.belief.BeliefSettings;
import io.elicitor.runtime.MathExecutor;
import io.elicitor.runtime.Refusal.Kind;
import io.elicitor.runtime.Refusal;
import io.elicitor.session.state.BeliefReplay;
import io.elicitor.session.state.SessionState;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Sessions in PostgreSQL (the truth: an append-only log, see {@link SessionLog}) with Redis as a cache of
 * the live state ({@link SessionCache}).
 *
 * <ul>
 *   <li>A write goes to the log first, as a compare-and-set on the session version; only a committed write
 *       is acknowledged, then cached. If PostgreSQL fails, the request fails with 503 and nothing changed.
 *   <li>A read asks the log for the current version (one primary-key lookup) and takes the cached state
 *       only if it is that version; otherwise — Redis flushed, restarted, evicted, expired, unreachable, or
 *       behind because a cache write failed — it rebuilds the state by replaying the log from the session
 *       seed ({@link BeliefReplay}: the same particles and weights, bit for bit) and re-caches it.
 *   <li>Redis failures never fail a request: the service keeps answering from the log, slower.
 * </ul>
 */
public final class DurableSessionStore implements SessionStore {
    private static final Logger LOG = Logger.getLogger(DurableSessionStore.class);
    private static final java.time.Duration WARN_EVERY = java.time.Duration.ofSeconds(30);

    private final ThrottledWarning redisReadFailed = new ThrottledWarning(LOG, WARN_EVERY);
    private final ThrottledWarning redisWriteFailed = new ThrottledWarning(LOG, WARN_EVERY);
    private final ThrottledWarning logFailed = new ThrottledWarning(LOG, WARN_EVERY);

    private final SessionLog log;
    private final SessionCache cache;
    private final MathReplay replay;
    private final MeterRegistry meters;

    /** A store over the given log and cache; replays run on {@code math}. */
    public DurableSessionStore(SessionLog log, SessionCache cache, CatalogRegistry catalogs, MathExecutor math,
                               MeterRegistry meters) {
        this.log = log;
        this.cache = cache;
        this.replay = new MathReplay(catalogs, math, meters);
        this.meters = meters;
    }

    @Override
    public String description() {
        return "durable (PostgreSQL log through Hibernate Reactive, Redis cache of live posteriors)";
    }

    @Override
    public Uni<Optional<SessionState>> find(String sessionId) {
        return logged(() -> log.version(sessionId)).flatMap(version -> {
            if (version.isEmpty()) {
                return Uni.createFrom().item(Optional.<SessionState>empty());
            }
            long v = version.get();
            return cache.get(sessionId)
                    .onFailure().recoverWithItem(e -> {
                        count("error");
                        redisReadFailed.warn("Redis read failed for session %s, rebuilding from the log: %s", sessionId, e.toString());
                        return Optional.empty();
                    })
                    .flatMap(cached -> {
                        if (cached.isPresent() && cached.get().version() == v) {
                            count("hit");
                            return Uni.createFrom().item(cached);
                        }
                        count(cached.isPresent() ? "stale" : "miss");
                        return rebuild(sessionId).call(s -> s.map(this::cacheQuietly).orElse(Uni.createFrom().voidItem()));
                    });
        });
    }

    @Override
    public Uni<Void> insert(SessionState state) {
        return logged(() -> log.create(state)).call(() -> cacheQuietly(state));
    }

    @Override
    public Uni<Boolean> replace(long expectedVersion, SessionState next) {
        return logged(() -> log.append(expectedVersion, next))
                .call(ok -> ok ? cacheQuietly(next) : Uni.createFrom().voidItem());
    }

    /**
     * Deletes from the log first (the truth: once it commits, every replica's {@link #find} answers empty, whatever
     * Redis still holds), then evicts the cache; a cache that cannot be reached keeps at most an unreadable copy
     * until its TTL.
     */
    @Override
    public Uni<Boolean> delete(String sessionId) {
        return logged(() -> log.delete(sessionId)).call(deleted -> cache.evict(sessionId).onFailure()
                .recoverWithItem(e -> {
                    count("write-error");
                    redisWriteFailed.warn("Redis eviction failed for deleted session %s (it expires with its TTL): %s",
                            sessionId, e.toString());
                    return null;
                }));
    }

    /** The session as the log alone says it is, with its belief replayed. */
    public Uni<Optional<SessionState>> rebuild(String sessionId) {
        return logged(() -> log.load(sessionId)).flatMap(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().item(Optional.<SessionState>empty());
            }
            SessionLog.Logged l = found.get();
            SessionRecord r = l.session();
            BeliefSettings settings = new BeliefSettings(r.lambda, r.particles, r.rejuvenationSteps);
            return replay.replay(r.catalogId, r.catalogVersion, r.seed, settings, l.answers()).map(belief -> Optional.of(
                    new SessionState(r.sessionId, r.catalogId, r.catalogVersion, r.slateSize,
                    log.queries(r), r.strategy, r.userKey, r.seed, settings,
                    r.experimentId == null ? null : new SessionState.Assignment(r.experimentId, r.arm, r.maxQueries), r.version, micros(r.createdAt), micros(r.updatedAt),
                    log.filter(r), belief, l.pending(), l.answers())));
        });
    }

    private Uni<Void> cacheQuietly(SessionState s) {
        return cache.put(s).onFailure().recoverWithItem(e -> {
            count("write-error");
            redisWriteFailed.warn("Redis write failed for session %s (the log has it; the next read rebuilds): %s", s.sessionId(),
                    e.toString());
            return false;
        }).replaceWithVoid();
    }

    /** Runs a log operation; a PostgreSQL failure becomes a 503 that tells the client to retry. */
    private <T> Uni<T> logged(Supplier<Uni<T>> op) {
        return Uni.createFrom().<T>deferred(op::get).onFailure(e -> !(e instanceof Refusal)).transform(e -> {
            logFailed.warn("session log (PostgreSQL) failed: %s", e.toString());
            meters.counter("elicitor.sessions.log.errors").increment();
            return new Refusal(Kind.UNAVAILABLE, null, "the session log (PostgreSQL) is unavailable; nothing was"
                    + " changed; retry shortly");
        });
    }

    private void count(String result) {
        meters.counter("elicitor.sessions.cache", "result", result).increment();
    }

    private static Instant micros(Instant t) {
        return t.truncatedTo(ChronoUnit.MICROS);
    }
}
