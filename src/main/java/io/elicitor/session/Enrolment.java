package io.elicitor.session;

import io.smallrye.mutiny.Uni;
import java.util.Optional;

/**
 * Decides whether a new session belongs to a running A/B experiment and which arm it runs. The session
 * service asks it at creation; the experiment package implements it (on the durable store), and without
 * experiments nothing is ever enrolled.
 */
public interface Enrolment {
    /** Enrols nothing. */
    Enrolment NONE = (catalogId, sessionId, userKey) -> Uni.createFrom().item(Optional.empty());

    /**
     * What an arm sets for its sessions; null fields take the service's defaults.
     *
     * @param experimentId the experiment
     * @param arm the arm's name
     * @param strategy the strategy the arm runs
     * @param slateSize items per query, or null
     * @param particles particles, or null
     * @param lambda inverse temperature, or null
     * @param maxQueries question cap, or null
     * @param queryKind items, partial or mixed, or null
     * @param partialAttributes attributes a partial query shows, or null
     */
    record ArmChoice(String experimentId, String arm, String strategy, Integer slateSize, Integer particles, Double lambda,
                     Integer maxQueries, String queryKind, Integer partialAttributes) {}

    /** The arm of the experiment running for {@code catalogId} that this session falls in, if any. */
    Uni<Optional<ArmChoice>> assign(String catalogId, String sessionId, String userKey);
}
