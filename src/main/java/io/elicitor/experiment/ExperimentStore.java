package io.elicitor.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.elicitor.config.ElicitorConfig;
import io.elicitor.runtime.Refusal;
import io.elicitor.runtime.Refusal.Kind;
import io.elicitor.runtime.ServiceIds;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Experiments in PostgreSQL: create (at most one running per catalog), list, get, stop, the running
 * experiment of a catalog, and the rows its results are summarised from. Needs the durable store; on the
 * in-memory store every call answers 503.
 */
@ApplicationScoped
public class ExperimentStore {
    private static final TypeReference<List<Arm>> ARMS = new TypeReference<>() {};

    @Inject
    ElicitorConfig config;

    @Inject
    DefinitionValidator definitions;

    @Inject
    ObjectMapper json;

    /** Whether PostgreSQL is there: experiments and outcomes exist only on the durable store. */
    public boolean durable() {
        return "durable".equals(config.store());
    }

    /** Refuses with 404 unless {@link #durable()}: this deployment has no experiments, and retrying cannot help. */
    public void requireDurable() {
        if (!durable()) {
            throw new Refusal(Kind.NOT_ENABLED, null, "experiments and outcomes are kept in PostgreSQL, which this"
                    + " deployment does not use: run with the durable store (ELICITOR_STORE=durable)");
        }
    }

    /** Validates and stores a new running experiment; 409 when one already runs for the catalog. */
    public Uni<Experiment> create(Definition d) {
        requireDurable(); // before validation: on the in-memory store even a bad definition answers 404
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
        if (!ServiceIds.wellFormed(id)) {
            return Uni.createFrom().failure(notFound(id == null ? "" : ServiceIds.shown(id)));
        }
        return Panache.withSession(() -> ExperimentRecord.<ExperimentRecord>findById(id)).map(r -> {
            if (r == null) {
                throw notFound(id);
            }
            return experiment(r);
        });
    }

    /** Stops an experiment: new sessions are no longer assigned; running ones keep their arm. Idempotent. */
    public Uni<Experiment> stop(String id) {
        requireDurable();
        if (!ServiceIds.wellFormed(id)) {
            return Uni.createFrom().failure(notFound(id == null ? "" : ServiceIds.shown(id)));
        }
        return Panache.withTransaction(() -> ExperimentRecord.<ExperimentRecord>findById(id).map(r -> {
            if (r == null) {
                throw notFound(id);
            }
            if ("running".equals(r.status)) {
                r.status = "stopped";
                r.stoppedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            }
            return experiment(r);
        }));
    }

    /** The experiment running for {@code catalogId}, if any. */
    public Uni<Optional<Experiment>> running(String catalogId) {
        requireDurable();
        return Panache.withSession(() -> ExperimentRecord.<ExperimentRecord>find("catalogId = ?1 and status = 'running'",
                catalogId).firstResult()).map(r -> r == null ? Optional.<Experiment>empty() : Optional.of(experiment(r)));
    }

    /** What {@link ResultsSummary} needs for experiment {@code id}, or 404. */
    public Uni<ResultRows> resultRows(String id) {
        return get(id).flatMap(e -> Panache.withSession(() -> Panache.getSession().flatMap(session ->
                session.createNativeQuery("""
                        select s.arm,
                               (select count(*) from elicitor_answer a where a.session_id = s.session_id),
                               exists (select 1 from elicitor_query q where q.session_id = s.session_id and q.stop),
                               exists (select 1 from elicitor_outcome o where o.session_id = s.session_id and o.accepted),
                               (select avg(o.rating) from elicitor_outcome o where o.session_id = s.session_id),
                               false
                        from elicitor_session s where s.experiment_id = ?1
                        union all
                        select w.arm, 0, false, false, null, true
                        from elicitor_withdrawn w where w.experiment_id = ?1""", Object[].class)
                        .setParameter(1, id).getResultList()
                        .flatMap(sessions -> session.createNativeQuery("""
                                select s.arm,
                                       percentile_cont(0.5) within group (order by q.plan_millis),
                                       percentile_cont(0.99) within group (order by q.plan_millis)
                                from elicitor_query q join elicitor_session s on s.session_id = q.session_id
                                where s.experiment_id = ?1 and q.plan_millis is not null group by s.arm""", Object[].class)
                                .setParameter(1, id).getResultList()
                                .map(latency -> rows(e, sessions, latency))))));
    }

    /**
     * New sessions and the ones with an accepted outcome, per arm and per {@code bucket} ({@code minute}, {@code hour}
     * or {@code day}) of session creation, oldest first: the raw counts of an acceptance-over-time curve.
     */
    public Uni<List<TimelineRow>> timeline(String id, String bucket) {
        if (!List.of("minute", "hour", "day").contains(bucket)) {
            throw new Refusal(Kind.INVALID, "bucket", "bucket must be minute, hour or day, got '" + bucket + "'");
        }
        return get(id).flatMap(e -> Panache.withSession(() -> Panache.getSession().flatMap(session -> session
                .createNativeQuery("select s.arm, date_trunc('" + bucket + "', s.created_at) as t, count(*),"
                        + " count(*) filter (where exists (select 1 from elicitor_outcome o"
                        + " where o.session_id = s.session_id and o.accepted))"
                        + " from elicitor_session s where s.experiment_id = ?1 group by s.arm, t order by t, s.arm",
                        Object[].class)
                .setParameter(1, id).getResultList()
                .map(rows -> rows.stream().map(r -> new TimelineRow((String) r[0], r[1].toString(),
                        ((Number) r[2]).longValue(), ((Number) r[3]).longValue())).toList()))));
    }

    /** One arm's sessions created in one time bucket, and how many of them accepted a recommendation. */
    public record TimelineRow(String arm, String bucketStart, long sessions, long accepted) {}

    /** The native rows as records, in the column order of the queries above. */
    private static ResultRows rows(Experiment e, List<Object[]> sessions, List<Object[]> latency) {
        List<ResultRows.SessionRow> s = sessions.stream().map(r -> new ResultRows.SessionRow((String) r[0],
                ((Number) r[1]).longValue(), Boolean.TRUE.equals(r[2]), Boolean.TRUE.equals(r[3]),
                r[4] == null ? null : ((Number) r[4]).doubleValue(), Boolean.TRUE.equals(r[5]))).toList();
        List<ResultRows.LatencyRow> l = latency.stream().map(r -> new ResultRows.LatencyRow((String) r[0],
                ((Number) r[1]).doubleValue(), ((Number) r[2]).doubleValue())).toList();
        return new ResultRows(e, s, l);
    }

    private static Refusal notFound(String id) {
        return new Refusal(Kind.NOT_FOUND, "id", "no experiment '" + id + "'");
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
