package io.elicitor.simulation;

/**
 * What one simulated user's run recorded.
 *
 * @param regret normalised regret of the top recommendation after t = 0..T answers
 * @param bestInTop10 whether the user's truly best item is among the top 10 recommendations after T answers
 * @param queryMillis milliseconds each query took to choose (in process) or to serve (over HTTP)
 * @param correctAnswers how many answers picked the truly best item of their slate
 * @param answerMillis milliseconds each {@code /answer} took (over HTTP only; empty in process)
 * @param plateauQueries how many asked slates had EVOI 0: no answer could change the recommendation
 *                       ({@link io.elicitor.evoi.planner.PlannedQuery#onPlateau})
 */
public record UserTrace(double[] regret, boolean bestInTop10, double[] queryMillis, int correctAnswers,
                        double[] answerMillis, int plateauQueries) {
}
