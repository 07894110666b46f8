package io.elicitor.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.elicitor.evoi.explain.Contributions;
import io.elicitor.session.Explanations;
import java.util.List;
import java.util.Map;

/** Request and response bodies of the HTTP API. */
public final class Dtos {
    private Dtos() {}

    /**
     * {@code POST /sessions}. All fields optional; {@code queryKind} is {@code items} (default), {@code partial} or
     * {@code mixed}, and {@code partialAttributes} how many attributes a partial query shows (1..4, default 2);
     * {@code allowRepeats} lets the session ask an item slate whose every pair was already compared (default false).
     */
    public record CreateSession(String catalog, Integer slateSize, String strategy, String userKey, Long seed,
                                Filters filters, String queryKind, Integer partialAttributes, Boolean allowRepeats) {}

    /** Which items a session may show and recommend. */
    public record Filters(List<String> excludeIds, List<String> where, Boolean excludeShown) {}

    /**
     * Response of {@code POST /sessions}; {@code lambda} is the choice model's inverse temperature the session uses
     * (an experiment arm's, else the catalog's, else the service default); {@code experimentId} and {@code arm}
     * only when an experiment assigned it; {@code sessionToken} is the bearer that exports or deletes the session,
     * for its user's eyes only.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SessionCreated(String sessionId, String catalog, String catalogVersion, int slateSize, String strategy,
                                 double lambda, String experimentId, String arm, String queryKind,
                                 Integer partialAttributes, boolean allowRepeats, String sessionToken) {}

    /** {@code POST /next-query}; {@code why: false} skips the question's explanation (default: explained). */
    public record NextQuery(String sessionId, Boolean why) {}

    /** An item as shown to the user. */
    public record ItemView(String id, String title, Map<String, Object> attributes) {}

    /** An option of a partial query: its index (what {@code chosenOption} answers) and the attributes it shows. */
    public record OptionView(int index, Map<String, Object> attributes) {}

    /**
     * Response of {@code POST /next-query}: {@code kind} is {@code items} (with {@code items}) or {@code partial}
     * (with {@code options}; every attribute an option does not show is "the same" across the options).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record QueryView(String queryId, String kind, List<ItemView> items, List<OptionView> options, double evoi,
                            boolean stop, double utilityScale, double probabilityTopIsBest, Explanations.Why why) {}

    /** {@code POST /answer}: {@code chosenItemId} answers an item query, {@code chosenOption} a partial one. */
    public record Answer(String sessionId, String queryId, String chosenItemId, Integer chosenOption) {}

    /** A recommendation; {@code because}: its attributes' shares of its utility, largest first (attribute catalogs). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RecommendationView(String id, String title, double expectedUtility,
                                     List<Contributions.Contribution> because) {
        /** A recommendation without its explanation (the {@code /answer} body). */
        public RecommendationView(String id, String title, double expectedUtility) {
            this(id, title, expectedUtility, null);
        }
    }

    /** Response of {@code POST /answer}. */
    public record AnswerView(int answers, List<RecommendationView> recommendations) {}

    /** Response of {@code GET /sessions/{id}}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SessionView(String sessionId, int answers, float[] posteriorMean, double effectiveSampleSize,
                              String catalog, String catalogVersion, String strategy, int slateSize, String userKey,
                              String pendingQueryId, String experimentId, String arm, String queryKind,
                              Integer partialAttributes, boolean allowRepeats) {}
}
