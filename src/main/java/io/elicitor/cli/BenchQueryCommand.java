package io.elicitor.cli;

import io.elicitor.catalog.Catalog;
import io.elicitor.catalog.CatalogException;
import io.elicitor.catalog.CatalogLoader;
import io.elicitor.catalog.CatalogRegistry;
import io.elicitor.evoi.Buffers;
import io.elicitor.evoi.EngineWorkspace;
import io.elicitor.evoi.ItemMatrix;
import io.elicitor.evoi.Seeds;
import io.elicitor.evoi.belief.GaussianPrior;
import io.elicitor.evoi.belief.Logit;
import io.elicitor.evoi.belief.MultinomialLogit;
import io.elicitor.evoi.belief.Posterior;
import io.elicitor.evoi.belief.Prior;
import io.elicitor.evoi.partial.AttributeSpace;
import io.elicitor.evoi.partial.GradientPartial;
import io.elicitor.evoi.partial.PartialContext;
import io.elicitor.evoi.partial.PartialStrategy;
import io.elicitor.evoi.planner.StrategyRegistry;
import io.elicitor.evoi.strategy.QueryContext;
import io.elicitor.evoi.strategy.QueryStrategy;
import io.elicitor.evoi.value.CandidatePool;
import io.elicitor.evoi.value.InnerProductSearch;
import io.elicitor.evoi.value.PoolEvaluator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code elicitor bench-query}: the quality and latency of query strategies side by side on the same
 * posteriors. For each of {@code --repeats} simulated users (drawn from the prior, answering
 * {@code --answers} greedy-EUS queries by the logit), it builds the candidate pool, lets every strategy
 * choose a slate, and scores each slate by exact EVOI over that same pool. Prints one JSON line per strategy.
 *
 * <p>{@code msPerQuery} is the wall time of {@code strategy.select(context)} alone, with the candidate pool
 * and its particle-by-pool scores already built; building those is reported separately as
 * {@code msPoolP50}. Each repeat runs in one ND4J workspace, as a service request does; {@code --warmup}
 * extra repeats run first and are not recorded (JIT, workspace sizing). Percentiles are nearest-rank over
 * the repeats. Does not start Quarkus.
 */
@Command(name = "bench-query", mixinStandardHelpOptions = true,
        description = "Benchmark query strategies: exact EVOI and milliseconds per query on simulated posteriors.")
final class BenchQueryCommand implements Callable<Integer> {
    @Option(names = "--items", defaultValue = "2000", description = "Synthetic catalog size N (default: ${DEFAULT-VALUE}).")
    int items;

    @Option(names = "--dim", defaultValue = "32", description = "Synthetic catalog dimension d (default: ${DEFAULT-VALUE}).")
    int dim;

    @Option(names = "--catalog", description = "Use this catalog folder instead of a synthetic one.")
    Path catalog;

    @Option(names = "--particles", defaultValue = "1024", description = "Particles M (default: ${DEFAULT-VALUE}).")
    int particles;

    @Option(names = "--slate", defaultValue = "2", description = "Slate size k, 2..6 (default: ${DEFAULT-VALUE}).")
    int slate;

    @Option(names = "--answers", defaultValue = "3", description = "Simulated answers before the measured query (default: ${DEFAULT-VALUE}).")
    int answers;

    @Option(names = "--pool", defaultValue = "256", description = "Candidate pool size P (default: ${DEFAULT-VALUE}).")
    int pool;

    @Option(names = "--strategies", split = ",", description = "Strategies to compare (default: every one that asks"
            + " this kind of query: gradient,exhaustive,greedy-eus,query-iteration,thompson,exploit,random for items;"
            + " gradient,exhaustive,greedy-eus,random for partial).")
    List<String> strategies;

    @Option(names = "--query-kind", defaultValue = "items", description = "items or partial (default: ${DEFAULT-VALUE}).")
    String queryKind;

    @Option(names = "--partial-attributes", defaultValue = "2",
            description = "Attributes a partial query shows, 1..4 (default: ${DEFAULT-VALUE}).")
    int partialAttributes;

    @Option(names = "--repeats", defaultValue = "30", description = "Posteriors measured (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--warmup", defaultValue = "3", description = "Unrecorded warm-up repeats (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--lambda", defaultValue = "2.0", description = "Logit inverse temperature (default: ${DEFAULT-VALUE}).")
    double lambda;

    @Option(names = "--search", defaultValue = "exact",
            description = "Inner-product search of a synthetic catalog: exact or ann (default: ${DEFAULT-VALUE}).")
    String searchKind;

