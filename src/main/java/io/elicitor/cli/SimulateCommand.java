package io.elicitor.cli;

import io.elicitor.catalog.Catalog;
import io.elicitor.catalog.CatalogLoader;
import io.elicitor.catalog.CatalogRegistry;
import io.elicitor.evoi.EngineWorkspace;
import io.elicitor.evoi.Seeds;
import io.elicitor.evoi.partial.AttributeSpace;
import io.elicitor.evoi.partial.PartialContext;
import io.elicitor.evoi.planner.EngineSettings;
import io.elicitor.evoi.planner.QueryKind;
import io.elicitor.evoi.planner.Questions;
import io.elicitor.evoi.planner.StrategyRegistry;
import io.elicitor.evoi.strategy.ExhaustiveStrategy;
import io.elicitor.runtime.Secrets;
import io.elicitor.simulation.ExperimentRehearsal;
import io.elicitor.simulation.HttpRunner;
import io.elicitor.simulation.InProcessRunner;
import io.elicitor.simulation.RegretPlot;
import io.elicitor.simulation.RehearsalResults;
import io.elicitor.simulation.RunComparison;
import io.elicitor.simulation.SimulatedUser;
import io.elicitor.simulation.Simulation;
import io.elicitor.simulation.SimulationResults;
import io.elicitor.simulation.UserRunner;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code elicitor simulate}: regret curves of simulated users, every strategy side by side. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Simulated users with known utility vectors answer T queries of each strategy; prints and"
                + " writes normalised regret after every answer with 95%% intervals, top-10 hit rate and ms per query.")
final class SimulateCommand implements Callable<Integer> {
    @Option(names = "--catalog", description = "Catalog folder (default: the bundled cars catalog).")
    Path catalogDir;

    @Option(names = "--users", description = "Ground-truth user vectors, .npy (n × d), e.g. <catalog>/users-heldout.npy.")
    Path usersFile;

    @Option(names = "--max-users", description = "Use at most this many users from --users (default: all).")
    Integer maxUsers;

    @Option(names = "--synthetic-users", description = "Also draw this many users from the catalog's prior (default: 0,"
            + " or 200 when --users is absent).")
    Integer syntheticUsers;

    @Option(names = "--strategies", split = ",", defaultValue = "gradient,greedy-eus,query-iteration,exhaustive,thompson,exploit,random",
            description = "Strategies to compare (default: ${DEFAULT-VALUE}); unknown names are refused.")
    List<String> strategies;

    @Option(names = "--queries", defaultValue = "10", description = "Answers per user T (default: ${DEFAULT-VALUE}).")
    int queries;

    @Option(names = "--slate", defaultValue = "2", description = "Items per query k (default: ${DEFAULT-VALUE}).")
    int slate;

    @Option(names = "--lambda", description = "Inverse temperature of the users' logit and of the model (default: the"
            + " catalog's calibrated lambda from its manifest, else 2.0).")
    Double lambdaOption;

    /** The λ in use: {@code --lambda}, else the catalog's, else 2.0; set once the catalog is loaded. */
    private double lambda;

    @Option(names = "--noiseless", description = "Users always pick their truly best item.")
    boolean noiseless;

    @Option(names = "--query-kind", defaultValue = "items", description = "items, partial (k partial items showing"
            + " --partial-attributes attributes, the rest equal) or mixed (whichever of the two has the larger EVOI);"
            + " partial and mixed need a catalog with attributes (default: ${DEFAULT-VALUE}).")
    String queryKind;

    @Option(names = "--partial-attributes", defaultValue = "2", description = "Attributes a partial query shows, 1..4"
            + " (default: ${DEFAULT-VALUE}).")
    int partialAttributes;

    @Option(names = "--allow-repeats", description = "Let a session ask a slate whose every pair it already compared"
            + " (default: never; such a question is replaced by the best one-item change).")
    boolean allowRepeats;

    @Option(names = "--particles", defaultValue = "1024", description = "Particles M (default: ${DEFAULT-VALUE}).")
    int particles;

