/**
 * The belief over a user's utility vector {@code w} (utility of item x is {@code w·x}) and how answers change it.
 *
 * <ul>
 *   <li>{@link io.elicitor.evoi.belief.Prior}, {@link io.elicitor.evoi.belief.GaussianPrior}: where particles start
 *       (fitted to a population of folded-in users, or isotropic and scaled to the catalog).</li>
 *   <li>{@link io.elicitor.evoi.belief.Belief}: M weighted particles with the posterior mean and effective sample
 *       size, as plain Java values: what sessions keep, stores encode and the harness carries.</li>
 *   <li>{@link io.elicitor.evoi.belief.Posterior}: the same belief in ND4J memory, where the maths runs; built from
 *       a {@code Belief} per request and turned back into one.</li>
 *   <li>{@link io.elicitor.evoi.belief.Logit}: the one scalar logit/softmax kernel every part of the engine uses;
 *       {@link io.elicitor.evoi.belief.MultinomialLogit} is its batched ND4J form for the update;
 *       {@link io.elicitor.evoi.belief.LambdaCalibration} fits its λ to a catalog.</li>
 *   <li>{@link io.elicitor.evoi.belief.BeliefUpdate}: the one update step (reweight, then systematic resampling
 *       with {@link io.elicitor.evoi.belief.SystematicResampling} and Metropolis–Hastings
 *       {@link io.elicitor.evoi.belief.Rejuvenation} when the effective sample size halves) and the seed streams
 *       of a session, shared by the service, the log replay and the harness;
 *       {@link io.elicitor.evoi.belief.Observation} is one answer as the engine sees it.</li>
 * </ul>
 * Beliefs, priors, settings and the kernel are immutable and thread-safe; a {@code Posterior} belongs to the
 * workspace of the thread that made it.
 */
package io.elicitor.evoi.belief;
