package io.elicitor.session;

import io.elicitor.catalog.AttributeSchema;
import io.elicitor.catalog.Catalog;
import io.elicitor.catalog.Item;
import io.elicitor.session.state.SessionState;
import io.elicitor.session.state.SessionState.PendingQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A query with what it shows: the catalog items in slate order, or for a partial query each option's shown
 * attributes as a person reads them (numbers in the original units, rounded; a categorical's level); and the session
 * state as stored with it pending, so that explaining the query needs no second read of the store.
 */
public record QueryResult(PendingQuery query, List<Item> items, List<Map<String, Object>> options,
                          SessionState state) {
    /** What {@code p}, pending in {@code state}, shows: items, or options read back through the catalog's schema. */
    static QueryResult of(Catalog catalog, PendingQuery p, SessionState state) {
        if (p.partial() == null) {
            return new QueryResult(p, p.itemIds().stream().map(id -> catalog.item(catalog.indexOf(id).orElseThrow()))
                    .toList(), List.of(), state);
        }
        AttributeSchema schema = catalog.schema().orElseThrow();
        List<Map<String, Object>> options = new ArrayList<>(p.partial().size());
        for (int i = 0; i < p.partial().size(); i++) {
            Map<String, Object> all = schema.read(p.partial().vector(i));
            Map<String, Object> shown = new LinkedHashMap<>();
            p.partial().attributes().forEach(a -> shown.put(a, all.get(a)));
            options.add(shown);
        }
        return new QueryResult(p, List.of(), options, state);
    }
}
