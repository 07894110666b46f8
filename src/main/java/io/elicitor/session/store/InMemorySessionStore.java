package io.elicitor.session.store;

import io.elicitor.evoi.belief.Belief;
import io.elicitor.runtime.Refusal;
import io.elicitor.session.state.SessionState;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sessions in this process's memory: fast, and lost on restart. Compare-and-set is a {@link
 * ConcurrentHashMap#replace(Object, Object, Object)} on the exact entry read. Sessions idle longer than the TTL are
 * dropped. Two caps: a number of sessions, and a heap budget over {@link SessionState#heapEstimate()} (by default
 * half the heap). A belief is most of a session's heap (49 KB of ~53 at M = 1024, d = 10) and a function of its seed
 * and answers, so beyond the budget the least recently used sessions go <em>dormant</em>: their belief is dropped
 * and replayed ({@link Replay}, the path the durable store rebuilds by, bit for bit) when they are next read. Only
 * when dormant sessions alone fill the budget, or the count cap is reached, does a new session get 503.
 */
public final class InMemorySessionStore implements SessionStore {
    /** Rebuilds a dormant session's belief from its seed, settings and answers (off the event loop). */
    @FunctionalInterface
    public interface Replay {
        /** The belief {@code shell}'s answers lead to. */
        Uni<Belief> belief(SessionState shell);
    }

    /** A stored session; a dormant one holds a one-particle stand-in belief and must be replayed before use. */
    private record Held(SessionState state, boolean dormant) {}

    /** Dormancy frees down to this share of the budget, so that one sweep serves many inserts. */
    private static final double SWEEP_TO = 0.8;
    private static final Map<Integer, Belief> STAND_INS = new ConcurrentHashMap<>();

    private final ConcurrentHashMap<String, Held> sessions = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong dormant = new AtomicLong();
    private final Duration ttl;
    private final int maxSessions;
    private final long maxBytes;
    private final Clock clock;
    private final Replay replay;

    /** A store that answers 503 beyond its heap budget (no dormancy). */
    public InMemorySessionStore(Duration ttl, int maxSessions, long maxBytes, Clock clock) {
        this(ttl, maxSessions, maxBytes, clock, null);
    }

    /** A store with the given idle TTL, session count, heap budget in bytes, and replay for dormant sessions. */
    public InMemorySessionStore(Duration ttl, int maxSessions, long maxBytes, Clock clock, Replay replay) {
        if (ttl.isNegative() || ttl.isZero() || maxSessions < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("ttl must be positive, maxSessions >= 1 and maxBytes >= 1");
        }
        this.ttl = ttl;
        this.maxSessions = maxSessions;
        this.maxBytes = maxBytes;
        this.clock = clock;
        this.replay = replay;
    }

    /** Half of what this JVM may use for its heap ({@code -Xmx}): the default budget. */
    public static long halfTheHeap() {
        return Runtime.getRuntime().maxMemory() / 2;
    }

    @Override
    public String description() {
        return String.format(Locale.ROOT, "in-memory, at most %d sessions and %d MB of them%s (sessions are lost"
                + " on restart; elicitor.store=durable keeps them in Redis + PostgreSQL)", maxSessions, maxBytes >> 20,
                replay == null ? "" : ", least recently used beliefs dropped and replayed beyond that");
    }

    @Override
    public Uni<Optional<SessionState>> find(String sessionId) {
        Held h = sessions.get(sessionId);
        if (h != null && expired(h.state(), clock.instant())) {
            drop(sessionId, h);
            h = null;
        }
        if (h == null) {
            return Uni.createFrom().item(Optional.empty());
        }
        if (!h.dormant()) {
            return Uni.createFrom().item(Optional.of(h.state()));
        }
        Held asleep = h;
        return replay.belief(asleep.state()).map(belief -> {
            SessionState awake = asleep.state().withBelief(belief);
            // Kept awake only if nobody changed the session meanwhile; the caller's compare-and-set decides anyway.
            if (sessions.replace(sessionId, asleep, new Held(awake, false))) {
                dormant.decrementAndGet();
                bytes.addAndGet(awake.heapEstimate() - asleep.state().heapEstimate());
                makeRoom(0, sessionId);
            }
            return Optional.of(awake);
        });
    }

