/**
 * The offline simulation harness: simulated users with known utility vectors answer queries by the logit
 * choice model, and the harness measures normalised regret after every answer, for every strategy side by
 * side, in process (the engine itself) or through the live HTTP API; and its results files.
 *
 * <p>Main types. {@link io.elicitor.simulation.SimulatedUser} is a user with a known {@code w*}; a
 * {@link io.elicitor.simulation.UserRunner} ({@link io.elicitor.simulation.InProcessRunner} or
 * {@link io.elicitor.simulation.HttpRunner}) drives one user through T queries into a
 * {@link io.elicitor.simulation.UserTrace}; {@link io.elicitor.simulation.Simulation} runs every strategy on the
 * same users with the same seeds and aggregates them into {@link io.elicitor.simulation.StrategySummary} and
 * paired {@link io.elicitor.simulation.PairedDifference}s. {@link io.elicitor.simulation.SimulationResults} is
 * the results JSON of {@code simulate --out} (evoi/README.md, "Simulation harness"; an interface scripts read,
 * so its fields do not change): it is built from a simulation, written, and read back, and
 * {@link io.elicitor.simulation.RunComparison} pairs a run with an earlier run's file of the same users, checked
 * by their fingerprint. {@link io.elicitor.simulation.ExperimentRehearsal} sends simulated users through a
 * running A/B experiment instead, and {@link io.elicitor.simulation.RehearsalResults} is what it writes.
 * {@link io.elicitor.simulation.RegretPlot} draws the curves.
 *
 * <p>Use. The {@code simulate} command (package {@code cli}) wires these together: users and a runner,
 * a {@code Simulation} run with a callback after each strategy that writes {@code SimulationResults.of(...)}
 * (also from a shutdown hook, so an interrupted run leaves {@code "complete": false}), and the printed tables
 * from the final results. This package knows nothing of the command line; it uses the catalog and the engine
 * ({@code evoi}) only.
 *
 * <p>Thread-safety. Runners and {@code ExperimentRehearsal} serve many users at once from the harness's
 * threads. A {@code Simulation} is run once, from one thread, while its summaries, paired differences and
 * per-user curves may be read from any thread at any time (each is a consistent snapshot per strategy).
 * The records ({@code UserTrace}, {@code StrategySummary}, {@code PairedDifference}, {@code SimulationResults},
 * {@code RehearsalResults}) hold arrays and JSON trees that nobody changes after building them; share them, do not
 * write into them. {@code RunComparison} and {@code RegretPlot} are stateless.
 */
package io.elicitor.simulation;
