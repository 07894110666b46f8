package io.elicitor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.elicitor.simulation.PairedDifference;
import io.elicitor.simulation.RunComparison;
import io.elicitor.simulation.SimulationResults;
import io.elicitor.simulation.StrategySummary;
import java.util.Locale;
import java.util.Map;

/** The tables {@code simulate} prints: strategies side by side, paired differences, a rehearsed experiment's arms. */
final class SimulateTables {
    private SimulateTables() {}

    /**
     * A run's strategies, then its paired differences: against the first strategy, against the same strategy
     * without its planning factor, and against an earlier run with the users whose curve changed.
     */
    static String of(SimulationResults r) {
        StringBuilder b = new StringBuilder(summaries(r.strategies())).append(System.lineSeparator());
        b.append(paired(r.paired(), null));
        b.append(paired(r.pairedWithPlain(), "the same strategy without its @factor"));
        if (r.comparedTo() != null) {
            b.append(paired(r.comparedTo().paired(), "the same strategy in " + r.comparedTo().file()));
            r.comparedTo().changedUsers().forEach((name, changed) -> b.append(String.format(Locale.ROOT,
                    "  %-16s users whose curve differs from there (by > %.0e at some t): %d of %d%n", name,
                    RunComparison.SAME_PATH, changed, r.config().users())));
            b.append(System.lineSeparator());
        }
        return b.toString();
    }

    /** The paired differences at t = T, one line each, under a heading naming {@code against} (default: their reference). */
    private static String paired(Map<String, PairedDifference> paired, String against) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, PairedDifference> e : paired.entrySet()) {
            PairedDifference d = e.getValue();
            int last = d.difference().length - 1;
            if (b.length() == 0) {
                b.append(String.format(Locale.ROOT, "paired regret difference at t=T, strategy minus %s (95%% interval):%n",
                        against == null ? d.reference() : against));
            }
            b.append(String.format(Locale.ROOT, "  %-16s %+8.4f [%+.4f, %+.4f]%n", e.getKey(), d.difference()[last],
                    d.low()[last], d.high()[last]));
        }
        return b.append(b.length() > 0 ? "\n" : "").toString();
    }

    private static String summaries(Map<String, StrategySummary> summaries) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-16s %6s %16s %16s %8s %8s %9s %9s%n",
                "strategy", "users", "regret t=0", "regret t=T", "ratio", "top10", "ms p50", "ms p99"));
        for (Map.Entry<String, StrategySummary> e : summaries.entrySet()) {
            StrategySummary s = e.getValue();
            int last = s.regret().length - 1;
            b.append(String.format(Locale.ROOT, "%-16s %6d %8.3f ± %5.3f %8.3f ± %5.3f %8.3f %8.3f %9.2f %9.2f%n", e.getKey(),
                    s.users(), s.regret()[0], s.regretHigh()[0] - s.regret()[0], s.regret()[last],
                    s.regretHigh()[last] - s.regret()[last], s.regretRatio()[last], s.top10(), s.msPerQueryP50(),
                    s.msPerQueryP99()));
        }
        return b.toString();
    }

    /** A rehearsed experiment's arms with their acceptance, its comparisons and its sample ratio check. */
    static String rehearsal(JsonNode results) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-16s %-16s %8s %10s %17s%n", "arm", "strategy",
                "sessions", "accepted", "95% interval"));
        for (JsonNode arm : results.path("arms")) {
            b.append(String.format(Locale.ROOT, "%-16s %-16s %8d %10.3f    [%.3f, %.3f]%n", arm.path("name").asText(),
                    arm.path("strategy").asText(), arm.path("sessions").asLong(), arm.path("acceptanceRate").asDouble(),
                    arm.path("acceptanceLow").asDouble(), arm.path("acceptanceHigh").asDouble()));
        }
        for (JsonNode c : results.path("comparisons")) {
            b.append(String.format(Locale.ROOT, "%s - %s: %+.3f [%+.3f, %+.3f], always-valid p = %.4g%n", c.path("arm").asText(),
                    c.path("control").asText(), c.path("difference").asDouble(), c.path("differenceLow").asDouble(),
                    c.path("differenceHigh").asDouble(), c.path("alwaysValidPValue").asDouble()));
        }
        return b.append(String.format(Locale.ROOT, "sample ratio mismatch: %s (p = %.3g)%n",
                results.path("sampleRatioMismatch").asBoolean(), results.path("sampleRatioPValue").asDouble())).toString();
    }
}
