package io.elicitor.experiment;

import java.util.List;

/**
 * What the results queries read for one experiment: a row per assigned session and the next-query latency
 * percentiles per arm.
 *
 * @param experiment the experiment the rows belong to
 * @param sessions one row per session assigned to it
 * @param latency one row per arm that planned at least one query
 */
public record ResultRows(Experiment experiment, List<SessionRow> sessions, List<LatencyRow> latency) {
    /** Freezes the rows. */
    public ResultRows {
        sessions = List.copyOf(sessions);
        latency = List.copyOf(latency);
    }

    /**
     * One assigned session.
     *
     * @param arm the arm it ran (rows of an arm the experiment does not have are ignored)
     * @param answers answers given
     * @param stopped whether one of its queries said {@code stop}
     * @param accepted whether an outcome reported a recommendation accepted
     * @param meanRating mean of the ratings its outcomes gave, or null when none did
     * @param withdrawn whether its user deleted it: still assigned, but nothing it did is left
     */
    public record SessionRow(String arm, long answers, boolean stopped, boolean accepted, Double meanRating,
                             boolean withdrawn) {}

    /**
     * Time to plan a next query, over every query of an arm's sessions.
     *
     * @param arm the arm
     * @param p50Millis median, in milliseconds
     * @param p99Millis 99th percentile, in milliseconds
     */
    public record LatencyRow(String arm, double p50Millis, double p99Millis) {}
}
