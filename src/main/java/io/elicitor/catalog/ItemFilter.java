package io.elicitor.catalog;

import java.util.BitSet;
import java.util.List;
import java.util.OptionalInt;

/**
 * Which items a session may be shown and recommended: ids to exclude and attribute predicates every
 * shown item must satisfy. Applied to queries and recommendations alike; items already shown in the
 * session are excluded on top of this by the session service when asked to. Evaluating it costs one
 * pass over the catalog's attributes, {@code O(N · predicates)}.
 *
 * @param excludeIds item ids never to show or recommend
 * @param where predicates an item must all satisfy, for example {@code "Year >= 1980"}
 * @param excludeShown whether items already shown in earlier queries are excluded from later queries
 */
public record ItemFilter(List<String> excludeIds, List<String> where, boolean excludeShown) {
    /** No exclusions. */
    public static final ItemFilter NONE = new ItemFilter(List.of(), List.of(), false);

    /** Freezes the lists. */
    public ItemFilter {
        excludeIds = excludeIds == null ? List.of() : List.copyOf(excludeIds);
        where = where == null ? List.of() : List.copyOf(where);
    }

    /** The parsed predicates; throws {@link IllegalArgumentException} naming a malformed one. */
    public List<AttributePredicate> predicates() {
        return where.stream().map(AttributePredicate::parse).toList();
    }

    /**
     * The excluded rows of a catalog. Unknown ids and attributes are refused (a typo would silently
     * filter nothing or everything).
     */
    public BitSet excludedRows(Catalog catalog) {
        BitSet out = new BitSet(catalog.size());
        for (String id : excludeIds) {
            OptionalInt row = catalog.indexOf(id);
            if (row.isEmpty()) {
                throw new IllegalArgumentException("excludeIds: no item '" + id + "' in catalog " + catalog.id());
            }
            out.set(row.getAsInt());
        }
        List<AttributePredicate> predicates = predicates();
        for (AttributePredicate p : predicates) {
            boolean known = catalog.items().stream().anyMatch(i -> i.attributes().containsKey(p.attribute()));
            if (!known) {
                throw new IllegalArgumentException("where: no item of catalog " + catalog.id() + " has attribute '"
                        + p.attribute() + "'");
            }
        }
        if (!predicates.isEmpty()) {
            for (int i = 0; i < catalog.size(); i++) {
                for (AttributePredicate p : predicates) {
                    if (!p.test(catalog.item(i).attributes())) {
                        out.set(i);
                        break;
                    }
                }
            }
        }
        return out;
    }
}
