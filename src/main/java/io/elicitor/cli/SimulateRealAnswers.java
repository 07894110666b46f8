package io.elicitor.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.elicitor.catalog.Catalog;
import io.elicitor.catalog.CatalogRegistry;
import io.elicitor.evoi.Seeds;
import io.elicitor.evoi.planner.EngineSettings;
import io.elicitor.evoi.planner.StrategyRegistry;
import io.elicitor.simulation.RegretPlot;
import io.elicitor.simulation.people.Measures;
import io.elicitor.simulation.people.Person;
import io.elicitor.simulation.people.PersonTrace;
import io.elicitor.simulation.people.RealAnswerResults;
import io.elicitor.simulation.people.RealAnswerRunner;
import io.elicitor.simulation.people.RecordedAnswers;
import io.elicitor.simulation.people.TestPeople;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import me.tongfei.progressbar.ProgressBar;

/** {@code simulate --answers-from}: every strategy's questions answered by real people from their records. */
final class SimulateRealAnswers {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int[] SHOWN = {0, 1, 2, 4, 6, 10};

    /** What the run needs of {@code simulate}'s other options. */
    record Run(Catalog catalog, CatalogRegistry.Entry entry, StrategyRegistry registry, List<String> strategies,
               EngineSettings settings, int slate, int queries, long seed, int threads, Path out, Path plot,
               boolean allowRepeats) {}

    private SimulateRealAnswers() {}