    @Option(names = "--exhaustive-max-slates", defaultValue = "32640", description = "Slates the exhaustive strategy"
            + " scores per query (default: ${DEFAULT-VALUE}: all pairs of 256 pool items).")
    long exhaustiveMaxSlates;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of everything (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", description = "Users simulated in parallel (default: number of cores).")
    Integer threads;

    @Option(names = "--out", description = "Results JSON (written after each strategy, and on Ctrl-C).")
    Path out;

    @Option(names = "--plot", description = "Regret plot, .svg or .png.")
    Path plot;

    @Option(names = "--compare-to", description = "An earlier results JSON of the same users, seeds and T (any code,"
            + " machine or settings): also report each strategy's regret minus its regret there, user by user.")
    Path compareTo;

    /** The earlier run, when {@code --compare-to} is given. */
    private SimulationResults earlier;

    @Option(names = "--via-http", description = "Drive a running service at this URL instead of the engine in process.")
    URI viaHttp;

    @Option(names = "--experiment", description = "With --via-http: rehearse this running experiment (sessions are"
            + " assigned by it; outcomes reported; its results fetched into --out).")
    String experiment;

    @Mixin
    RealAnswerOptions real = new RealAnswerOptions();

    @Option(names = "--admin-key", description = "X-Admin-Key for the experiment results (default: the content of the"
            + " file $ELICITOR_ADMIN_KEY_FILE, else $ELICITOR_ADMIN_KEY; prefer those: ps shows a command line).")
    String adminKey;

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        if (experiment != null) {
            return rehearse(started);
        }
        Catalog catalog = catalog();
        lambda = lambdaFor(catalog);
        CatalogRegistry.Entry entry = EngineWorkspace.outside(() -> new CatalogRegistry().register(catalog));
        StrategyRegistry registry = StrategyRegistry.builtIn().replacing(new ExhaustiveStrategy(exhaustiveMaxSlates));
        for (String s : strategies) {
            if (registry.find(s).isEmpty()) {
                throw new IllegalArgumentException(registry.unknown(s));
            }
        }
        if (slate < 2 || slate > 6 || queries < 1 || particles < 2 || !(lambda > 0)) {
            throw new IllegalArgumentException("need 2 <= --slate <= 6, --queries >= 1, --particles >= 2, --lambda > 0");
        }
        if (real.answersFrom != null) {
            return SimulateRealAnswers.run(real, new SimulateRealAnswers.Run(catalog, entry, registry, strategies,
                    EngineSettings.defaults().withLambda(lambda).withParticles(particles), slate, queries, seed,
                    threads(), out, plot, allowRepeats), usersFile != null || syntheticUsers != null || viaHttp != null
                    || compareTo != null || noiseless || !queryKind.equals("items"));
        }
        Questions questions = questions(entry);
        List<SimulatedUser> users = users(catalog, entry);
        String fingerprint = RunComparison.fingerprint(catalog.id(), catalog.version(), usersFile, maxUsers, syntheticCount(),
                seed, queries);
        if (compareTo != null) {
            try {
                earlier = SimulationResults.readToPairWith(compareTo, fingerprint);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--compare-to " + e.getMessage());
            }
        }
        EngineSettings settings = EngineSettings.defaults().withLambda(lambda).withParticles(particles);
        UserRunner runner = viaHttp == null
                ? new InProcessRunner(entry.search(), entry.prior(), settings, registry, slate, queries, noiseless, questions)
                        .allowingRepeats(allowRepeats)
                : new HttpRunner(viaHttp, catalog, slate, queries, lambda, noiseless, allowRepeats);
        int n = threads();
        Simulation sim = new Simulation(runner, users, strategies, seed, n);

        var config = new SimulationResults.Config(catalog.id(), catalog.version(), catalog.size(), catalog.dimension(),
                entry.priorDescription(), users.size(), usersFile == null ? null : usersFile.toString(), syntheticCount(),
                queries, slate, lambda, noiseless, particles, settings.poolMeanTop(), settings.poolSamples(),
                exhaustiveMaxSlates, seed, n, viaHttp == null ? null : viaHttp.toString(), strategies, fingerprint,
                compareTo == null ? null : compareTo.toString(),
                questions.kind().needsAttributes() ? questions.kind().wireName() : null,
                questions.kind().needsAttributes() ? partialAttributes : null, allowRepeats);

        AtomicBoolean finished = new AtomicBoolean();
        Thread onInterrupt = new Thread(() -> {
            if (!finished.get()) {
                write(sim, config, started, false);
                System.err.println("\ninterrupted: partial results written" + (out == null ? "" : " to " + out));
            }
        });
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        try (ProgressBar bar = Progress.bar("simulate", (long) users.size() * strategies.size())) {
            sim.run(bar::step, s -> write(sim, config, started, false));
        }
        finished.set(true);
        SimulationResults result = write(sim, config, started, true);
        System.out.print(SimulateTables.of(result));
        System.out.printf(Locale.ROOT, "%d users x %d strategies in %.1f s%s%n", users.size(), strategies.size(),
                result.seconds(), out == null ? "" : "; results in " + out);
        if (plot != null) {
            RegretPlot.write(result.strategies(), String.format(Locale.ROOT, "%s: %d users, k=%d, lambda=%s, M=%d",
                    catalog.id(), users.size(), slate, lambda, particles), plot);
        }
        return 0;
    }

