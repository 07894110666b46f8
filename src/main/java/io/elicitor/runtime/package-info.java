/**
 * What every part of the running service shares: the one refusal type and the bounded maths pool.
 *
 * <ul>
 *   <li>{@link io.elicitor.runtime.Refusal}: a request refused, with its kind (invalid, unauthorised, not found,
 *       conflict, unavailable) and the request field at fault. Catalogs, sessions and experiments throw it; the
 *       API maps it to {@code application/problem+json} with the matching status.
 *   <li>{@link io.elicitor.runtime.MathExecutor}: runs ND4J work on a fixed pool of worker threads, one per core,
 *       inside the engine's per-thread workspace, never on the Vert.x event loop; a full queue answers 503.
 * </ul>
 * Both are thread-safe. The package sits just above the engine and below catalogs and sessions.
 */
package io.elicitor.runtime;
