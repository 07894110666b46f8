package io.elicitor.cli;

import io.elicitor.catalog.Catalog;
import io.elicitor.catalog.CatalogLoader;
import io.elicitor.catalog.CatalogRegistry;
import io.elicitor.evoi.EngineWorkspace;
import io.elicitor.evoi.Seeds;
import io.elicitor.evoi.belief.MultinomialLogit;
import io.elicitor.evoi.belief.Posterior;
import io.elicitor.evoi.gradient.StackedObjective;
import io.elicitor.evoi.partial.AttributeSpace;
import io.elicitor.evoi.partial.GradientPartial;
import io.elicitor.evoi.partial.PartialContext;
import io.elicitor.evoi.partial.PartialQuery;
import io.elicitor.evoi.value.CandidatePool;
import io.elicitor.evoi.value.PoolEvaluator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code elicitor bench-batch}: the cross-session batching a GPU would need, measured on the CPU. Partial-item
 * questions ({@code gradient}) for many sessions, chosen one session at a time ({@code select}) and with the
 * ascents of S sessions stacked into one set of tensors ({@code selectAll}, in both {@link StackedObjective.Form}s),
 * by T threads kept busy for a fixed time: questions per second, the wait of each call and the process's resident
 * size after the line, per S and T.
 */
@Command(name = "bench-batch", mixinStandardHelpOptions = true,
        description = "Throughput of partial-item questions (gradient) chosen one session at a time and with S sessions'"
                + " ascents stacked (five batched products per step, in both forms), on T busy threads. Does not start"
                + " the server.")
final class BenchBatchCommand implements Callable<Integer> {
    /** Unrecorded calls per thread before the measured time. */
    private static final int WARMUP_CALLS = 3;

    @Option(names = "--catalog", defaultValue = "item-catalog/cars",
            description = "Catalog directory with an attribute schema (default: ${DEFAULT-VALUE}).")
    Path catalog;

    @Option(names = "--sessions", split = ",", defaultValue = "1,4,16",
            description = "Batch sizes S of the stacked calls; select alone, and without its ascent, are measured"
                    + " on every T too (default: ${DEFAULT-VALUE}).")
    List<Integer> sessions;

    @Option(names = "--threads", split = ",", defaultValue = "1,2",
            description = "Busy threads T (default: ${DEFAULT-VALUE}).")
    List<Integer> threads;

    @Option(names = "--seconds", defaultValue = "20", description = "Measured seconds per line (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--posteriors", defaultValue = "32",
            description = "Distinct session beliefs the calls cycle through (default: ${DEFAULT-VALUE}).")
    int posteriors;

    @Option(names = "--answers", defaultValue = "3", description = "Random answers behind each belief (default: ${DEFAULT-VALUE}).")
    int answers;

    @Option(names = "--particles", defaultValue = "1024", description = "Particles M (default: ${DEFAULT-VALUE}).")
    int particles;

    @Option(names = "--pool", defaultValue = "96", description = "Pool size P (default: ${DEFAULT-VALUE}).")
    int pool;

    @Option(names = "--slate", defaultValue = "2", description = "Options k (default: ${DEFAULT-VALUE}).")
    int slate;

    @Option(names = "--partial-attributes", defaultValue = "2", description = "Attributes shown (default: ${DEFAULT-VALUE}).")
    int partialAttributes;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of everything (default: ${DEFAULT-VALUE}).")
    long seed;

