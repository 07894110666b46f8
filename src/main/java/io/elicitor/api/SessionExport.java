package io.elicitor.api;

import io.elicitor.experiment.OutcomeRecord;
import io.elicitor.session.state.PartialOptions;
import io.elicitor.session.state.SessionState;
import java.util.List;

/**
 * {@code GET /sessions/{id}/export}: everything the service holds about one session, for the person it belongs to:
 * its settings, every query shown with the answer given, the query pending, the posterior mean, and the outcomes
 * reported. Replaying {@code seed} and the answers rebuilds the posterior.
 */
public record SessionExport(String sessionId, String catalog, String catalogVersion, String strategy, int slateSize,
                            String queryKind, String userKey, long seed, double lambda, int particles,
                            String experimentId, String arm, String createdAt, String updatedAt,
                            List<Answer> answers, Pending pendingQuery, float[] posteriorMean,
                            List<ReportedOutcome> outcomes) {
    /** A query the user answered: the items (or partial options) shown and the choice. */
    public record Answer(String queryId, List<String> shownItemIds, PartialOptions shownOptions, String chosenItemId,
                         Integer chosenOption) {}

    /** The query shown and not yet answered. */
    public record Pending(String queryId, List<String> shownItemIds, PartialOptions shownOptions) {}

    /** An outcome as reported. */
    public record ReportedOutcome(String itemId, boolean accepted, Double rating, String reportedAt) {}

    static SessionExport of(SessionState s, List<OutcomeRecord> outcomes) {
        List<Answer> answers = s.answers().stream().map(a -> new Answer(a.queryId(), a.itemIds(), a.partial(),
                a.chosenItemId(), a.chosenOption())).toList();
        Pending pending = s.pending() == null ? null
                : new Pending(s.pending().queryId(), s.pending().itemIds(), s.pending().partial());
        return new SessionExport(s.sessionId(), s.catalogId(), s.catalogVersion(), s.strategy(), s.slateSize(),
                s.queries().kind().wireName(), s.userKey(), s.seed(), s.beliefSettings().lambda(),
                s.beliefSettings().particles(), s.assignment() == null ? null : s.assignment().experimentId(),
                s.assignment() == null ? null : s.assignment().arm(), s.createdAt().toString(),
                s.updatedAt().toString(), answers, pending, s.belief().mean(),
                outcomes.stream().map(o -> new ReportedOutcome(o.itemId, o.accepted, o.rating, o.reportedAt.toString()))
                        .toList());
    }
}
