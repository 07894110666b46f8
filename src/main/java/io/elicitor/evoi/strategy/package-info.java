/**
 * How the next slate is chosen: {@link io.elicitor.evoi.strategy.QueryStrategy} takes a
 * {@link io.elicitor.evoi.strategy.QueryContext} (belief, choice model, search, evaluated pool, slate size,
 * exclusions, seeded random source) and returns k catalog items. The discrete strategies live here:
 * {@code random}, {@code exploit} (top k by mean), {@code thompson} (posterior draws' favourites),
 * {@code greedy-eus} (Viappiani and Boutilier's greedy choice set), {@code query-iteration} and
 * {@code exhaustive} (every slate of the pool's top items, within a budget). The gradient strategy is one floor up.
 * Strategies are stateless and thread-safe; all randomness comes from the context.
 */
package io.elicitor.evoi.strategy;
