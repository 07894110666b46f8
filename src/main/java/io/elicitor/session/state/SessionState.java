package io.elicitor.session.state;

import io.elicitor.catalog.ItemFilter;
import io.elicitor.evoi.belief.Belief;
import io.elicitor.evoi.belief.BeliefSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything about one elicitation session, as one immutable value: a step produces a new state with
 * {@code version + 1}, and the store swaps it in only if the stored version is still the one the step read
 * (optimistic concurrency).
 *
 * @param sessionId random id (122 random bits)
 * @param catalogId pinned catalog
 * @param catalogVersion pinned catalog version
 * @param slateSize items per query
 * @param strategy query strategy name
 * @param userKey the client's optional key for its user
 * @param seed seed every random choice of the session derives from
 * @param beliefSettings how the belief is drawn and updated (kept, so a replay uses the same ones)
 * @param assignment the experiment arm the session runs, or null
 * @param version incremented by every change
 * @param createdAt creation time
 * @param updatedAt last change
 * @param filter which items the session may show and recommend
 * @param belief the current belief
 * @param pending the asked, not yet answered query, or null
 * @param answers answered queries in order
 */
public record SessionState(String sessionId, String catalogId, String catalogVersion, int slateSize, String strategy,
                           String userKey, long seed, BeliefSettings beliefSettings, Assignment assignment, long version, Instant createdAt, Instant updatedAt,
                           ItemFilter filter, Belief belief, PendingQuery pending, List<AnsweredQuery> answers) {
    /** Validates and freezes. */
    public SessionState {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(belief, "belief");
        Objects.requireNonNull(beliefSettings, "beliefSettings");
        filter = filter == null ? ItemFilter.NONE : filter;
        answers = List.copyOf(answers);
    }

    /**
     * The A/B experiment arm a session was assigned to.
     *
     * @param experimentId the experiment
     * @param arm the arm's name
     * @param maxQueries after this many answers every query says {@code stop}; null for no cap
     */
    public record Assignment(String experimentId, String arm, Integer maxQueries) {}

    /** A query that was asked and awaits its answer. */
    public record PendingQuery(String queryId, List<String> itemIds, double evoi, double utilityScale,
                               double probabilityTopIsBest, boolean stop, double planMillis) {
        /** Freezes the item list. */
        public PendingQuery {
            itemIds = List.copyOf(itemIds);
        }
    }

    /** An answered query with the response given, so that a repeated answer gets the very same body. */
    public record AnsweredQuery(String queryId, List<String> itemIds, String chosenItemId, AnswerResult result) {
        /** Freezes the item list. */
        public AnsweredQuery {
            itemIds = List.copyOf(itemIds);
        }
    }

    /** What {@code /answer} returns. */
    public record AnswerResult(int answers, List<Recommendation> recommendations) {
        /** Freezes the list. */
        public AnswerResult {
            recommendations = List.copyOf(recommendations);
        }
    }

    /** A recommended item with its posterior expected utility. */
    public record Recommendation(String id, String title, double expectedUtility) {}

    /** Ids of every item shown so far, answered or pending. */
    public java.util.Set<String> shownItemIds() {
        java.util.Set<String> shown = new java.util.LinkedHashSet<>();
        for (AnsweredQuery a : answers) {
            shown.addAll(a.itemIds());
        }
        if (pending != null) {
            shown.addAll(pending.itemIds());
        }
        return shown;
    }

    /** The answered query with this id, if any. */
    public AnsweredQuery answered(String queryId) {
        for (AnsweredQuery a : answers) {
            if (a.queryId().equals(queryId)) {
                return a;
            }
        }
        return null;
    }

    /** This state with a new pending query. */
    public SessionState withPending(PendingQuery query, Instant now) {
        return new SessionState(sessionId, catalogId, catalogVersion, slateSize, strategy, userKey, seed, beliefSettings, assignment, version + 1,
                createdAt, now, filter, belief, query, answers);
    }

    /** This state after an answer: new belief, no pending query, one more answer. */
    public SessionState withAnswer(Belief updated, AnsweredQuery answer, Instant now) {
        List<AnsweredQuery> more = new ArrayList<>(answers);
        more.add(answer);
        return new SessionState(sessionId, catalogId, catalogVersion, slateSize, strategy, userKey, seed, beliefSettings, assignment, version + 1,
                createdAt, now, filter, updated, null, more);
    }
}
