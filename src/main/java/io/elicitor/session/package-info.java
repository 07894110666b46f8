/**
 * How a session runs, one type per job:
 * <ul>
 *   <li>{@link io.elicitor.session.SessionCreation}: validates a new session's request and settles what an
 *       experiment arm ({@link io.elicitor.session.Enrolment}), the request and the defaults say, in that order;
 *       draws the first belief and stores the session.</li>
 *   <li>{@link io.elicitor.session.SessionSteps}: the step loop. {@code nextQuery} plans with the engine
 *       (or returns the pending query), {@code answer} updates the belief and recommends, each as one read, a
 *       computation on the maths pool and a compare-and-set write, retried on a lost race.</li>
 *   <li>{@link io.elicitor.session.ItemExclusions}: which items a session may not show or recommend.</li>
 * </ul>
 * A {@code POST /answer} goes: {@code api.ElicitationResource} → {@code SessionSteps.answer} →
 * {@code session.store.SessionStore} (read, then compare-and-set) → {@code session.state.BeliefReplay} →
 * {@code evoi.belief.BeliefUpdate} → {@code Posterior.observe} → {@code MultinomialLogit}, and back through
 * {@code evoi.value.Recommendations}. Below: {@code session.state} (what a session is) and {@code session.store}
 * (where it lives). All types here are thread-safe; ND4J work never runs on the Vert.x event loop.
 */
package io.elicitor.session;