    /** Runs; {@code simulatedUserOptions} says whether options only simulated users take were given (refused). */
    static int run(RealAnswerOptions o, Run r, boolean simulatedUserOptions) throws Exception {
        long started = System.nanoTime();
        if (simulatedUserOptions) {
            throw new IllegalArgumentException("--answers-from asks real people item questions in process: leave out"
                    + " --users, --synthetic-users, --via-http, --compare-to, --noiseless and --query-kind");
        }
        if (o.answersFormat == null) {
            throw new IllegalArgumentException("--answers-from needs --answers-format sushi-order or ratings");
        }
        RecordedAnswers.Format format = RecordedAnswers.Format.parse(o.answersFormat);
        RecordedAnswers.Readout read = RecordedAnswers.read(o.answersFrom, format, r.catalog());
        List<Person> people = new ArrayList<>(TestPeople.of(read.people(), r.catalog(), listed(o.testPeople)));
        people.removeIf(p -> p.size() < r.slate());
        if (o.people != null && o.people < people.size()) {
            Collections.shuffle(people, new Random(Seeds.mix(r.seed(), 0x9E0_91EL)));
            people = new ArrayList<>(people.subList(0, o.people));
        }
        people.sort(Comparator.comparingInt(Person::id));
        if (people.isEmpty()) {
            throw new IllegalArgumentException("no test people: the answers file has nobody held out of catalog "
                    + r.catalog().id() + "'s embedding with at least " + r.slate() + " items it knows");
        }
        String rule = o.testPeople != null ? "listed in " + o.testPeople : "held out of the embedding"
                + (o.people != null ? ", " + people.size() + " drawn by the seed" : "");
        RealAnswerRunner runner = new RealAnswerRunner(r.entry().search(), r.entry().prior(), r.settings(),
                r.registry(), r.slate(), r.queries(), r.allowRepeats());
        Map<String, PersonTrace[]> traces = new LinkedHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(r.threads());
        try (ProgressBar bar = Progress.bar("people", (long) people.size() * r.strategies().size())) {
            for (String s : r.strategies()) {
                PersonTrace[] done = new PersonTrace[people.size()];
                List<Future<?>> futures = new ArrayList<>();
                for (int i = 0; i < people.size(); i++) {
                    int at = i;
                    Person p = people.get(i);
                    futures.add(pool.submit(() -> {
                        done[at] = runner.run(p, s, Seeds.mix(r.seed(), p.id()));
                        bar.step();
                    }));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
                traces.put(s, done);
            }
        } finally {
            pool.shutdownNow();
        }
        var config = new RealAnswerResults.Config(r.catalog().id(), r.catalog().version(), o.answersFrom.toString(),
                o.answersFormat, people.size(), rule, read.droppedItems(), r.queries(), r.slate(), r.settings().lambda(),
                r.settings().particles(), r.seed(), r.strategies(), r.allowRepeats());
        RealAnswerResults results = RealAnswerResults.of(config, traces, people, (System.nanoTime() - started) / 1e9);
        if (r.out() != null) {
            JSON.writeValue(r.out().toFile(), results);
        }
        System.out.print(table(results));
        if (r.plot() != null) {
            Map<String, double[][]> curves = new LinkedHashMap<>();
            results.strategies().forEach((s, x) -> curves.put(s, x.bayes().get("position")));
            RegretPlot.writeCurves(curves, String.format(Locale.ROOT, "%s, real answers from %s: %d people, k=%d",
                    r.catalog().id(), o.answersFrom.getFileName(), people.size(), r.slate()),
                    "position of the top recommendation in the person's order (0 = favourite)", r.plot());
        }
        return 0;
    }

    /** The table printed: position by t with intervals, the logit's on the same answers, paired differences. */
    static String table(RealAnswerResults results) {
        StringBuilder b = new StringBuilder();
        int last = results.config().queries();
        int[] ts = Arrays.stream(SHOWN).filter(t -> t <= last).toArray();
        b.append(String.format(Locale.ROOT, "position of the top recommendation (0 = favourite), %d people; random"
                + " pick %.2f%n", results.config().people(), results.randomPick().get("position")[0]));
        b.append(String.format(Locale.ROOT, "%-20s", "strategy \\ t"));
        for (int t : ts) {
            b.append(String.format(Locale.ROOT, "%20d", t));
        }
        b.append(String.format(Locale.ROOT, "%9s %7s %7s %8s %6s%n", "ms/q", "ties", "repeats", "plateau", "asked"));
        results.strategies().forEach((s, x) -> {
            row(b, s, x.bayes().get("position"), ts);
            b.append(String.format(Locale.ROOT, "%9.1f %7d %7d %8.3f %6.2f%n", x.msPerQuery(), x.ties(),
                    x.repeatedSlates(), x.plateauShare(), x.askedPosition()));
            row(b, "  mnl, same answers", x.mnl().get("position"), ts);
            b.append(System.lineSeparator());
            if (x.positionMinusReference() != null) {
                var d = x.positionMinusReference();
                row(b, "  minus " + d.reference(), new double[][] {d.difference(), d.low(), d.high()}, ts);
                b.append(System.lineSeparator());
            }
        });
        b.append("hit@1 / hit@3 / NDCG@3 at t = ").append(last).append(": ").append(results.strategies().entrySet()
                .stream().map(e -> String.format(Locale.ROOT, "%s %.3f / %.3f / %.3f", e.getKey(),
                        at(e.getValue().bayes(), "hit1", last), at(e.getValue().bayes(), "hit3", last),
                        at(e.getValue().bayes(), "ndcg3", last))).collect(Collectors.joining("; ")))
                .append(System.lineSeparator());
        return b.toString();
    }

    private static double at(Map<String, double[][]> m, String name, int t) {
        return m.get(name)[0][t];
    }

    private static void row(StringBuilder b, String name, double[][] c, int[] ts) {
        b.append(String.format(Locale.ROOT, "%-20s", name));
        for (int t : ts) {
            b.append(String.format(Locale.ROOT, "%20s", String.format(Locale.ROOT, "%.2f [%.2f, %.2f]", c[0][t], c[1][t],
                    c[2][t])));
        }
    }

    private static Set<Integer> listed(Path file) throws java.io.IOException {
        if (file == null) {
            return null;
        }
        return Arrays.stream(Files.readString(file).split("[\\s,]+")).filter(s -> !s.isBlank())
                .map(s -> Integer.parseInt(s.trim())).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }
}
