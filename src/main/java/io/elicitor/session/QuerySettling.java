package io.elicitor.session;

import io.elicitor.catalog.CatalogRegistry;
import io.elicitor.evoi.partial.AttributeSpace;
import io.elicitor.evoi.partial.PartialContext;
import io.elicitor.evoi.planner.QueryKind;
import io.elicitor.evoi.planner.StrategyRegistry;
import io.elicitor.runtime.Refusal;
import io.elicitor.runtime.Refusal.Kind;
import io.elicitor.session.state.SessionState.QuerySettings;
import java.util.function.UnaryOperator;

/**
 * Settles which questions a new session asks, arm before request before default ({@code items}), and refuses
 * what cannot work with the field at fault: partial questions on a catalog without an attribute schema
 * ({@code queryKind}), attribute counts out of range ({@code partialAttributes}), more options than a partial query
 * shows ({@code slateSize}), or a strategy with no partial form ({@code strategy}). Experiment definitions check
 * their arms with the same rules ({@link #check}).
 */
public final class QuerySettling {
    private QuerySettling() {}

    /** The settled question settings for a session of slate size {@code k} running {@code strategy}. */
    static QuerySettings settle(SessionCreation.Request r, Enrolment.ArmChoice a, CatalogRegistry.Entry entry, int k,
                                String strategy) {
        if (a != null && a.queryKind() != null && r.queryKind() != null && !a.queryKind().equals(r.queryKind())) {
            throw new Refusal(Kind.CONFLICT, "queryKind", "this session belongs to experiment " + a.experimentId()
                    + " (arm '" + a.arm() + "'), which sets queryKind " + a.queryKind());
        }
        String name = a != null && a.queryKind() != null ? a.queryKind() : r.queryKind();
        Integer asked = a != null && a.partialAttributes() != null ? a.partialAttributes() : r.partialAttributes();
        return check(entry, name, asked, k, strategy, Boolean.TRUE.equals(r.allowRepeats()), field -> field);
    }

    /**
     * The question settings {@code queryKind} (null: items) and {@code partialAttributes} (null: 2, or fewer when the
     * catalog has fewer attributes) give on {@code entry}'s catalog with slates of {@code slateSize} (null: not set
     * here) and {@code strategy}; or a refusal whose field is {@code field} applied to the parameter's name
     * ({@code queryKind}, {@code partialAttributes}, {@code slateSize}, {@code strategy}).
     */
    public static QuerySettings check(CatalogRegistry.Entry entry, String queryKind, Integer partialAttributes,
                                      Integer slateSize, String strategy, boolean allowRepeats,
                                      UnaryOperator<String> field) {
        QueryKind kind = queryKind == null ? QueryKind.ITEMS : QueryKind.parse(queryKind).orElseThrow(() ->
                new Refusal(Kind.INVALID, field.apply("queryKind"), "queryKind must be items, partial or mixed, got '"
                        + queryKind + "'"));
        if (!kind.needsAttributes()) {
            if (partialAttributes != null) {
                throw new Refusal(Kind.INVALID, field.apply("partialAttributes"), "partialAttributes applies to"
                        + " queryKind partial or mixed; these questions are items");
            }
            return new QuerySettings(QueryKind.ITEMS, 0, allowRepeats);
        }
        AttributeSpace space = entry.attributes().orElseThrow(() -> new Refusal(Kind.INVALID, field.apply("queryKind"),
                "queryKind " + kind.wireName() + " needs a catalog with an attribute schema; catalog '"
                        + entry.catalog().id() + "' has none (a ratings catalog: ask items)"));
        int most = Math.min(PartialContext.MAX_ATTRIBUTES, space.size());
        int s = partialAttributes != null ? partialAttributes
                : Math.min(SessionCreation.DEFAULT_PARTIAL_ATTRIBUTES, most);
        if (s < 1 || s > most) {
            throw new Refusal(Kind.INVALID, field.apply("partialAttributes"), "partialAttributes must be between 1 and "
                    + most + " for catalog '" + entry.catalog().id() + "', got " + s);
        }
        if (slateSize != null && slateSize > PartialContext.MAX_OPTIONS) {
            throw new Refusal(Kind.INVALID, field.apply("slateSize"), "a partial query shows 2 to "
                    + PartialContext.MAX_OPTIONS + " options; slateSize is " + slateSize);
        }
        if (StrategyRegistry.partial(strategy).isEmpty()) {
            throw new Refusal(Kind.INVALID, field.apply("strategy"), StrategyRegistry.unknownPartial(strategy));
        }
        return new QuerySettings(kind, s, allowRepeats);
    }
}
