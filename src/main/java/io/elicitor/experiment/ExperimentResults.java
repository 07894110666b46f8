package io.elicitor.experiment;

import java.util.List;

/**
 * What {@code GET /experiments/{id}/results} returns.
 *
 * @param experimentId the experiment
 * @param name its name
 * @param status running or stopped
 * @param unit assignment unit
 * @param primaryMetric the metric arms are compared on ({@code acceptanceRate})
 * @param arms per-arm results, the control first
 * @param comparisons every other arm against the control on the primary metric
 * @param sampleRatioPValue chi-squared p-value of the assignment counts against the weights
 * @param sampleRatioMismatch whether that p-value is below 0.001: assignment is broken, distrust the rest
 */
public record ExperimentResults(String experimentId, String name, String status, String unit, String primaryMetric,
                                List<ArmResult> arms, List<Comparison> comparisons, double sampleRatioPValue,
                                boolean sampleRatioMismatch) {

    /**
     * One arm. Rates are per assigned session (a session with no reported outcome counts as not accepted:
     * intention to treat, which also counts a session its user deleted, {@code withdrawnSessions} of them, as not
     * accepted); answers per session and the stop rate are over the sessions not withdrawn; every interval is 95%.
     */
    public record ArmResult(String name, String strategy, double weight, long sessions, long withdrawnSessions,
                            double answersPerSession, double answersPerSessionLow, double answersPerSessionHigh,
                            double stopRate, double stopRateLow, double stopRateHigh,
                            double acceptanceRate, double acceptanceLow, double acceptanceHigh,
                            long ratedSessions, Double meanRating, Double meanRatingLow, Double meanRatingHigh,
                            Double nextQueryMsP50, Double nextQueryMsP99) {}

    /**
     * An arm against the control: {@code difference = arm − control} in acceptance rate.
     *
     * @param alwaysValidPValue mSPRT p-value, valid under continuous monitoring
     * @param significant whether the 95% interval excludes 0 and the always-valid p-value is below 0.05
     */
    public record Comparison(String arm, String control, double difference, double differenceLow, double differenceHigh,
                             double alwaysValidPValue, boolean significant) {}
}