    @Option(names = "--paired-with", description = "Compare every strategy with this one on the same posteriors"
            + " (mean paired EVOI difference, its 95%% half-width, repeats above and below).")
    String pairedWith;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of everything (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws CatalogException {
        validate();
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        boolean partial = "partial".equals(queryKind);
        List<String> names = strategies != null ? strategies : partial ? List.copyOf(StrategyRegistry.partialNames())
                : List.of("gradient", "exhaustive", "greedy-eus", "query-iteration", "thompson", "exploit", "random");
        StrategyRegistry registry = StrategyRegistry.builtIn();
        List<QueryStrategy> chosen = new ArrayList<>();
        List<PartialStrategy> partialChosen = new ArrayList<>();
        for (String name : names) {
            if (partial) {
                partialChosen.add(name.trim().equals("gradient-no-ascent") ? GradientPartial.withoutAscent()
                        : StrategyRegistry.partial(name.trim()).orElseThrow(() -> new IllegalArgumentException(
                                StrategyRegistry.unknownPartial(name))));
            } else {
                chosen.add(BenchItems.strategy(registry, name.trim()).orElseThrow(() -> new IllegalArgumentException(
                        registry.unknown(name))));
            }
        }
        List<String> chosenNames = partial ? partialChosen.stream().map(PartialStrategy::name).toList()
                : chosen.stream().map(QueryStrategy::name).toList();
        AttributeSpace space = null;
        long t0 = System.nanoTime();
        InnerProductSearch search;
        Prior prior;
        if (catalog != null) {
            Catalog c = CatalogLoader.load(catalog);
            CatalogRegistry.Entry entry = new CatalogRegistry().register(c);
            search = entry.search();
            prior = entry.prior();
            space = entry.attributes().orElse(null);
        } else {
            float[] x = syntheticItems(items, dim, Seeds.random(seed, 0));
            search = BenchItems.search(searchKind, new ItemMatrix(Buffers.fromArray(x, items, dim)));
            prior = GaussianPrior.scaledTo(search.items());
        }
        ItemMatrix matrix = search.items();
        if (partial && space == null) {
            throw new IllegalArgumentException("--query-kind partial needs a --catalog with an attribute schema"
                    + " (built by embed --attributes)");
        }
        if (partial && (partialAttributes > space.size() || slate > PartialContext.MAX_OPTIONS)) {
            throw new IllegalArgumentException("--partial-attributes must be at most " + space.size()
                    + " here and --slate at most " + PartialContext.MAX_OPTIONS);
        }
        AttributeSpace attributes = space;
        if (slate > matrix.size()) {
            throw new IllegalArgumentException("--slate " + slate + " exceeds the catalog's " + matrix.size() + " items");
        }
        System.err.printf(Locale.ROOT, "bench-query: catalog %d x %d ready in %d ms%n", matrix.size(), matrix.dimension(),
                (System.nanoTime() - t0) / 1_000_000);

        int s = chosenNames.size();
        double[][] evoi = new double[s][repeats];
        double[][] ms = new double[s][repeats];
        double[] poolMs = new double[repeats];
        int[] poolSizes = new int[repeats];
        long started = System.nanoTime();
        for (int r = -warmup; r < repeats; r++) {
            if (r >= 0 && r % 5 == 0) {
                System.err.printf(Locale.ROOT, "bench-query: repeat %d of %d (%.0f s)%n", r, repeats,
                        (System.nanoTime() - started) / 1e9);
            }
            Posterior posterior = BenchPosteriors.simulated(this, search, prior, r);
            int rep = r;
            double[][] row = EngineWorkspace.run(() -> partial
                    ? BenchPartial.measure(search, posterior, attributes, partialChosen, this, rep)
                    : measure(search, posterior, chosen, rep));
            if (r >= 0) {
                for (int i = 0; i < s; i++) {
                    evoi[i][r] = row[0][i];
                    ms[i][r] = row[1][i];
                }
                poolMs[r] = row[2][0];
                poolSizes[r] = (int) row[2][1];
            }
        }

        int reference = pairedWith == null ? -1 : chosenNames.indexOf(pairedWith);
        if (pairedWith != null && reference < 0) {
            throw new IllegalArgumentException("--paired-with " + pairedWith + " is not among --strategies");
        }
        double bestMean = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < s; i++) {
            bestMean = Math.max(bestMean, mean(evoi[i]));
        }
        for (int i = 0; i < s; i++) {
            double meanEvoi = mean(evoi[i]);
            System.out.printf(Locale.ROOT, "{\"strategy\":\"%s\",%s\"items\":%d,\"particles\":%d,\"slate\":%d,\"evoi\":%.6g,"
                            + "\"evoiRatioToBest\":%.4f,\"msPerQueryP50\":%.3f,\"msPerQueryP99\":%.3f,\"pool\":%d,"
                            + "\"msPoolP50\":%.3f,\"repeats\":%d,\"answers\":%d,\"dim\":%d,\"lambda\":%s,\"seed\":%d}%n",
                    chosenNames.get(i), partial ? BenchPartial.fields(partialAttributes, evoi[i],
                            chosenNames.contains("greedy-eus") ? evoi[chosenNames.indexOf("greedy-eus")] : null)
                            : reference >= 0 ? BenchItems.pairedFields(pairedWith, evoi[i], evoi[reference]) : "", matrix.size(), particles, slate, meanEvoi,
                    bestMean > 0 ? meanEvoi / bestMean : 1.0, percentile(ms[i], 0.50), percentile(ms[i], 0.99),
                    (int) Math.round(mean(toDouble(poolSizes))), percentile(poolMs, 0.50), repeats, answers,
                    matrix.dimension(), lambda, seed);
        }
        return 0;
    }

