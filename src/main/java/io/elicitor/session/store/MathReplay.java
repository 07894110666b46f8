package io.elicitor.session.store;

import io.elicitor.catalog.CatalogRegistry;
import io.elicitor.evoi.belief.Belief;
import io.elicitor.runtime.MathExecutor;
import io.elicitor.runtime.Refusal;
import io.elicitor.session.state.BeliefReplay;
import io.elicitor.session.state.SessionState;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import java.util.concurrent.TimeUnit;

/**
 * A dormant in-memory session's belief, replayed from its seed and answers on the maths pool ({@link BeliefReplay},
 * the same path live answers take, so the belief is the dropped one bit for bit). Timed as
 * {@code elicitor.sessions.replay}, like the durable store's rebuilds.
 */
public final class MathReplay implements InMemorySessionStore.Replay {
    private final CatalogRegistry catalogs;
    private final MathExecutor math;
    private final MeterRegistry meters;

    /** Replays against the pinned catalogs of {@code catalogs}, on {@code math}. */
    public MathReplay(CatalogRegistry catalogs, MathExecutor math, MeterRegistry meters) {
        this.catalogs = catalogs;
        this.math = math;
        this.meters = meters;
    }

    @Override
    public Uni<Belief> belief(SessionState shell) {
        CatalogRegistry.Entry entry = catalogs.find(shell.catalogId(), shell.catalogVersion()).orElseThrow(() ->
                new Refusal(Refusal.Kind.UNAVAILABLE, null, "catalog " + shell.catalogId() + " version "
                        + shell.catalogVersion() + " is not loaded on this instance"));
        return math.submit(() -> {
            long t0 = System.nanoTime();
            Belief b = BeliefReplay.replay(entry, shell.seed(), shell.beliefSettings(), shell.answers());
            meters.timer("elicitor.sessions.replay").record(System.nanoTime() - t0, TimeUnit.NANOSECONDS);
            return b;
        });
    }
}
