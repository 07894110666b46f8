package io.elicitor.simulation;

import io.elicitor.evoi.EngineWorkspace;
import io.elicitor.evoi.Seeds;
import io.elicitor.evoi.belief.Belief;
import io.elicitor.evoi.belief.BeliefSettings;
import io.elicitor.evoi.belief.BeliefUpdate;
import io.elicitor.evoi.belief.Observation;
import io.elicitor.evoi.belief.Prior;
import io.elicitor.evoi.partial.PartialStrategy;
import io.elicitor.evoi.planner.ComparedPairs;
import io.elicitor.evoi.planner.EngineSettings;
import io.elicitor.evoi.planner.PlannedPartialQuery;
import io.elicitor.evoi.planner.PlannedQuery;
import io.elicitor.evoi.planner.PlannedQuestion;
import io.elicitor.evoi.planner.QueryKind;
import io.elicitor.evoi.planner.QueryPlanner;
import io.elicitor.evoi.planner.Questions;
import io.elicitor.evoi.planner.StrategyRegistry;
import io.elicitor.evoi.strategy.QueryStrategy;
import io.elicitor.evoi.value.InnerProductSearch;
import io.elicitor.evoi.value.Recommendations;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Runs simulated users through the engine itself: the same planner, belief update and random streams as
 * the service ({@link BeliefUpdate}), so a user with the same session seed gets the same questions here
 * as over HTTP.
 */
public final class InProcessRunner implements UserRunner {
    private static final BitSet NOTHING = new BitSet();

    private final InnerProductSearch search;
    private final Prior prior;
    private final EngineSettings settings;
    private final StrategyRegistry strategies;
    private final int slateSize;
    private final int queries;
    private final boolean noiseless;
    private final Questions questions;
    private final boolean allowRepeats;

    /** A runner over one catalog's search and prior, asking item questions. */
    public InProcessRunner(InnerProductSearch search, Prior prior, EngineSettings settings, StrategyRegistry strategies,
                           int slateSize, int queries, boolean noiseless) {
        this(search, prior, settings, strategies, slateSize, queries, noiseless, Questions.ITEMS);
    }

    /** A runner over one catalog's search and prior, asking the given kind of questions. */
    public InProcessRunner(InnerProductSearch search, Prior prior, EngineSettings settings, StrategyRegistry strategies,
                           int slateSize, int queries, boolean noiseless, Questions questions) {
        this(search, prior, settings, strategies, slateSize, queries, noiseless, questions, false);
    }

    private InProcessRunner(InnerProductSearch search, Prior prior, EngineSettings settings, StrategyRegistry strategies,
                            int slateSize, int queries, boolean noiseless, Questions questions, boolean allowRepeats) {
        if (slateSize < 2 || queries < 0) {
            throw new IllegalArgumentException("slateSize must be >= 2 and queries >= 0");
        }
        this.questions = questions;
        this.search = search;
        this.prior = prior;
        this.settings = settings;
        this.strategies = strategies;
        this.slateSize = slateSize;
        this.queries = queries;
        this.noiseless = noiseless;
        this.allowRepeats = allowRepeats;
    }

    /** This runner, asking slates whose every pair was already compared too when {@code allow} (the default: never). */
    public InProcessRunner allowingRepeats(boolean allow) {
        return new InProcessRunner(search, prior, settings, strategies, slateSize, queries, noiseless, questions, allow);
    }

    @Override
    public UserTrace run(SimulatedUser user, String strategyName, long sessionSeed, long answerSeed) {
        QueryStrategy strategy = strategies.find(strategyName).orElseThrow(() ->
                new IllegalArgumentException(strategies.unknown(strategyName)));
        PartialStrategy partial = questions.kind() == QueryKind.ITEMS ? null : StrategyRegistry.partial(strategyName)
                .orElseThrow(() -> new IllegalArgumentException(StrategyRegistry.unknownPartial(strategyName)));
        QueryPlanner planner = new QueryPlanner(settings);
        BeliefSettings beliefSettings = settings.belief();
        // Like the service, the belief is kept as plain values between steps and each step runs in its own
        // workspace cycle: one cycle per whole user would size the workspace for all of its steps at once.
        Belief b = EngineWorkspace.run(() -> BeliefUpdate.initial(prior, beliefSettings, sessionSeed));
        List<Observation> history = new ArrayList<>(queries);
        List<int[]> slates = new ArrayList<>(queries);
        double[] regret = new double[queries + 1];
        double[] millis = new double[queries];
        int correct = 0;
        int plateaus = 0;
        int[] top = top(b);
        regret[0] = user.normalisedRegret(top[0]);
        for (int t = 0; t < queries; t++) {
            Belief current = b;
            int answered = t;
            long t0 = System.nanoTime();
            ComparedPairs compared = allowRepeats ? null : ComparedPairs.of(slates);
            PlannedQuestion asked = EngineWorkspace.run(() -> planner.planQuestion(current, search, questions, slateSize,
                    strategy, partial, NOTHING, compared, () -> BeliefUpdate.planning(sessionSeed, answered)));
            millis[t] = (System.nanoTime() - t0) / 1e6;
            if (asked.isPartial()) {
                PlannedPartialQuery p = asked.partial();
                plateaus += PlannedQuery.onPlateau(p.evoi(), p.utilityScale()) ? 1 : 0;
                float[] options = p.query().options();
                int chosen = user.chooseOption(options, slateSize, settings.lambda(), noiseless, Seeds.random(answerSeed, t));
                correct += user.isBestOption(options, slateSize, chosen) ? 1 : 0;
                history.add(p.query().observation(chosen));
            } else {
                PlannedQuery q = asked.items();
                int[] slate = q.items();
                slates.add(slate);
                plateaus += PlannedQuery.onPlateau(q.evoi(), q.utilityScale()) ? 1 : 0;
                int chosen = user.choose(slate, settings.lambda(), noiseless, Seeds.random(answerSeed, t));
                if (user.isBestOf(slate, chosen)) {
                    correct++;
                }
                history.add(Observation.of(search.items(), slate, chosen));
            }
            b = EngineWorkspace.run(() -> BeliefUpdate.step(current, history, prior, beliefSettings, sessionSeed));
            top = top(b);
            regret[t + 1] = user.normalisedRegret(top[0]);
        }
        return new UserTrace(regret, contains(top, user.bestItem()), millis, correct, new double[0], plateaus);
    }

    /** The ten items the service would recommend first under belief {@code b}. */
    private int[] top(Belief b) {
        return EngineWorkspace.run(() -> Recommendations.items(b, search, 10));
    }

    static boolean contains(int[] items, int item) {
        for (int i : items) {
            if (i == item) {
                return true;
            }
        }
        return false;
    }
}
