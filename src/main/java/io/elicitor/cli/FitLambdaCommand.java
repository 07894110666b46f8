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

    @Option(names = "--strategy", defaultValue = "greedy-eus", description = "With --questions engine: the strategy that"
            + " asks; also with --by recommendation (default: ${DEFAULT-VALUE}).")
    String strategy;

    @Option(names = "--queries", defaultValue = "6", description = "With --questions engine: questions per session"
            + " (default: ${DEFAULT-VALUE}).")
    int queries;

    @Option(names = "--slate", defaultValue = "2", description = "With --questions engine: items per question (default:"
            + " ${DEFAULT-VALUE}).")
    int slate;

    @Option(names = "--rounds", defaultValue = "6", description = "With --questions engine: most re-runs at the fitted"
            + " lambda (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--particles", defaultValue = "1024", description = "With --questions engine: particles per session"
            + " (default: ${DEFAULT-VALUE}).")
    int particles;

    @Option(names = "--threads", defaultValue = "2", description = "With --questions engine: sessions run at once"
            + " (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--prior-samples", defaultValue = "2048", description = "Draws from the prior (default:"
            + " ${DEFAULT-VALUE}).")
    int priorSamples;

    @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--write", description = "Write the fitted lambda into the catalog's manifest (the calibrated one"
            + " stays recorded in vectors.lambdaCalibration).")
    boolean write;

    @Override
    public Integer call() throws Exception {
        Catalog catalog = CatalogLoader.load(catalogDir);
        CatalogRegistry.Entry entry = EngineWorkspace.outside(() -> new CatalogRegistry().register(catalog));
        RecordedAnswers.Readout read = RecordedAnswers.read(answersFrom, RecordedAnswers.Format.parse(answersFormat),
                catalog);
        List<Person> population = TestPeople.population(read.people(), catalog);
        if (by.equals("recommendation")) {
            return byRecommendation(catalog, entry, population);
        }
        if (!by.equals("likelihood")) {
            throw new IllegalArgumentException("--by must be recommendation or likelihood, got " + by);
        }
        LambdaFit.Result r = switch (questions) {
            case "random" -> EngineWorkspace.run(() -> LambdaFit.onRandomPairs(population, catalog.vectors(),
                    entry.prior(), pairs, priorSamples, seed).fit());
            case "engine" -> engineQuestions(catalog, entry, population);
            default -> throw new IllegalArgumentException("--questions must be engine or random, got " + questions);
        };
        String current = catalog.lambda().isPresent() ? String.format(Locale.ROOT, "%.4g", catalog.lambda().getAsDouble())
                : "none";
        if (r.atUpperBound()) {
            System.out.println("the fit is at the search's upper bound: the answers do not bound lambda; more people or"
                    + " questions are needed before writing it");
        }
        String likelihood = Double.isNaN(r.logLikelihood()) ? "where the sessions' lambda and the fit meet"
                : String.format(Locale.ROOT, "log-likelihood %.1f nats, %.3f per answer", r.logLikelihood(),
                r.logLikelihood() / r.answers());
        System.out.printf(Locale.ROOT, "lambda fitted to %d answers (%s) of %d people of the prior's population: %.4g"
                + " (%s); the catalog's lambda: %s%n", r.answers(), questions.equals("engine") ? "the engine's questions"
                : "random pairs", r.people(), r.lambda(), likelihood, current);
        if (write) {
            Map<String, Object> fit = new LinkedHashMap<>();
            fit.put("method", "maximum marginal likelihood under the prior of recorded answers (fit-lambda)");
            fit.put("questions", questions.equals("engine") ? "the engine's own (" + strategy + ", " + queries
                    + " questions of " + slate + ")" : pairs + " random pairs per person");
            fit.put("answersFrom", answersFrom.toString());
            fit.put("people", r.people());
            fit.put("answers", r.answers());
            fit.put("lambda", r.lambda());
            fit.put("previousLambda", catalog.lambda().isPresent() ? catalog.lambda().getAsDouble() : null);
            write(catalog, r.lambda(), fit);
        }
        return 0;
    }

    /** The grid's λ whose population sessions recommend best ({@link RecommendationFit}), printed point by point. */
    private int byRecommendation(Catalog catalog, CatalogRegistry.Entry entry, List<Person> population)
            throws Exception {
        RecommendationFit fit = new RecommendationFit(sessions(entry));
        RecommendationFit.Result r = fit.fit(population, EngineSettings.defaults().withParticles(particles), grid, p ->
                System.out.printf(Locale.ROOT, "lambda %.4g: position of the top recommendation %.3f (mean over t = 1..%d),"
                        + " %.3f at t = %d%n", p.lambda(), p.meanPosition(), queries, p.positionAtT(), queries));
        System.out.printf(Locale.ROOT, "lambda chosen by the recommendations of %d sessions (%s, %d questions of %d) of"
                + " the prior's population: %.4g; the catalog's lambda: %s%n", population.size(), strategy, queries, slate,
                r.lambda(), catalog.lambda().isPresent() ? String.format(Locale.ROOT, "%.4g", catalog.lambda()
                        .getAsDouble()) : "none");
        if (write) {
            Map<String, Object> chosen = new LinkedHashMap<>();
            chosen.put("method", "the lambda of a grid whose sessions recommend best to the prior's population (fit-lambda"
                    + " --by recommendation)");
            chosen.put("questions", "the engine's own (" + strategy + ", " + queries + " questions of " + slate + ")");
            chosen.put("answersFrom", answersFrom.toString());
            chosen.put("people", population.size());
            chosen.put("curve", r.curve());
            chosen.put("lambda", r.lambda());
            chosen.put("previousLambda", catalog.lambda().isPresent() ? catalog.lambda().getAsDouble() : null);
            write(catalog, r.lambda(), chosen);
        }
        return 0;
    }

    private PopulationSessions sessions(CatalogRegistry.Entry entry) {
        return new PopulationSessions(entry.search(), entry.prior(), StrategyRegistry.builtIn(), strategy, slate, queries,
                seed, threads);
    }

    private void write(Catalog catalog, double lambda, Map<String, Object> fit) throws java.io.IOException {
        CatalogWriter.rewriteManifest(catalogDir, catalog.manifest().withLambda(lambda, "lambdaFit", fit));
        System.out.printf(Locale.ROOT, "wrote lambda %.4g into %s%n", lambda, catalogDir.resolve("manifest.json"));
    }

    /**
     * Rounds of sessions under {@code --strategy} ({@link EngineQuestionFit}), printed; the answer is the last round's
     * next λ, where the sessions' λ and the fit to their answers meet (its likelihood is not reported: NaN).
     */
    private LambdaFit.Result engineQuestions(Catalog catalog, CatalogRegistry.Entry entry, List<Person> population)
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
        return new LambdaFit.Result(last.next(), Double.NaN, last.fit().people(), last.fit().answers(), last.fit().grid(),
                last.fit().curve());
    }
}
