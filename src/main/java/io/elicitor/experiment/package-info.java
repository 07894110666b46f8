/**
 * A/B experiments on live traffic: experiment definitions with weighted arms (a strategy and its
 * parameters each), deterministic sticky assignment of new sessions to arms, outcomes reported by the app,
 * and results with 95% intervals, an always-valid sequential test and a sample-ratio check.
 *
 * <p>Experiments and outcomes live in PostgreSQL next to the session log, so they exist only on the durable
 * store ({@code elicitor.store=durable}). On the in-memory store every experiment and outcome call is refused
 * with 503 before its input is even looked at, and no session is ever enrolled.
 *
 * <h2>Main types</h2>
 *
 * <h3>Values</h3>
 * <ul>
 *   <li>{@link io.elicitor.experiment.Definition} - an experiment as an admin writes it, the body of
 *       {@code POST /experiments}.</li>
 *   <li>{@link io.elicitor.experiment.Experiment} and {@link io.elicitor.experiment.Arm} - a stored
 *       experiment and its arms; the first arm is the control.</li>
 *   <li>{@link io.elicitor.experiment.Outcome} - what a user did with a recommendation, the body of
 *       {@code POST /sessions/{id}/outcome}.</li>
 *   <li>{@link io.elicitor.experiment.ResultRows} and {@link io.elicitor.experiment.ExperimentResults} -
 *       what the results queries read, and what {@code GET /experiments/{id}/results} returns.</li>
 * </ul>
 *
 * <h3>Pure functions (no database, no CDI needed)</h3>
 * <ul>
 *   <li>{@link io.elicitor.experiment.DefinitionValidator} - a definition to a new running experiment, or a
 *       {@link io.elicitor.runtime.Refusal} naming the field at fault ({@code arms[1].params.lambda}).</li>
 *   <li>{@link io.elicitor.experiment.ArmAssigner} - SHA-256 of (salt, unit key) to an arm, weighted and
 *       sticky, with nothing to store.</li>
 *   <li>{@link io.elicitor.experiment.ResultsSummary} - result rows to per-arm results and comparisons,
 *       using {@link io.elicitor.experiment.Statistics} (Wilson and mean intervals, mSPRT, chi-squared).</li>
 * </ul>
 *
 * <h3>Beans that reach PostgreSQL (Hibernate Reactive with Panache)</h3>
 * <ul>
 *   <li>{@link io.elicitor.experiment.ExperimentStore} - create (validating first, then at most one running
 *       experiment per catalog, else 409), list, get, stop, the running experiment of a catalog, and the
 *       two native queries behind the results. Rows are {@link io.elicitor.experiment.ExperimentRecord}.</li>
 *   <li>{@link io.elicitor.experiment.ExperimentEnrolment} - the one {@link io.elicitor.session.Enrolment}
 *       bean: at session creation it picks the arm of the catalog's running experiment, if any.</li>
 *   <li>{@link io.elicitor.experiment.OutcomeRecorder} - checks an outcome and appends it as an
 *       {@link io.elicitor.experiment.OutcomeRecord}.</li>
 * </ul>
 *
 * <h2>How they are used</h2>
 * <ol>
 *   <li>An admin posts a definition; {@code ExperimentResource} calls {@code ExperimentStore.create}, which
 *       checks the store mode, validates with {@code DefinitionValidator} and inserts the experiment.</li>
 *   <li>Each new session of that catalog asks {@code ExperimentEnrolment.assign} (through the session
 *       service's {@code Enrolment}); the arm's strategy and parameters replace the session's defaults (a
 *       request that names its own strategy is refused with 409) and the session keeps the experiment id
 *       and arm. A {@code userKey} experiment places only sessions that carry a user key; the others run
 *       outside it.</li>
 *   <li>The app reports outcomes; {@code SessionResource} calls {@code OutcomeRecorder.record}.</li>
 *   <li>{@code GET /experiments/{id}/results} is {@code ExperimentStore.resultRows} mapped through
 *       {@code ResultsSummary.of}. Stopping an experiment ends assignment; assigned sessions keep their
 *       arm and still count.</li>
 * </ol>
 *
 * <h2>Thread safety</h2>
 * <ul>
 *   <li>Records are immutable (lists are copied); {@code ArmAssigner}, {@code Statistics} and
 *       {@code ResultsSummary} are stateless static functions.</li>
 *   <li>{@code DefinitionValidator} is shared: its only state is a {@link java.security.SecureRandom} for
 *       salts (thread-safe) and the registries it reads (themselves safe for concurrent use).</li>
 *   <li>{@code ExperimentStore}, {@code ExperimentEnrolment} and {@code OutcomeRecorder} hold no state of
 *       their own: each call runs in a Panache reactive session or transaction of the caller's Vert.x
 *       context and returns a {@code Uni}, to be subscribed there as Hibernate Reactive requires.</li>
 *   <li>The entities ({@code ExperimentRecord}, {@code OutcomeRecord}) are mutable and confined to the
 *       session of the call that loaded them; never share one across calls.</li>
 *   <li>When two creates for one catalog race, the count check can pass for both: PostgreSQL's unique
 *       partial index on the running experiment of a catalog is what keeps the second one out.</li>
 * </ul>
 *
 * <h2>Related packages</h2>
 * <ul>
 *   <li>{@link io.elicitor.session} - the session service that asks for enrolment, and the
 *       {@code Enrolment} interface this package implements.</li>
 *   <li>{@link io.elicitor.session.store} - the session rows the results queries and outcomes read.</li>
 *   <li>{@code io.elicitor.api} - the thin HTTP resources above this package.</li>
 * </ul>
 */
package io.elicitor.experiment;
