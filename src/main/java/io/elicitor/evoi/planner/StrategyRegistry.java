package io.elicitor.evoi.planner;

import io.elicitor.evoi.gradient.GradientStrategy;
import io.elicitor.evoi.partial.ExhaustivePartial;
import io.elicitor.evoi.partial.GradientPartial;
import io.elicitor.evoi.partial.GreedyPartial;
import io.elicitor.evoi.partial.PartialStrategy;
import io.elicitor.evoi.partial.RandomPartial;
import io.elicitor.evoi.strategy.ExhaustiveStrategy;
import io.elicitor.evoi.strategy.ExploitStrategy;
import io.elicitor.evoi.strategy.GreedyEusStrategy;
import io.elicitor.evoi.strategy.QueryIterationStrategy;
import io.elicitor.evoi.strategy.QueryStrategy;
import io.elicitor.evoi.strategy.RandomStrategy;
import io.elicitor.evoi.strategy.ThompsonStrategy;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The query strategies selectable by name. Besides the registered names, {@code <name>@<factor>} selects
 * the registered strategy planning with λ × factor ({@link SharpenedPlanning}), for example
 * {@code greedy-eus@2}, so sessions, experiment arms and the simulation harness can all ask for it.
 */
public final class StrategyRegistry {
    /** The strategies that ask partial questions, by name; fixed, as they have no settings to replace. */
    private static final Map<String, PartialStrategy> PARTIAL = byName(new GradientPartial(), new ExhaustivePartial(),
            new GreedyPartial(), new RandomPartial());

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

    /**
     * The strategy with this name, if any: a registered name, or a registered name followed by
     * {@code @factor} with a factor in (0, {@link SharpenedPlanning#MAX_FACTOR}] (a plain decimal number).
     */
    public Optional<QueryStrategy> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        QueryStrategy plain = byName.get(name);
        int at = name.lastIndexOf('@');
        if (plain != null || at < 0) {
            return Optional.ofNullable(plain);
        }
        QueryStrategy inner = byName.get(name.substring(0, at));
        String factor = name.substring(at + 1);
        if (inner == null || inner instanceof SharpenedPlanning || !factor.matches("[0-9]{1,3}(\\.[0-9]{1,6})?")) {
            return Optional.empty();
        }
        double f = Double.parseDouble(factor);
        return SharpenedPlanning.acceptsFactor(f) ? Optional.of(new SharpenedPlanning(inner, f)) : Optional.empty();
    }

    /** Why {@code name} is not found, naming what is: for error messages of every front end. */
    public String unknown(String name) {
        return "unknown strategy '" + name + "'; known: " + String.join(", ", byName.keySet())
                + " (each may end in @factor, a planning factor in (0, " + (int) SharpenedPlanning.MAX_FACTOR + "])";
    }

    /** All registered names, in registration order (each also accepts an {@code @factor} suffix). */
    public Set<String> names() {
        return Collections.unmodifiableSet(byName.keySet());
    }

    /**
     * The partial-query strategy of this name: {@code gradient}, {@code exhaustive}, {@code greedy-eus} and
     * {@code random} ask partial questions too; the other item strategies have no partial form.
     */
    public static Optional<PartialStrategy> partial(String name) {
        return Optional.ofNullable(PARTIAL.get(name));
    }

    /** The names of the strategies that ask partial questions. */
    public static Set<String> partialNames() {
        return PARTIAL.keySet();
    }

    /** Why {@code name} asks no partial questions, naming those that do: for error messages of every front end. */
    public static String unknownPartial(String name) {
        return "strategy '" + name + "' asks no partial queries; those that do: " + String.join(", ", PARTIAL.keySet());
    }

    private static Map<String, PartialStrategy> byName(PartialStrategy... strategies) {
        Map<String, PartialStrategy> out = new LinkedHashMap<>();
        for (PartialStrategy s : strategies) {
            out.put(s.name(), s);
        }
        return Collections.unmodifiableMap(out);
    }
}
