/**
 * The gradient-based EVOI strategy (Vendrov et al., AAAI 2020, as {@code evoi/METHOD.md} designs it for Elicitor).
 *
 * <ul>
 *   <li>{@link io.elicitor.evoi.gradient.GradientStrategy}: seeds, the optional ascent (off by default) and its
 *       map-back, exact re-scoring and swap search; never worse than greedy EUS by exact EVOI.</li>
 *   <li>{@link io.elicitor.evoi.gradient.EmbeddingStrategy} ({@code gradient-embedding}, bench only): query vectors
 *       ascend in the embedding space ({@code EmbeddingAscent}) and are mapped to catalog items by the
 *       inner-product search, then coordinate moves among the retrieved items ({@code RetrievedSearch}) and the
 *       pool's swap search; {@code Candidates} keeps every candidate slate with its exact value.</li>
 *   <li>{@link io.elicitor.evoi.gradient.SlateObjective}: the relaxed objective {@code F(Q, Y)} and its analytic
 *       gradients (checked against finite differences and SameDiff in the tests).</li>
 *   <li>{@code MixtureAscent} (with {@code Adam}): all restarts in one tensor, each query vector a tempered softmax
 *       mixture of pool items so it stays inside the catalog's region.</li>
 *   <li>{@code SlotScan}, {@code SwapSearch}: exact single-slot swaps over the whole pool.</li>
 * </ul>
 * The strategy is stateless and thread-safe; the ascent, scan and search objects are per query and not.
 */
package io.elicitor.evoi.gradient;
