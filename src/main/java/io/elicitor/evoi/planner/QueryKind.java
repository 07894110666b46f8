package io.elicitor.evoi.planner;

import java.util.Locale;
import java.util.Optional;

/** Which questions a session asks: whole items, partial items (a few attributes), or whichever is worth more. */
public enum QueryKind {
    /** Compare k catalog items. */
    ITEMS,
    /** Compare k partial items showing s attributes, the others equal. */
    PARTIAL,
    /** Ask the best item query or the best partial query, whichever has the larger exact EVOI. */
    MIXED;

    /** The name clients use: {@code items}, {@code partial} or {@code mixed}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind with this wire name, if any. */
    public static Optional<QueryKind> parse(String name) {
        for (QueryKind k : values()) {
            if (k.wireName().equals(name)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** Whether this kind needs an attribute catalog. */
    public boolean needsAttributes() {
        return this != ITEMS;
    }
}
