package io.elicitor.session;

import io.elicitor.catalog.CatalogRegistry;
import io.elicitor.catalog.ItemFilter;
import io.elicitor.runtime.Refusal;
import io.elicitor.session.state.SessionState;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which catalog rows a session may neither show nor recommend: the rows its filter excludes, plus the items
 * already shown when the filter asks for that. A filter's rows are cached per (catalog, version, filter),
 * because evaluating predicates costs a pass over the catalog, {@code O(N · predicates)}, and most sessions
 * share a handful of filters; the cache is cleared when it passes 1,024 entries. Thread-safe.
 */
public final class ItemExclusions {
    private static final int MAX_CACHED = 1024;

    private final Map<Key, BitSet> byFilter = new ConcurrentHashMap<>();

    private record Key(String catalog, String version, List<String> excludeIds, List<String> where) {}

    /** The rows session {@code s} may not show or recommend now (a new set the caller may change). */
    public BitSet of(SessionState s, CatalogRegistry.Entry entry) {
        BitSet out = (BitSet) byFilter(entry, s.filter()).clone();
        if (s.filter().excludeShown()) {
            for (String id : s.shownItemIds()) {
                entry.catalog().indexOf(id).ifPresent(out::set);
            }
        }
        return out;
    }

    /** How many rows of the catalog a session with this filter may show before anything is shown. */
    public int eligible(CatalogRegistry.Entry entry, ItemFilter filter) {
        return entry.catalog().size() - byFilter(entry, filter).cardinality();
    }

    /** The filter's rows; shared, callers must not change them. A bad filter is refused naming its field. */
    private BitSet byFilter(CatalogRegistry.Entry entry, ItemFilter filter) {
        if (filter.excludeIds().isEmpty() && filter.where().isEmpty()) {
            return new BitSet();
        }
        Key key = new Key(entry.catalog().id(), entry.catalog().version(), filter.excludeIds(), filter.where());
        BitSet cached = byFilter.get(key);
        if (cached != null) {
            return cached;
        }
        BitSet rows;
        try {
            rows = filter.excludedRows(entry.catalog());
        } catch (ItemFilter.Refusal e) {
            throw new Refusal(Refusal.Kind.INVALID, "filters." + e.field(), e.getMessage());
        }
        if (byFilter.size() > MAX_CACHED) {
            byFilter.clear();
        }
        byFilter.put(key, rows);
        return rows;
    }
}