    private CatalogRegistry.Entry entry;
    private AttributeSpace space;
    private MultinomialLogit model;
    private final List<Posterior> beliefs = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        if (sessions.stream().anyMatch(s -> s < 1) || threads.stream().anyMatch(t -> t < 1) || !(seconds > 0)
                || posteriors < 1 || answers < 0) {
            throw new IllegalArgumentException("--sessions and --threads >= 1, --seconds > 0, --posteriors >= 1 and"
                    + " --answers >= 0 required");
        }
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        Catalog c = CatalogLoader.load(catalog);
        entry = new CatalogRegistry().register(c);
        space = entry.attributes().orElseThrow(() -> new IllegalArgumentException(
                "--catalog needs an attribute schema (built by embed --attributes)"));
        model = new MultinomialLogit(c.lambda().orElse(2.0));
        for (int i = 0; i < posteriors; i++) {
            beliefs.add(BenchPosteriors.randomPairs(entry, model, particles, answers, Seeds.random(seed, 5_000_000L + i)));
        }
        GradientPartial gradient = new GradientPartial();
        System.out.printf(Locale.ROOT, "catalog %s: %d items x %d, lambda %.3g, M %d, P %d, k %d, s %d, %d beliefs,"
                        + " cores %d%n", catalog, c.size(), c.dimension(), model.lambda(), particles, pool, slate,
                partialAttributes, posteriors, Runtime.getRuntime().availableProcessors());
        for (StackedObjective.Form form : StackedObjective.Form.values()) {
            System.out.println("same questions stacked (" + form + ") as alone, first " + Math.min(8, posteriors)
                    + " beliefs: " + identical(gradient, form, Math.min(8, posteriors)));
        }
        for (int t : threads) {
            measure("select", t, 1, null, gradient);
            // The same questions' seeds, refinement and exact scoring without the ascent: what stacking cannot touch.
            measure("select-without-ascent", t, 1, null, GradientPartial.withoutAscent());
            for (StackedObjective.Form form : StackedObjective.Form.values()) {
                for (int s : sessions) {
                    measure(form == StackedObjective.Form.HOST_LOOPS ? "stacked-host-loops" : "stacked-tensor-ops",
                            t, s, form, gradient);
                }
            }
        }
        return 0;
    }

    /** Whether selectAll over the first n beliefs asks exactly what select asks of each. */
    private String identical(GradientPartial gradient, StackedObjective.Form form, int n) {
        List<PartialQuery> batched = EngineWorkspace.run(() -> gradient.selectAll(contexts(0, n), form));
        int same = 0;
        for (int i = 0; i < n; i++) {
            int first = i;
            PartialQuery alone = EngineWorkspace.run(
                    () -> gradient.select(contexts(first, 1).get(0)));
            same += Arrays.equals(alone.options(), batched.get(i).options())
                    && Arrays.equals(alone.attributes(), batched.get(i).attributes()) ? 1 : 0;
        }
        return same + " of " + n;
    }

    /**
     * One line labelled {@code mode}: T threads, each calling select (form null) or selectAll over S sessions back to back: {@link #WARMUP_CALLS}
     * unrecorded calls each (the engine workspace learns its size over two), then calls for the measured time.
     * The rate counts the calls started in it, over the time until the last of them returned.
     */
    private void measure(String mode, int t, int s, StackedObjective.Form form, GradientPartial gradient)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(t);
        CyclicBarrier warm = new CyclicBarrier(t);
        AtomicLong start = new AtomicLong();
        try {
            List<Future<List<double[]>>> runs = new ArrayList<>();
            for (int thread = 0; thread < t; thread++) {
                int first = thread * 7;
                runs.add(pool.submit(() -> {
                    List<double[]> waits = new ArrayList<>();
                    int at = first;
                    for (int call = 0; ; call++) {
                        if (call == WARMUP_CALLS) {
                            warm.await();
                            start.compareAndSet(0, System.nanoTime());
                        }
                        if (call >= WARMUP_CALLS && System.nanoTime() - start.get() > seconds * 1e9) {
                            Nd4j.getWorkspaceManager().destroyAllWorkspacesForCurrentThread(); // the next line's threads are new
                            return waits;
                        }
                        int from = at;
                        at += s;
                        long t0 = System.nanoTime();
                        // Each question's pool is built in the call, as a request builds it.
                        EngineWorkspace.run(() -> {
                            List<PartialContext> batch = contexts(from, s);
                            return form != null ? gradient.selectAll(batch, form) : List.of(gradient.select(batch.get(0)));
                        });
                        long t1 = System.nanoTime();
                        if (call >= WARMUP_CALLS) {
                            waits.add(new double[] {(t1 - t0) / 1e6, (t1 - start.get()) / 1e9});
                        }
                    }
                }));
            }
            List<double[]> waits = new ArrayList<>();
            for (Future<List<double[]>> run : runs) {
                waits.addAll(run.get());
            }
            double[] w = waits.stream().mapToDouble(x -> x[0]).toArray();
            double span = waits.stream().mapToDouble(x -> x[1]).max().orElse(Double.NaN);
            System.out.printf(Locale.ROOT, "{\"mode\":\"%s\",\"sessionsPerCall\":%d,\"threads\":%d,\"questionsPerSecond\":%.2f,"
                            + "\"msPerCallP50\":%.1f,\"msPerCallP99\":%.1f,\"calls\":%d,\"seconds\":%.1f,\"rssMB\":%d}%n",
                    mode, s, t, w.length * s / span, BenchQueryCommand.percentile(w, 0.50),
                    BenchQueryCommand.percentile(w, 0.99), w.length, span, residentMegabytes());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Contexts for S sessions, beliefs taken round robin from {@code first}; pools and random sources seeded by
     * belief. Call inside the engine workspace that will use them.
     */
    private List<PartialContext> contexts(int first, int s) {
        List<PartialContext> out = new ArrayList<>();
        for (int i = 0; i < s; i++) {
            int b = (first + i) % beliefs.size();
            Posterior belief = beliefs.get(b);
            CandidatePool candidates = CandidatePool.ofSize(belief, entry.search(), pool, Math.max(1, pool / 4), null,
                    Seeds.random(seed, 6_000_000L + b));
            PoolEvaluator evaluator = new PoolEvaluator(belief, model, entry.search().items(), candidates);
            out.add(new PartialContext(evaluator, entry.search().items(), space, slate, partialAttributes,
                    Seeds.random(seed, 7_000_000L + b)));
        }
        return out;
    }

    /** The process's resident size now (Linux {@code /proc/self/status}), or -1 where it cannot be read. */
    private static long residentMegabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
