package io.elicitor.cli;

import io.elicitor.catalog.Catalog;
import io.elicitor.catalog.CatalogLoader;
import io.elicitor.catalog.CatalogRegistry;
import io.elicitor.catalog.CatalogWriter;
import io.elicitor.evoi.EngineWorkspace;
import io.elicitor.evoi.planner.EngineSettings;
import io.elicitor.evoi.planner.StrategyRegistry;
import io.elicitor.simulation.people.EngineQuestionFit;
import io.elicitor.simulation.people.LambdaFit;
import io.elicitor.simulation.people.Person;
import io.elicitor.simulation.people.PopulationSessions;
import io.elicitor.simulation.people.RecommendationFit;
import io.elicitor.simulation.people.RecordedAnswers;
import io.elicitor.simulation.people.TestPeople;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code elicitor fit-lambda}: the choice model's λ fitted to real people's recorded answers. */
@Command(name = "fit-lambda", mixinStandardHelpOptions = true,
        description = "Fits the choice model's lambda to recorded answers of the catalog's prior population (never its"
                + " held-out test people): by the recommendations of sessions answered from their records (default) or"
                + " by maximum marginal likelihood under the catalog's prior; prints it beside the catalog's lambda and,"
                + " with --write, makes it the catalog's.")
final class FitLambdaCommand implements Callable<Integer> {
    @Option(names = "--catalog", required = true, description = "Catalog folder.")
    Path catalogDir;

    @Option(names = "--answers-from", required = true, description = "Recorded preferences (as simulate reads them).")
    Path answersFrom;

    @Option(names = "--answers-format", required = true, description = "sushi-order or ratings.")
    String answersFormat;

    @Option(names = "--by", defaultValue = "recommendation", description = "What the fit maximises: recommendation (the"
            + " lambda of --grid whose sessions recommend best to the population, in their own orders) or likelihood"
            + " (maximum marginal likelihood of answers, see --questions) (default: ${DEFAULT-VALUE}).")
    String by;

    @Option(names = "--grid", defaultValue = "1,2,4,8,16,32,64,128", split = ",", description = "With --by"
            + " recommendation: the lambdas tried (default: ${DEFAULT-VALUE}).")
    double[] grid;

    @Option(names = "--questions", defaultValue = "engine", description = "Which answers: engine (each person answers a"
            + " session of the engine's own questions, re-run at each fitted lambda until it settles) or random (random"
            + " pairs of each person's items) (default: ${DEFAULT-VALUE}).")
    String questions;

    @Option(names = "--pairs", defaultValue = "10", description = "With --questions random: pairs of each person's items"
            + " answered (default: ${DEFAULT-VALUE}).")
    int pairs;

    @Option(names = "--strategy", defaultValue = "greedy-eus", description = "The strategy that asks the sessions'"
            + " questions (--by recommendation, --questions engine) (default: ${DEFAULT-VALUE}).")
    String strategy;

    @Option(names = "--queries", defaultValue = "6", description = "Questions per session"
            + " (default: ${DEFAULT-VALUE}).")
    int queries;

    @Option(names = "--slate", defaultValue = "2", description = "Items per question (default:"
            + " ${DEFAULT-VALUE}).")
    int slate;

    @Option(names = "--rounds", defaultValue = "6", description = "With --questions engine: most re-runs at the fitted"
            + " lambda (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--particles", defaultValue = "1024", description = "Particles per session (default:"
            + " ${DEFAULT-VALUE}).")
    int particles;

    @Option(names = "--threads", defaultValue = "2", description = "Sessions run at once (default:"
            + " ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--prior-samples", defaultValue = "2048", description = "Draws from the prior (default:"
            + " ${DEFAULT-VALUE}).")
    int priorSamples;

