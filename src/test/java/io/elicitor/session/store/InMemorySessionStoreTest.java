package io.elicitor.session.store;

import io.elicitor.evoi.belief.Belief;
import io.elicitor.evoi.belief.BeliefSettings;
import io.elicitor.runtime.Refusal;
import io.elicitor.session.state.SessionState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Compare-and-set, expiry and capacity of the in-memory store. */
class InMemorySessionStoreTest {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    private SessionState state(String id, long version) {
        return new SessionState(id, "cars", "1", 2, SessionState.QuerySettings.ITEMS, "random", null, 1L, new BeliefSettings(2.0, 2, 0), null, version, now.get(), now.get(), null,
                Belief.restore(1, new float[] {0f, 1f}, new double[] {0.5, 0.5}, new float[] {0.5f}), null, List.of());
    }

    @Test
    void replaceAppliesOnlyOnTheExpectedVersion() {
        InMemorySessionStore store = new InMemorySessionStore(Duration.ofHours(1), 10, Long.MAX_VALUE, clock);
        store.insert(state("a", 0)).await().indefinitely();
        assertTrue(store.replace(0, state("a", 1)).await().indefinitely());
        assertFalse(store.replace(0, state("a", 2)).await().indefinitely(), "a stale version must lose");
        assertEquals(1, store.find("a").await().indefinitely().orElseThrow().version());
        assertFalse(store.replace(0, state("missing", 1)).await().indefinitely());
    }

    @Test
    void idleSessionsExpire() {
        InMemorySessionStore store = new InMemorySessionStore(Duration.ofMinutes(5), 10, Long.MAX_VALUE, clock);
        store.insert(state("a", 0)).await().indefinitely();
        now.set(now.get().plus(Duration.ofMinutes(4)));
        assertTrue(store.find("a").await().indefinitely().isPresent());
        now.set(now.get().plus(Duration.ofMinutes(2)));
        assertTrue(store.find("a").await().indefinitely().isEmpty());
    }

    @Test
    void fullStoreSweepsExpiredSessionsThenRefuses() {
        InMemorySessionStore store = new InMemorySessionStore(Duration.ofMinutes(5), 2, Long.MAX_VALUE, clock);
        store.insert(state("a", 0)).await().indefinitely();
        store.insert(state("b", 0)).await().indefinitely();
        Refusal full = assertThrows(Refusal.class, () -> store.insert(state("c", 0)).await().indefinitely());
        assertEquals(Refusal.Kind.UNAVAILABLE, full.kind());
        now.set(now.get().plus(Duration.ofMinutes(10)));
        store.insert(state("c", 0)).await().indefinitely();
        assertEquals(1, store.size());
    }

    @Test
    void theHeapBudgetRefusesBeyondItAndFollowsEveryChange() {
        long one = state("a", 0).heapEstimate();
        InMemorySessionStore store = new InMemorySessionStore(Duration.ofMinutes(5), 100, 2 * one + 1, clock);
        store.insert(state("a", 0)).await().indefinitely();
        store.insert(state("b", 0)).await().indefinitely();
        assertEquals(2 * one, store.bytes());
        Refusal full = assertThrows(Refusal.class, () -> store.insert(state("c", 0)).await().indefinitely());
        assertEquals(Refusal.Kind.UNAVAILABLE, full.kind());
        assertTrue(full.getMessage().contains("2 sessions"), full.getMessage());
        SessionState answered = answeredOnce("a", 1);
        assertTrue(store.replace(0, answered).await().indefinitely());
        assertEquals(one + answered.heapEstimate(), store.bytes(), "a replaced state counts at its new size");
        now.set(now.get().plus(Duration.ofMinutes(10)));
        assertTrue(store.find("b").await().indefinitely().isEmpty());
        assertEquals(answered.heapEstimate(), store.bytes(), "an expired session frees its bytes");
        store.insert(state("c", 0)).await().indefinitely();
        assertEquals(one, store.bytes(), "the sweep on a full insert frees the other expired session's bytes too");
    }