    /** The questions asked, validated against the catalog and the strategies. */
    private Questions questions(CatalogRegistry.Entry entry) {
        QueryKind kind = QueryKind.parse(queryKind).orElseThrow(() ->
                new IllegalArgumentException("--query-kind must be items, partial or mixed, got '" + queryKind + "'"));
        if (!kind.needsAttributes()) {
            return Questions.ITEMS;
        }
        AttributeSpace space = entry.attributes().orElseThrow(() -> new IllegalArgumentException("--query-kind "
                + queryKind + " needs a catalog with an attribute schema (embed --attributes); " + entry.catalog().id()
                + " has none"));
        if (viaHttp != null) {
            throw new IllegalArgumentException("--query-kind " + queryKind + " runs in process only, not with --via-http");
        }
        if (partialAttributes < 1 || partialAttributes > Math.min(PartialContext.MAX_ATTRIBUTES, space.size())
                || slate > PartialContext.MAX_OPTIONS) {
            throw new IllegalArgumentException("--partial-attributes must be 1.." + Math.min(PartialContext.MAX_ATTRIBUTES,
                    space.size()) + " and --slate at most " + PartialContext.MAX_OPTIONS + " for partial queries");
        }
        for (String s : strategies) {
            if (StrategyRegistry.partial(s).isEmpty()) {
                throw new IllegalArgumentException(StrategyRegistry.unknownPartial(s));
            }
        }
        return new Questions(kind, partialAttributes, space);
    }

    /** Simulated users through a running experiment over HTTP; writes the experiment's results. */
    private int rehearse(long started) throws Exception {
        if (viaHttp == null) {
            throw new IllegalArgumentException("--experiment needs --via-http URL of the service running it");
        }
        Catalog catalog = catalog();
        lambda = lambdaFor(catalog);
        CatalogRegistry.Entry entry = EngineWorkspace.outside(() -> new CatalogRegistry().register(catalog));
        List<SimulatedUser> users = users(catalog, entry);
        String key = adminKey != null ? adminKey : Secrets.of("ELICITOR_ADMIN_KEY", Optional.ofNullable(System.getenv(
                "ELICITOR_ADMIN_KEY")), Optional.ofNullable(System.getenv("ELICITOR_ADMIN_KEY_FILE")).map(Path::of)).orElse(null);
        ExperimentRehearsal rehearsal = new ExperimentRehearsal(viaHttp, key, catalog, queries, lambda, noiseless, seed);
        try (ProgressBar bar = Progress.bar("rehearse", users.size())) {
            var outcomes = rehearsal.runAll(users, threads(), bar::step);
            RehearsalResults result = rehearsal.report(experiment, outcomes, started);
            if (out != null) {
                result.write(out);
            }
            System.out.print(SimulateTables.rehearsal(result.experiment()));
        }
        return 0;
    }

    /** {@code --threads}, else the number of cores. */
    private int threads() {
        return threads != null ? threads : Runtime.getRuntime().availableProcessors();
    }

    private int syntheticCount() {
        return syntheticUsers != null ? syntheticUsers : usersFile == null ? 200 : 0;
    }

    private List<SimulatedUser> users(Catalog catalog, CatalogRegistry.Entry entry) throws Exception {
        List<SimulatedUser> users = new ArrayList<>();
        if (usersFile != null) {
            users.addAll(SimulatedUser.fromNpy(usersFile, maxUsers, catalog.vectors()));
        }
        int synthetic = syntheticCount();
        if (synthetic > 0) {
            users.addAll(SimulatedUser.drawnFrom(entry.prior(), synthetic, Seeds.random(seed, 0x5157L), catalog.vectors()));
        }
        if (users.isEmpty()) {
            throw new IllegalArgumentException("no users: give --users FILE and/or --synthetic-users N");
        }
        return users;
    }

    /** {@code --lambda}, else the catalog's manifest λ, else the engine's default (the service's for catalogs without one). */
    private double lambdaFor(Catalog catalog) {
        return lambdaOption != null ? lambdaOption : catalog.lambda().orElse(EngineSettings.defaults().lambda());
    }

    /** The catalog to simulate on: {@code --catalog}, or the bundled cars. */
    private Catalog catalog() throws Exception {
        return catalogDir == null ? CatalogLoader.loadResource("catalogs/cars") : CatalogLoader.load(catalogDir);
    }

    /** The results so far, written to {@code --out} if given; a failed write is reported and the run goes on. */
    private synchronized SimulationResults write(Simulation sim, SimulationResults.Config config, long started,
                                                 boolean complete) {
        SimulationResults result = SimulationResults.of(sim, config, earlier, complete, (System.nanoTime() - started) / 1e9);
        if (out != null) {
            try {
                result.write(out);
            } catch (Exception e) {
                System.err.println("cannot write " + out + ": " + e.getMessage());
            }
        }
        return result;
    }
}
