package io.elicitor.session.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.elicitor.catalog.ItemFilter;
import io.elicitor.evoi.planner.QueryKind;
import io.elicitor.session.state.PartialOptions;
import io.elicitor.session.state.SessionState.AnswerResult;
import io.elicitor.session.state.SessionState.AnsweredQuery;
import io.elicitor.session.state.SessionState.PendingQuery;
import io.elicitor.session.state.SessionState;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The append-only PostgreSQL log of sessions, through Hibernate Reactive: one row per session, one per
 * query asked, one per answer. Every write moves the session row's version by one with a compare-and-set
 * in the same transaction as the row it appends; the log alone can rebuild any session.
 * Must be called on a Vert.x context (Hibernate Reactive's rule).
 */
public final class SessionLog {
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    /** Everything the log holds about one session, in order. */
    public record Logged(SessionRecord session, List<AnsweredQuery> answers, PendingQuery pending) {}

    private final ObjectMapper json;

    /** A log writing JSON columns with {@code json}. */
    public SessionLog(ObjectMapper json) {
        this.json = json;
    }

    /** The current version of a session, or empty when the log has no such session. */
    public Uni<Optional<Long>> version(String sessionId) {
        return Panache.withSession(() -> SessionRecord.<SessionRecord>findById(sessionId))
                .map(r -> Optional.ofNullable(r).map(x -> x.version));
    }

    /** Records a new session at version 0. */
    public Uni<Void> create(SessionState s) {
        SessionRecord r = new SessionRecord();
        r.sessionId = s.sessionId();
        r.catalogId = s.catalogId();
        r.catalogVersion = s.catalogVersion();
        r.slateSize = s.slateSize();
        r.strategy = s.strategy();
        r.queryKind = s.queries().kind().wireName();
        r.partialAttributes = s.queries().kind().needsAttributes() ? s.queries().partialAttributes() : null;
        r.allowRepeats = s.queries().allowRepeats();
        r.userKey = s.userKey();
        r.seed = s.seed();
        r.particles = s.beliefSettings().particles();
        r.lambda = s.beliefSettings().lambda();
        r.rejuvenationSteps = s.beliefSettings().rejuvenationSteps();
        r.filterJson = write(s.filter());
        if (s.assignment() != null) {
            r.experimentId = s.assignment().experimentId();
            r.arm = s.assignment().arm();
            r.maxQueries = s.assignment().maxQueries();
        }
        r.version = s.version();
        r.createdAt = s.createdAt();
        r.updatedAt = s.updatedAt();
        return Panache.withTransaction(r::persist).replaceWithVoid();
    }

    /**
     * Appends what {@code next} adds to the state at {@code expectedVersion} — a newly asked query or a new
     * answer — iff the logged version is still {@code expectedVersion}. False when another writer won.
     */
    public Uni<Boolean> append(long expectedVersion, SessionState next) {
        if (next.version() != expectedVersion + 1) {
            throw new IllegalArgumentException("a step moves the version by one: " + expectedVersion + " -> " + next.version());
        }
        return Panache.withTransaction(() -> SessionRecord.update(
                        "version = ?1, updatedAt = ?2 where sessionId = ?3 and version = ?4",
                        next.version(), next.updatedAt(), next.sessionId(), expectedVersion)
                .flatMap(updated -> updated == 0 ? Uni.createFrom().item(false) : row(next).persist().replaceWith(true)));
    }

    private io.quarkus.hibernate.reactive.panache.PanacheEntityBase row(SessionState next) {
        if (next.pending() != null) {
            PendingQuery p = next.pending();
            QueryRecord q = new QueryRecord();
            q.queryId = p.queryId();
            q.sessionId = next.sessionId();
            q.seq = next.answers().size() + 1;
            q.itemIdsJson = write(p.itemIds());
            q.partialJson = p.partial() == null ? null : write(p.partial());
            q.evoi = p.evoi();
            q.utilityScale = p.utilityScale();
            q.probabilityTopIsBest = p.probabilityTopIsBest();
            q.stop = p.stop();
            q.planMillis = p.planMillis();
            q.askedAt = next.updatedAt();
            return q;
        }
        if (next.answers().isEmpty()) {
            throw new IllegalArgumentException("nothing to append: no pending query and no answer");
        }
        AnsweredQuery a = next.answers().get(next.answers().size() - 1);
        AnswerRecord r = new AnswerRecord();
        r.queryId = a.queryId();
        r.sessionId = next.sessionId();
        r.seq = next.answers().size();
        r.chosenItemId = a.chosenItemId();
        r.chosenOption = a.chosenOption();
        r.resultJson = write(a.result());
        r.answeredAt = next.updatedAt();
        return r;
    }

    /**
     * Erases a session in one transaction: its outcomes, answers, queries and row. A session assigned to an experiment
     * leaves only a tombstone (session id, experiment, arm, time) so results count it as withdrawn. False when the log
     * has no such session.
     */
    public Uni<Boolean> delete(String sessionId) {
        return Panache.withTransaction(() -> SessionRecord.<SessionRecord>findById(sessionId).flatMap(s -> {
            if (s == null) {
                return Uni.createFrom().item(false);
            }
            return Panache.getSession().flatMap(db -> {
                Uni<Integer> tombstone = s.experimentId == null ? Uni.createFrom().item(0) : db.createNativeQuery(
                                "insert into elicitor_withdrawn (session_id, experiment_id, arm, withdrawn_at)"
                                        + " values (?1, ?2, ?3, now()) on conflict do nothing")
                        .setParameter(1, sessionId).setParameter(2, s.experimentId).setParameter(3, s.arm)
                        .executeUpdate();
                return tombstone.chain(() -> erase(db, "elicitor_outcome", sessionId))
                        .chain(() -> erase(db, "elicitor_answer", sessionId))
                        .chain(() -> erase(db, "elicitor_query", sessionId))
                        .chain(() -> erase(db, "elicitor_session", sessionId))
                        .map(n -> n == 1);
            });
        }));
    }

    private static Uni<Integer> erase(Mutiny.Session db, String table, String sessionId) {
        return db.createNativeQuery("delete from " + table + " where session_id = ?1").setParameter(1, sessionId)
                .executeUpdate();
    }

    /** The whole logged session, or empty. */
    public Uni<Optional<Logged>> load(String sessionId) {
        return Panache.withSession(() -> SessionRecord.<SessionRecord>findById(sessionId).flatMap(s -> {
            if (s == null) {
                return Uni.createFrom().item(Optional.<Logged>empty());
            }
            return QueryRecord.<QueryRecord>list("sessionId = ?1 order by seq", sessionId).flatMap(queries ->
                    AnswerRecord.<AnswerRecord>list("sessionId = ?1 order by seq", sessionId)
                            .map(answers -> Optional.of(assemble(s, queries, answers))));
        }));
    }

    private Logged assemble(SessionRecord s, List<QueryRecord> queries, List<AnswerRecord> answers) {
        Map<String, QueryRecord> byId = new HashMap<>();
        queries.forEach(q -> byId.put(q.queryId, q));
        List<AnsweredQuery> done = new ArrayList<>(answers.size());
        for (AnswerRecord a : answers) {
            QueryRecord q = byId.get(a.queryId);
            done.add(new AnsweredQuery(a.queryId, read(q.itemIdsJson, STRINGS), a.chosenItemId, partial(q),
                    a.chosenOption, read(a.resultJson, new TypeReference<AnswerResult>() {}), !q.stop));
        }
        PendingQuery pending = null;
        for (QueryRecord q : queries) {
            if (q.seq == answers.size() + 1) {
                pending = new PendingQuery(q.queryId, read(q.itemIdsJson, STRINGS), q.evoi, q.utilityScale,
                        q.probabilityTopIsBest, q.stop, q.planMillis == null ? 0.0 : q.planMillis, partial(q));
            }
        }
        return new Logged(s, done, pending);
    }

    private PartialOptions partial(QueryRecord q) {
        return q.partialJson == null ? null : read(q.partialJson, new TypeReference<PartialOptions>() {});
    }

    /** Which questions a session asks; a row from before partial queries asks items. */
    public SessionState.QuerySettings queries(SessionRecord s) {
        return s.queryKind == null || s.partialAttributes == null
                ? new SessionState.QuerySettings(QueryKind.ITEMS, 0, s.allowRepeats)
                : new SessionState.QuerySettings(QueryKind.parse(s.queryKind).orElseThrow(() ->
                        new IllegalStateException("the session log holds an unknown query kind '" + s.queryKind + "'")),
                        s.partialAttributes, s.allowRepeats);
    }

    /** The filter a session was created with. */
    public ItemFilter filter(SessionRecord s) {
        return read(s.filterJson, new TypeReference<ItemFilter>() {});
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the session log holds unreadable JSON: " + e.getOriginalMessage(), e);
        }
    }
}
