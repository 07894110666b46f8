package io.elicitor.simulation;

/** Drives one simulated user through T queries of one strategy, in process or over HTTP. */
public interface UserRunner {
    /**
     * Runs one user. {@code sessionSeed} seeds the session (prior draw and query planning), {@code answerSeed}
     * the user's answers; both are the same for every strategy, so strategies are compared on paired users.
     */
    UserTrace run(SimulatedUser user, String strategy, long sessionSeed, long answerSeed);
}
