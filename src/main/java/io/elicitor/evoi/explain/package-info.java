/**
 * Explanations computed from the posterior, never invented: what a user's answers say about each attribute's
 * weight ({@link io.elicitor.evoi.explain.AttributeWeights}), what the options of a question differ on
 * ({@link io.elicitor.evoi.explain.OptionDifferences}), what each possible answer would teach
 * ({@link io.elicitor.evoi.explain.AnswerOutlook}), why an item is recommended
 * ({@link io.elicitor.evoi.explain.Contributions}), and where a user parts from the population
 * ({@link io.elicitor.evoi.explain.PopulationContrast}).
 *
 * <p>Plain Java over a {@link io.elicitor.evoi.belief.Belief}'s arrays: M particles by a few hundred candidates at
 * most, so no ND4J and no workspace; safe on any thread. Every figure is a weighted sum over the particles, which the
 * tests recompute directly.
 */
package io.elicitor.evoi.explain;
