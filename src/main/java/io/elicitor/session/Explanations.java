package io.elicitor.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.elicitor.catalog.AnnInnerProductSearch;
import io.elicitor.catalog.AttributeSchema;
import io.elicitor.catalog.CatalogRegistry;
import io.elicitor.evoi.Buffers;
import io.elicitor.evoi.belief.Belief;
import io.elicitor.evoi.belief.GaussianPrior;
import io.elicitor.evoi.explain.AnswerOutlook;
import io.elicitor.evoi.explain.AttributeWeights;
import io.elicitor.evoi.explain.Contributions;
import io.elicitor.evoi.explain.OptionDifferences;
import io.elicitor.evoi.explain.PopulationContrast;
import io.elicitor.evoi.explain.TopItem;
import io.elicitor.evoi.partial.AttributeSpace;
import io.elicitor.runtime.MathExecutor;
import io.elicitor.session.state.SessionState;
import io.elicitor.session.state.SessionState.AnsweredQuery;
import io.elicitor.session.state.SessionState.PendingQuery;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A session explained from its posterior ({@link io.elicitor.evoi.explain}): what the answers say about the user,
 * why the pending question is asked, and why items are recommended. Figures about "the best item" are judged over
 * the session's candidates: every item it may be shown, or on a larger catalog the {@value #CANDIDATES} best by
 * posterior mean (the {@value #APPROXIMATE_CANDIDATES} best where search is approximate: an ANN search for 500 cost
 * 16 ms per question at a million items). The work runs on the maths pool, off the event loop.
 */
public final class Explanations {
    /** Most candidate items an explanation weighs; beyond it, the best by posterior mean. */
    public static final int CANDIDATES = 500;

    /** Candidates where the catalog's search is approximate: as many as the planner's pool takes by posterior mean. */
    public static final int APPROXIMATE_CANDIDATES = 64;

    private final CatalogRegistry catalogs;
    private final SessionSteps sessions;
    private final ItemExclusions exclusions;
    private final MathExecutor math;

    /** What {@code GET /sessions/{id}/explanation} returns: attributes for attribute catalogs, else the population. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Explanation(String sessionId, int answers, Integer answersWorthAsking, String topItemId,
                              String topItemTitle, double probabilityTopIsBest, double expectedRegret,
                              List<AttributeWeights.Weight> attributeWeights, Population population) {}

    /** A ratings catalog's contrast of the user with the population. */
    public record Population(List<Shared> agreed, List<Shared> likedMore, List<Shared> likedLess) {}

    /** An item with its standardised utility for the user and for the population. */
    public record Shared(String id, String title, double user, double population) {}

    /** The {@code why} of a question: what its options differ on and what each answer would teach. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Why(List<OptionDifferences.Difference> differences, double expectedRegret, List<Outcome> answers,
                      List<String> partialAttributes) {}

    /** One possible answer: the item (or option index) chosen, how likely it is, and the regret it would remove. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Outcome(String itemId, Integer option, double probability, double regretReduction) {}

    /** Explanations over the given registry, session steps, exclusions and maths pool. */
    public Explanations(CatalogRegistry catalogs, SessionSteps sessions, ItemExclusions exclusions, MathExecutor math) {
        this.catalogs = catalogs;
        this.sessions = sessions;
        this.exclusions = exclusions;
        this.math = math;
    }

    /** The explanation of session {@code sessionId}. */
    public Uni<Explanation> explain(String sessionId) {
        return sessions.get(sessionId).flatMap(s -> math.submit(() -> explain(s, sessions.pinned(s))));
    }

    /** The why of a question, from the session state it was stored pending in (no second read of the store). */
    public Uni<Why> why(QueryResult query) {
        SessionState s = query.state();
        return math.submit(() -> why(s, sessions.pinned(s), query.query()));
    }

    /** For each item recommended, its attributes' shares of its utility, largest first (none without attributes). */
    public Uni<Map<String, List<Contributions.Contribution>>> because(SessionSteps.Recommended recommended) {
        SessionState s = recommended.state();
        return math.submit(() -> {
            CatalogRegistry.Entry e = sessions.pinned(s);
            Map<String, List<Contributions.Contribution>> out = new LinkedHashMap<>();
            if (e.attributes().isEmpty()) {
                return out;
            }
            String[] levels = levels(e);
            for (var r : recommended.items()) {
                int row = e.catalog().indexOf(r.id()).orElseThrow();
                out.put(r.id(), Contributions.of(s.belief().mean(), e.search().items().row(row), e.attributes().get(),
                        levels));
            }
            return out;
        });
    }

    private Explanation explain(SessionState s, CatalogRegistry.Entry e) {
        Belief b = s.belief();
        int[] candidates = candidates(s, e);
        float[] rows = rows(e, candidates);
        TopItem top = TopItem.of(b, rows, candidates);
        Integer worth = s.answers().stream().anyMatch(a -> a.worthAsking() == null) ? null
                : (int) s.answers().stream().filter(AnsweredQuery::worthAsking).count();
        List<AttributeWeights.Weight> weights = e.attributes().map(space -> AttributeWeights.of(b, space, levels(e)))
                .orElse(null);
        Population population = null;
        if (e.attributes().isEmpty() && e.prior() instanceof GaussianPrior g) {
            population = population(b, e, g, candidates, rows);
        }
        return new Explanation(s.sessionId(), s.answers().size(), worth, e.catalog().item(top.item()).id(),
                e.catalog().item(top.item()).title(), top.probabilityBest(), top.expectedRegret(), weights, population);
    }

    private Why why(SessionState s, CatalogRegistry.Entry e, PendingQuery q) {
        int d = e.catalog().dimension();
        int k = q.size();
        float[] options = new float[k * d];
        for (int i = 0; i < k; i++) {
            float[] v = q.partial() != null ? q.partial().vector(i)
                    : e.search().items().row(e.catalog().indexOf(q.itemIds().get(i)).orElseThrow());
            System.arraycopy(v, 0, options, i * d, d);
        }
        int[] candidates = candidates(s, e);
        AnswerOutlook.Outlook o = AnswerOutlook.of(s.belief(), options, k, rows(e, candidates), candidates.length,
                s.beliefSettings().lambda());
        List<Outcome> answers = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            answers.add(new Outcome(q.partial() != null ? null : q.itemIds().get(i), q.partial() != null ? i : null,
                    o.probability()[i], o.reduction(i)));
        }
        List<OptionDifferences.Difference> differences = e.attributes().map(space -> OptionDifferences.of(
                s.belief().mean(), space, levels(e), options, k)).orElse(List.of());
        return new Why(differences.subList(0, Math.min(3, differences.size())), o.regretNow(), answers,
                q.partial() == null ? null : q.partial().attributes());
    }

    private Population population(Belief b, CatalogRegistry.Entry e, GaussianPrior prior, int[] candidates,
                                  float[] rows) {
        double[] m = prior.mean();
        float[] populationMean = new float[m.length];
        for (int c = 0; c < m.length; c++) {
            populationMean[c] = (float) m[c];
        }
        PopulationContrast.Contrast c = PopulationContrast.of(b.mean(), populationMean, rows, candidates.length, 5);
        return new Population(shared(e, candidates, c.agreed()), shared(e, candidates, c.likedMore()),
                shared(e, candidates, c.likedLess()));
    }

    /** The items of a contrast over candidate positions, as catalog items. */
    private static List<Shared> shared(CatalogRegistry.Entry e, int[] candidates, List<PopulationContrast.Item> items) {
        return items.stream().map(i -> {
            var item = e.catalog().item(candidates[i.item()]);
            return new Shared(item.id(), item.title(), i.user(), i.population());
        }).toList();
    }

    /** Every item the session may be shown, or the {@value #CANDIDATES} best of them by posterior mean. */
    private int[] candidates(SessionState s, CatalogRegistry.Entry e) {
        BitSet excluded = exclusions.of(s, e);
        int n = e.catalog().size();
        int most = e.search() instanceof AnnInnerProductSearch ? APPROXIMATE_CANDIDATES : CANDIDATES;
        if (n - excluded.cardinality() > most) {
            return e.search().topK(s.belief().mean(), most, excluded);
        }
        int[] out = new int[n - excluded.cardinality()];
        for (int i = excluded.nextClearBit(0), at = 0; i < n; i = excluded.nextClearBit(i + 1)) {
            out[at++] = i;
        }
        return out;
    }

    /** The candidates' vectors, row-major, in one native gather (a view per row costs ~15 µs). */
    private static float[] rows(CatalogRegistry.Entry e, int[] candidates) {
        return Buffers.toArray(e.search().items().rows(candidates));
    }

    /** The level each column stands for (null for numeric columns), from the catalog's schema. */
    private static String[] levels(CatalogRegistry.Entry e) {
        List<AttributeSchema.Column> columns = e.catalog().schema().orElseThrow().columns();
        String[] out = new String[columns.size()];
        for (int c = 0; c < out.length; c++) {
            out[c] = columns.get(c).level();
        }
        return out;
    }
}
