/**
 * Real answers: simulated sessions in which each user is a real person and every question is answered from
 * that person's recorded preferences (a SUSHI ranking, MovieLens ratings) instead of by the choice model the
 * engine assumes. Questions are restricted to the items the person has a recorded preference over; the
 * measures are where the top recommendation sits in the person's own order, hit@1, hit@3 and NDCG@3, beside
 * the non-personal baselines and a per-person multinomial logit fitted to the same answers. People whose
 * records built the catalog's embedding are refused as test people.
 *
 * <p>The choice model's λ is set from the same kind of records, on the catalog's prior population only:
 * {@link io.elicitor.simulation.people.RecommendationFit} picks the λ whose sessions recommend best to those
 * people; {@link io.elicitor.simulation.people.LambdaFit} and {@link io.elicitor.simulation.people.EngineQuestionFit}
 * fit it by marginal likelihood, to random pairs or to the engine's own questions. Both run
 * {@link io.elicitor.simulation.people.PopulationSessions}.
 *
 * <p>May use the engine, the catalog and {@code simulation}'s statistics; never sessions, the API or the tools.
 */
package io.elicitor.simulation.people;
