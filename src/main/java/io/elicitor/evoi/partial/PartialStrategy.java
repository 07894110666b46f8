package io.elicitor.evoi.partial;

/**
 * Chooses the next partial query. Implementations are stateless and thread-safe; everything they need,
 * randomness included, comes in the {@link PartialContext}.
 */
public interface PartialStrategy {
    /** The name clients select this strategy by; the same as the item strategy it corresponds to. */
    String name();

    /** A query of the context's k options over s of its attributes, every value one a person can be shown. */
    PartialQuery select(PartialContext context);
}
