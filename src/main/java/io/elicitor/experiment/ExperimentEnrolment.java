package io.elicitor.experiment;

import io.elicitor.runtime.Refusal;
import io.elicitor.runtime.Refusal.Kind;
import io.elicitor.session.Enrolment;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The session service's {@link Enrolment}: a new session joins the experiment running for its catalog, in
 * the arm {@link ArmAssigner} picks for its unit key. On the in-memory store nobody is enrolled.
 */
@ApplicationScoped
public class ExperimentEnrolment implements Enrolment {
    @Inject
    ExperimentStore store;

    @Override
    public Uni<Optional<ArmChoice>> assign(String catalogId, String sessionId, String userKey) {
        if (!store.durable()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return store.running(catalogId).map(e -> e.flatMap(x -> choose(x, sessionId, userKey)))
                .onFailure(f -> !(f instanceof Refusal)).transform(f -> new Refusal(Kind.UNAVAILABLE, null,
                        "the experiment store (PostgreSQL) is unavailable; retry shortly"));
    }

    /** The arm of {@code e} the session falls in; none for a userKey experiment and a session without one. */
    static Optional<ArmChoice> choose(Experiment e, String sessionId, String userKey) {
        String unitKey = "userKey".equals(e.unit()) ? userKey : sessionId;
        if (unitKey == null) {
            return Optional.empty();
        }
        Arm a = e.arms().get(ArmAssigner.arm(e.salt(), unitKey, e.arms()));
        Arm.ArmParams p = a.params();
        return Optional.of(new ArmChoice(e.id(), a.name(), a.strategy(), p.slateSize(), p.particles(), p.lambda(),
                p.maxQueries(), p.queryKind(), p.partialAttributes()));
    }
}
