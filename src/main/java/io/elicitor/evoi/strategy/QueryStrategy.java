package io.elicitor.evoi.strategy;

/**
 * Chooses the next slate to ask. Implementations are stateless and thread-safe; everything they need,
 * randomness included, comes in the {@link QueryContext}.
 */
public interface QueryStrategy {
    /** The name clients select this strategy by, for example {@code "exhaustive"}. */
    String name();

    /** Catalog indices of k distinct, non-excluded items, where k is the context's slate size. */
    int[] select(QueryContext context);
}
