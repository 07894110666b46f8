/**
 * The elicitation engine's ground floor, and the engine as a whole.
 *
 * <p>The engine keeps a Bayesian belief over a user's utility vector, values comparison queries by their
 * expected value of information (EVOI) and chooses the next one. It knows nothing of HTTP, storage or catalog
 * files: it works on an {@link io.elicitor.evoi.ItemMatrix} of item embeddings and plain Java values, so the
 * service, the simulation harness, the benchmarks and a batch job reuse it unchanged. The maths is described in
 * {@code evoi/METHOD.md}. Its sub-packages stack, each importing only those below it:
 * <ol>
 *   <li>{@code belief}: priors, the weighted-particle belief and its update under the logit choice model;</li>
 *   <li>{@code value}: exact EVOI of slates over a candidate pool, inner-product search, recommendations;</li>
 *   <li>{@code strategy}: the query-strategy interface and the discrete strategies;</li>
 *   <li>{@code gradient}: the gradient-based strategy (relaxed objective, ascent, swap search);</li>
 *   <li>{@code planner}: the front door for one question, the strategies by name, the engine's settings.</li>
 * </ol>
 *
 * <p>This package holds what all of them use: {@link io.elicitor.evoi.ItemMatrix} (a catalog's read-only
 * {@code N × d} float32 vectors), {@link io.elicitor.evoi.TopK}, {@link io.elicitor.evoi.Seeds} (every random
 * source derives from an explicit seed, so results reproduce bit for bit), {@link io.elicitor.evoi.Buffers} (bulk
 * copies between ND4J and Java arrays) and {@link io.elicitor.evoi.EngineWorkspace} (per-thread ND4J memory).
 *
 * <p>Thread-safety: item matrices and everything stateless are shared freely; ND4J arrays created during a
 * request belong to that thread's workspace and must not outlive it. The engine never starts threads.
 */
package io.elicitor.evoi;