    @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--write", description = "Write the fitted lambda into the catalog's manifest (the calibrated one"
            + " stays recorded in vectors.lambdaCalibration).")
    boolean write;

    /**
     * A likelihood fit, however its answers were gathered.
     *
     * @param how what the printed λ is: the likelihood there, or where the sessions' λ and the fit meet
     */
    private record Fitted(double lambda, int people, int answers, boolean atUpperBound, String how) {}

    @Override
    public Integer call() throws Exception {
        Catalog catalog = CatalogLoader.load(catalogDir);
        CatalogRegistry.Entry entry = EngineWorkspace.outside(() -> new CatalogRegistry().register(catalog));
        RecordedAnswers.Readout read = RecordedAnswers.read(answersFrom, RecordedAnswers.Format.parse(answersFormat),
                catalog);
        List<Person> population = TestPeople.population(read.people(), catalog);
        switch (by) {
            case "recommendation" -> byRecommendation(catalog, entry, population);
            case "likelihood" -> byLikelihood(catalog, entry, population);
            default -> throw new IllegalArgumentException("--by must be recommendation or likelihood, got " + by);
        }
        return 0;
    }

    /** Maximum marginal likelihood of random pairs' or the engine's questions' answers ({@link LambdaFit}). */
    private void byLikelihood(Catalog catalog, CatalogRegistry.Entry entry, List<Person> population) throws Exception {
        Fitted f = switch (questions) {
            case "random" -> {
                LambdaFit.Result r = EngineWorkspace.run(() -> LambdaFit.onRandomPairs(population, catalog.vectors(),
                        entry.prior(), pairs, priorSamples, seed).fit());
                yield new Fitted(r.lambda(), r.people(), r.answers(), r.atUpperBound(), String.format(Locale.ROOT,
                        "log-likelihood %.1f nats, %.3f per answer", r.logLikelihood(), r.logLikelihood() / r.answers()));
            }
            case "engine" -> engineQuestions(catalog, entry, population);
            default -> throw new IllegalArgumentException("--questions must be engine or random, got " + questions);
        };
        boolean engine = questions.equals("engine");
        if (f.atUpperBound()) {
            System.out.println("the fit is at the search's upper bound: the answers do not bound lambda; more people or"
                    + " questions are needed before writing it");
        }
        System.out.printf(Locale.ROOT, "lambda fitted to %d answers (%s) of %d people of the prior's population: %.4g"
                + " (%s); the catalog's lambda: %s%n", f.answers(), engine ? "the engine's questions" : "random pairs",
                f.people(), f.lambda(), f.how(), catalogLambda(catalog));
        if (write) {
            write(catalog, f.lambda(), "maximum marginal likelihood under the prior of recorded answers (fit-lambda)",
                    engine ? engineQuestionsRecorded() : pairs + " random pairs per person", f.people(), "answers",
                    f.answers());
        }
    }

    /** The grid's λ whose population sessions recommend best ({@link RecommendationFit}), printed point by point. */
    private void byRecommendation(Catalog catalog, CatalogRegistry.Entry entry, List<Person> population)
            throws Exception {
        RecommendationFit fit = new RecommendationFit(sessions(entry));
        RecommendationFit.Result r = fit.fit(population, EngineSettings.defaults().withParticles(particles), grid, p ->
                System.out.printf(Locale.ROOT, "lambda %.4g: position of the top recommendation %.3f (mean over t = 1..%d),"
                        + " %.3f at t = %d%n", p.lambda(), p.meanPosition(), queries, p.positionAtT(), queries));
        System.out.printf(Locale.ROOT, "lambda chosen by the recommendations of %d sessions (%s, %d questions of %d) of"
                + " the prior's population: %.4g; the catalog's lambda: %s%n", population.size(), strategy, queries, slate,
                r.lambda(), catalogLambda(catalog));
        if (write) {
            write(catalog, r.lambda(), "the lambda of a grid whose sessions recommend best to the prior's population"
                    + " (fit-lambda --by recommendation)", engineQuestionsRecorded(), population.size(), "curve",
                    r.curve());
        }
    }

    /**
     * Rounds of sessions under {@code --strategy} ({@link EngineQuestionFit}), printed; the answer is the last round's
     * next λ, where the sessions' λ and the fit to their answers meet.
     */
    private Fitted engineQuestions(Catalog catalog, CatalogRegistry.Entry entry, List<Person> population)
            throws Exception {
        EngineSettings settings = EngineSettings.defaults().withParticles(particles)
                .withLambda(catalog.lambda().orElse(EngineSettings.defaults().lambda()));
        EngineQuestionFit fit = new EngineQuestionFit(sessions(entry), priorSamples);
        int[] round = {0};
        List<EngineQuestionFit.Round> rounds = fit.fit(population, settings, this.rounds, r ->
                System.out.printf(Locale.ROOT, "round %d: sessions at lambda %.4g -> fitted %.4g%s (%d answers, %d ties"
                        + " left out); next %.4g%n", ++round[0], r.plannedWith(), r.fit().lambda(), r.fit().atUpperBound()
                        ? " (the search's upper bound: no finite maximum)" : "", r.fit().answers(), r.ties(), r.next()));
        EngineQuestionFit.Round last = rounds.get(rounds.size() - 1);
        return new Fitted(last.next(), last.fit().people(), last.fit().answers(), last.fit().atUpperBound(),
                "where the sessions' lambda and the fit meet");
    }

    private PopulationSessions sessions(CatalogRegistry.Entry entry) {
        return new PopulationSessions(entry.search(), entry.prior(), StrategyRegistry.builtIn(), strategy, slate, queries,
                seed, threads);
    }

    /** How the sessions' questions are recorded in the manifest. */
    private String engineQuestionsRecorded() {
        return "the engine's own (" + strategy + ", " + queries + " questions of " + slate + ")";
    }

    private static String catalogLambda(Catalog catalog) {
        return catalog.lambda().isPresent() ? String.format(Locale.ROOT, "%.4g", catalog.lambda().getAsDouble()) : "none";
    }

    /**
     * Makes {@code lambda} the catalog's and records the fit in {@code vectors.lambdaFit}: method, questions, the
     * answers file, people, {@code key}: {@code value} (the answers counted, or the grid's curve), λ and the one before.
     */
    private void write(Catalog catalog, double lambda, String method, String questionsRecorded, int people, String key,
                       Object value) throws java.io.IOException {
        Map<String, Object> fit = new LinkedHashMap<>();
        fit.put("method", method);
        fit.put("questions", questionsRecorded);
        fit.put("answersFrom", answersFrom.toString());
        fit.put("people", people);
        fit.put(key, value);
        fit.put("lambda", lambda);
        fit.put("previousLambda", catalog.lambda().isPresent() ? catalog.lambda().getAsDouble() : null);
        CatalogWriter.rewriteManifest(catalogDir, catalog.manifest().withLambda(lambda, "lambdaFit", fit));
        System.out.printf(Locale.ROOT, "wrote lambda %.4g into %s%n", lambda, catalogDir.resolve("manifest.json"));
    }
}
