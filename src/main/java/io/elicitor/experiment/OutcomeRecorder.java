package io.elicitor.experiment;

import io.elicitor.catalog.CatalogRegistry;
import io.elicitor.runtime.Refusal;
import io.elicitor.runtime.Refusal.Kind;
import io.elicitor.runtime.ServiceIds;
import io.elicitor.session.SessionSteps;
import io.elicitor.session.store.SessionRecord;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Checks an {@link Outcome} and appends it to PostgreSQL as an {@link OutcomeRecord} of its session. Needs
 * the durable store, like experiments; on the in-memory store it answers 503.
 */
@ApplicationScoped
public class OutcomeRecorder {
    @Inject
    ExperimentStore experiments;

    @Inject
    CatalogRegistry catalogs;

    /** Records what the user did with a recommendation of session {@code sessionId}; 404 for no such session. */
    public Uni<OutcomeRecord> record(String sessionId, Outcome o) {
        experiments.requireDurable(); // before validation: on the in-memory store even a bad body answers 404
        check(o);
        if (!ServiceIds.wellFormed(sessionId)) {
            return Uni.createFrom().failure(SessionSteps.noSession(sessionId == null ? "" : sessionId));
        }
        // FOR SHARE: a deletion of this session waits for the outcome, then erases it too, never leaving an orphan.
        return Panache.withTransaction(() -> SessionRecord.<SessionRecord>findById(sessionId,
                LockModeType.PESSIMISTIC_READ).flatMap(s -> {
            if (s == null) {
                throw SessionSteps.noSession(sessionId);
            }
            // A catalog version no longer loaded cannot be checked: the item is taken on trust.
            boolean known = catalogs.find(s.catalogId, s.catalogVersion).map(e -> e.catalog().indexOf(o.itemId()).isPresent())
                    .orElse(true);
            if (!known) {
                throw new Refusal(Kind.INVALID, "itemId", "no item '" + o.itemId() + "' in catalog " + s.catalogId);
            }
            OutcomeRecord r = new OutcomeRecord();
            r.sessionId = sessionId;
            r.itemId = o.itemId();
            r.accepted = o.accepted();
            r.rating = o.rating();
            r.reportedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            return r.<OutcomeRecord>persist();
        }));
    }

    /** The outcomes reported for a session, oldest first; none on the in-memory store, which keeps none. */
    public Uni<List<OutcomeRecord>> list(String sessionId) {
        if (!experiments.durable() || !ServiceIds.wellFormed(sessionId)) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.withSession(() -> OutcomeRecord.list("sessionId = ?1 order by outcomeId", sessionId));
    }

    /** The checks that need no database. */
    static void check(Outcome o) {
        if (o == null) {
            throw new Refusal(Kind.INVALID, null, "a JSON body {itemId, accepted, rating?} is required");
        }
        if (o.itemId() == null || o.itemId().isBlank()) {
            throw new Refusal(Kind.INVALID, "itemId", "itemId is required");
        }
        if (!ServiceIds.plausibleItemId(o.itemId())) {
            // Stored as given when the session's catalog version is no longer loaded: never a NUL for PostgreSQL.
            throw new Refusal(Kind.INVALID, "itemId", "itemId must be 1 to " + ServiceIds.MAX_ITEM_ID
                    + " characters without control characters, got '" + ServiceIds.shown(o.itemId()) + "'");
        }
        if (o.accepted() == null) {
            throw new Refusal(Kind.INVALID, "accepted", "accepted (true or false) is required");
        }
        if (o.rating() != null && !(o.rating() >= 0 && o.rating() <= 10)) {
            throw new Refusal(Kind.INVALID, "rating", "rating must be a number from 0 to 10, got " + o.rating());
        }
    }
}
