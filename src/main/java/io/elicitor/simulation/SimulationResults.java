package io.elicitor.simulation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * The results of one simulation run, as the results JSON that {@code simulate --out} writes and
 * {@code --compare-to} reads back. The JSON is an interface that scripts read (evoi/README.md, "Simulation
 * harness"): the names and order of these components are its field names and order, so they must not change.
 *
 * @param strategies each strategy's summary over its finished users, in the order they were asked for
 * @param paired every other strategy minus the first ({@link Simulation#pairedDifferences})
 * @param pairedWithPlain each {@code name@factor} minus {@code name} ({@link Simulation#pairedWithPlain})
 * @param comparedTo this run against an earlier run's file; {@code null}, and left out of the JSON, without one
 * @param perUserRegret each strategy's regret curves user by user, {@code null} for users not finished
 * @param config what was simulated and how
 * @param complete whether every strategy has every user (false in the files written while running)
 * @param seconds wall-clock seconds from the start of the run to this result
 */
public record SimulationResults(Map<String, StrategySummary> strategies, Map<String, PairedDifference> paired,
                                Map<String, PairedDifference> pairedWithPlain,
                                @JsonInclude(JsonInclude.Include.NON_NULL) Comparison comparedTo,
                                Map<String, double[][]> perUserRegret, Config config, boolean complete, double seconds) {

    // Lenient on reading: files of other code versions may carry fields this one does not know.
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * What was simulated and how ({@code config} in the JSON).
     *
     * @param catalog catalog id
     * @param catalogVersion catalog version
     * @param items items in the catalog
     * @param dimension dimension of the item vectors
     * @param prior description of the prior the engine starts from
     * @param users simulated users, from the users file and drawn from the prior together
     * @param usersFile the users file as given, {@code null} without one
     * @param syntheticUsers users drawn from the prior
     * @param queries answers per user T
     * @param slate items per query k
     * @param lambda inverse temperature of the users' logit and of the model
     * @param noiseless whether users always picked their truly best item
     * @param particles particles M
     * @param poolMeanTop items taken into the candidate pool by posterior mean
     * @param poolSamples Thompson samples whose best item joins the pool
     * @param exhaustiveMaxSlates slates the exhaustive strategy scores per query
     * @param seed seed of everything
     * @param threads users simulated in parallel
     * @param viaHttp URL of the service driven, {@code null} in process
     * @param strategies strategies in the order asked for
     * @param usersFingerprint {@link RunComparison#fingerprint} of the users, seeds and T
     * @param compareTo the earlier results file as given, {@code null} without one
     * @param queryKind the questions asked, partial or mixed; {@code null} (absent) for item questions, so item runs
     *                  keep the format they always had
     * @param partialAttributes attributes a partial query shows; {@code null} (absent) for item questions
     * @param allowRepeats whether a slate whose every pair was already compared could be asked again (files written
     *                     before the rule have no such field: repeats were allowed then)
     */
    public record Config(String catalog, String catalogVersion, int items, int dimension, String prior, int users,
                         String usersFile, int syntheticUsers, int queries, int slate, double lambda, boolean noiseless,
                         int particles, int poolMeanTop, int poolSamples, long exhaustiveMaxSlates, long seed, int threads,
                         String viaHttp, List<String> strategies, String usersFingerprint, String compareTo,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String queryKind,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Integer partialAttributes,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Boolean allowRepeats) {}

    /**
     * This run against an earlier run of the same users ({@code comparedTo} in the JSON).
     *
     * @param file the earlier results file as given
     * @param paired each strategy's regret here minus there ({@link RunComparison#against})
     * @param changedUsers each strategy's users whose curve differs from there ({@link RunComparison#changedUsers})
     */
    public record Comparison(String file, Map<String, PairedDifference> paired, Map<String, Integer> changedUsers) {}

    /**
     * What {@code sim} has finished so far; with {@code earlier} (the run read from {@code config.compareTo()},
     * else {@code null}) also compared with it. Complete only when {@code complete} and every user has finished.
     */
    public static SimulationResults of(Simulation sim, Config config, SimulationResults earlier, boolean complete,
                                       double seconds) {
        if ((earlier == null) != (config.compareTo() == null)) {
            throw new IllegalArgumentException("an earlier run comes with the name of its file, and only then");
        }
        var strategies = sim.summaries();
        var paired = sim.pairedDifferences();
        var pairedWithPlain = sim.pairedWithPlain();
        // The curves are read once, so the comparison and perUserRegret describe the same users.
        Map<String, double[][]> curves = sim.regretsByUser();
        Comparison comparedTo = earlier == null ? null : new Comparison(config.compareTo(),
                RunComparison.against(curves, earlier.perUserRegret(), config.compareTo()),
                RunComparison.changedUsers(curves, earlier.perUserRegret()));
        return new SimulationResults(strategies, paired, pairedWithPlain, comparedTo, curves, config,
                complete && sim.complete(), seconds);
    }

    /**
     * Writes the JSON to {@code file} atomically (through {@code file.tmp}), so that a reader, or a run
     * interrupted while writing, never sees half a file.
     */
    public void write(Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        // Indented objects, but each array on one line: per-user curves would otherwise take a line a number.
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter();
        printer.indentArraysWith(DefaultPrettyPrinter.FixedSpaceIndenter.instance);
        new ObjectMapper().writer(printer).writeValue(tmp.toFile(), this);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Reads a results JSON; fields it lacks are left {@code null} or 0, fields it has beyond these are ignored. */
    public static SimulationResults read(Path file) throws IOException {
        return MAPPER.treeToValue(MAPPER.readTree(file.toFile()), SimulationResults.class);
    }

    /**
     * Reads an earlier run's results to pair this run's users with, refusing a file without per-user curves
     * or one whose {@code usersFingerprint} is not {@code fingerprint}: other users, seeds or T, which cannot
     * be paired with this run's. Refusals are {@link IllegalArgumentException}s whose message starts with the file.
     */
    public static SimulationResults readToPairWith(Path file, String fingerprint) {
        JsonNode root;
        try {
            root = MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read it as JSON: " + e.getMessage());
        }
        // Checked on the tree, before binding, so that older files are refused for what they lack.
        String theirs = root.path("config").path("usersFingerprint").asText(null);
        if (theirs == null || !root.path("perUserRegret").isObject()) {
            throw new IllegalArgumentException(file + ": no per-user results in it (written by an older simulate?);"
                    + " rerun that side with this version");
        }
        if (!theirs.equals(fingerprint)) {
            throw new IllegalArgumentException(file + ": it simulated other users, seeds or number of answers"
                    + " (usersFingerprint differs), so its users cannot be paired with this run's");
        }
        try {
            return MAPPER.treeToValue(root, SimulationResults.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": cannot read it as JSON: " + e.getMessage());
        }
    }
}
