/**
 * The engine's front door. {@link io.elicitor.evoi.planner.QueryPlanner} plans one question for a belief: it
 * builds the candidate pool, lets the strategy choose, scores the slate exactly and applies the stopping rule,
 * returning a {@link io.elicitor.evoi.planner.PlannedQuery}. {@link io.elicitor.evoi.planner.StrategyRegistry}
 * finds strategies by name, including {@code name@factor} ({@link io.elicitor.evoi.planner.SharpenedPlanning}:
 * plan with λ × factor); {@link io.elicitor.evoi.planner.EngineSettings} holds the engine's tunables. All
 * immutable and thread-safe; planning runs ND4J, so it belongs on a maths thread inside a workspace.
 */
package io.elicitor.evoi.planner;
