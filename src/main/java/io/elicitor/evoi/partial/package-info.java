/**
 * Partial-item questions: options that show s attributes (1–4) of an attribute catalog and leave the others
 * equal, so an option's utility is {@code w_S·x_S} and the same logit, posterior update and EVOI apply.
 *
 * <p>{@link io.elicitor.evoi.partial.AttributeSpace} is the engine's view of a catalog's attributes (columns,
 * ranges, grid, display rounding); {@link io.elicitor.evoi.partial.PartialQuery} is one question;
 * {@link io.elicitor.evoi.partial.PartialStrategy} chooses one from a
 * {@link io.elicitor.evoi.partial.PartialContext}. The baselines search a grid of values (each numeric
 * attribute at 5 quantiles, every level): {@code random}, {@code greedy-eus}, {@code exhaustive}
 * ({@link io.elicitor.evoi.partial.PartialGrid}); {@code gradient}
 * ({@link io.elicitor.evoi.partial.GradientPartial}) ascends the Monte Carlo EVOI over continuous values from
 * greedy's seeds through {@link io.elicitor.evoi.partial.OptionRelaxation}. Recommendations stay real catalog
 * items: every strategy is scored by the {@link io.elicitor.evoi.value.PoolEvaluator} of the item pool.
 *
 * <p>Strategies are stateless and thread-safe; they run ND4J, so call them on a maths thread inside an engine
 * workspace, as the item strategies.
 */
package io.elicitor.evoi.partial;
