/**
 * What a session is: {@link io.elicitor.session.state.SessionState}, one immutable value holding the pinned
 * catalog version, the strategy, the seed, the belief settings and the current
 * {@link io.elicitor.evoi.belief.Belief}, the pending query and every answer (with the response it got, so a
 * repeated answer gets the same body); and {@link io.elicitor.session.state.BeliefReplay}, the one place a
 * session's belief is computed from its seed and answers, live and when rebuilt from the log, bit for bit.
 * States are immutable and thread-safe; a step makes a new one with the version moved by one.
 */
package io.elicitor.session.state;
