/**
 * What a query and a recommendation are worth under a belief.
 *
 * <ul>
 *   <li>{@link io.elicitor.evoi.value.InnerProductSearch}: the items with the largest {@code q·x}, exact
 *       ({@link io.elicitor.evoi.value.ExactInnerProductSearch}) or approximate (the catalog package's ANN index).</li>
 *   <li>{@link io.elicitor.evoi.value.CandidatePool}: the few hundred items where values are computed exactly.</li>
 *   <li>{@link io.elicitor.evoi.value.PoolEvaluator}: exact PEU, EVOI and EUS of batches of slates over the pool;
 *       {@link io.elicitor.evoi.value.SlateValues#best} is the one choice rule (largest EVOI, ties to EUS).</li>
 *   <li>{@link io.elicitor.evoi.value.PoolScores}: the same pool as plain arrays for the strategies' small kernels.</li>
 *   <li>{@link io.elicitor.evoi.value.Recommendations}: the top items by posterior expected utility.</li>
 * </ul>
 * One evaluator and its scores serve one query on one thread; searches over a catalog are shared read-only and
 * are thread-safe.
 */
package io.elicitor.evoi.value;
