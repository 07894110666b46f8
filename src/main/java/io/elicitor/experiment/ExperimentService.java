package io.elicitor.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.elicitor.catalog.CatalogRegistry;
import io.elicitor.config.ElicitorConfig;
import io.elicitor.runtime.Refusal.Kind;
import io.elicitor.runtime.Refusal;
import io.elicitor.session.Enrolment;
import io.elicitor.session.store.SessionRecord;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Experiments in PostgreSQL: creation with eager validation, listing, stopping, assignment of new sessions
 * (as the session service's {@link Enrolment}), outcomes and results. Experiments and outcomes need the
 * durable store; on the in-memory store they answer 503 and no session is enrolled.
 */
@ApplicationScoped
public class ExperimentService implements Enrolment {
    private static final TypeReference<List<Arm>> ARMS = new TypeReference<>() {};

    /** {@code POST /sessions/{id}/outcome}. */
    public record Outcome(String itemId, Boolean accepted, Double rating) {}

    @Inject
    ElicitorConfig config;

    @Inject
    CatalogRegistry catalogs;

    @Inject
    DefinitionValidator definitions;

    @Inject
    ObjectMapper json;

    private boolean durable() {
        return "durable".equals(config.store());
    }

    private void requireDurable() {
        if (!durable()) {
            throw new Refusal(Kind.UNAVAILABLE, null, "experiments and outcomes are kept in PostgreSQL: run with"
                    + " the durable store (ELICITOR_STORE=durable)");
        }
    }

    /** Validates and stores a new running experiment; 409 when one already runs for the catalog. */
    public Uni<Experiment> create(Definition d) {
        requireDurable();
        Experiment e = definitions.validate(d);
        ExperimentRecord r = new ExperimentRecord();
        r.experimentId = e.id();
        r.name = e.name();
        r.catalogId = e.catalog();
        r.unit = e.unit();
        r.salt = e.salt();
        r.armsJson = write(e.arms());
        r.status = e.status();
        r.createdAt = e.createdAt();
        return Panache.withTransaction(() -> ExperimentRecord.count("catalogId = ?1 and status = 'running'", e.catalog())
                .flatMap(n -> {
                    if (n > 0) {
                        throw new Refusal(Kind.CONFLICT, "catalog", "an experiment already runs for catalog '"
                                + e.catalog() + "'; stop it first");
                    }
                    return r.persist();
                })).replaceWith(e);
    }

    /** Every experiment, newest first. */
    public Uni<List<Experiment>> list() {
        requireDurable();
        return Panache.withSession(() -> ExperimentRecord.<ExperimentRecord>list("order by createdAt desc"))
                .map(rs -> rs.stream().map(this::experiment).toList());
    }

    /** One experiment, or 404. */
    public Uni<Experiment> get(String id) {
        requireDurable();
        return Panache.withSession(() -> ExperimentRecord.<ExperimentRecord>findById(id)).map(r -> {
            if (r == null) {
                throw new Refusal(Kind.NOT_FOUND, "id", "no experiment '" + id + "'");
            }
            return experiment(r);
        });
    }

    /** Stops an experiment: new sessions are no longer assigned; running ones keep their arm. Idempotent. */
    public Uni<Experiment> stop(String id) {
        requireDurable();
        return Panache.withTransaction(() -> ExperimentRecord.<ExperimentRecord>findById(id).map(r -> {
            if (r == null) {
                throw new Refusal(Kind.NOT_FOUND, "id", "no experiment '" + id + "'");
            }
            if ("running".equals(r.status)) {
                r.status = "stopped";
                r.stoppedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            }
            return experiment(r);
        }));
    }

    @Override
    public Uni<Optional<ArmChoice>> assign(String catalogId, String sessionId, String userKey) {
        if (!durable()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return Panache.withSession(() -> ExperimentRecord.<ExperimentRecord>find("catalogId = ?1 and status = 'running'",
                catalogId).firstResult()).map(r -> {
                    if (r == null) {
                        return Optional.<ArmChoice>empty();
                    }
                    Experiment e = experiment(r);
                    String unitKey = "userKey".equals(e.unit()) ? userKey : sessionId;
                    if (unitKey == null) {
                        return Optional.<ArmChoice>empty(); // a userKey experiment cannot place a session without one
                    }
                    Arm a = e.arms().get(ArmAssigner.arm(e.salt(), unitKey, e.arms()));
                    Arm.ArmParams p = a.params();
                    return Optional.of(new ArmChoice(e.id(), a.name(), a.strategy(), p.slateSize(), p.particles(),
                            p.lambda(), p.maxQueries()));
                }).onFailure(f -> !(f instanceof Refusal)).transform(f -> new Refusal(Kind.UNAVAILABLE, null,
                "the experiment store (PostgreSQL) is unavailable; retry shortly"));
    }

    /** Records what the user did with a recommendation of session {@code sessionId}. */
    public Uni<OutcomeRecord> outcome(String sessionId, Outcome o) {
        requireDurable();
        if (o == null) {
            throw new Refusal(Kind.INVALID, null, "a JSON body {itemId, accepted, rating?} is required");
        }
        if (o.itemId() == null || o.itemId().isBlank()) {
            throw new Refusal(Kind.INVALID, "itemId", "itemId is required");
        }
        if (o.accepted() == null) {
            throw new Refusal(Kind.INVALID, "accepted", "accepted (true or false) is required");
        }
        if (o.rating() != null && !(o.rating() >= 0 && o.rating() <= 10)) {
            throw new Refusal(Kind.INVALID, "rating", "rating must be a number from 0 to 10, got " + o.rating());
        }
        return Panache.withTransaction(() -> SessionRecord.<SessionRecord>findById(sessionId).flatMap(s -> {
            if (s == null) {
                throw new Refusal(Kind.NOT_FOUND, "sessionId", "no session '" + sessionId + "'");
            }
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

    /** Per-arm results with intervals, comparisons against the control, and the sample-ratio check. */
    public Uni<ExperimentResults> results(String id) {
        return get(id).flatMap(e -> Panache.withSession(() -> Panache.getSession().flatMap(session ->
                session.createNativeQuery("""
                        select s.arm,
                               (select count(*) from elicitor_answer a where a.session_id = s.session_id),
                               exists (select 1 from elicitor_query q where q.session_id = s.session_id and q.stop),
                               exists (select 1 from elicitor_outcome o where o.session_id = s.session_id and o.accepted),
                               (select avg(o.rating) from elicitor_outcome o where o.session_id = s.session_id)
                        from elicitor_session s where s.experiment_id = ?1""", Object[].class)
                        .setParameter(1, id).getResultList()
                        .flatMap(rows -> session.createNativeQuery("""
                                select s.arm,
                                       percentile_cont(0.5) within group (order by q.plan_millis),
                                       percentile_cont(0.99) within group (order by q.plan_millis)
                                from elicitor_query q join elicitor_session s on s.session_id = q.session_id
                                where s.experiment_id = ?1 and q.plan_millis is not null group by s.arm""", Object[].class)
                                .setParameter(1, id).getResultList()
                                .map(latency -> ResultsSummary.of(rows(e, rows, latency)))))));
    }

    private static ResultRows rows(Experiment e, List<Object[]> sessions, List<Object[]> latency) {
        List<ResultRows.SessionRow> s = sessions.stream().map(r -> new ResultRows.SessionRow((String) r[0],
                ((Number) r[1]).longValue(), Boolean.TRUE.equals(r[2]), Boolean.TRUE.equals(r[3]),
                r[4] == null ? null : ((Number) r[4]).doubleValue())).toList();
        List<ResultRows.LatencyRow> l = latency.stream().map(r -> new ResultRows.LatencyRow((String) r[0],
                ((Number) r[1]).doubleValue(), ((Number) r[2]).doubleValue())).toList();
        return new ResultRows(e, s, l);
    }

    private Experiment experiment(ExperimentRecord r) {
        try {
            return new Experiment(r.experimentId, r.name, r.catalogId, r.unit, r.salt, json.readValue(r.armsJson, ARMS),
                    r.status, r.createdAt, r.stoppedAt);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("experiment " + r.experimentId + " has unreadable arms", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