    /** One repeat: pool, evaluator, every strategy's slate with its exact EVOI and time. Java values only. */
    private double[][] measure(InnerProductSearch search, Posterior posterior, List<QueryStrategy> chosen, int r) {
        MultinomialLogit model = new MultinomialLogit(lambda);
        BitSet none = new BitSet();
        long p0 = System.nanoTime();
        CandidatePool candidates = CandidatePool.ofSize(posterior, search, pool, Math.max(1, pool / 4), none,
                Seeds.random(seed, 3_000_000L + r));
        PoolEvaluator evaluator = new PoolEvaluator(posterior, model, search.items(), candidates);
        double poolTime = (System.nanoTime() - p0) / 1e6;
        double[][] out = new double[3][chosen.size()];
        for (int i = 0; i < chosen.size(); i++) {
            QueryStrategy strategy = chosen.get(i);
            // The gradient ablations draw the same seeds and screening particles as gradient itself, so their
            // paired differences are what the ablated part adds, not a different random draw.
            String stream = strategy.name().startsWith("gradient-") ? "gradient" : strategy.name();
            Random rng = Seeds.random(seed ^ stream.hashCode(), 4_000_000L + r);
            QueryContext context = new QueryContext(posterior, model, search, evaluator, slate, none, rng);
            long t = System.nanoTime();
            int[] picked = strategy.select(context);
            out[1][i] = (System.nanoTime() - t) / 1e6;
            if (picked.length != slate || Arrays.stream(picked).distinct().count() != slate) {
                throw new IllegalStateException(strategy.name() + " returned " + Arrays.toString(picked));
            }
            out[0][i] = evaluator.evoi(picked);
        }
        out[2] = new double[] {poolTime, candidates.size()};
        return out;
    }

    /** N items with independent N(0, 1/d) coordinates (norms near 1), row-major. */
    static float[] syntheticItems(int n, int d, Random rng) {
        float[] x = new float[n * d];
        double scale = 1.0 / Math.sqrt(d);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (rng.nextGaussian() * scale);
        }
        return x;
    }

    private void validate() {
        if (catalog == null && (items < 2 || dim < 1 || (long) items * dim > Integer.MAX_VALUE - 8)) {
            throw new IllegalArgumentException("--items must be >= 2 and --dim >= 1 (items*dim < 2^31)");
        }
        if (slate < 2 || slate > 6) {
            throw new IllegalArgumentException("--slate must be between 2 and 6, got " + slate);
        }
        if (particles < 2 || answers < 0 || repeats < 1 || warmup < 0 || pool < slate) {
            throw new IllegalArgumentException("need --particles >= 2, --answers >= 0, --repeats >= 1, --warmup >= 0,"
                    + " --pool >= --slate");
        }
        if (!(lambda > 0) || !Double.isFinite(lambda)) {
            throw new IllegalArgumentException("--lambda must be positive, got " + lambda);
        }
        if (!queryKind.equals("items") && !queryKind.equals("partial") || partialAttributes < 1 || partialAttributes > 4) {
            throw new IllegalArgumentException("--query-kind must be items or partial and --partial-attributes 1..4");
        }
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double[] toDouble(int[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }

    /** Nearest-rank percentile. */
    static double percentile(double[] v, double q) {
        double[] s = v.clone();
        Arrays.sort(s);
        int rank = (int) Math.ceil(q * s.length);
        return s[Math.max(0, Math.min(s.length - 1, rank - 1))];
    }
}
