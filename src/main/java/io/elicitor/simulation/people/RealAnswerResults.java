package io.elicitor.simulation.people;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.elicitor.evoi.planner.PlannedQuery;
import io.elicitor.simulation.Intervals;
import io.elicitor.simulation.PairedDifference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a real-answer run found, as written to JSON: per strategy and t, each measure's mean with its 95% interval,
 * for the posterior's recommendation and for the per-person logit fitted to the same answers; each strategy's
 * position minus the first strategy's, person by person (paired); and the non-personal baselines.
 *
 * @param config what was run
 * @param strategies per strategy, in the order run
 * @param randomPick the expected measures of a random pick of the person's items (mean and 95% interval)
 * @param seconds wall time
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RealAnswerResults(Config config, Map<String, StrategyResult> strategies, Map<String, double[]> randomPick,
                                double seconds) {
    /**
     * What was run.
     *
     * @param catalog catalog id
     * @param catalogVersion its version
     * @param answersFrom the answers file
     * @param answersFormat {@code sushi-order} or {@code ratings}
     * @param people test people
     * @param testPeople how they were chosen
     * @param droppedItems recorded preferences over items the catalog lacks
     * @param queries answers per person T
     * @param slate items per question
     * @param lambda the model's λ
     * @param particles particles M
     * @param seed seed of the sessions and of the choice of people
     * @param strategies strategies, the first the reference of the paired differences
     * @param allowRepeats whether a slate whose every pair the person had compared could be asked again
     */
    public record Config(String catalog, String catalogVersion, String answersFrom, String answersFormat, int people,
                         String testPeople, long droppedItems, int queries, int slate, double lambda, int particles,
                         long seed, List<String> strategies, boolean allowRepeats) {}

    /**
     * One strategy.
     *
     * @param bayes per measure ({@link Measures#NAMES}): rows mean, low, high; columns t = 0..T
     * @param mnl the same for the per-person logit on the same answers
     * @param positionMinusReference position minus the reference strategy's, person by person (absent for it)
     * @param bayesMinusMnl the posterior's position minus the logit's, person by person
     * @param answers answers given
     * @param ties answers the record could not decide
     * @param repeatedSlates questions whose slate had already been answered in the session
     * @param stopped share of sessions in which the planner said stop before T
     * @param msPerQuery mean planning time
     * @param stopRules what each stop rule of a grid would have cost, replayed from the traces ({@link StopRules})
     * @param plateauShare share of questions asked on an EVOI plateau (EVOI 0: no answer could change the
     *                     recommendation, so the tie rule chose the slate)
     * @param askedPosition mean position in the person's own order of the items asked (0 = favourite): how far the
     *                      questions explore below what the person likes
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StrategyResult(Map<String, double[][]> bayes, Map<String, double[][]> mnl,
                                 PairedDifference positionMinusReference, PairedDifference bayesMinusMnl, long answers,
                                 long ties, long repeatedSlates, double stopped, double msPerQuery,
                                 List<StopRules.Rule> stopRules, double plateauShare, double askedPosition) {}

    /** Aggregates the traces: {@code traces.get(strategy)[person]}, every person finished under every strategy. */
    public static RealAnswerResults of(Config config, Map<String, PersonTrace[]> traces, List<Person> people,
                                       double seconds) {
        Map<String, StrategyResult> out = new LinkedHashMap<>();
        String reference = config.strategies().get(0);
        List<double[]> referencePositions = positions(traces.get(reference), true);
        for (Map.Entry<String, PersonTrace[]> e : traces.entrySet()) {
            PersonTrace[] tr = e.getValue();
            long answers = 0;
            long ties = 0;
            long repeats = 0;
            int stopped = 0;
            double ms = 0;
            long plateaus = 0;
            double asked = 0;
            for (int i = 0; i < tr.length; i++) {
                PersonTrace p = tr[i];
                for (double f : p.evoiFraction()) {
                    plateaus += PlannedQuery.onPlateau(f, 1.0) ? 1 : 0;
                }
                asked += askedPosition(people.get(i), p.slates());
                answers += p.millis().length;
                ties += p.ties();
                repeats += p.repeatedSlates();
                stopped += p.firstStop() >= 0 ? 1 : 0;
                for (double m : p.millis()) {
                    ms += m;
                }
            }
            List<double[]> bayesPositions = positions(tr, true);
            out.put(e.getKey(), new StrategyResult(measures(tr, true), measures(tr, false),
                    e.getKey().equals(reference) ? null
                            : PairedDifference.ofRegrets(reference, referencePositions, bayesPositions),
                    PairedDifference.ofRegrets("mnl", positions(tr, false), bayesPositions), answers, ties, repeats,
                    stopped / (double) tr.length, ms / Math.max(1, answers), StopRules.of(tr),
                    plateaus / (double) Math.max(1, answers), asked / tr.length));
        }
        Map<String, double[]> random = new LinkedHashMap<>();
        for (int m = 0; m < Measures.NAMES.length; m++) {
            List<double[]> values = new ArrayList<>();
            for (Person p : people) {
                values.add(new double[] {Measures.randomPick(p).get(m)});
            }
            double[][] iv = Intervals.of(values);
            random.put(Measures.NAMES[m], new double[] {iv[0][0], iv[1][0], iv[2][0]});
        }
        return new RealAnswerResults(config, out, random, seconds);
    }

    /** Mean over the questions of the mean position of their items in the person's order (0 when none asked). */
    private static double askedPosition(Person person, int[][] slates) {
        double sum = 0;
        for (int[] slate : slates) {
            for (int row : slate) {
                sum += person.position(row) / (double) slate.length;
            }
        }
        return slates.length == 0 ? 0 : sum / slates.length;
    }

    private static Map<String, double[][]> measures(PersonTrace[] traces, boolean bayes) {
        Map<String, double[][]> out = new LinkedHashMap<>();
        for (int m = 0; m < Measures.NAMES.length; m++) {
            List<double[]> series = new ArrayList<>(traces.length);
            for (PersonTrace p : traces) {
                Measures[] ms = bayes ? p.bayes() : p.mnl();
                double[] s = new double[ms.length];
                for (int t = 0; t < s.length; t++) {
                    s[t] = ms[t].get(m);
                }
                series.add(s);
            }
            out.put(Measures.NAMES[m], Intervals.of(series));
        }
        return out;
    }

    private static List<double[]> positions(PersonTrace[] traces, boolean bayes) {
        List<double[]> out = new ArrayList<>(traces.length);
        for (PersonTrace p : traces) {
            Measures[] ms = bayes ? p.bayes() : p.mnl();
            double[] s = new double[ms.length];
            for (int t = 0; t < s.length; t++) {
                s[t] = ms[t].position();
            }
            out.add(s);
        }
        return out;
    }
}
