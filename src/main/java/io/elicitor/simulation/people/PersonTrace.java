package io.elicitor.simulation.people;

/**
 * One person's session under one strategy, answered from their record.
 *
 * @param bayes measures of the posterior's recommendation after t = 0..T answers
 * @param mnl measures of the per-person multinomial logit fitted to the same first t answers
 * @param ties answers the record could not decide (the lower item id was taken)
 * @param repeatedSlates questions whose slate (as a set) had already been answered in the session
 * @param firstStop the first t at which the planner said stop, or −1 when it never did
 * @param millis planning time of each question
 * @param evoiFraction each question's EVOI over the utility scale (what the EVOI stop rule compares)
 * @param confidence before each question, the posterior probability that the top item is the best
 * @param slates the catalog rows of each question asked, in order (what a λ fit to the engine's questions reads)
 */
public record PersonTrace(Measures[] bayes, Measures[] mnl, int ties, int repeatedSlates, int firstStop, double[] millis,
                          double[] evoiFraction, double[] confidence, int[][] slates) {}
