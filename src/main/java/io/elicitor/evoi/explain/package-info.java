/**
 * Explanations computed from the posterior, never invented: what a user's answers say about each attribute's
 * weight ({@link io.elicitor.evoi.explain.AttributeWeights}), what the options of a question differ on
 * ({@link io.elicitor.evoi.explain.OptionDifferences}), what each possible answer would teach
 * ({@link io.elicitor.evoi.explain.AnswerOutlook}), why an item is recommended
 * ({@link io.elicitor.evoi.explain.Contributions}), and where a user parts from the population
 * ({@link io.elicitor.evoi.explain.PopulationContrast}).
 *
 * <p>Over a {@link io.elicitor.evoi.belief.Belief}'s arrays: M particles by a few hundred candidates at most. The
 * particle-by-candidate scores are one ND4J product, as in the engine's pool, so call these on a maths thread (inside
 * an engine workspace in the service); the rest is plain Java. Every figure is a weighted sum over the particles,
 * which the tests recompute directly.
 */
package io.elicitor.evoi.explain;
