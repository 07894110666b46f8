package io.elicitor.evoi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The query strategies selectable by name. */
public final class StrategyRegistry {
    private final Map<String, QueryStrategy> byName = new LinkedHashMap<>();

    /** A registry holding the given strategies. */
    public StrategyRegistry(QueryStrategy... strategies) {
        for (QueryStrategy s : strategies) {
            if (byName.putIfAbsent(s.name(), s) != null) {
                throw new IllegalArgumentException("two strategies named " + s.name());
            }
        }
    }

    /** Every built-in strategy. */
    public static StrategyRegistry builtIn() {
        return new StrategyRegistry(new ExhaustiveStrategy(), new ExploitStrategy(), new RandomStrategy(),
                new ThompsonStrategy(), new GreedyEusStrategy(), new QueryIterationStrategy(), new GradientStrategy());
    }

    /** A copy in which {@code strategy} replaces the one of the same name (or is added). */
    public StrategyRegistry replacing(QueryStrategy strategy) {
        StrategyRegistry copy = new StrategyRegistry();
        copy.byName.putAll(byName);
        copy.byName.put(strategy.name(), strategy);
        return copy;
    }

    /** The strategy with this name, if any. */
    public Optional<QueryStrategy> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** All names, in registration order. */
    public Set<String> names() {
        return Collections.unmodifiableSet(byName.keySet());
    }
}
