package io.elicitor.session.store;

import io.elicitor.runtime.Refusal;
import io.elicitor.session.state.SessionState;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sessions in this process's memory: fast, and lost on restart. Compare-and-set is a {@link
 * ConcurrentHashMap#replace(Object, Object, Object)} on the exact state read. Sessions idle longer than the
 * TTL are dropped. Two caps, each answered by sweeping idle sessions and then by 503: a number of sessions, and a
 * heap budget over {@link SessionState#heapEstimate()} (by default half the heap: without it the default
 * 100,000 sessions of ~60 KB would run a 2 GB heap out of memory long before the count cap answered).
 */
public final class InMemorySessionStore implements SessionStore {
    private final ConcurrentHashMap<String, SessionState> sessions = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();
    private final Duration ttl;
    private final int maxSessions;
    private final long maxBytes;
    private final Clock clock;

    /** A store with the given idle TTL, session count and heap budget in bytes. */
    public InMemorySessionStore(Duration ttl, int maxSessions, long maxBytes, Clock clock) {
        if (ttl.isNegative() || ttl.isZero() || maxSessions < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("ttl must be positive, maxSessions >= 1 and maxBytes >= 1");
        }
        this.ttl = ttl;
        this.maxSessions = maxSessions;
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    /** Half of what this JVM may use for its heap ({@code -Xmx}): the default budget. */
    public static long halfTheHeap() {
        return Runtime.getRuntime().maxMemory() / 2;
    }

    @Override
    public String description() {
        return String.format(Locale.ROOT, "in-memory, at most %d sessions and %d MB of them (sessions are lost"
                + " on restart; elicitor.store=durable keeps them in Redis + PostgreSQL)", maxSessions, maxBytes >> 20);
    }

    @Override
    public Uni<Optional<SessionState>> find(String sessionId) {
        SessionState s = sessions.get(sessionId);
        if (s != null && expired(s, clock.instant())) {
            drop(sessionId, s);
            s = null;
        }
        return Uni.createFrom().item(Optional.ofNullable(s));
    }

    @Override
    public Uni<Void> insert(SessionState state) {
        long size = state.heapEstimate();
        if (full(size)) {
            Instant now = clock.instant();
            sessions.forEach((id, s) -> {
                if (expired(s, now)) {
                    drop(id, s);
                }
            });
            if (full(size)) {
                return Uni.createFrom().failure(new Refusal(Refusal.Kind.UNAVAILABLE, null, String.format(
                        Locale.ROOT, "the in-memory store is full (%d sessions, %d of %d MB); try again later",
                        sessions.size(), bytes.get() >> 20, maxBytes >> 20)));
            }
        }
        if (sessions.putIfAbsent(state.sessionId(), state) != null) {
            return Uni.createFrom().failure(new IllegalStateException("session id collision: " + state.sessionId()));
        }
        bytes.addAndGet(size);
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<Boolean> replace(long expectedVersion, SessionState next) {
        SessionState current = sessions.get(next.sessionId());
        boolean ok = current != null && current.version() == expectedVersion
                && sessions.replace(next.sessionId(), current, next);
        if (ok) {
            bytes.addAndGet(next.heapEstimate() - current.heapEstimate());
        }
        return Uni.createFrom().item(ok);
    }

    /** Number of sessions held. */
    public int size() {
        return sessions.size();
    }

    /** The sessions' heap estimate, summed. */
    public long bytes() {
        return bytes.get();
    }

    private boolean full(long adding) {
        return sessions.size() >= maxSessions || bytes.get() + adding > maxBytes;
    }

    private void drop(String id, SessionState s) {
        if (sessions.remove(id, s)) {
            bytes.addAndGet(-s.heapEstimate());
        }
    }

    private boolean expired(SessionState s, Instant now) {
        return s.updatedAt().plus(ttl).isBefore(now);
    }
}
