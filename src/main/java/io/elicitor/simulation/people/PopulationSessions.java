package io.elicitor.simulation.people;

import io.elicitor.evoi.Seeds;
import io.elicitor.evoi.belief.Prior;
import io.elicitor.evoi.planner.EngineSettings;
import io.elicitor.evoi.planner.StrategyRegistry;
import io.elicitor.evoi.value.InnerProductSearch;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Sessions that people answer from their records, all under one strategy and question size, on a few threads: what
 * the λ fits ({@link EngineQuestionFit}, {@link RecommendationFit}) run at each λ they try.
 */
public final class PopulationSessions {
    private final InnerProductSearch search;
    private final Prior prior;
    private final StrategyRegistry strategies;
    private final String strategy;
    private final int slateSize;
    private final int queries;
    private final long seed;
    private final int threads;

    /** Sessions of {@code queries} questions of {@code slateSize} items under {@code strategy}, seeded by {@code seed}. */
    public PopulationSessions(InnerProductSearch search, Prior prior, StrategyRegistry strategies, String strategy,
                              int slateSize, int queries, long seed, int threads) {
        strategies.find(strategy).orElseThrow(() -> new IllegalArgumentException(strategies.unknown(strategy)));
        if (threads < 1 || queries < 1 || slateSize < 2) {
            throw new IllegalArgumentException("need threads >= 1, queries >= 1 and slateSize >= 2");
        }
        this.search = search;
        this.prior = prior;
        this.strategies = strategies;
        this.strategy = strategy;
        this.slateSize = slateSize;
        this.queries = queries;
        this.seed = seed;
        this.threads = threads;
    }

    /** Questions per session. */
    int queries() {
        return queries;
    }

    /** The catalog searched. */
    InnerProductSearch search() {
        return search;
    }

    /** The catalog's prior. */
    Prior prior() {
        return prior;
    }

    /** The seed. */
    long seed() {
        return seed;
    }

    /** The people with at least a slate's worth of recorded items; refuses when nobody has. */
    List<Person> usable(List<Person> people) {
        List<Person> usable = people.stream().filter(p -> p.size() >= slateSize).toList();
        if (usable.isEmpty()) {
            throw new IllegalArgumentException("nobody has " + slateSize + " items with a record");
        }
        return usable;
    }

    /** Each person's session under {@code settings} (no repeated questions), person by person. */
    PersonTrace[] run(List<Person> people, EngineSettings settings) throws Exception {
        RealAnswerRunner runner = new RealAnswerRunner(search, prior, settings, strategies, slateSize, queries, false);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<PersonTrace>> traces = new ArrayList<>();
            for (Person p : people) {
                traces.add(pool.submit(() -> runner.run(p, strategy, Seeds.mix(seed, p.id()))));
            }
            PersonTrace[] out = new PersonTrace[people.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = traces.get(i).get();
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
