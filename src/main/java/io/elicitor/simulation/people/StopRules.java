package io.elicitor.simulation.people;

import io.elicitor.simulation.Intervals;
import java.util.ArrayList;
import java.util.List;

/**
 * What a stop rule would have cost real people, replayed offline from their traces: the planner stops before
 * question t when that question's EVOI is below {@code evoiFraction} of the utility scale or the posterior
 * probability that the top item is the best reaches {@code confidence}. For each rule: the share of sessions it
 * stops before T, the mean number of answers given, and the position of the recommendation at the stop minus at
 * T (the cost of stopping: how many places worse the person's recommendation is), with its 95% interval.
 */
public final class StopRules {
    /** EVOI fractions tried; the engine's default is 0.002. */
    static final double[] EVOI_FRACTIONS = {0.0, 0.0002, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05};
    /** Confidences tried; the engine's default is 0.95, 1 never stops on confidence alone. */
    static final double[] CONFIDENCES = {0.9, 0.95, 0.99, 1.0};

    /**
     * One rule's effect.
     *
     * @param evoiFraction the EVOI threshold, a fraction of the utility scale
     * @param confidence the confidence threshold
     * @param stopped share of sessions stopped before T
     * @param answers mean answers given
     * @param cost position at the stop minus position at T: mean, low, high
     */
    public record Rule(double evoiFraction, double confidence, double stopped, double answers, double[] cost) {}

    private StopRules() {}

    /** Every rule of the grid over the traces of one strategy. */
    public static List<Rule> of(PersonTrace[] traces) {
        List<Rule> out = new ArrayList<>();
        for (double f : EVOI_FRACTIONS) {
            for (double c : CONFIDENCES) {
                out.add(rule(traces, f, c));
            }
        }
        return out;
    }

    static Rule rule(PersonTrace[] traces, double fraction, double confidence) {
        List<double[]> costs = new ArrayList<>(traces.length);
        int stopped = 0;
        double answers = 0;
        for (PersonTrace p : traces) {
            int t = stopAt(p, fraction, confidence);
            int last = p.bayes().length - 1;
            stopped += t < last ? 1 : 0;
            answers += t;
            costs.add(new double[] {p.bayes()[t].position() - p.bayes()[last].position()});
        }
        double[][] iv = Intervals.of(costs);
        return new Rule(fraction, confidence, stopped / (double) traces.length, answers / traces.length,
                new double[] {iv[0][0], iv[1][0], iv[2][0]});
    }

    /** The answers given when the rule stops (T when it never does). */
    static int stopAt(PersonTrace p, double fraction, double confidence) {
        for (int t = 0; t < p.evoiFraction().length; t++) {
            if (p.evoiFraction()[t] < fraction || p.confidence()[t] >= confidence) {
                return t;
            }
        }
        return p.evoiFraction().length;
    }
}
