package io.elicitor.session.state;

import io.elicitor.catalog.ItemFilter;
import io.elicitor.evoi.belief.Belief;
import io.elicitor.evoi.belief.BeliefSettings;
import io.elicitor.evoi.planner.QueryKind;
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
 * @param slateSize items (or partial options) per query
 * @param queries which questions the session asks
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
public record SessionState(String sessionId, String catalogId, String catalogVersion, int slateSize, QuerySettings queries,
                           String strategy,
                           String userKey, long seed, BeliefSettings beliefSettings, Assignment assignment, long version, Instant createdAt, Instant updatedAt,
                           ItemFilter filter, Belief belief, PendingQuery pending, List<AnsweredQuery> answers) {
    /** Validates and freezes. */
    public SessionState {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(belief, "belief");
        Objects.requireNonNull(beliefSettings, "beliefSettings");
        filter = filter == null ? ItemFilter.NONE : filter;
        queries = queries == null ? QuerySettings.ITEMS : queries;
        answers = List.copyOf(answers);
    }

    /** Heap a session is budgeted beyond its belief's arrays: ids, settings, the pending query (see {@link #heapEstimate}). */
    static final long BASE_BYTES = 4_096;
    /** Heap budgeted per answered query: its ids, and the recommendations returned with the answer. */
    static final long ANSWER_BYTES = 4_096;

    /**
     * An upper estimate of the heap this state holds: its belief's arrays, {@link #BASE_BYTES} and {@link #ANSWER_BYTES}
     * per answer, so a store can cap its sessions by the memory it has. Against issue 17's measurement on the bundled
     * cars (M = 1024, d = 10; 14,073 sessions of up to 10 answers in 855 MB after a full GC, 61 KB each) the arrays
     * are 49 KB and the estimate 53–93 KB: the cap errs towards refusing early, never towards running out.
     */
    public long heapEstimate() {
        return belief.arrayBytes() + BASE_BYTES + ANSWER_BYTES * answers.size();
    }

    /**
     * The A/B experiment arm a session was assigned to.
     *
     * @param experimentId the experiment
     * @param arm the arm's name
     * @param maxQueries after this many answers every query says {@code stop}; null for no cap
     */
    public record Assignment(String experimentId, String arm, Integer maxQueries) {}

    /**
     * Which questions a session asks.
     *
     * @param kind items, partial or mixed
     * @param partialAttributes attributes a partial query shows (1..4); 0 when the session asks items only
     * @param allowRepeats whether an item slate whose every pair was already compared may be asked again
     */
    public record QuerySettings(QueryKind kind, int partialAttributes, boolean allowRepeats) {
        /** Item questions only, never a repeated one. */
        public static final QuerySettings ITEMS = new QuerySettings(QueryKind.ITEMS, 0, false);

        /** Validates eagerly. */
        public QuerySettings {
            Objects.requireNonNull(kind, "kind");
            if (kind.needsAttributes() != (partialAttributes > 0)) {
                throw new IllegalArgumentException("partialAttributes is positive exactly when partial queries are asked");
            }
        }
    }

    /**
     * A query that was asked and awaits its answer: item ids for an item query, {@code partial} options for a
     * partial one ({@code itemIds} then empty).
     */
    public record PendingQuery(String queryId, List<String> itemIds, double evoi, double utilityScale,
                               double probabilityTopIsBest, boolean stop, double planMillis, PartialOptions partial) {
        /** Freezes the item list. */
        public PendingQuery {
            itemIds = List.copyOf(itemIds);
        }

        /** Options (partial) or items shown. */
        public int size() {
            return partial != null ? partial.size() : itemIds.size();
        }
    }

    /**
     * An answered query with the response given, so that a repeated answer gets the very same body: an item query
     * answered by {@code chosenItemId}, a partial one by {@code chosenOption} (the other field then null).
     */
    public record AnsweredQuery(String queryId, List<String> itemIds, String chosenItemId, PartialOptions partial,
                                Integer chosenOption, AnswerResult result, Boolean worthAsking) {
        /** Freezes the item list; exactly one kind of answer. */
        public AnsweredQuery {
            itemIds = List.copyOf(itemIds);
            if ((partial == null) != (chosenOption == null) || (partial == null) == (chosenItemId == null)) {
                throw new IllegalArgumentException("an item query is answered by an item, a partial query by an option");
            }
        }

        /** An answered item query. */
        public static AnsweredQuery ofItem(String queryId, List<String> itemIds, String chosenItemId, AnswerResult result) {
            return new AnsweredQuery(queryId, itemIds, chosenItemId, null, null, result, null);
        }

        /** An answered partial query. */
        public static AnsweredQuery ofOption(String queryId, PartialOptions partial, int chosenOption, AnswerResult result) {
            return new AnsweredQuery(queryId, List.of(), null, partial, chosenOption, result, null);
        }

        /** The same answer with its response, and whether its query was still worth asking (its EVOI above the stop rule). */
        public AnsweredQuery withResult(AnswerResult r, boolean worthAsking) {
            return new AnsweredQuery(queryId, itemIds, chosenItemId, partial, chosenOption, r, worthAsking);
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

    /** The item slates answered so far, as item ids (partial queries show no items and are left out). */
    public List<List<String>> answeredSlates() {
        return answers.stream().filter(a -> a.partial() == null).map(AnsweredQuery::itemIds).toList();
    }

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

    /** The same state (same version and times) holding another belief: a store's dormant copy, or its rebuild. */
    public SessionState withBelief(Belief other) {
        return new SessionState(sessionId, catalogId, catalogVersion, slateSize, queries, strategy, userKey, seed,
                beliefSettings, assignment, version, createdAt, updatedAt, filter, other, pending, answers);
    }

    /** This state with a new pending query. */
    public SessionState withPending(PendingQuery query, Instant now) {
        return new SessionState(sessionId, catalogId, catalogVersion, slateSize, queries, strategy, userKey, seed,
                beliefSettings, assignment, version + 1, createdAt, now, filter, belief, query, answers);
    }

    /** This state after an answer: new belief, no pending query, one more answer. */
    public SessionState withAnswer(Belief updated, AnsweredQuery answer, Instant now) {
        List<AnsweredQuery> more = new ArrayList<>(answers);
        more.add(answer);
        return new SessionState(sessionId, catalogId, catalogVersion, slateSize, queries, strategy, userKey, seed,
                beliefSettings, assignment, version + 1, createdAt, now, filter, updated, null, more);
    }
}
