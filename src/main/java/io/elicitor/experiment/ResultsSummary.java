package io.elicitor.experiment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the rows an experiment's results queries read into {@link ExperimentResults}: per-arm rates and
 * means with 95% intervals, every arm against the control, and the sample-ratio check. A pure function.
 */
public final class ResultsSummary {
    /** Mixing variance of the mSPRT over the acceptance difference: effects around ±0.1 are expected. */
    static final double MSPRT_TAU2 = 0.01;

    private ResultsSummary() {}

    /**
     * Sums over one arm's sessions, enough for every interval (means need the sum of squares). A withdrawn session
     * counts as assigned and not accepted (intention to treat, and the sample-ratio check must see it), but its
     * answers and stop are gone, so answers per session and the stop rate are over the sessions still there.
     */
    private static final class Tally {
        long sessions;
        long withdrawn;
        long stopped;
        long accepted;
        long rated;
        double answers;
        double answersSquared;
        double rating;
        double ratingSquared;

        void add(ResultRows.SessionRow row) {
            sessions++;
            if (row.withdrawn()) {
                withdrawn++;
                return;
            }
            double a = row.answers();
            stopped += row.stopped() ? 1 : 0;
            accepted += row.accepted() ? 1 : 0;
            answers += a;
            answersSquared += a * a;
            if (row.meanRating() != null) {
                double r = row.meanRating();
                rated++;
                rating += r;
                ratingSquared += r * r;
            }
        }
    }

    /** The results of {@code rows.experiment()}; its first arm is the control. */
    public static ExperimentResults of(ResultRows rows) {
        Experiment e = rows.experiment();
        List<Arm> arms = e.arms();
        Map<String, Tally> tallies = new HashMap<>();
        for (Arm a : arms) {
            tallies.put(a.name(), new Tally());
        }
        for (ResultRows.SessionRow row : rows.sessions()) {
            Tally t = tallies.get(row.arm());
            if (t != null) { // an arm the experiment does not define: not part of the comparison
                t.add(row);
            }
        }
        Map<String, ResultRows.LatencyRow> latency = new HashMap<>();
        for (ResultRows.LatencyRow row : rows.latency()) {
            latency.put(row.arm(), row);
        }
        List<ExperimentResults.ArmResult> results = new ArrayList<>();
        long[] assigned = new long[arms.size()];
        double[] weights = new double[arms.size()];
        for (int i = 0; i < arms.size(); i++) {
            Arm a = arms.get(i);
            Tally t = tallies.get(a.name());
            assigned[i] = t.sessions;
            weights[i] = a.weight();
            results.add(armResult(a, t, latency.get(a.name())));
        }
        List<ExperimentResults.Comparison> comparisons = new ArrayList<>();
        Arm control = arms.get(0);
        Tally c = tallies.get(control.name());
        for (int i = 1; i < arms.size(); i++) {
            Tally t = tallies.get(arms.get(i).name());
            Statistics.Interval d = Statistics.differenceOfProportions(c.accepted, c.sessions, t.accepted, t.sessions);
            double p = Statistics.alwaysValidPValue(c.accepted, c.sessions, t.accepted, t.sessions, MSPRT_TAU2);
            comparisons.add(new ExperimentResults.Comparison(arms.get(i).name(), control.name(), d.estimate(), d.low(),
                    d.high(), p, d.excludes(0) && p < 0.05));
        }
        double srm = Statistics.sampleRatioPValue(assigned, weights);
        return new ExperimentResults(e.id(), e.name(), e.status(), e.unit(), "acceptanceRate", results, comparisons, srm,
                srm < 0.001);
    }

    private static ExperimentResults.ArmResult armResult(Arm a, Tally t, ResultRows.LatencyRow latency) {
        long present = t.sessions - t.withdrawn;
        Statistics.Interval answers = Statistics.mean(present, t.answers, t.answersSquared);
        Statistics.Interval stop = Statistics.wilson(t.stopped, present);
        Statistics.Interval accept = Statistics.wilson(t.accepted, t.sessions);
        Statistics.Interval rating = t.rated == 0 ? null : Statistics.mean(t.rated, t.rating, t.ratingSquared);
        return new ExperimentResults.ArmResult(a.name(), a.strategy(), a.weight(), t.sessions, t.withdrawn,
                answers.estimate(),
                answers.low(), answers.high(), stop.estimate(), stop.low(), stop.high(), accept.estimate(), accept.low(),
                accept.high(), t.rated, rating == null ? null : rating.estimate(), rating == null ? null : rating.low(),
                rating == null ? null : rating.high(), latency == null ? null : latency.p50Millis(),
                latency == null ? null : latency.p99Millis());
    }
}
