package io.elicitor.evoi.planner;

import io.elicitor.evoi.partial.AttributeSpace;
import io.elicitor.evoi.partial.PartialContext;

/**
 * Which questions to plan: whole items, partial items showing a few attributes, or whichever is worth more.
 *
 * @param kind items, partial or mixed
 * @param partialAttributes attributes a partial query shows, 1..{@link PartialContext#MAX_ATTRIBUTES}; 0 for items
 * @param space the catalog's attribute space; null for item questions
 */
public record Questions(QueryKind kind, int partialAttributes, AttributeSpace space) {
    /** Item questions only. */
    public static final Questions ITEMS = new Questions(QueryKind.ITEMS, 0, null);

    /** Validates eagerly: partial questions need an attribute space with at least {@code partialAttributes}. */
    public Questions {
        if (kind == null) {
            throw new IllegalArgumentException("kind is required");
        }
        if (kind.needsAttributes()) {
            if (space == null) {
                throw new IllegalArgumentException("queryKind " + kind.wireName() + " needs a catalog with attributes");
            }
            if (partialAttributes < 1 || partialAttributes > Math.min(PartialContext.MAX_ATTRIBUTES, space.size())) {
                throw new IllegalArgumentException("partialAttributes must be between 1 and "
                        + Math.min(PartialContext.MAX_ATTRIBUTES, space.size()) + ", got " + partialAttributes);
            }
        }
    }
}
