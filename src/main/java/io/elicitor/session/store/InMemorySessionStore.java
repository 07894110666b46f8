package io.elicitor.session.store;

import io.elicitor.runtime.Refusal;
import io.elicitor.session.state.SessionState;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sessions in this process's memory: fast, and lost on restart. Compare-and-set is a {@link
 * ConcurrentHashMap#replace(Object, Object, Object)} on the exact state read. Sessions idle longer than the
 * TTL are dropped, and when more than {@code maxSessions} exist the idle ones are swept first.
 */
public final class InMemorySessionStore implements SessionStore {
    private final ConcurrentHashMap<String, SessionState> sessions = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final int maxSessions;
    private final Clock clock;

    /** A store with the given idle TTL and capacity. */
    public InMemorySessionStore(Duration ttl, int maxSessions, Clock clock) {
        if (ttl.isNegative() || ttl.isZero() || maxSessions < 1) {
            throw new IllegalArgumentException("ttl must be positive and maxSessions >= 1");
        }
        this.ttl = ttl;
        this.maxSessions = maxSessions;
        this.clock = clock;
    }

    @Override
    public String description() {
        return "in-memory (sessions are lost on restart; elicitor.store=durable keeps them in Redis + PostgreSQL)";
    }

    @Override
    public Uni<Optional<SessionState>> find(String sessionId) {
        SessionState s = sessions.get(sessionId);
        if (s != null && expired(s, clock.instant())) {
            sessions.remove(sessionId, s);
            s = null;
        }
        return Uni.createFrom().item(Optional.ofNullable(s));
    }

    @Override
    public Uni<Void> insert(SessionState state) {
        if (sessions.size() >= maxSessions) {
            Instant now = clock.instant();
            sessions.values().removeIf(s -> expired(s, now));
            if (sessions.size() >= maxSessions) {
                return Uni.createFrom().failure(new Refusal(Refusal.Kind.UNAVAILABLE, null,
                        "the in-memory store is full (" + maxSessions + " sessions); try again later"));
            }
        }
        if (sessions.putIfAbsent(state.sessionId(), state) != null) {
            return Uni.createFrom().failure(new IllegalStateException("session id collision: " + state.sessionId()));
        }
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<Boolean> replace(long expectedVersion, SessionState next) {
        SessionState current = sessions.get(next.sessionId());
        boolean ok = current != null && current.version() == expectedVersion
                && sessions.replace(next.sessionId(), current, next);
        return Uni.createFrom().item(ok);
    }

    /** Number of sessions held. */
    public int size() {
        return sessions.size();
    }

    private boolean expired(SessionState s, Instant now) {
        return s.updatedAt().plus(ttl).isBefore(now);
    }
}
