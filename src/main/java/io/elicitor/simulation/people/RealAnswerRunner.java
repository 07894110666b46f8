package io.elicitor.simulation.people;

import io.elicitor.evoi.EngineWorkspace;
import io.elicitor.evoi.belief.Belief;
import io.elicitor.evoi.belief.BeliefSettings;
import io.elicitor.evoi.belief.BeliefUpdate;
import io.elicitor.evoi.belief.Observation;
import io.elicitor.evoi.belief.Prior;
import io.elicitor.evoi.planner.ComparedPairs;
import io.elicitor.evoi.planner.EngineSettings;
import io.elicitor.evoi.planner.PlannedQuery;
import io.elicitor.evoi.planner.QueryPlanner;
import io.elicitor.evoi.planner.StrategyRegistry;
import io.elicitor.evoi.strategy.QueryStrategy;
import io.elicitor.evoi.value.InnerProductSearch;
import io.elicitor.evoi.value.Recommendations;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs a real person through the engine: the same planner, belief update and seeded streams as the service, every
 * question restricted to the items the person has a record of (the rest excluded, as {@code excludeIds} would) and
 * answered from that record. After each answer it measures the posterior's top three against the person's own
 * order, and those of a multinomial logit fitted to the same answers ({@link ChoiceModelFit}). Thread-safe.
 */
public final class RealAnswerRunner {
    private final InnerProductSearch search;
    private final Prior prior;
    private final EngineSettings settings;
    private final StrategyRegistry strategies;
    private final int slateSize;
    private final int queries;
    private final boolean allowRepeats;

    /**
     * A runner asking {@code queries} questions of {@code slateSize} items; never a slate whose every pair the
     * person has compared already, unless {@code allowRepeats}.
     */
    public RealAnswerRunner(InnerProductSearch search, Prior prior, EngineSettings settings, StrategyRegistry strategies,
                            int slateSize, int queries, boolean allowRepeats) {
        if (slateSize < 2 || queries < 1) {
            throw new IllegalArgumentException("need slateSize >= 2 and queries >= 1");
        }
        this.search = search;
        this.prior = prior;
        this.settings = settings;
        this.strategies = strategies;
        this.slateSize = slateSize;
        this.queries = queries;
        this.allowRepeats = allowRepeats;
    }

    /** The person's session under {@code strategyName}, seeded by {@code sessionSeed}. */
    public PersonTrace run(Person person, String strategyName, long sessionSeed) {
        QueryStrategy strategy = strategies.find(strategyName).orElseThrow(() ->
                new IllegalArgumentException(strategies.unknown(strategyName)));
        if (person.size() < slateSize) {
            throw new IllegalArgumentException("person " + person.id() + " has " + person.size() + " items, fewer than"
                    + " the slate size " + slateSize);
        }
        BitSet excluded = new BitSet(search.items().size());
        excluded.set(0, search.items().size());
        for (int r : person.rows()) {
            excluded.clear(r);
        }
        QueryPlanner planner = new QueryPlanner(settings);
        BeliefSettings beliefSettings = settings.belief();
        Belief b = EngineWorkspace.run(() -> BeliefUpdate.initial(prior, beliefSettings, sessionSeed));
        double[] populationMean = toDouble(b.mean());
        List<Observation> history = new ArrayList<>(queries);
        Measures[] bayes = new Measures[queries + 1];
        Measures[] mnl = new Measures[queries + 1];
        double[] millis = new double[queries];
        double[] evoiFraction = new double[queries];
        double[] confidence = new double[queries];
        Set<String> asked = new HashSet<>();
        List<int[]> slates = new ArrayList<>(queries);
        int ties = 0;
        int repeats = 0;
        int firstStop = -1;
        bayes[0] = Measures.of(person, top(b, excluded));
        mnl[0] = Measures.of(person, topOf(person, populationMean));
        for (int t = 0; t < queries; t++) {
            Belief current = b;
            int answered = t;
            long t0 = System.nanoTime();
            ComparedPairs compared = allowRepeats ? null : ComparedPairs.of(slates);
            PlannedQuery q = EngineWorkspace.run(() -> planner.plan(current, search, slateSize, strategy, excluded,
                    compared, BeliefUpdate.planning(sessionSeed, answered)));
            millis[t] = (System.nanoTime() - t0) / 1e6;
            evoiFraction[t] = q.utilityScale() > 0 ? q.evoi() / q.utilityScale() : 0;
            confidence[t] = q.probabilityTopIsBest();
            if (q.stop() && firstStop < 0) {
                firstStop = t;
            }
            int[] slate = q.items();
            slates.add(slate);
            repeats += asked.add(key(slate)) ? 0 : 1;
            int chosen = person.choose(slate);
            ties += person.tied(slate) ? 1 : 0;
            history.add(Observation.of(search.items(), slate, chosen));
            b = EngineWorkspace.run(() -> BeliefUpdate.step(current, history, prior, beliefSettings, sessionSeed));
            bayes[t + 1] = Measures.of(person, top(b, excluded));
            mnl[t + 1] = Measures.of(person, topOf(person, ChoiceModelFit.fit(history, settings.lambda(), populationMean)));
        }
        return new PersonTrace(bayes, mnl, ties, repeats, firstStop, millis, evoiFraction, confidence,
                slates.toArray(int[][]::new));
    }

    /** The posterior's three best items among the person's. */
    private int[] top(Belief b, BitSet excluded) {
        return EngineWorkspace.run(() -> Recommendations.top(b, search, 3, excluded)).stream()
                .mapToInt(Recommendations.Scored::item).toArray();
    }

    /** The person's three best items under utility vector {@code w}, best first (ties to the lower row). */
    private int[] topOf(Person person, double[] w) {
        int[] rows = person.rows();
        double[] u = new double[rows.length];
        Integer[] order = new Integer[rows.length];
        for (int i = 0; i < rows.length; i++) {
            float[] x = search.items().row(rows[i]);
            for (int c = 0; c < x.length; c++) {
                u[i] += w[c] * x[c];
            }
            order[i] = i;
        }
        Arrays.sort(order, (a, c) -> u[a] != u[c] ? Double.compare(u[c], u[a]) : Integer.compare(rows[a], rows[c]));
        return Arrays.stream(order).limit(3).mapToInt(i -> rows[i]).toArray();
    }

    private static String key(int[] slate) {
        int[] s = slate.clone();
        Arrays.sort(s);
        return Arrays.toString(s);
    }

    private static double[] toDouble(float[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }
}
