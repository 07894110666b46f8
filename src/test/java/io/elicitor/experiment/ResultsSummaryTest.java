package io.elicitor.experiment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The results summary from hand-made rows: counts, rates, means, comparisons and the sample-ratio check. */
class ResultsSummaryTest {
    private static final Experiment TWO_ARMS = new Experiment("exp-1", "evoi vs random", "cars", "session", "salt-salt",
            List.of(new Arm("control", "random", null, 1.0), new Arm("evoi", "gradient", null, 1.0)), "running",
            Instant.parse("2024-01-01T00:00:00Z"), null);

    private static ResultRows.SessionRow row(String arm, long answers, boolean stopped, boolean accepted, Double rating) {
        return new ResultRows.SessionRow(arm, answers, stopped, accepted, rating, false);
    }

    private static ResultRows.SessionRow withdrawn(String arm) {
        return new ResultRows.SessionRow(arm, 0, false, false, null, true);
    }

    @Test
    void aWithdrawnSessionIsAssignedAndNotAcceptedButLeavesNoAnswers() {
        List<ResultRows.SessionRow> sessions = List.of(row("control", 2, true, true, null),
                row("control", 4, false, false, null), withdrawn("control"), row("evoi", 3, true, true, null));
        ExperimentResults.ArmResult control = ResultsSummary.of(new ResultRows(TWO_ARMS, sessions, List.of()))
                .arms().get(0);
        assertEquals(3, control.sessions());
        assertEquals(1, control.withdrawnSessions());
        assertEquals(1.0 / 3, control.acceptanceRate(), 1e-12); // intention to treat: the withdrawn one counts
        assertEquals(3.0, control.answersPerSession(), 1e-12); // over the two still there, not 6 / 3
        assertEquals(0.5, control.stopRate(), 1e-12);
    }

    @Test
    void perArmCountsRatesAndMeans() {
        List<ResultRows.SessionRow> sessions = List.of(
                row("control", 1, false, false, null),
                row("control", 2, true, true, 4.0),
                row("control", 3, false, false, 6.0),
                row("control", 2, true, false, null),
                row("evoi", 5, true, true, null),
                row("evoi", 5, true, true, null),
                row("evoi", 5, true, false, null),
                row("evoi", 5, true, true, null),
                row("ghost", 100, true, true, 10.0)); // an arm the experiment lacks: ignored
        ExperimentResults r = ResultsSummary.of(new ResultRows(TWO_ARMS, sessions,
                List.of(new ResultRows.LatencyRow("control", 12.5, 40.0), new ResultRows.LatencyRow("ghost", 1, 2))));

        assertEquals("exp-1", r.experimentId());
        assertEquals("evoi vs random", r.name());
        assertEquals("running", r.status());
        assertEquals("session", r.unit());
        assertEquals("acceptanceRate", r.primaryMetric());
        assertEquals(List.of("control", "evoi"), r.arms().stream().map(ExperimentResults.ArmResult::name).toList());

        ExperimentResults.ArmResult control = r.arms().get(0);
        assertEquals("random", control.strategy());
        assertEquals(1.0, control.weight());
        assertEquals(4, control.sessions());
        // answers 1, 2, 3, 2: mean 2, sample variance 2/3
        assertEquals(2.0, control.answersPerSession(), 1e-12);
        double half = Statistics.Z95 * Math.sqrt((2.0 / 3) / 4);
        assertEquals(2.0 - half, control.answersPerSessionLow(), 1e-12);
        assertEquals(2.0 + half, control.answersPerSessionHigh(), 1e-12);
        assertEquals(0.5, control.stopRate(), 1e-12);
        assertEquals(0.25, control.acceptanceRate(), 1e-12);
        assertEquals(Statistics.wilson(1, 4).low(), control.acceptanceLow(), 1e-12);
        assertEquals(Statistics.wilson(1, 4).high(), control.acceptanceHigh(), 1e-12);
        assertEquals(2, control.ratedSessions());
        assertEquals(5.0, control.meanRating(), 1e-12); // 4 and 6; unrated sessions do not count as 0
        assertEquals(5.0 - Statistics.Z95 * Math.sqrt(2.0 / 2), control.meanRatingLow(), 1e-12);
        assertEquals(12.5, control.nextQueryMsP50());
        assertEquals(40.0, control.nextQueryMsP99());

        ExperimentResults.ArmResult evoi = r.arms().get(1);
        assertEquals(4, evoi.sessions());
        assertEquals(5.0, evoi.answersPerSession(), 1e-12);
        assertEquals(5.0, evoi.answersPerSessionLow(), 1e-12); // no spread, no width
        assertEquals(1.0, evoi.stopRate(), 1e-12);
        assertEquals(0.75, evoi.acceptanceRate(), 1e-12);
        assertEquals(0, evoi.ratedSessions());
        assertNull(evoi.meanRating());
        assertNull(evoi.meanRatingLow());
        assertNull(evoi.meanRatingHigh());
        assertNull(evoi.nextQueryMsP50());
        assertNull(evoi.nextQueryMsP99());

        assertEquals(1, r.comparisons().size());
        ExperimentResults.Comparison c = r.comparisons().get(0);
        assertEquals("evoi", c.arm());
        assertEquals("control", c.control());
        assertEquals(0.5, c.difference(), 1e-12);
        double se = Math.sqrt(0.25 * 0.75 / 4 + 0.75 * 0.25 / 4);
        assertEquals(0.5 - Statistics.Z95 * se, c.differenceLow(), 1e-12);
        assertEquals(0.5 + Statistics.Z95 * se, c.differenceHigh(), 1e-12);
        assertEquals(Statistics.alwaysValidPValue(1, 4, 3, 4, 0.01), c.alwaysValidPValue(), 1e-12);
        assertFalse(c.significant(), "four sessions an arm cannot be significant: " + c);

        assertEquals(1.0, r.sampleRatioPValue(), 1e-12); // 4 and 4 at equal weights
        assertFalse(r.sampleRatioMismatch());
    }

