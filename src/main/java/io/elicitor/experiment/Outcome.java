package io.elicitor.experiment;

/**
 * What the app reports a user did with a recommendation: the body of {@code POST /sessions/{id}/outcome},
 * checked and stored by {@link OutcomeRecorder}.
 *
 * @param itemId the recommended item, from the session's catalog
 * @param accepted whether the user took it
 * @param rating optional rating, 0 to 10
 */
public record Outcome(String itemId, Boolean accepted, Double rating) {}
