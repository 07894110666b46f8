package io.elicitor.catalog;

import java.util.BitSet;
import java.util.List;
import io.elicitor.runtime.ServiceIds;
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

    /** A refusal of this filter, naming the field at fault: {@code excludeIds} or {@code where}. */
    public static final class Refusal extends IllegalArgumentException {
        private final String field;

        Refusal(String field, String message) {
            super(field + ": " + message);
            this.field = field;
        }

        /** The filter field at fault: {@code excludeIds} or {@code where}. */
        public String field() {
            return field;
        }
    }

    /** The parsed predicates; throws a {@link Refusal} on {@code where} naming a malformed one. */
    public List<AttributePredicate> predicates() {
        return where.stream().map(text -> {
            try {
                return AttributePredicate.parse(text);
            } catch (IllegalArgumentException e) {
                throw new Refusal("where", e.getMessage());
            }
        }).toList();
    }

    /**
     * The excluded rows of a catalog. Unknown ids and attributes are refused with a {@link Refusal} (a typo
     * would silently filter nothing or everything).
     */
    public BitSet excludedRows(Catalog catalog) {
        BitSet out = new BitSet(catalog.size());
        for (String id : excludeIds) {
            OptionalInt row = ServiceIds.plausibleItemId(id) ? catalog.indexOf(id) : OptionalInt.empty();
            if (row.isEmpty()) {
                throw new Refusal("excludeIds", "no item '" + (id == null ? "null" : ServiceIds.shown(id))
                        + "' in catalog " + catalog.id());
            }
            out.set(row.getAsInt());
        }
        List<AttributePredicate> predicates = predicates();
        for (AttributePredicate p : predicates) {
            boolean known = catalog.items().stream().anyMatch(i -> i.attributes().containsKey(p.attribute()));
            if (!known) {
                throw new Refusal("where", "no item of catalog " + catalog.id() + " has attribute '"
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