    @Test
    void aClearWinnerIsSignificantAndALopsidedSplitIsAMismatch() {
        List<ResultRows.SessionRow> sessions = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            sessions.add(row("control", 3, false, i % 10 < 3, null)); // 30% accepted
        }
        for (int i = 0; i < 400; i++) {
            sessions.add(row("evoi", 3, false, i % 10 < 6, null)); // 60% accepted
        }
        ExperimentResults r = ResultsSummary.of(new ResultRows(TWO_ARMS, sessions, List.of()));
        ExperimentResults.Comparison c = r.comparisons().get(0);
        assertEquals(0.3, c.difference(), 1e-12);
        assertTrue(c.differenceLow() > 0, c.toString());
        assertTrue(c.significant(), c.toString());
        // 600 vs 400 at 50/50: chi2 = 40, far below 0.001
        assertTrue(r.sampleRatioPValue() < 1e-6, "p = " + r.sampleRatioPValue());
        assertTrue(r.sampleRatioMismatch());
    }

    @Test
    void weightsSetTheExpectedSplitAndEveryArmIsComparedWithTheFirst() {
        Experiment three = new Experiment("exp-3", "three", "cars", "userKey", "salt-salt", List.of(
                new Arm("a", "random", null, 2.0), new Arm("b", "exploit", null, 1.0), new Arm("c", "gradient", null, 1.0)),
                "stopped", Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-01-02T00:00:00Z"));
        List<ResultRows.SessionRow> sessions = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            sessions.add(row("a", 1, false, false, null));
        }
        for (int i = 0; i < 100; i++) {
            sessions.add(row("b", 1, false, false, null));
            sessions.add(row("c", 1, false, false, null));
        }
        ExperimentResults r = ResultsSummary.of(new ResultRows(three, sessions, List.of()));
        assertEquals("stopped", r.status());
        assertEquals(1.0, r.sampleRatioPValue(), 1e-12); // 200/100/100 is exactly 2:1:1
        assertEquals(List.of("b", "c"), r.comparisons().stream().map(ExperimentResults.Comparison::arm).toList());
        assertTrue(r.comparisons().stream().allMatch(c -> c.control().equals("a")));
        assertEquals(2.0, r.arms().get(0).weight());
    }

    @Test
    void anExperimentWithoutSessionsHasNoEstimates() {
        ExperimentResults r = ResultsSummary.of(new ResultRows(TWO_ARMS, List.of(), List.of()));
        for (ExperimentResults.ArmResult a : r.arms()) {
            assertEquals(0, a.sessions());
            assertTrue(Double.isNaN(a.acceptanceRate()));
            assertTrue(Double.isNaN(a.answersPerSession()));
            assertEquals(0.0, a.acceptanceLow());
            assertEquals(1.0, a.acceptanceHigh());
            assertNull(a.meanRating());
        }
        ExperimentResults.Comparison c = r.comparisons().get(0);
        assertTrue(Double.isNaN(c.difference()));
        assertEquals(1.0, c.alwaysValidPValue());
        assertFalse(c.significant());
        assertEquals(1.0, r.sampleRatioPValue());
        assertFalse(r.sampleRatioMismatch());
    }
}
