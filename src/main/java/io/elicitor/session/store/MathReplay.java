package io.elicitor.session.store;

import io.elicitor.catalog.CatalogRegistry;
import io.elicitor.evoi.belief.Belief;
import io.elicitor.evoi.belief.BeliefSettings;
import io.elicitor.runtime.MathExecutor;
import io.elicitor.session.state.BeliefReplay;
import io.elicitor.session.state.SessionState;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A session's belief replayed from its seed and answers on the maths pool, for the in-memory store's dormant
 * sessions and the durable store's rebuilds from the log ({@link BeliefReplay}, the same path live answers take,
 * so the belief is the lost one bit for bit). Timed as {@code elicitor.sessions.replay}.
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
        return replay(shell.catalogId(), shell.catalogVersion(), shell.seed(), shell.beliefSettings(), shell.answers());
    }

    /** The belief {@code answers} lead to from {@code seed}, on the pinned catalog; 503 when it is not loaded here. */
    public Uni<Belief> replay(String catalogId, String catalogVersion, long seed, BeliefSettings settings,
                              List<SessionState.AnsweredQuery> answers) {
        return Uni.createFrom().item(() -> catalogs.pinned(catalogId, catalogVersion))
                .flatMap(entry -> math.submit(() -> {
                    long t0 = System.nanoTime();
                    Belief b = BeliefReplay.replay(entry, seed, settings, answers);
                    meters.timer("elicitor.sessions.replay").record(System.nanoTime() - t0, TimeUnit.NANOSECONDS);
                    return b;
                }));
    }
}