    @Override
    public Uni<Void> insert(SessionState state) {
        long size = state.heapEstimate();
        if (full(size)) {
            sweepExpired();
            makeRoom(size, state.sessionId());
            if (full(size)) {
                return Uni.createFrom().failure(new Refusal(Refusal.Kind.UNAVAILABLE, null, String.format(
                        Locale.ROOT, "the in-memory store is full (%d sessions, %d dormant, %d of %d MB); try again"
                                + " later", sessions.size(), dormant.get(), bytes.get() >> 20, maxBytes >> 20)));
            }
        }
        if (sessions.putIfAbsent(state.sessionId(), new Held(state, false)) != null) {
            return Uni.createFrom().failure(new IllegalStateException("session id collision: " + state.sessionId()));
        }
        bytes.addAndGet(size);
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<Boolean> replace(long expectedVersion, SessionState next) {
        Held current = sessions.get(next.sessionId());
        boolean ok = current != null && current.state().version() == expectedVersion
                && sessions.replace(next.sessionId(), current, new Held(next, false));
        if (ok) {
            if (current.dormant()) {
                dormant.decrementAndGet();
            }
            bytes.addAndGet(next.heapEstimate() - current.state().heapEstimate());
            makeRoom(0, next.sessionId());
        }
        return Uni.createFrom().item(ok);
    }

    @Override
    public Uni<Boolean> delete(String sessionId) {
        Held h = sessions.get(sessionId);
        if (h == null) {
            return Uni.createFrom().item(false);
        }
        drop(sessionId, h);
        return Uni.createFrom().item(true);
    }

    /** Number of sessions held, dormant ones included. */
    public int size() {
        return sessions.size();
    }

    /** Number of dormant sessions (belief dropped until next read). */
    public long dormant() {
        return dormant.get();
    }

    /** The sessions' heap estimate, summed. */
    public long bytes() {
        return bytes.get();
    }

    private boolean full(long adding) {
        return sessions.size() >= maxSessions || bytes.get() + adding > maxBytes;
    }

    /** Puts the least recently updated sessions (never {@code keep}) to sleep until {@code adding} fits well. */
    private void makeRoom(long adding, String keep) {
        if (replay == null || bytes.get() + adding <= maxBytes) {
            return;
        }
        synchronized (this) {
            long target = (long) (maxBytes * SWEEP_TO) - adding;
            if (bytes.get() <= target) {
                return;
            }
            List<Map.Entry<String, Held>> awake = new ArrayList<>();
            sessions.forEach((id, h) -> {
                if (!h.dormant() && !id.equals(keep)) {
                    awake.add(Map.entry(id, h));
                }
            });
            awake.sort(Comparator.comparing(e -> e.getValue().state().updatedAt()));
            for (Map.Entry<String, Held> e : awake) {
                if (bytes.get() <= target) {
                    break;
                }
                SessionState s = e.getValue().state();
                SessionState shell = s.withBelief(STAND_INS.computeIfAbsent(s.belief().dimension(), d ->
                        Belief.restore(d, new float[d], new double[] {1.0}, new float[d])));
                if (sessions.replace(e.getKey(), e.getValue(), new Held(shell, true))) {
                    dormant.incrementAndGet();
                    bytes.addAndGet(shell.heapEstimate() - s.heapEstimate());
                }
            }
        }
    }

    private void sweepExpired() {
        Instant now = clock.instant();
        sessions.forEach((id, h) -> {
            if (expired(h.state(), now)) {
                drop(id, h);
            }
        });
    }

    private void drop(String id, Held h) {
        if (sessions.remove(id, h)) {
            bytes.addAndGet(-h.state().heapEstimate());
            if (h.dormant()) {
                dormant.decrementAndGet();
            }
        }
    }

    private boolean expired(SessionState s, Instant now) {
        return s.updatedAt().plus(ttl).isBefore(now);
    }
}
