package io.elicitor.cli;

import io.elicitor.catalog.Catalog;
import io.elicitor.catalog.CatalogLoader;
import io.elicitor.catalog.CatalogRegistry;
import io.elicitor.catalog.CatalogWriter;
import io.elicitor.evoi.EngineWorkspace;
import io.elicitor.simulation.people.LambdaFit;
import io.elicitor.simulation.people.Person;
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
                + " held-out test people) by maximum marginal likelihood under the catalog's prior; prints it beside the"
                + " catalog's lambda and, with --write, makes it the catalog's.")
final class FitLambdaCommand implements Callable<Integer> {
    @Option(names = "--catalog", required = true, description = "Catalog folder.")
    Path catalogDir;

    @Option(names = "--answers-from", required = true, description = "Recorded preferences (as simulate reads them).")
    Path answersFrom;

    @Option(names = "--answers-format", required = true, description = "sushi-order or ratings.")
    String answersFormat;

    @Option(names = "--pairs", defaultValue = "10", description = "Pairs of each person's items answered (default:"
            + " ${DEFAULT-VALUE}).")
    int pairs;

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
        LambdaFit.Result r = EngineWorkspace.run(() -> new LambdaFit(population, catalog.vectors(), entry.prior(), pairs,
                priorSamples, seed).fit());
        String current = catalog.lambda().isPresent() ? String.format(Locale.ROOT, "%.4g", catalog.lambda().getAsDouble())
                : "none";
        System.out.printf(Locale.ROOT, "lambda fitted to %d answers of %d people of the prior's population: %.4g"
                + " (log-likelihood %.1f nats, %.3f per answer); the catalog's lambda: %s%n", r.answers(), r.people(),
                r.lambda(), r.logLikelihood(), r.logLikelihood() / r.answers(), current);
        if (write) {
            Map<String, Object> fit = new LinkedHashMap<>();
            fit.put("method", "maximum marginal likelihood under the prior of recorded answers (fit-lambda)");
            fit.put("answersFrom", answersFrom.toString());
            fit.put("people", r.people());
            fit.put("answers", r.answers());
            fit.put("lambda", r.lambda());
            fit.put("previousLambda", catalog.lambda().isPresent() ? catalog.lambda().getAsDouble() : null);
            CatalogWriter.rewriteManifest(catalogDir, catalog.manifest().withLambda(r.lambda(), "lambdaFit", fit));
            System.out.printf(Locale.ROOT, "wrote lambda %.4g into %s%n", r.lambda(), catalogDir.resolve("manifest.json"));
        }
        return 0;
    }
}