    @Test
    void aSessionsEstimateIsItsArraysPlusAnAllowancePerAnswer() {
        SessionState s = state("a", 0);
        assertEquals(4 * 2 + 8 * 2 + 4 + 4_096, s.heapEstimate());
        assertEquals(s.heapEstimate() + 4_096, answeredOnce("a", 1).heapEstimate());
    }

    private SessionState answeredOnce(String id, long version) {
        SessionState s = state(id, version);
        var answer = SessionState.AnsweredQuery.ofItem("q1", List.of("x", "y"), "x", null);
        return new SessionState(s.sessionId(), s.catalogId(), s.catalogVersion(), s.slateSize(), s.queries(), s.strategy(),
                s.userKey(), s.seed(), s.beliefSettings(), s.assignment(), version, s.createdAt(), s.updatedAt(),
                s.filter(), s.belief(), null, List.of(answer));
    }

    @Test
    void beyondTheBudgetTheLeastRecentlyUsedSleepAndWakeByReplay() {
        java.util.Map<String, Belief> truth = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.List<String> replayed = new java.util.ArrayList<>();
        InMemorySessionStore.Replay replay = shell -> {
            replayed.add(shell.sessionId());
            return io.smallrye.mutiny.Uni.createFrom().item(truth.get(shell.sessionId()));
        };
        long one = big("x").heapEstimate();
        InMemorySessionStore store = new InMemorySessionStore(Duration.ofHours(1), 100, 3 * one, clock, replay);
        for (String id : List.of("a", "b", "c", "d", "e")) {
            SessionState s = big(id);
            truth.put(id, s.belief());
            store.insert(s).await().indefinitely();
            now.set(now.get().plusSeconds(1));
        }
        assertEquals(5, store.size());
        assertTrue(store.dormant() >= 2, "dormant: " + store.dormant());
        assertTrue(store.bytes() <= 3 * one, "bytes " + store.bytes() + " over the budget " + 3 * one);
        // The oldest slept first; reading it replays its belief, and the store stays within budget.
        SessionState a = store.find("a").await().indefinitely().orElseThrow();
        assertEquals(List.of("a"), replayed);
        assertEquals(truth.get("a"), a.belief());
        assertEquals(0, a.version());
        assertTrue(store.bytes() <= 3 * one);
        // A write on the woken state applies as on any other (same version).
        assertTrue(store.replace(0, answeredOnce("a", 1)).await().indefinitely());
        assertEquals(1, store.find("a").await().indefinitely().orElseThrow().version());
        SessionState e = store.find("e").await().indefinitely().orElseThrow();
        assertEquals(truth.get("e"), e.belief());
        assertEquals(List.of("a"), replayed, "the newest session never slept");
    }

    @Test
    void withoutReplayTheBudgetAnswers503() {
        long one = big("x").heapEstimate();
        InMemorySessionStore store = new InMemorySessionStore(Duration.ofHours(1), 100, 2 * one, clock);
        store.insert(big("a")).await().indefinitely();
        store.insert(big("b")).await().indefinitely();
        assertThrows(Refusal.class, () -> store.insert(big("c")).await().indefinitely());
        assertEquals(0, store.dormant());
    }

    /** A session with a 1,000-particle belief (about 40 KB), as seeded as its id. */
    private SessionState big(String id) {
        int m = 1_000;
        int d = 4;
        java.util.Random rng = new java.util.Random(id.hashCode());
        float[] p = new float[m * d];
        for (int i = 0; i < p.length; i++) {
            p[i] = (float) rng.nextGaussian();
        }
        double[] w = new double[m];
        java.util.Arrays.fill(w, 1.0 / m);
        Belief b = Belief.restore(d, p, w, new float[d]);
        return state(id, 0).withBelief(b);
    }

    @Test
    void duplicateIdsAreRefused() {
        InMemorySessionStore store = new InMemorySessionStore(Duration.ofMinutes(5), 10, Long.MAX_VALUE, clock);
        store.insert(state("a", 0)).await().indefinitely();
        assertThrows(IllegalStateException.class, () -> store.insert(state("a", 0)).await().indefinitely());
    }
}
