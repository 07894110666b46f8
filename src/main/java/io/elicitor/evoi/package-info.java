/**
 * The elicitation engine: Bayesian posteriors over a user's utility vector, choice models, exact and
 * gradient-optimised expected value of information (EVOI), and the query strategies built on them.
 *
 * <p>This package knows nothing of HTTP, storage or catalogs on disk: it works on an {@link
 * io.elicitor.evoi.ItemMatrix} of item embeddings and plain Java values, so the service, the simulation
 * harness, the benchmarks and a batch job all reuse it unchanged. Every random choice takes an explicit
 * seed so that results reproduce bit for bit.
 */
package io.elicitor.evoi;
